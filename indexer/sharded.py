"""A sharded index read in process: N Whoosh shards answering as one index.

`ShardedStore(root)` stands where a `WhooshStore` does (`Index(root,
shard=...)`, which `open_index` picks for a folder with a manifest). Each
`reading()` reads the manifest once and holds every shard at the generation
it names, so one operation sees all shards of one build. Its view numbers the
documents of shard i after those of shards 0..i-1, as Whoosh's own
multi-segment reader does, and answers each call by asking every shard and
merging: totals and facets add up exactly; ranking scores every shard against
the sum of their term statistics, so scores are those of one index holding
all documents.
"""
from __future__ import annotations

import hashlib
import threading
from contextlib import ExitStack, contextmanager
from pathlib import Path

import numpy as np

from . import manifest, store
from .engine import Latest, Matches, StoredDoc, TermStats, merged_by_date, merged_latest, merged_ranks
from .facets import FacetCounts
from .whoosh_shard import WhooshStore

# How often a reading reads the manifest again when a shard it named was
# removed meanwhile (a reindex switched and cleaned up between the two).
OPEN_ATTEMPTS = 3


def shard_of(doc_id: str, shards: int) -> int:
    """The shard of a document: a stable hash of its id (Python's hash() changes
    from process to process, and every build and worker must agree)."""
    return int.from_bytes(hashlib.sha1(doc_id.encode("utf-8")).digest()[:8], "big") % shards


class ShardedStore:
    """The shards a sharded root's manifest names, following its switches."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self._stores: dict[str, WhooshStore] = {}   # shard folder -> its store
        self._stores_lock = threading.Lock()
        self._local = threading.local()
        manifest.read(self.root)  # raise IndexMissing now, not on first search

    def _store(self, folder: str) -> WhooshStore:
        with self._stores_lock:
            if folder not in self._stores:
                self._stores[folder] = WhooshStore(self.root / folder,
                                                   locate=lambda: self._live(folder))
            return self._stores[folder]

    def _live(self, folder: str) -> Path:
        for shard in manifest.read(self.root):
            if shard.folder == folder:
                return manifest.generation_path(self.root, shard)
        raise store.IndexMissing(f"the index at {self.root} no longer has {folder}")

    @contextmanager
    def reading(self):
        held = getattr(self._local, "view", None)
        if held is not None:   # nested: the same shards, at the same generations
            yield held
            return
        with ExitStack() as stack:
            view = self._open(stack)
            self._local.view = view
            try:
                yield view
            finally:
                self._local.view = None

    def _open(self, stack: ExitStack) -> "ShardedView":
        for attempt in range(OPEN_ATTEMPTS):
            live = manifest.read(self.root)
            shards = []
            try:
                for shard in live:
                    path = manifest.generation_path(self.root, shard)
                    shards.append(stack.enter_context(self._store(shard.folder).reading(path)))
            except store.IndexMissing:
                stack.close()
                if attempt + 1 == OPEN_ATTEMPTS or manifest.read(self.root) == live:
                    raise
                continue   # switched meanwhile: open what the manifest names now
            self._forget_unlisted({shard.folder for shard in live})
            return ShardedView(self, shards)
        raise AssertionError("unreachable")

    def _forget_unlisted(self, folders: set[str]) -> None:
        """Close the stores of shards a rebuild with another shard count dropped."""
        with self._stores_lock:
            for folder in set(self._stores) - folders:
                self._stores.pop(folder).close()

    def updated_at(self) -> float:
        times = [(self.root / manifest.MANIFEST).stat().st_mtime]
        times += [self._store(shard.folder).updated_at() for shard in manifest.read(self.root)]
        return max(times)

    def release_this_thread(self) -> None:
        with self._stores_lock:
            stores = list(self._stores.values())
        for shard_store in stores:
            shard_store.release_this_thread()

    def close(self) -> None:
        with self._stores_lock:
            stores = list(self._stores.values())
        for shard_store in stores:
            shard_store.close()


class ShardedView:
    """Every shard at one manifest's generations, answering as one shard."""

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

    def by_date(self, keys, k: int, newest: bool = True) -> list[tuple[int, int, str]]:
        merged = [(day, key + int(offset), doc_id)
                  for shard, local, offset in zip(self.shards, self._local(keys), self.offsets)
                  for day, key, doc_id in shard.by_date(local, k, newest)]
        return merged_by_date(merged, k, newest)

    def dates(self, keys) -> np.ndarray:
        keys = np.asarray(keys, dtype=np.int64)
        days = np.zeros(len(keys), dtype=np.int64)
        for shard, start, end in zip(self.shards, self.offsets, self.offsets[1:]):
            inside = (keys >= start) & (keys < end)
            if inside.any():
                days[inside] = shard.dates(keys[inside] - start)
        return days

    def latest(self, wanted: list) -> list[tuple[int, Latest | None]]:
        return merged_latest([[(count, latest and Latest(latest.day, StoredDoc(
                                    latest.doc.key + int(offset), latest.doc.meta, latest.doc.text)))
                               for count, latest in shard.latest(wanted)]
                              for shard, offset in zip(self.shards, self.offsets)])

    def match(self, wanted, seconds: float) -> Matches:
        found = [shard.match(wanted, seconds) for shard in self.shards]
        return Matches(self._joined([m.keys for m in found]), any(m.timed_out for m in found))

    def term_stats(self, wanted) -> TermStats:
        return sum((shard.term_stats(wanted) for shard in self.shards), TermStats())

    def rank(self, wanted, keys: np.ndarray, k: int, stats: TermStats | None = None):
        stats = stats if stats is not None else self.term_stats(wanted)
        ranked = [(score, key + int(offset), doc_id)
                  for shard, local, offset in zip(self.shards, self._local(keys), self.offsets)
                  for score, key, doc_id in shard.rank(wanted, local, k, stats)]
        return merged_ranks(ranked, k)

    def fetch(self, keys) -> list[StoredDoc]:
        found = []
        for key in keys:
            i = int(np.searchsorted(self.offsets, key, side="right")) - 1
            doc = self.shards[i].fetch([int(key - self.offsets[i])])[0]
            found.append(StoredDoc(int(key), doc.meta, doc.text))
        return found

    def find(self, doc_id: str) -> StoredDoc | None:
        # Only the shard the id hashes to can hold it.
        i = shard_of(doc_id, len(self.shards))
        doc = self.shards[i].find(doc_id)
        return None if doc is None else StoredDoc(int(doc.key + self.offsets[i]), doc.meta, doc.text)

    def find_each(self, doc_ids: list[str]) -> list[StoredDoc | None]:
        return [self.find(doc_id) for doc_id in doc_ids]

