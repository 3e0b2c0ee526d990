"""Building a sharded index: one task per shard (twice), one switch for all.

    build_sharded(sources, dir, shards=N)   -> BuildReport (the shards' sum)
    build_shard(ShardTask)                  -> ShardReport (one shard's part)

`build_sharded` takes the sharded index's one lock, removes what earlier
builds left (`manifest.remove_unlisted`), plans a `ShardTask` per shard and
hands the tasks to `run` (in process: one after another; a cluster submits
the same `build_shard` to its workers), in two rounds: EXTRACT tasks, then
WRITE tasks given every shard's officials' names (see EXTRACT). Every task
writes a new generation of its shard and switches nothing; only when all
have succeeded does one write of the manifest switch every shard at once. A failed or killed task leaves the
manifest, hence the live index, as it was; what the tasks wrote is removed.

A task reads every source and keeps the documents whose id hashes to its
shard (`sharded.shard_of`). An incremental task starts from a copy of its
shard's live generation (Whoosh's files hard-linked, see
`store.copy_generation`), so the live one is never written to.
"""
from __future__ import annotations

import pickle
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as whoosh_index

from archive.ingest import IngestError

from . import index_format, manifest, store, userdict
from .build import (BuildReport, Extracted, Lifecycle, extract_documents, known_documents,
                    write_extracted)
from .processes import children_die_with_me
from .schema import FORMAT_VERSION, build_schema
from .sharded import shard_of


class ShardCountChanged(ValueError):
    """`--shards` differs from what the index at DIR has, without `--full`."""


# A shard's build runs as two tasks, as one index's build runs in two phases
# (`build.write_documents`): every shard extracts and spills its documents and
# reports the officials' names it found; then every shard analyses and writes
# them with all shards' names taught to jieba, so that each document is cut
# into words as one index holding them all would cut it.
EXTRACT, WRITE = "extract", "write"
STATE = "extracted-state.tmp"   # what the extract task leaves in the generation for the write task


@dataclass(frozen=True)
class ShardTask:
    """One shard's part of a build: plain data, the same in process or on a worker."""
    sources: tuple[str, ...]    # files and folders, as the user named them
    root: str                   # the sharded index, on storage every worker reaches
    shard: int                  # this is shard `shard` of `shards`
    shards: int
    full: bool                  # a new generation from nothing, else an update of `previous`
    previous: str | None        # the shard's live generation (a name in its folder), if any
    workers: int = 1            # processes for extraction and writing
    stage: str = EXTRACT
    generation: str | None = None   # WRITE: the generation the shard's EXTRACT task made
    names: frozenset[str] = frozenset()   # WRITE: every shard's officials' names

    @property
    def folder(self) -> str:
        return manifest.shard_folder(self.shard)


@dataclass
class ShardReport(BuildReport):
    """What one task did; `generation` is the new generation, not yet live."""
    shard: int = 0
    notes: list[str] = field(default_factory=list)   # recoveries, as `notify` would say them
    names: set[str] = field(default_factory=set)     # EXTRACT: the officials' names it found


@dataclass
class _State:
    extracted: Extracted
    updating: bool   # the generation is a copy of `previous`, updated in place


def build_shard(task: ShardTask,
                progress: Callable[[str, int, int], None] | None = None) -> ShardReport:
    """Run one task of shard `task.shard`'s build (see EXTRACT, WRITE) in a new
    generation of its folder, without switching to it. The caller holds the
    sharded index's lock. Bad documents are reported in the result and
    skipped; errors that belong to no document only by shard 0, so that the
    shards' reports add up to what one index's build says. Raises
    IndexWriteError (one line) after removing the generation it was writing.
    """
    shard_root = Path(task.root) / task.folder
    report = ShardReport(shard=task.shard)

    def fail(error: IngestError) -> None:
        report.failed += 1
        report.errors.append(error)

    sources = [Path(s) for s in task.sources]
    with Lifecycle(shard_root) as lifecycle, children_die_with_me():
        if task.stage == EXTRACT:
            shard_root.mkdir(parents=True, exist_ok=True)
            generation = lifecycle.partial = store.new_generation(shard_root)
            report.generation = generation.name
            _ix, known, updating = _start(task, shard_root, generation, report.notes)
            extracted = extract_documents(
                sources, generation, known, report, fail, task.workers, progress,
                owns=lambda doc_id: shard_of(doc_id, task.shards) == task.shard,
                report_unowned=task.shard == 0)
            with open(generation / STATE, "wb") as out:
                pickle.dump(_State(extracted, updating), out, protocol=pickle.HIGHEST_PROTOCOL)
            report.names = extracted.names
        else:
            generation = lifecycle.partial = shard_root / task.generation
            with open(generation / STATE, "rb") as state_file:
                state = pickle.load(state_file)
            state.extracted.names = set(task.names)
            ix = whoosh_index.open_dir(str(generation))
            write_extracted(sources, generation, ix, known_documents(ix), state.extracted, report,
                            fail, task.workers, progress)
            (generation / STATE).unlink()
            report.generation = generation.name
            if state.updating and not (report.added or report.updated or report.deleted):
                # Nothing changed: the live generation stays, and readers keep their files open.
                store.remove_generation(generation)
                report.generation = task.previous
        lifecycle.partial = None   # complete: the manifest makes it live, or the next build removes it
    return report


