"""Building and updating the index from sources.

Incremental by default: each document's content hash (its bytes plus the
extractor version) is compared with the one indexed under its id, so only new
and changed documents are extracted and analysed, and documents whose file
under a given source is gone are deleted. `full=True` builds a new generation
beside the live one and switches to it atomically (see `store`).
"""
from __future__ import annotations

import json
import multiprocessing
import os
import pickle
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from whoosh import index as whoosh_index
from whoosh.index import LockError

from archive.document import Document
from archive.extract import content_hash, extract
from archive.ingest import IngestError, RawDocument, iter_source_files, public_path, read_file
from archive.script import fold

from . import index_format, manifest, store, userdict
from .columns import column_values
from .processes import children_die_with_me
from .schema import FORMAT_VERSION, build_schema, chars_text
from .writer import WriterProcessFailed, cancel, open_writer

# Below this many documents to (re)index, extra writer processes cost more
# (each starts its own segment) than they save.
PARALLEL_AFTER = 500
WRITER_MEMORY_MB = 256

@dataclass
class BuildReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    failed: int = 0
    errors: list[IngestError] = field(default_factory=list)
    generation: str = ""


def document_fields(doc: Document) -> dict:
    """The Whoosh fields for one document."""
    title = doc.title or ""
    region_keys: list[str] = []
    for region in doc.regions:
        for key in region.path_keys:
            if key not in region_keys:
                region_keys.append(key)
    places = {fold(r.name) for r in doc.regions + doc.mentioned_regions}
    # Folded once here, in the extraction processes, for every analysed field
    # (the analyzers take folded text): folding is a large share of analysis,
    # and it keeps the length, so the title and body are slices of one fold.
    folded = fold(chars_text(title, doc.body))
    folded_title = folded[:len(title)] if title else ""
    folded_body = folded[len(title) + 1:] if title else folded
    fields = {
        "id": doc.id,
        "content_hash": doc.content_hash,
        "origin": doc.file,
        "title": folded_title,
        "words": folded_body,
        "chars": folded,
        "char": folded,  # the same object: spilled and sent to the writers once
        "region": ",".join(region_keys),
        "place": ",".join(sorted(places)),
        "official": ",".join(dict.fromkeys(fold(o.name) for o in doc.officials)),
        "date_bucket": ",".join(date_buckets(doc)),
        "script": doc.script,
        "source": fold(doc.source or ""),
        "meta": json.dumps(stored_meta(doc), ensure_ascii=False),
        "text": doc.body,
    }
    span = date_span(doc)
    if span:
        fields["date_start"], fields["date_end"] = span
    return fields


def stored_meta(doc: Document) -> dict:
    meta = doc.summary()
    if doc.original != doc.body:
        meta["original"] = doc.original  # kept only when cleaning changed something
    return meta


def date_buckets(doc: Document) -> list[str]:
    """Histogram buckets a date counts in, at its own precision."""
    if doc.date is None or doc.date.precision == "month-day":
        return ["unknown"]
    value = doc.date.value
    if doc.date.precision == "year":
        return [value[:4]]
    return [value[:4], value[:7]]


def date_span(doc: Document) -> tuple[int, int] | None:
    """First and last day (as YYYYMMDD) the document's date can mean."""
    if doc.date is None or doc.date.precision == "month-day":
        return None
    value = doc.date.value
    year = int(value[:4])
    if doc.date.precision == "year":
        return year * 10000 + 101, year * 10000 + 1231
    month = int(value[5:7])
    if doc.date.precision == "month":
        return year * 10000 + month * 100 + 1, year * 10000 + month * 100 + 31
    day = int(value[8:10])
    number = year * 10000 + month * 100 + day
    return number, number


def _extract_fields(raw: RawDocument) -> tuple[str, dict | None, str | None]:
    try:
        fields = document_fields(extract(raw))
        # The index keeps the absolute path, privately (a column, never a
        # stored field), to find documents whose file is gone; what is
        # published names the file relative to its SOURCE.
        fields["origin"] = raw.location or raw.file
        _check_writable(fields)
        return raw.id, fields, None
    except Exception as exc:  # one bad document must not stop a reindex
        return raw.id, None, f"extraction failed: {type(exc).__name__}: {exc}"


