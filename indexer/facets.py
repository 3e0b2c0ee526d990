"""Facet counts over whole result sets, from columns held in memory.

Whoosh's own grouping reads and decodes each matching document's column
values in Python on every search, which costs more than the search itself
once a result set has thousands of documents. Here each facet column is read
once per index version into two flat arrays (value id, document number), and
a search counts its facets with one vectorised bincount over a document mask.
Engine-neutral: a shard reads its columns and hands them over as lists.
"""
from __future__ import annotations

from array import array
from typing import Callable, Iterable

import numpy as np

FACET_FIELDS = ("region", "official", "date_bucket")
# A match set under 1/SMALL_SET of the documents is counted document by document.
SMALL_SET = 16


class FacetColumn:
    def __init__(self, values_per_doc: Iterable[list[str]]):
        """`values_per_doc`: each document's values in key order, read once
        (gathered into compact arrays as they come: a list of every document's
        values at once was the largest allocation of a server's life)."""
        self.names: list[str] = []
        ids: dict[str, int] = {}
        value_ids, doc_ids = array("i"), array("i")
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
        self.value_ids = np.frombuffer(value_ids, dtype=np.int32) if value_ids else \
            np.zeros(0, dtype=np.int32)
        self.doc_ids = np.frombuffer(doc_ids, dtype=np.int32) if doc_ids else \
            np.zeros(0, dtype=np.int32)

    def count(self, docnums: np.ndarray, mask: np.ndarray | None) -> dict[str, int]:
        """Counts of the values of `docnums` (ascending); with `mask`, the same
        documents as a mask over all keys, for a large set: one pass over the
        whole column then costs less than finding each document's values."""
        if mask is not None:
            found = self.value_ids[mask[self.doc_ids]]
        else:
            # The column is in key order: each document's values are one range of it.
            first = self.doc_ids.searchsorted(docnums)
            sizes = self.doc_ids.searchsorted(docnums, side="right") - first
            before = sizes.cumsum() - sizes
            found = self.value_ids[(first - before).repeat(sizes) + np.arange(int(sizes.sum()))]
        if len(found) * 8 > len(self.names):
            # Many values found: counting into one slot per name beats sorting them.
            counts = np.bincount(found, minlength=len(self.names))
            values = np.flatnonzero(counts)
            counts = counts[values]
        else:
            values, counts = np.unique(found, return_counts=True)
        names = self.names
        return {names[v]: c for v, c in zip(values.tolist(), counts.tolist())}


class DocIds:
    """Each document key's id, packed: one UTF-8 blob and where each id starts
    (a Python string per document would cost several times the memory)."""

    def __init__(self, ids: list[str]):
        encoded = [doc_id.encode("utf-8") for doc_id in ids]
        self._blob = b"".join(encoded)
        self._starts = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)),
                  out=self._starts[1:])
        del encoded
        # Each key's place in the ids' order: how equals are ordered.
        self.order = np.empty(len(ids), dtype=np.int32)
        self.order[np.argsort(np.array(ids, dtype=object), kind="stable")] = \
            np.arange(len(ids), dtype=np.int32)

    def __getitem__(self, key: int) -> str:
        return self._blob[self._starts[key]:self._starts[key + 1]].decode("utf-8")


class FacetTable:
    """Facet columns, the date column and the tie order of one index version, by document key.

    `values` gives, per facet field, each key's list of values; `date_start`
    each key's first day (YYYYMMDD, 0 when undated); `ids` each key's
    document id, whose order (`tie_order`) orders equals (same score, same
    day) alike in every build, whatever document numbers it gave."""

    def __init__(self, values: Callable[[str], Iterable[list[str]]], date_start: np.ndarray,
                 ids: DocIds):
        self.size = len(date_start)
        self.columns = {name: FacetColumn(values(name)) for name in FACET_FIELDS}
        self.date_start = date_start
        self.ids = ids
        self.tie_order = ids.order

    def mask(self, docnums) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        if len(docnums):
            mask[np.asarray(docnums, dtype=np.int64)] = True
        return mask

    def counts(self, docnums) -> "FacetCounts":
        docnums = np.asarray(docnums, dtype=np.int64)
        mask = self.mask(docnums) if len(docnums) * SMALL_SET > self.size else None
        return FacetCounts({name: column.count(docnums, mask)
                            for name, column in self.columns.items()})

    def by_date(self, docnums, k: int, newest: bool = True) -> list[tuple[int, int]]:
        """The first `k` documents by date as (first day, docnum): newest or
        oldest first, undated (0) last either way, ties in tie order (by id)."""
        docnums = np.asarray(docnums, dtype=np.int64)
        days = self.date_start[docnums]
        first = -days if newest else np.where(days > 0, days, np.iinfo(np.int64).max)
        order = np.lexsort((self.tie_order[docnums], first))[:k]
        return list(zip(days[order].tolist(), docnums[order].tolist()))


class FacetCounts:
    """Counts per facet, with the `groups(name)` shape Whoosh results have."""

    def __init__(self, counts: dict[str, dict[str, int]]):
        self._counts = counts

    def groups(self, name: str) -> dict[str, int]:
        return self._counts[name]

    def __add__(self, other: "FacetCounts") -> "FacetCounts":
        """Counts of two disjoint sets of documents (two shards') add up."""
        summed = {}
        for name in self._counts.keys() | other._counts.keys():
            mine, theirs = self._counts.get(name, {}), other._counts.get(name, {})
            summed[name] = {value: mine.get(value, 0) + theirs.get(value, 0)
                            for value in mine.keys() | theirs.keys()}
        return FacetCounts(summed)


def date_order(day: int, newest: bool) -> tuple:
    """Where a document's first day sorts in `FacetTable.by_date`'s order,
    for merging several shards' first k: undated last either way."""
    return (day == 0, -day if newest else day)
