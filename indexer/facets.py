"""Facet counts over whole result sets, from columns held in memory.

Whoosh's own grouping reads and decodes each matching document's column
values in Python on every search, which costs more than the search itself
once a result set has thousands of documents. Here each facet column is read
once per index version into two flat arrays (value id, document number), and
a search counts its facets with one vectorised bincount over a document mask.
"""
from __future__ import annotations

import numpy as np

from .columns import column_values

FACET_FIELDS = ("region", "official", "date_bucket")


class FacetColumn:
    def __init__(self, values_per_doc: list[list[str]]):
        self.names: list[str] = []
        ids: dict[str, int] = {}
        value_ids, doc_ids = [], []
        for docnum, values in enumerate(values_per_doc):
            for value in values:
                if not value:
                    continue
                index = ids.get(value)
                if index is None:
                    index = ids[value] = len(self.names)
                    self.names.append(value)
                value_ids.append(index)
                doc_ids.append(docnum)
        self.value_ids = np.array(value_ids, dtype=np.int32)
        self.doc_ids = np.array(doc_ids, dtype=np.int32)

    def count(self, mask: np.ndarray) -> dict[str, int]:
        counts = np.bincount(self.value_ids[mask[self.doc_ids]], minlength=len(self.names))
        return {self.names[i]: int(counts[i]) for i in np.flatnonzero(counts)}


class FacetTable:
    """Facet columns and the date column of one index version."""

    def __init__(self, reader):
        self.size = reader.doc_count_all()
        self.columns = {name: FacetColumn(_column_lists(reader, name)) for name in FACET_FIELDS}
        self.date_start = np.fromiter(column_values(reader, "date_start"), dtype=np.int64,
                                      count=self.size)

    def mask(self, docnums) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        if len(docnums):
            mask[np.asarray(docnums, dtype=np.int64)] = True
        return mask

    def counts(self, docnums) -> "FacetCounts":
        mask = self.mask(docnums)
        return FacetCounts({name: column.count(mask) for name, column in self.columns.items()})


class FacetCounts:
    """Counts per facet, with the `groups(name)` shape Whoosh results have."""

    def __init__(self, counts: dict[str, dict[str, int]]):
        self._counts = counts

    def groups(self, name: str) -> dict[str, int]:
        return self._counts[name]


def _column_lists(reader, name: str) -> list[list[str]]:
    return [list(values) for values in column_values(reader, name)]
