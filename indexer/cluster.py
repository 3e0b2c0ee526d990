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
as one Whoosh index numbers its segments. A shard's version is the
generation its manifest names: a live generation is never written to (a
reindex writes new ones and switches the manifest), so every task of one
operation names the generation it wants, and a worker never mixes two.

Faults are Dask's to handle first: a task whose worker dies is run again on
another worker, which opens the shard from the shared filesystem. When that
fails too (or no worker answers in time), the search raises
`ShardUnavailable` naming the shard, which the site answers with 503.
Builds (`run_builds`) are the one exception: a build task is never run twice.
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

from .engine import (Latest, Matches, ShardUnavailable, StoredDoc, TermStats, Wanted,
                     merged_by_date, merged_latest, merged_ranks)
from .facets import FacetCounts
from .query import QueryError, SearchRequest

log = logging.getLogger(__name__)

PLUGIN = "archive-shards"
SHARD_BITS = 40                      # a shard's own document numbers fit below this bit
LOCAL = (1 << SHARD_BITS) - 1
ANSWER_SECONDS = 30.0                # no answer from a shard by then: ShardUnavailable
GENERATIONS_KEPT = 2                 # per shard and worker: searches begun before a switch still answer
MATCH_SETS_KEPT = 64                 # per shard generation and worker (as Index's own match cache)
WORKERS_REFRESH_SECONDS = 10.0


@dataclass(frozen=True)
class ShardRef:
    """Where shard `number` (of `count`) lives, on storage every worker reaches."""
    number: int
    count: int
    root: str            # the shard's folder (its generations inside)
    generation: str      # its live generation, as the manifest names it

    @property
    def name(self) -> str:
        """The shard's folder name, as messages give it: never the server's path."""
        return Path(self.root).name

    def folder(self) -> Path:
        return Path(self.root) / self.generation


class NotSharded(Exception):
    """A cluster searches a sharded index (a manifest), not a single one."""


def live_shards(root: str | Path) -> list[ShardRef]:
    """The shards the manifest of the index at `root` names, as they stand.
    IndexMissing if there is no index; NotSharded for a single index, whose
    live generation takes commits in place, so no name would tell its versions apart."""
    from . import manifest, store
    root = Path(root).absolute()   # the workers' working folder is not ours
    if not manifest.is_sharded(root) and (root / store.POINTER).exists():
        raise NotSharded(f"the index at {root} is a single index; a cluster searches a "
                         "sharded one: build it with `archive reindex --shards N --full`")
    live = manifest.read(root)
    return [ShardRef(i, len(live), str(root / shard.folder), shard.generation)
            for i, shard in enumerate(live)]


# -- the worker side --------------------------------------------------------

class _OpenShard:
    """One generation of one shard, open on a worker: its searcher, columns and recent match sets."""

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

    def table_for(self, _shard):
        """The columns of this generation (WhooshShard asks its owner), read once."""
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
    """A worker's open shards (a Dask worker plugin): per shard folder, the
    generations asked for recently, newest last. One replaced by a switch is
    closed once two newer ones were asked for, which lets its files go."""

    name = PLUGIN
    idempotent = True

    def setup(self, worker=None) -> None:
        self._lock = threading.Lock()
        self._open: dict[str, OrderedDict] = {}

    def teardown(self, worker=None) -> None:
        with self._lock:
            for generations in self._open.values():
                for opened in generations.values():
                    opened.close()
            self._open.clear()

    def shard(self, ref: ShardRef) -> _OpenShard:
        with self._lock:
            generations = self._open.setdefault(ref.root, OrderedDict())
            opened = generations.get(ref.generation)
            if opened is None:
                opened = generations[ref.generation] = _OpenShard(ref.folder())
                while len(generations) > GENERATIONS_KEPT:
                    generations.popitem(last=False)[1].close()
            generations.move_to_end(ref.generation)
            return opened


def on_shard(ref: ShardRef, part: Callable, *args):
    """The task run on a worker: one part of an operation on one shard."""
    from distributed import get_worker
    opened = get_worker().plugins[PLUGIN].shard(ref)
    with opened.lock:
        return part(opened, *args)


# The parts: top-level functions (Dask pickles them by name), each run by
# `on_shard` on the shard's open generation. Keys here are the shard's own.

def _size(opened: _OpenShard) -> int:
    return opened.shard.doc_count()


def _warm_up(opened: _OpenShard) -> None:
    opened.shard.warm_up()


def _match(opened: _OpenShard, wanted: Wanted, facets: bool):
    """A match set's size, whether it was cut short, and what the search will
    ask next: facet counts (for a search) and the term statistics to rank it by."""
    found = opened.match(wanted)
    counts = opened.shard.counts(found.keys) if facets else None
    return len(found.keys), found.timed_out, counts, opened.shard.term_stats(wanted)


def _counts(opened: _OpenShard, wanted: Wanted | None, keys):
    if wanted is not None:
        keys = opened.keys(wanted)
    return opened.shard.counts(keys)