def _check_writable(fields: dict) -> None:
    """Raise here, inside the document's boundary, for what Whoosh would fail on.

    Every term, stored value and column is written as UTF-8; a string that
    cannot be encoded (a lone surrogate) would fail in the writer, where in
    parallel builds no single document can be skipped.
    """
    for name, value in fields.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError(f"field {name!r} is not valid Unicode at character {exc.start}") \
                    from None


def _count_documents(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.suffix.lower() == ".jsonl":
            try:
                with open(path, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def known_documents(ix) -> dict[str, tuple[str, str]]:
    """id -> (content hash, origin file) for every indexed document."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        columns = zip(column_values(reader, "id"), column_values(reader, "content_hash"),
                      column_values(reader, "origin"))
        return {doc_id: (content, origin)
                for docnum, (doc_id, content, origin) in enumerate(columns)
                if not reader.is_deleted(docnum)}


def build(sources: Iterable[str | Path], index_dir: str | Path, full: bool = False,
          workers: int = 1, progress: Callable[[str, int, int], None] | None = None,
          on_error: Callable[[IngestError], None] | None = None,
          notify: Callable[[str], None] | None = None) -> BuildReport:
    """Index `sources` into the index at `index_dir`.

    `progress(stage, done, total)` is called as documents are read and
    indexed; stage "committing" (total 0: its length is unknown) when the
    writer processes finish their segments. `notify(message)` hears of
    recoveries: a stale lock taken over, an unreadable generation replaced.
    Raises IndexBusy, or IndexWriteError (one line, e.g. "no space left on
    device while writing …") after removing what this build had written.
    """
    root = Path(index_dir)
    if manifest.is_sharded(root):   # never a single index's generation among shards
        from .shard_build import build_sharded
        return build_sharded(sources, root, None, full, workers, progress, on_error, notify)
    sources = [Path(s) for s in sources]
    report = BuildReport()

    def fail(error: IngestError) -> None:
        report.failed += 1
        report.errors.append(error)
        if on_error:
            on_error(error)

    notify = notify or (lambda message: None)
    with store.write_lock(root, notify), Lifecycle(root) as lifecycle, children_die_with_me():
        # Generations beside the live one are leftovers of a killed --full.
        store.remove_stale_generations(root)
        try:
            generation = None if full else store.current_generation(root)
        except store.IndexMissing:
            generation = None
        fresh = generation is None
        found = None if fresh else index_format.version_of(generation)
        if found not in (FORMAT_VERSION, None):
            notify(f"index format changed (the live generation is format {found}, this archive "
                   f"writes {FORMAT_VERSION}): building a new index from the given sources")
            fresh = True
        if not fresh:
            lifecycle.live = generation
            store.clean_leftovers(generation)  # of a killed incremental run
            try:
                ix = whoosh_index.open_dir(str(generation))
                known = known_documents(ix)
            except Exception as exc:  # unreadable: rebuild it rather than fail every time
                notify(f"the live generation {generation.name} cannot be read "
                       f"({type(exc).__name__}); building a new one")
                fresh, lifecycle.live = True, None
        if fresh:
            generation = lifecycle.partial = store.new_generation(root)
            ix = whoosh_index.create_in(str(generation), build_schema())
            index_format.write(generation)
            known = {}
        report.generation = generation.name
        write_documents(sources, generation, ix, known, report, fail, workers, progress)
        if fresh:
            store.switch_to(root, generation)
            lifecycle.partial = None  # live now: nothing to undo
            store.remove_stale_generations(root)
    return report


# Phase 1 spills each extracted document's fields here, in the generation, for phase 2.
SPILL = "extracted.tmp"


@dataclass
class Extracted:
    """What phase 1 of a build leaves for phase 2, besides the spilled fields."""
    names: set[str]            # officials' names to teach jieba before analysing
    count: int                 # documents spilled
    seen: dict[str, str]       # id -> file[:line] as the user named it, for messages
    failed_files: set[str]     # files with a record that could not be read
    unlisted: list[str]        # folders that could not be read: keep what came from them


def write_documents(sources: list[Path], generation: Path, ix, known: dict[str, tuple[str, str]],
                    report: BuildReport, fail: Callable[[IngestError], None], workers: int = 1,
                    progress: Callable[[str, int, int], None] | None = None) -> None:
    """Read `sources` and write what changed into the Whoosh index `ix` of
    `generation`, which holds `known` (id -> (content hash, origin)); counts go
    to `report`, bad documents to `fail`.

    Phase 1 extracts every new or changed document (in parallel when it pays)
    and spills its fields to disk, collecting officials' names; phase 2 gives
    jieba those names, then analyses and writes. Two phases so that every
    document is segmented with the same dictionary (a sharded build runs
    them as two rounds of tasks, phase 2 with every shard's names).
    """
    extracted = extract_documents(sources, generation, known, report, fail, workers, progress)
    write_extracted(sources, generation, ix, known, extracted, report, fail, workers, progress)


def extract_documents(sources: list[Path], generation: Path, known: dict[str, tuple[str, str]],
                      report: BuildReport, fail: Callable[[IngestError], None], workers: int = 1,
                      progress: Callable[[str, int, int], None] | None = None,
                      owns: Callable[[str], bool] | None = None,
                      report_unowned: bool = True) -> Extracted:
    """Phase 1: read `sources`, count the unchanged documents, and spill the
    fields of the new and changed ones into `generation` (see `write_documents`).

    A shard's build reads every source and keeps the documents it `owns` (by
    id); what fails before a document has an id (an unreadable file, a broken
    record) belongs to no shard and is reported only where `report_unowned`.
    """
    owns = owns or (lambda doc_id: True)
    fail_unowned = fail if report_unowned else (lambda error: None)
    files: list[Path] = []
    unlisted: list[str] = []  # folders that could not be read: keep what came from them
    for item in iter_source_files(sources):
        if isinstance(item, IngestError):
            unlisted.append(os.path.join(os.path.realpath(item.origin), ""))
            fail_unowned(item)
        else:
            files.append(item)
    total = _count_documents(files)
    done = 0
    seen: dict[str, str] = {}  # id -> file[:line] as the user named it, for messages
    failed_files: set[str] = set()

    def changed_documents() -> Iterator[RawDocument]:
        nonlocal done
        for path in files:
            # Absolute, so that deletions are found whatever the cwd; kept
            # private. Published: the path relative to the SOURCE given.
            location = str(path.resolve())
            public = public_path(path, sources)
            for item in read_file(path):
                done += 1
                if progress and (done % 50 == 0 or done == total):
                    progress("reading", min(done, total), total)
                if isinstance(item, IngestError):
                    failed_files.add(location)
                    fail_unowned(item)
                    continue
                if not owns(item.id):
                    continue   # another shard's (a duplicate id is that shard's to report)
                as_read = item.origin
                item.location = location
                item.file, item.origin = public, public + as_read[len(str(path)):]
                if item.id in seen:
                    fail(IngestError(as_read, f"duplicate id {item.id!r} "
                                              f"(first read from {seen[item.id]})"))
                    continue
                seen[item.id] = as_read
                previous = known.get(item.id)
                if previous and previous[0] == content_hash(item):
                    report.unchanged += 1
                    continue
                yield item

    spill = generation / SPILL
    names = userdict.read_names(generation)
    pending = changed_documents()
    head = list(islice(pending, PARALLEL_AFTER))
    parallel = workers > 1 and len(head) >= PARALLEL_AFTER
    extracted_count = 0
    # In parallel, the first document is extracted here, before the pool
    # forks: the extractor's gazetteer and word lists (seconds of CPU) are
    # then loaded once and shared, not loaded again by every worker.
    first = [_extract_fields(head.pop(0))] if parallel else []
    with open(spill, "wb") as out, _pool(workers if parallel else 1) as pool:
        pending = chain(head, pending)
        results = chain(first, pool.imap(_extract_fields, pending, chunksize=16) if pool
                        else map(_extract_fields, pending))
        for doc_id, fields, error in results:
            if error:
                fail(IngestError(seen.get(doc_id, doc_id), error))
                continue
            names.update(n for n in fields["official"].split(",") if n)
            pickle.dump((doc_id, fields), out, protocol=pickle.HIGHEST_PROTOCOL)
            extracted_count += 1
    return Extracted(names, extracted_count, seen, failed_files, unlisted)


def write_extracted(sources: list[Path], generation: Path, ix, known: dict[str, tuple[str, str]],
                    extracted: Extracted, report: BuildReport,
                    fail: Callable[[IngestError], None], workers: int = 1,
                    progress: Callable[[str, int, int], None] | None = None) -> None:
    """Phase 2: analyse and write the spilled documents with `extracted.names`
    taught to jieba, delete the documents gone from `sources`, and commit."""
    spill = generation / SPILL
    names, extracted_count, seen = extracted.names, extracted.count, extracted.seen
    try:
        if extracted_count:  # jieba (seconds to load) is only needed to analyse
            userdict.add_names(names)  # before the writer's processes fork
        parallel = workers > 1 and extracted_count >= PARALLEL_AFTER
        writer = open_writer(ix, workers if parallel else 1, WRITER_MEMORY_MB)
        placeholders: list[str] = []
        try:
            for indexed, (doc_id, fields) in enumerate(_spilled(spill), start=1):
                try:
                    writer.add_document(**fields)
                except Exception as exc:  # the boundary: one document, not the build
                    placeholders.append(_take_partial_document(writer, len(placeholders)))
                    fail(IngestError(seen.get(doc_id, doc_id),
                                     f"indexing failed: {type(exc).__name__}: {exc}"))
                    continue
                if doc_id in known:
                    # The old version goes only once the new one is in
                    # (update_document deletes first): a document that
                    # fails to write keeps its indexed version.
                    writer.delete_by_term("id", doc_id)
                    report.updated += 1
                else:
                    report.added += 1
                if progress and (indexed % 50 == 0 or indexed == extracted_count):
                    progress("indexing", indexed, extracted_count)
            for doc_id, (_hash, origin) in known.items():
                if doc_id not in seen and origin not in extracted.failed_files \
                        and not origin.startswith(tuple(extracted.unlisted)) \
                        and _under_any(origin, sources):
                    writer.delete_by_term("id", doc_id)
                    report.deleted += 1
            # Before the commit, so that a full disk cannot fail the build
            # after it: extra names, should the commit fail, are harmless.
            userdict.write_names(generation, names)
            if progress:
                progress("committing", 0, 0)  # the writer processes finish their segments
            writer.commit()
        except BaseException:
            cancel(writer)
            raise
        if placeholders:
            with open_writer(ix, 1, WRITER_MEMORY_MB) as cleanup:
                for placeholder in placeholders:
                    cleanup.delete_by_term("id", placeholder)
    finally:
        spill.unlink(missing_ok=True)


class Lifecycle:
    """What a failed build undoes, under the lock: the generation it was
    creating, or its partial files in the live one. Errors from writing come
    out as one line (IndexWriteError); a Whoosh lock still held by processes
    of a killed build as IndexBusy."""

    def __init__(self, root: Path):
        self.root = root
        self.partial: Path | None = None   # a new generation, not live yet
        self.live: Path | None = None      # the live generation, written in place

    def __enter__(self) -> "Lifecycle":
        return self

    def __exit__(self, kind, exc, traceback) -> bool:
        if kind is None:
            return False
        if self.partial is not None:
            store.remove_generation(self.partial)
        elif self.live is not None:
            store.clean_leftovers(self.live)
        where = self.partial or self.live or self.root
        if isinstance(exc, OSError):
            raise store.write_error(exc, f"the index in {where}") from exc
        if isinstance(exc, WriterProcessFailed):
            raise store.IndexWriteError(f"{exc} while writing the index in {where}") from exc
        if isinstance(exc, LockError):
            raise store.IndexBusy(f"index is busy: processes of an earlier reindex still hold "
                                  f"{where}; try again in a moment") from exc
        return False


def _take_partial_document(writer, number: int) -> str:
    """Let a placeholder take the document number a failed add left behind.

    Whoosh pools a document's postings field by field; when a later field
    raises, the postings already pooled stay under the number the next
    document would be given. A placeholder takes that number and is deleted
    after the commit, so those postings belong to no visible document. Its
    id starts with '-', which no document id (see `safe_id`) does.
    """
    placeholder = f"-unwritten-{number}"
    writer.add_document(id=placeholder)
    return placeholder


class _pool:
    """A process pool for extraction when it pays, else nothing (serial map)."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = None

    def __enter__(self):
        if self.workers > 1:
            context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
            self.pool = context.Pool(self.workers)
        return self.pool

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()
        return False


def _spilled(path: Path) -> Iterator[tuple[str, dict]]:
    with open(path, "rb") as handle:
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return


def _under_any(origin: str, sources: list[Path]) -> bool:
    origin_path = Path(origin)
    for source in sources:
        resolved = source.resolve()
        if origin_path == resolved or resolved in origin_path.parents:
            return True
    return False
