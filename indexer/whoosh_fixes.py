"""Corrections to Whoosh-Reloaded 2.7.5 that the index depends on, applied on import.

Kept in one place, each with the measurement that made it worth having.
"""
from __future__ import annotations

from whoosh.codec import whoosh3


def _cache_missing_columns() -> None:
    """Remember that a segment has no length column for a field.

    Whoosh asks a segment for each posting's field length as it writes the
    posting, and caches only length columns that exist: for a field without
    lengths (the unscored bigram and character fields, two thirds of all
    postings) every posting cost a `stat` of a file that is not there, 28% of
    a build's CPU in a profile of 600 corpus documents. A segment's files
    never change once written, so a miss stays a miss, and is answered before
    any other work.
    """
    original = whoosh3.W3PerDocReader.doc_field_length
    if getattr(original, "remembers_misses", False):
        return

    def doc_field_length(self, docnum, fieldname, default=0):
        known = self.__dict__.get("_has_lengths")
        if known is None:
            known = self._has_lengths = {}
        has = known.get(fieldname)
        if has is None:
            has = known[fieldname] = self.has_column(whoosh3._lenfield(fieldname))
        return original(self, docnum, fieldname, default) if has else default

    doc_field_length.remembers_misses = True
    whoosh3.W3PerDocReader.doc_field_length = doc_field_length


_cache_missing_columns()
