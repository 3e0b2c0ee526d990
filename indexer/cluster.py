"""A sharded archive searched on a Dask cluster: the shards stay on the workers.

The serving process (`archive search/serve --scheduler ADDRESS`) holds a
`ClusterStore` where a single index holds a `WhooshStore`; `Index` above it
does not know the difference. Each shard is searched by a Dask task on its
home worker (shard i on the i-th worker, modulo their number), which keeps
the shard's Whoosh searcher and columns open between tasks (`ShardService`, a
worker plugin) and answers only small things: a match set's size, its facet
counts (they add up), its top k by score against the summed `TermStats` or
by date, and the stored documents of one page. Match sets and columns never
leave the workers; a worker keeps recent match sets, and recomputes one it
no longer has from the search itself.

Keys seen by `Index` are global: shard number in the high bits, the shard's
own document number below, so key order is shard order, then document order,
as one Whoosh index numbers its segments. Each operation sees one version of
every shard: the first answer of a shard pins the version it was given, and
later tasks of the operation ask for that version (a worker keeps the last
few open; a commit in between shows as `ShardUnavailable`, never as
documents of two versions mixed).

Faults are Dask's to handle first: a task whose worker dies is run again on
another worker, which opens the shard from the shared filesystem. When that
fails too (or no worker answers in time), the search raises
`ShardUnavailable` naming the shard, which the site answers with 503.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from distributed.diagnostics.plugin import WorkerPlugin

from .engine import Matches, ShardUnavailable, StoredDoc, TermStats, Wanted
from .facets import FacetCounts, date_order
from .query import QueryError, SearchRequest

log = logging.getLogger(__name__)

PLUGIN = "archive-shards"
SHARD_BITS = 40                      # a shard's own document numbers fit below this bit
LOCAL = (1 << SHARD_BITS) - 1
ANSWER_SECONDS = 30.0                # no answer from a shard by then: ShardUnavailable
VERSIONS_KEPT = 3                    # per shard and worker: operations pinned to older ones still answer
MATCH_SETS_KEPT = 64                 # per shard version and worker (as Index's own match cache)
WORKERS_REFRESH_SECONDS = 10.0


@dataclass(frozen=True)
class ShardRef:
    """Where shard `number` (of `count`) lives, on storage every worker reaches."""
    number: int
    count: int
    root: str                        # the shard's folder (its generations inside)
    generation: str | None = None    # the live generation; None: the folder's own CURRENT

    @property
    def name(self) -> str:
        """The shard's folder name, as messages give it: never the server's path."""
        return Path(self.root).name

    def folder(self) -> Path:
        from . import store
        root = Path(self.root)
        return root / self.generation if self.generation else store.current_generation(root)


class ShardMoved(Exception):
    """The version an operation pinned is no longer open on this worker."""


# -- the worker side --------------------------------------------------------

class _OpenVersion:
    """One version of one shard, open on a worker: its searcher, columns and recent match sets."""

    def __init__(self, folder: Path):
        from . import index_format
        from .searchers import open_searcher
        from .whoosh_shard import WhooshShard

        index_format.check(folder)
        self.searcher = open_searcher(folder)
        self.lock = threading.Lock()     # a Whoosh searcher serves one thread at a time
        self._table = None
        self.matches: OrderedDict = OrderedDict()
        self.shard = WhooshShard(self, self.searcher, folder.name)
        self.version = self.shard.version

    def table_for(self, _shard):
        """The columns of this version (WhooshShard asks its owner), read once."""
        if self._table is None:
            from .whoosh_shard import read_table
            self._table = read_table(self.searcher.reader())
        return self._table

    def match(self, wanted: Wanted) -> Matches:
        """Match `wanted` and keep its set for the tasks that follow (counts, rank, page)."""
        from .search import SEARCH_SECONDS
        found = self.shard.match(wanted, SEARCH_SECONDS)
        if not found.timed_out:   # a partial set is never reused
            self.matches[_wanted_key(wanted)] = found.keys
            while len(self.matches) > MATCH_SETS_KEPT:
                self.matches.popitem(last=False)
        return found

    def keys(self, wanted: Wanted) -> np.ndarray:
        """The match set of `wanted`: kept since its match, or matched again
        (evicted, or this worker took over from one that stopped)."""
        found = self.matches.get(_wanted_key(wanted))
        if found is None:
            return self.match(wanted).keys
        self.matches.move_to_end(_wanted_key(wanted))
        return found

    def close(self) -> None:
        self.searcher.close()


def _wanted_key(wanted: Wanted):
    return wanted.cache_key() if isinstance(wanted, SearchRequest) else wanted


class ShardService(WorkerPlugin):
    """A worker's open shards (a Dask worker plugin): the versions asked for
    recently, newest last, per shard generation folder."""

    name = PLUGIN
    idempotent = True

    def setup(self, worker=None) -> None:
        self._lock = threading.Lock()
        self._open: dict[str, OrderedDict] = {}

    def teardown(self, worker=None) -> None:
        with self._lock:
            for versions in self._open.values():
                for opened in versions.values():
                    opened.close()
            self._open.clear()

    def version(self, ref: ShardRef, pinned) -> _OpenVersion:
        """The version an operation pinned, or the newest when it pinned none yet."""
        folder = ref.folder()
        with self._lock:
            versions = self._open.setdefault(str(folder), OrderedDict())
            if pinned is not None and pinned in versions:
                return versions[pinned]
            newest = next(reversed(versions.values()), None)
            if newest is None or not newest.searcher.up_to_date():
                newest = _OpenVersion(folder)
                versions[newest.version] = newest
                while len(versions) > VERSIONS_KEPT:
                    versions.popitem(last=False)[1].close()
            if pinned is not None and newest.version != pinned:
                raise ShardMoved(ref.name)
            return newest


def on_shard(ref: ShardRef, pinned, part: Callable, *args):
    """The task run on a worker: one part of an operation on one shard.
    Returns the version it answered from, and the part's answer."""
    from distributed import get_worker
    service = get_worker().plugins[PLUGIN]
    opened = service.version(ref, pinned)
    with opened.lock:
        return opened.version, part(opened, *args)