def _by_date(opened: _OpenShard, wanted: Wanted | None, keys, k: int, newest: bool):
    if wanted is not None:
        keys = opened.keys(wanted)
    return opened.shard.by_date(keys, k, newest)


def _dates(opened: _OpenShard, keys) -> np.ndarray:
    return opened.shard.dates(keys)


def _term_stats(opened: _OpenShard, wanted: Wanted) -> TermStats:
    return opened.shard.term_stats(wanted)


def _rank(opened: _OpenShard, wanted: Wanted, keys, k: int, stats: TermStats):
    if keys is None:
        keys = opened.keys(wanted)
    return opened.shard.rank(wanted, keys, k, stats)


def _fetch(opened: _OpenShard, wanted: Wanted | None, keys) -> list[StoredDoc]:
    if wanted is not None:
        keys = opened.keys(wanted)
    return opened.shard.fetch(keys)


def _find(opened: _OpenShard, doc_ids: list[str]) -> list[StoredDoc | None]:
    return opened.shard.find_each(doc_ids)


def _latest(opened: _OpenShard, wanted: list[Wanted]):
    return opened.shard.latest(wanted)


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
        self._local = threading.local()
        client.register_plugin(ShardService(), name=PLUGIN)

    @contextmanager
    def reading(self) -> Iterator["ClusterView"]:
        """The shards as the manifest names them now; nested blocks in one
        thread see the same shards (an operation never spans a switch)."""
        held = getattr(self._local, "view", None)
        if held is not None:
            yield held
            return
        self._local.view = ClusterView(self, self._shards())
        try:
            yield self._local.view
        finally:
            self._local.view = None

    def home(self, number: int) -> str | None:
        """The worker that searches shard `number` while it lives: each shard
        stays on one worker, so that its files are open in one place."""
        with self._lock:
            if not self._workers or time.monotonic() - self._workers_read > WORKERS_REFRESH_SECONDS:
                self._workers = sorted(self.client.scheduler_info(n_workers=-1)["workers"])
                self._workers_read = time.monotonic()
            return self._workers[number % len(self._workers)] if self._workers else None

    def updated_at(self) -> float:
        """When the live shards last changed, as in process (`ShardedStore`):
        the manifest and the generations it names are on the shared
        filesystem, which this process reaches too."""
        from . import manifest
        for attempt in range(2):
            try:
                refs = self._shards()
                times = [(Path(refs[0].root).parent / manifest.MANIFEST).stat().st_mtime]
                for ref in refs:
                    times.append(ref.folder().stat().st_mtime)
                    times += [path.stat().st_mtime for path in ref.folder().iterdir()]
                return max(times)
            except FileNotFoundError:   # a switch removed a generation while we looked
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def release_this_thread(self) -> None:
        pass  # nothing is held by the serving process's threads

    def close(self) -> None:
        self.client.close()


class ClusterView:
    """All shards as one `Shard` for one operation, each part run on the cluster."""

    def __init__(self, owner: ClusterStore, refs: list[ShardRef]):
        self._owner = owner
        self.refs = refs
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
                on_shard, self.refs[number], part, *args,
                key=f"archive-{part.__name__.strip('_')}-{number}-{uuid.uuid4().hex}",
                # With no worker known (the scheduler lists none for a moment:
                # restarting, or missed heartbeats on a loaded machine) any may
                # run it; Dask refuses allow_other_workers without workers.
                workers=[home] if home else None, allow_other_workers=bool(home), pure=False)
        answers = {}
        deadline = time.monotonic() + ANSWER_SECONDS
        try:
            for number, future in futures.items():
                answers[number] = self._answer(number, future, deadline)
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
        return tuple((ref.root, ref.generation) for ref in self.refs)

    @property
    def generation(self) -> str:
        return "+".join(ref.generation for ref in self.refs)

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

    def by_date(self, keys, k: int, newest: bool = True) -> list[tuple[int, int, str]]:
        if isinstance(keys, ClusterMatches):
            answers = self._where_matched(keys, _by_date, keys.wanted, None, k, newest)
        elif keys is None:
            answers = dict(enumerate(self._everywhere(_by_date, None, None, k, newest)))
        else:
            answers = self._run({number: (_by_date, None, local, k, newest)
                                 for number, local in split_keys(keys).items()})
        merged = [(day, global_key(number, key), doc_id)
                  for number, found in answers.items() for day, key, doc_id in found]
        return merged_by_date(merged, k, newest)

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
             stats: TermStats | None = None) -> list[tuple[float, int, str]]:
        if isinstance(keys, ClusterMatches):
            stats = stats if stats is not None else keys.stats
            answers = self._where_matched(keys, _rank, wanted, None, k, stats)
        else:
            stats = stats if stats is not None else self.term_stats(wanted)
            answers = self._run({number: (_rank, wanted, local, k, stats)
                                 for number, local in split_keys(keys).items()})
        ranked = [(score, global_key(number, key), doc_id)
                  for number, found in answers.items() for score, key, doc_id in found]
        return merged_ranks(ranked, k)

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

    def latest(self, wanted: list[Wanted]) -> list[tuple[int, Latest | None]]:
        return merged_latest([[(count, latest and Latest(latest.day, _global(number, latest.doc)))
                               for count, latest in found]
                              for number, found in enumerate(self._everywhere(_latest, wanted))])

    def find(self, doc_id: str) -> StoredDoc | None:
        return self.find_each([doc_id])[0]

    def find_each(self, doc_ids: list[str]) -> list[StoredDoc | None]:
        """Each id asked of the one shard it hashes to, as the build placed it."""
        from .sharded import shard_of
        parts: dict[int, list[str]] = {}
        for doc_id in doc_ids:
            parts.setdefault(shard_of(doc_id, len(self.refs)), []).append(doc_id)
        answers = self._run({number: (_find, ids) for number, ids in parts.items()})
        found = {doc_id: None if doc is None else _global(number, doc)
                 for number, ids in parts.items() for doc_id, doc in zip(ids, answers[number])}
        return [found[doc_id] for doc_id in doc_ids]


