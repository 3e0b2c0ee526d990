"""Reading a per-document column, aligned to document numbers.

Whoosh writes no column file for a field that no document of a segment has
(a batch of undated documents has no `date_start`), and its MultiReader's
column_reader simply leaves such segments out: the values of the following
segments slide down onto the wrong document numbers, and the column comes out
shorter than the index. A segment's own reader does the right thing (it gives
the column's default for every document of a segment without the file), so
columns are read here one segment at a time, in document-number order.
"""
from __future__ import annotations

from itertools import islice
from typing import Iterator


def column_values(reader, name: str) -> Iterator:
    """One value per document number, 0 .. doc_count_all() - 1, deleted ones included.

    A document without the field (or in a segment without the column) reads
    the column's default: 0 for numbers, [] for keyword lists.
    """
    if reader.doc_count_all() == 0:
        return
    for segment, _base in reader.leaf_readers():
        count = segment.doc_count_all()
        values = segment.column_reader(name)
        produced = 0
        for value in islice(values, count):
            yield value
            produced += 1
        # Whoosh's column readers iterate over the whole segment, but should
        # one ever stop short, the rest must not slide onto the next segment.
        for docnum in range(produced, count):
            yield values[docnum]