# The parts: top-level functions (Dask pickles them by name), each run by
# `on_shard` on the shard's open version. Keys here are the shard's own.

def _size(opened: _OpenVersion) -> int:
    return opened.shard.doc_count()


def _warm_up(opened: _OpenVersion) -> None:
    opened.shard.warm_up()


def _match(opened: _OpenVersion, wanted: Wanted, facets: bool):
    """A match set's size, whether it was cut short, and what the search will
    ask next: facet counts (for a search) and the term statistics to rank it by."""
    found = opened.match(wanted)
    counts = opened.shard.counts(found.keys) if facets else None
    return len(found.keys), found.timed_out, counts, opened.shard.term_stats(wanted)


def _counts(opened: _OpenVersion, wanted: Wanted | None, keys):
    shard = opened.shard
    if wanted is not None:
        keys = opened.keys(wanted)
    return shard.counts(keys)


def _by_date(opened: _OpenVersion, wanted: Wanted | None, keys, k: int, newest: bool):
    if wanted is not None:
        keys = opened.keys(wanted)
    return opened.shard.by_date(keys, k, newest)


def _dates(opened: _OpenVersion, keys) -> np.ndarray:
    return opened.shard.dates(keys)


def _term_stats(opened: _OpenVersion, wanted: Wanted) -> TermStats:
    return opened.shard.term_stats(wanted)


def _rank(opened: _OpenVersion, wanted: Wanted, keys, k: int, stats: TermStats):
    if keys is None:
        keys = opened.keys(wanted)
    return opened.shard.rank(wanted, keys, k, stats)


def _fetch(opened: _OpenVersion, wanted: Wanted | None, keys) -> list[StoredDoc]:
    if wanted is not None:
        keys = opened.keys(wanted)
    return opened.shard.fetch(keys)


def _find(opened: _OpenVersion, doc_id: str) -> StoredDoc | None:
    return opened.shard.find(doc_id)


# -- the serving side -------------------------------------------------------

class ClusterMatches:
    """A match set left on the workers: its size per shard, and what the
    match task already answered (facet counts, term statistics)."""

    def __init__(self, wanted: Wanted, sizes: list[int], counts: FacetCounts | None,
                 stats: TermStats):
        self.wanted = wanted
        self.sizes = sizes
        self.counts = counts
        self.stats = stats

    def __len__(self) -> int:
        return sum(self.sizes)


def global_key(shard: int, key: int) -> int:
    return (shard << SHARD_BITS) | int(key)


def split_keys(keys) -> dict[int, list[int]]:
    """Global keys grouped by shard, as each shard's own keys (in the order given)."""
    parts: dict[int, list[int]] = {}
    for key in keys:
        parts.setdefault(int(key) >> SHARD_BITS, []).append(int(key) & LOCAL)
    return parts