def _global(number: int, doc: StoredDoc) -> StoredDoc:
    return StoredDoc(global_key(number, doc.key), doc.meta, doc.text)


def open_cluster_index(root: str | Path, address: str):
    """An `Index` of the sharded index at `root`, searched on the cluster whose
    scheduler is at `address`. ClusterUnreachable, IndexMissing or NotSharded
    in one line, before any search."""
    from .search import Index
    live_shards(root)
    store = ClusterStore(connect(address), lambda: live_shards(root))
    return Index(root, shard=store)


def connect(address: str, timeout: float = 10.0):
    """A Dask client of the scheduler at `address`; ClusterUnreachable in one line if none answers."""
    from distributed import Client
    from distributed.comm import parse_address, parse_host_port
    from distributed.comm.registry import backends

    # Checked before a Client exists: one made for a malformed address fails
    # late, and again as the process exits (a traceback after our one line).
    try:
        scheme, location = parse_address(address if "://" in address else f"tcp://{address}")
        if scheme not in backends:
            raise ValueError(scheme)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except ValueError:
        raise ClusterUnreachable(f"{address!r} is not a Dask scheduler's address; "
                                 "give tcp://HOST:PORT") from None
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


# -- builds -------------------------------------------------------------------

class ClusterBuildFailed(Exception):
    """A shard's build task failed on the cluster; the live index is unchanged."""


def build_on_worker(task, run: str):
    """One shard's build task (`shard_build.build_shard`) on a worker.

    Dask runs a task again elsewhere when its worker dies; a build must not be
    (the contract: a worker killed during a build fails the build, and the
    dead run's partial generation is removed with the rest). So the first
    attempt leaves a mark on the scheduler, and a second attempt refuses.
    A worker started by a nanny is a daemon process, which may not fork: it
    builds its shard in its own process, and the cluster's parallelism is its
    workers (one task per shard)."""
    import dataclasses
    import multiprocessing

    from distributed import get_client, get_worker

    from .shard_build import build_shard

    mark = ["archive-build", run, str(task.shard)]
    client = get_client()
    if client.get_metadata(mark, None) is not None:
        raise ClusterBuildFailed(f"the worker building shard {task.shard + 1} of {task.shards} "
                                 "stopped before it finished")
    client.set_metadata(mark, get_worker().address)
    if multiprocessing.current_process().daemon:
        task = dataclasses.replace(task, workers=1)
    return build_shard(task)


def run_builds(client, tasks: list) -> Iterator:
    """Run the build tasks on the cluster, one per shard spread over the
    workers, and yield each shard's report as it finishes (`build_sharded`'s
    `run`). If any fails, wait for the others to stop writing, then raise
    ClusterBuildFailed in one line; `build_sharded` then leaves the manifest
    as it was and removes what the tasks wrote."""
    from distributed import as_completed

    if not client.scheduler_info(n_workers=-1)["workers"]:
        raise ClusterBuildFailed("the cluster has no workers to build on")
    run = uuid.uuid4().hex
    # No placement: the scheduler spreads the tasks over free workers. (A task
    # placed on a worker that died stays unplaced if every worker died with it.)
    futures = [client.submit(build_on_worker, task, run, key=f"archive-build-{task.shard}-{run}",
                             pure=False)
               for task in tasks]
    failure = None
    try:
        for future in as_completed(futures, loop=client.loop):
            if future.status == "finished":
                if failure is None:
                    yield future.result()
                continue
            if failure is None:
                failure = _build_failure(future, tasks[futures.index(future)])
    finally:
        client.set_metadata(["archive-build", run], None)
    if failure is not None:
        raise ClusterBuildFailed(failure)


def _build_failure(future, task) -> str:
    from distributed.scheduler import KilledWorker
    try:
        future.result()
    except ClusterBuildFailed as exc:
        return str(exc)
    except KilledWorker:
        return (f"the workers building shard {task.shard + 1} of {task.shards} stopped "
                "before it finished")
    except Exception as exc:   # the task's own one-line error (a full disk, ...)
        return f"shard {task.shard + 1} of {task.shards}: {_reason(exc)}"
    return f"shard {task.shard + 1} of {task.shards} was cancelled"
