"""Stored documents read with one `os.pread` each, for the page of a search.

Whoosh reads a document's stored fields through four layers (the multi-reader
finds the segment, the segment reader filters the fields by the schema, the
pickle column asks the compressed column, which seeks and reads through an
8 KB buffer): about as long again as inflating and unpickling the document
itself, and a page reads ten. The bytes are the same: Whoosh's stored-fields
column keeps each document's pickled dict deflated, at an offset its reader
already holds, so here that record is read in one call at the offset,
inflated and unpickled, exactly as Whoosh's own readers do.

A segment whose column is not of that kind (or not in a real file) is read
through Whoosh.
"""
from __future__ import annotations

import os
import pickle
import weakref
from bisect import bisect_right

from whoosh import columns
from whoosh.codec.whoosh3 import STORED_COLUMN

from .hash_lookup import has_descriptor
from .per_reader import PerReader


class _SegmentStored:
    """One segment's stored-fields column, read directly where it can be."""

    def __init__(self, reader):
        # Weakly: this object is the reader's entry in a weak-keyed cache.
        self._reader = weakref.ref(reader)
        self._direct = False
        column = reader._perdoc._cached_reader("_stored", STORED_COLUMN) \
            if hasattr(reader, "_perdoc") else None
        inner = getattr(column, "_child", None)
        if isinstance(column, columns.PickleColumn.Reader) and \
                isinstance(inner, columns.CompressedBytesColumn.Reader) and \
                has_descriptor(inner._dbfile.file):
            self._file = inner._dbfile.file
            self._base = inner._basepos
            self._offsets = inner._offsets
            self._lengths = inner._lengths
            self._decompress = inner._decompress
            self._direct = True

    def fields(self, docnum: int) -> dict:
        if not self._direct:
            return self._reader().stored_fields(docnum)
        length = self._lengths[docnum]
        if not length:
            return {}   # as Whoosh: no stored fields
        # fileno() raises once the reader closed its file, never reads a reused number.
        data = os.pread(self._file.fileno(), length, self._base + self._offsets[docnum])
        return pickle.loads(self._decompress(data))


class StoredFields:
    """Stored fields by document number of a (multi-segment) Whoosh reader."""

    def __init__(self, reader):
        leaves = [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())
        self._offsets = [offset for _leaf, offset in leaves]
        self._segments = [_segment(leaf) for leaf, _offset in leaves]

    def __call__(self, docnum: int) -> dict:
        at = bisect_right(self._offsets, docnum) - 1
        return self._segments[at].fields(docnum - self._offsets[at])


# Each segment reader's stored-fields column, opened once per reader.
_segment: "PerReader[_SegmentStored]" = PerReader(_SegmentStored)


def stored_fields(reader) -> StoredFields:
    """The stored fields of a searcher's reader, each segment's column opened once."""
    return StoredFields(reader)