class ClusterStore:
    """The shards of one sharded index, searched on a Dask cluster (a `ShardStore`).

    `shards` gives the shards as they stand now (read again for every
    operation, so that a server follows a reindex's switch)."""

    def __init__(self, client, shards: Callable[[], list[ShardRef]]):
        self.client = client
        self._shards = shards
        self._workers: list[str] = []
        self._workers_read = 0.0
        self._lock = threading.Lock()
        client.register_plugin(ShardService(), name=PLUGIN)

    @contextmanager
    def reading(self) -> Iterator["ClusterView"]:
        yield ClusterView(self, self._shards())

    def home(self, number: int) -> str | None:
        """The worker that searches shard `number` while it lives: each shard
        stays on one worker, so that its files are open in one place."""
        with self._lock:
            if not self._workers or time.monotonic() - self._workers_read > WORKERS_REFRESH_SECONDS:
                self._workers = sorted(self.client.scheduler_info(n_workers=-1)["workers"])
                self._workers_read = time.monotonic()
            return self._workers[number % len(self._workers)] if self._workers else None

    def updated_at(self) -> float:
        times = []
        for ref in self._shards():
            folder = ref.folder()
            times.append(folder.stat().st_mtime)
            for path in folder.iterdir():
                try:
                    times.append(path.stat().st_mtime)
                except FileNotFoundError:  # merged away while we looked
                    pass
        return max(times)

    def release_this_thread(self) -> None:
        pass  # nothing is held by the serving process's threads

    def close(self) -> None:
        self.client.close()