def _start(task: ShardTask, shard_root: Path, generation: Path, notes: list[str]):
    """The Whoosh index to write into `generation`, the documents it holds, and
    whether it updates the previous generation (a copy of it) or starts empty."""
    previous = shard_root / task.previous if task.previous and not task.full else None
    if previous is not None:
        found = index_format.version_of(previous)
        if found is None:
            notes.append(f"{task.folder}: its live generation {previous.name} holds no index; "
                         "building a new one")
        elif found != FORMAT_VERSION:
            notes.append(f"{task.folder}: index format changed (format {found}, this archive "
                         f"writes {FORMAT_VERSION}): building it anew from the given sources")
        else:   # never written to: builds write copies, so it has no leftovers to clean
            try:
                store.copy_generation(previous, generation,
                                      own_files=(index_format.FILE, userdict.NAMES_FILE))
                ix = whoosh_index.open_dir(str(generation))
                return ix, known_documents(ix), True
            except (OSError, ValueError, whoosh_index.EmptyIndexError) as exc:
                notes.append(f"{task.folder}: the live generation {previous.name} cannot be "
                             f"read ({type(exc).__name__}); building a new one")
                shutil.rmtree(generation)
                generation.mkdir()
    ix = whoosh_index.create_in(str(generation), build_schema())
    index_format.write(generation)
    return ix, {}, False


def plan(sources: Iterable[str | Path], root: Path, shards: int | None, full: bool,
         workers: int = 1) -> list[ShardTask]:
    """The tasks of a build (with the lock held). `shards=None` keeps the
    index's shard count; another count than the index has needs `full`, and
    so does sharding a single index: ShardCountChanged otherwise."""
    try:
        live = manifest.read(root)
    except store.IndexMissing:
        live = []
    if shards is None:
        shards = len(live) or 1
    if not full:
        if live and shards != len(live):
            raise ShardCountChanged(f"the index at {root} has {len(live)} shards, not {shards}; "
                                    "add --full to rebuild it with another number of shards")
        if not live and (root / store.POINTER).exists():
            raise ShardCountChanged(f"the index at {root} is not sharded; add --full to "
                                    f"rebuild it as {shards} shards")
    previous = {s.folder: s.generation for s in live} if len(live) == shards else {}
    names = tuple(str(s) for s in sources)
    return [ShardTask(names, str(root), i, shards, full or not previous,
                      previous.get(manifest.shard_folder(i)), workers)
            for i in range(shards)]


def in_process(tasks: list[ShardTask], progress=None) -> Iterable[ShardReport]:
    """Run the tasks one after another in this process, each with its progress lines."""
    for task in tasks:
        shown = None
        if progress is not None:
            def shown(stage: str, done: int, total: int, task=task) -> None:
                progress(f"shard {task.shard + 1}/{task.shards} {stage}", done, total)
        yield build_shard(task, shown)


def build_sharded(sources: Iterable[str | Path], index_dir: str | Path, shards: int | None = None,
                  full: bool = False, workers: int = 1,
                  progress: Callable[[str, int, int], None] | None = None,
                  on_error: Callable[[IngestError], None] | None = None,
                  notify: Callable[[str], None] | None = None,
                  run: Callable[[list[ShardTask]], Iterable[ShardReport]] | None = None,
                  on_shard: Callable[[ShardReport], None] | None = None) -> BuildReport:
    """Index `sources` into the sharded index at `index_dir` (see the module).

    `run(tasks)` (called once per round) yields each task's report (default:
    `in_process`), raising if any task fails, and only once no task is still running (a cluster
    cancels the others and waits for them): the lock is let go after it, and
    what the tasks wrote is removed; `on_shard(report)` hears of each shard
    once both its tasks are done.
    Raises IndexBusy, IndexWriteError, ShardCountChanged; the live index is
    then unchanged and what the build had written is removed.
    """
    root = Path(index_dir)
    notify = notify or (lambda message: None)
    run = run or (lambda tasks: in_process(tasks, progress))
    total = BuildReport()
    with store.write_lock(root, notify):
        manifest.remove_unlisted(root)   # partial generations of a killed build
        tasks = plan(sources, root, shards, full, workers)
        try:
            extracted = _reports(run(tasks), tasks, root, notify, on_error)
            names = frozenset().union(*(report.names for report in extracted.values()))
            writes = [replace(task, stage=WRITE, generation=extracted[task.shard].generation,
                              names=names) for task in tasks]
            written = _reports(run(writes), writes, root, notify, on_error)
            for task in tasks:
                shard = ShardReport(shard=task.shard, generation=written[task.shard].generation)
                _add(_add(shard, extracted[task.shard]), written[task.shard])
                if on_shard:
                    on_shard(shard)
                _add(total, shard)
            try:
                manifest.write(root, [manifest.LiveShard(task.folder, written[task.shard].generation)
                                      for task in tasks])
            except OSError as exc:
                raise store.write_error(exc, f"the index manifest in {root}") from None
        finally:
            manifest.remove_unlisted(root)   # replaced generations, or this build's partial ones
    total.generation = "+".join(written[task.shard].generation for task in tasks)
    return total


def _reports(reports: Iterable[ShardReport], tasks: list[ShardTask], root: Path,
             notify: Callable[[str], None],
             on_error: Callable[[IngestError], None] | None) -> dict[int, ShardReport]:
    """One round's reports by shard, their notes and errors passed on as each arrives."""
    found: dict[int, ShardReport] = {}
    for report in reports:
        found[report.shard] = report
        for note in report.notes:
            notify(note)
        for error in report.errors:
            if on_error:
                on_error(error)
    if sorted(found) != [task.shard for task in tasks]:
        raise store.IndexWriteError(f"the build of {root} returned no report for some shards")
    return found


def _add(total: BuildReport, report: BuildReport) -> BuildReport:
    total.added += report.added
    total.updated += report.updated
    total.unchanged += report.unchanged
    total.deleted += report.deleted
    total.failed += report.failed
    total.errors += report.errors
    return total
