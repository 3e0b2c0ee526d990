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
from indexer.facets import FacetCounts, date_order
from indexer.whoosh_shard import WhooshStore


def shard_of(doc_id: str, shards: int) -> int:
    """A stable hash of the id (Python's hash() changes from process to process)."""
    return int.from_bytes(hashlib.sha1(doc_id.encode("utf-8")).digest()[:8], "big") % shards


class ShardedStore:
    def __init__(self, roots: list[Path]):
        self.stores = [WhooshStore(root) for root in roots]

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

    def _local(self, keys) -> list:
        """Each shard's part of a set of keys, as its own keys (None stays None: every document)."""
        if keys is None:
            return [None] * len(self.shards)
        keys = np.asarray(keys, dtype=np.int64)
        return [keys[(keys >= start) & (keys < end)] - start
                for start, end in zip(self.offsets, self.offsets[1:])]

    def warm_up(self) -> None:
        for shard in self.shards:
            shard.warm_up()

    def counts(self, keys=None) -> FacetCounts:
        return sum((shard.counts(local) for shard, local in zip(self.shards, self._local(keys))),
                   FacetCounts({}))

    def by_date(self, keys, k: int, newest: bool = True) -> list[tuple[int, int]]:
        merged = [(day, key + int(offset))
                  for shard, local, offset in zip(self.shards, self._local(keys), self.offsets)
                  for day, key in shard.by_date(local, k, newest)]
        return sorted(merged, key=lambda pair: (*date_order(pair[0], newest), pair[1]))[:k]

    def dates(self, keys) -> np.ndarray:
        keys = np.asarray(keys, dtype=np.int64)
        days = np.zeros(len(keys), dtype=np.int64)
        for shard, start, end in zip(self.shards, self.offsets, self.offsets[1:]):
            inside = (keys >= start) & (keys < end)
            if inside.any():
                days[inside] = shard.dates(keys[inside] - start)
        return days

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