class ClusterView:
    """All shards as one `Shard` for one operation, each part run on the cluster."""

    def __init__(self, owner: ClusterStore, refs: list[ShardRef]):
        self._owner = owner
        self.refs = refs
        self._pinned: list = [None] * len(refs)
        self._sizes: list[int] | None = None

    # -- running parts on the workers ---------------------------------------
    def _run(self, parts: dict[int, tuple]) -> dict[int, object]:
        """Run `parts` (shard number -> (part, *args)) on the shards' home
        workers at once; their answers by shard number."""
        client = self._owner.client
        futures = {}
        for number, (part, *args) in parts.items():
            home = self._owner.home(number)
            futures[number] = client.submit(
                on_shard, self.refs[number], self._pinned[number], part, *args,
                key=f"archive-{part.__name__.strip('_')}-{number}-{uuid.uuid4().hex}",
                workers=[home] if home else None, allow_other_workers=True, pure=False)
        answers = {}
        deadline = time.monotonic() + ANSWER_SECONDS
        try:
            for number, future in futures.items():
                version, answers[number] = self._answer(number, future, deadline)
                if self._pinned[number] is None:
                    self._pinned[number] = version
        finally:
            client.cancel([f for f in futures.values() if not f.done()])
        return answers

    def _answer(self, number: int, future, deadline: float):
        from distributed import TimeoutError as DaskTimeout
        from distributed.scheduler import KilledWorker

        ref = self.refs[number]
        number, count, name = ref.number + 1, ref.count, ref.name
        try:
            return future.result(timeout=max(0.0, deadline - time.monotonic()))
        except QueryError:
            raise
        except (DaskTimeout, TimeoutError):
            raise ShardUnavailable(f"shard {number} of {count} ({name}) did not answer within "
                                   f"{ANSWER_SECONDS:.0f} s; try again in a while") from None
        except KilledWorker:
            raise ShardUnavailable(f"shard {number} of {count} ({name}) is not available: the "
                                   "workers searching it stopped; try again in a while") from None
        except ShardMoved:
            raise ShardUnavailable(f"shard {number} of {count} ({name}) changed during the "
                                   "search; search again") from None
        except Exception as exc:
            # The details name server paths: for the log, not the public.
            log.error("shard %d of %d (%s) could not be searched: %s: %s",
                      number, count, name, type(exc).__name__, exc)
            raise ShardUnavailable(f"shard {number} of {count} ({name}) is not available: no "
                                   "worker could open it; try again in a while") from None

    def _everywhere(self, part, *args) -> list:
        answers = self._run({number: (part, *args) for number in range(len(self.refs))})
        return [answers[number] for number in range(len(self.refs))]

    def _where_matched(self, matches: ClusterMatches, part, *args) -> dict[int, object]:
        return self._run({number: (part, *args) for number, size in enumerate(matches.sizes) if size})

    # -- the Shard interface ------------------------------------------------
    @property
    def version(self) -> tuple:
        if any(pinned is None for pinned in self._pinned):
            self._sizes = self._everywhere(_size)
        return tuple(self._pinned)

    @property
    def generation(self) -> str:
        return "+".join(str(pinned[0]) for pinned in self.version)

    def doc_count(self) -> int:
        if self._sizes is None:
            self._sizes = self._everywhere(_size)
        return sum(self._sizes)

    def warm_up(self) -> None:
        self._everywhere(_warm_up)

    def match(self, wanted: Wanted, seconds: float) -> Matches:
        facets = isinstance(wanted, SearchRequest)
        answers = self._everywhere(_match, wanted, facets)
        counts = sum((counts for _, _, counts, _ in answers), FacetCounts({})) if facets else None
        stats = sum((stats for *_, stats in answers), TermStats())
        found = ClusterMatches(wanted, [size for size, *_ in answers], counts, stats)
        return Matches(found, any(timed_out for _, timed_out, *_ in answers))

    def counts(self, keys=None) -> FacetCounts:
        if isinstance(keys, ClusterMatches):
            if keys.counts is None:
                keys.counts = sum(self._where_matched(keys, _counts, keys.wanted, None).values(),
                                  FacetCounts({}))
            return keys.counts
        if keys is None:
            return sum(self._everywhere(_counts, None, None), FacetCounts({}))
        parts = {number: (_counts, None, local) for number, local in split_keys(keys).items()}
        return sum(self._run(parts).values(), FacetCounts({}))

    def by_date(self, keys, k: int, newest: bool = True) -> list[tuple[int, int]]:
        if isinstance(keys, ClusterMatches):
            answers = self._where_matched(keys, _by_date, keys.wanted, None, k, newest)
        elif keys is None:
            answers = dict(enumerate(self._everywhere(_by_date, None, None, k, newest)))
        else:
            answers = self._run({number: (_by_date, None, local, k, newest)
                                 for number, local in split_keys(keys).items()})
        merged = [(day, global_key(number, key))
                  for number, found in answers.items() for day, key in found]
        return sorted(merged, key=lambda pair: (*date_order(pair[0], newest), pair[1]))[:k]

    def dates(self, keys) -> np.ndarray:
        keys = [int(key) for key in keys]
        parts = split_keys(keys)
        answers = self._run({number: (_dates, local) for number, local in parts.items()})
        by_key = {global_key(number, key): int(day) for number, local in parts.items()
                  for key, day in zip(local, answers[number])}
        return np.array([by_key[key] for key in keys], dtype=np.int64)

    def term_stats(self, wanted: Wanted) -> TermStats:
        return sum(self._everywhere(_term_stats, wanted), TermStats())

    def rank(self, wanted: Wanted, keys, k: int,
             stats: TermStats | None = None) -> list[tuple[float, int]]:
        if isinstance(keys, ClusterMatches):
            stats = stats if stats is not None else keys.stats
            answers = self._where_matched(keys, _rank, wanted, None, k, stats)
        else:
            stats = stats if stats is not None else self.term_stats(wanted)
            answers = self._run({number: (_rank, wanted, local, k, stats)
                                 for number, local in split_keys(keys).items()})
        ranked = [(score, global_key(number, key))
                  for number, found in answers.items() for score, key in found]
        return sorted(ranked, key=lambda pair: (-pair[0], pair[1]))[:k]

    def fetch(self, keys) -> list[StoredDoc]:
        if isinstance(keys, ClusterMatches):
            answers = self._where_matched(keys, _fetch, keys.wanted, None)
            return [_global(number, doc) for number in sorted(answers) for doc in answers[number]]
        keys = [int(key) for key in keys]
        parts = split_keys(keys)
        answers = self._run({number: (_fetch, None, local) for number, local in parts.items()})
        found = {}
        for number, docs in answers.items():
            for doc in docs:
                found[global_key(number, doc.key)] = _global(number, doc)
        return [found[key] for key in keys]

    def find(self, doc_id: str) -> StoredDoc | None:
        for number, doc in enumerate(self._everywhere(_find, doc_id)):
            if doc is not None:
                return _global(number, doc)
        return None


def _global(number: int, doc: StoredDoc) -> StoredDoc:
    return StoredDoc(global_key(number, doc.key), doc.meta, doc.text)


def connect(address: str, timeout: float = 10.0):
    """A Dask client of the scheduler at `address`; ClusterUnreachable in one line if none answers."""
    from distributed import Client
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterUnreachable(f"cannot reach the Dask scheduler at {address}: "
                                 f"{_reason(exc)}") from None


class ClusterUnreachable(Exception):
    """No Dask scheduler answers at the address given."""


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
