"""A test-only sharded index, in process: proof that the shard interface
(`indexer.engine.Shard`) is enough for an exact merge over several shards.

`ShardedStore` stands where a `WhooshStore` does (`Index(root, shard=...)`):
its view numbers the documents of shard i after those of shards 0..i-1, as
Whoosh's own multi-segment reader does, and answers each call by asking every
shard and merging. Totals and facets add up exactly; ranking scores every
shard against the sum of their term statistics, so scores are those of one
index holding all documents. The cluster version (issue 14) does the same
with the shards on Dask workers.
"""
from __future__ import annotations

import hashlib
from contextlib import ExitStack, contextmanager
from pathlib import Path

import numpy as np

from indexer.engine import Matches, StoredDoc, TermStats
from indexer.facets import FACET_FIELDS, FacetTable
from indexer.whoosh_shard import WhooshStore


def shard_of(doc_id: str, shards: int) -> int:
    """A stable hash of the id (Python's hash() changes from process to process)."""
    return int.from_bytes(hashlib.sha1(doc_id.encode("utf-8")).digest()[:8], "big") % shards


class ShardedStore:
    def __init__(self, roots: list[Path]):
        self.stores = [WhooshStore(root) for root in roots]
        self._tables: dict = {}

    @contextmanager
    def reading(self):
        with ExitStack() as stack:
            yield ShardedView(self, [stack.enter_context(s.reading()) for s in self.stores])

    def updated_at(self) -> float:
        return max(s.updated_at() for s in self.stores)

    def release_this_thread(self) -> None:
        for s in self.stores:
            s.release_this_thread()

    def close(self) -> None:
        for s in self.stores:
            s.close()


class ShardedView:
    def __init__(self, owner: ShardedStore, shards: list):
        self._owner = owner
        self.shards = shards
        sizes = [shard.columns().size for shard in shards]
        self.offsets = np.cumsum([0, *sizes])   # shard i's keys: offsets[i] .. offsets[i+1] - 1

    @property
    def version(self) -> tuple:
        return tuple(shard.version for shard in self.shards)

    @property
    def generation(self) -> str:
        return "+".join(shard.generation for shard in self.shards)

    def doc_count(self) -> int:
        return sum(shard.doc_count() for shard in self.shards)

    def _joined(self, per_shard: list[np.ndarray]) -> np.ndarray:
        return np.concatenate([keys + offset for keys, offset in zip(per_shard, self.offsets)])

    def live(self) -> np.ndarray:
        return self._joined([shard.live() for shard in self.shards])

    def columns(self) -> FacetTable:
        tables = self._owner._tables
        if self.version not in tables:
            parts = [shard.columns() for shard in self.shards]
            values = {name: [values for table in parts for values in _lists(table, name)]
                      for name in FACET_FIELDS}
            tables.clear()
            tables[self.version] = FacetTable(values, np.concatenate([t.date_start for t in parts]))
        return tables[self.version]

    def match(self, wanted, seconds: float) -> Matches:
        found = [shard.match(wanted, seconds) for shard in self.shards]
        return Matches(self._joined([m.keys for m in found]), any(m.timed_out for m in found))

    def term_stats(self, wanted) -> TermStats:
        return sum((shard.term_stats(wanted) for shard in self.shards), TermStats())

    def rank(self, wanted, keys: np.ndarray, k: int, stats: TermStats | None = None):
        stats = stats if stats is not None else self.term_stats(wanted)
        ranked = []
        for shard, start, end in zip(self.shards, self.offsets, self.offsets[1:]):
            local = keys[(keys >= start) & (keys < end)] - start
            ranked += [(score, int(key + start)) for score, key in shard.rank(wanted, local, k, stats)]
        return sorted(ranked, key=lambda pair: (-pair[0], pair[1]))[:k]

    def fetch(self, keys) -> list[StoredDoc]:
        found = []
        for key in keys:
            i = int(np.searchsorted(self.offsets, key, side="right")) - 1
            doc = self.shards[i].fetch([int(key - self.offsets[i])])[0]
            found.append(StoredDoc(int(key), doc.meta, doc.text))
        return found

    def find(self, doc_id: str) -> StoredDoc | None:
        for shard, offset in zip(self.shards, self.offsets):
            doc = shard.find(doc_id)
            if doc is not None:
                return StoredDoc(int(doc.key + offset), doc.meta, doc.text)
        return None


def _lists(table: FacetTable, name: str) -> list[list[str]]:
    """A facet column back as each key's list of values."""
    column = table.columns[name]
    lists: list[list[str]] = [[] for _ in range(table.size)]
    for value, doc in zip(column.value_ids.tolist(), column.doc_ids.tolist()):
        lists[doc].append(column.names[value])
    return lists
