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


def _columns_answer_from_open_files() -> None:
    """A column whose file a reader opened exists for that reader.

    Whoosh opens a segment's column files (stored fields, lengths, facet
    columns) lazily and asks the folder whether each file exists first. A
    rebuild deletes the old generation's folder while searchers may still read
    it, so a file opened in time stays readable, but one asked for after the
    deletion "does not exist": stored fields came back as None mid-search and
    lengths silently defaulted. `open_column_files` opens them all when the
    searcher opens; this makes the existence check believe what is open.
    """
    original = whoosh3.W3PerDocReader.has_column
    if getattr(original, "believes_open_files", False):
        return

    def has_column(self, fieldname):
        return fieldname in self._colfiles or original(self, fieldname)

    has_column.believes_open_files = True
    whoosh3.W3PerDocReader.has_column = has_column


def open_column_files(reader) -> None:
    """Open every column file of each of the reader's segments now, while its
    generation is live (see `_columns_answer_from_open_files`).

    A rebuild may be deleting the generation as this runs: a file gone before
    it is opened raises, and so does a segment whose stored-fields column
    (which every segment with documents has) was already gone from the
    listing, so the caller opens the generation that is live now instead.
    """
    for leaf, _offset in reader.leaf_readers():
        perdoc = getattr(leaf, "_perdoc", None)
        if not isinstance(perdoc, whoosh3.W3PerDocReader):
            continue
        prefix = perdoc._segment.make_filename(".")   # "<index>_<segment id>."
        for filename in perdoc._storage.list():
            if filename.startswith(prefix) and filename.endswith(whoosh3.W3Codec.COLUMN_EXT):
                fieldname = filename[len(prefix):-len(whoosh3.W3Codec.COLUMN_EXT)]
                if fieldname not in perdoc._colfiles:
                    perdoc._colfiles[fieldname] = perdoc._get_column_file(fieldname)
        if perdoc.doc_count_all() and "_stored" not in perdoc._colfiles:
            raise FileNotFoundError(f"{prefix}_stored{whoosh3.W3Codec.COLUMN_EXT} was removed while opening")


_cache_missing_columns()
_columns_answer_from_open_files()
