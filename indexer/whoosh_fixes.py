"""Corrections to Whoosh-Reloaded 2.7.5 that the index depends on, applied on import.

Kept in one place, each with the measurement that made it worth having.
"""
from __future__ import annotations

from whoosh.codec import whoosh3


def _cache_missing_columns() -> None:
    """Remember that a segment has no length column for a field.

    Whoosh asks a segment for each posting's field length as it writes the
    posting, and `_cached_reader` caches only columns that exist: for a field
    without lengths (the unscored bigram and character fields, two thirds of
    all postings) every posting cost a `stat` of a file that is not there,
    28% of a build's CPU in a profile of 600 corpus documents. A segment's
    files never change once written, so a miss stays a miss.
    """
    original = whoosh3.W3PerDocReader._cached_reader
    if getattr(original, "remembers_misses", False):
        return

    def cached_reader(self, fieldname, column):
        missing = self.__dict__.setdefault("_missing_columns", set())
        if fieldname in missing:
            return None
        reader = original(self, fieldname, column)
        if reader is None:
            missing.add(fieldname)
        return reader

    cached_reader.remembers_misses = True
    whoosh3.W3PerDocReader._cached_reader = cached_reader


def _inline_short_posting_lists() -> None:
    """Let the postings writer inline short posting lists, as it was meant to.

    W3PostingsWriter calls `terminfo.set_inline`, which W3TermInfo spells
    `set_inlined`, so the codec's default (inlinelimit=1) was the only value
    that worked, and every term got a block of its own in the postings file:
    about 110 bytes of header and zlib framing around a median of two
    postings. Most bigrams are rare; the writers now ask for short lists to be
    inlined in the terms file (`indexer.writer.CODEC`), and the reader has
    always known how to read them.
    """
    if not hasattr(whoosh3.W3TermInfo, "set_inline"):
        whoosh3.W3TermInfo.set_inline = whoosh3.W3TermInfo.set_inlined


_cache_missing_columns()
_inline_short_posting_lists()
