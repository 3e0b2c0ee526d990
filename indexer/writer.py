"""Whoosh's writer for a build, with the failures of its processes seen.

Whoosh's multi-process writer (MpWriter) does not notice when one of its
processes dies: a process that hits a full disk prints its traceback and
exits, the parent then blocks forever on a full job queue, or commits
without that process's segment, silently losing its documents. Here each
process sends its error back instead of printing it, and the parent checks
its processes whenever it waits on them and before it commits: a failure is
raised in the parent as the error the process met (an OSError keeps its
errno, so a full disk reads as a full disk), and nothing is committed.
"""
from __future__ import annotations

import gc
import pickle
import queue
import time

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from .lean_codec import LeanCodec
from .posting_pool import PooledSegmentWriter

# How long a writer waits for Whoosh's own lock on the generation: processes
# of a killed build may take a moment to die and release it.
LOCK_WAIT_SECONDS = 3.0
# How often a blocked parent looks at its processes.
POLL_SECONDS = 0.2


class WriterProcessFailed(Exception):
    """A writer process failed with something other than an OSError."""


# Posting lists shorter than this are kept inside their term's entry rather
# than in a block of their own (a block header and a pointer, about 30 bytes).
CODEC = LeanCodec(inlinelimit=24)


def open_writer(ix, procs: int, memory_mb: int):
    if procs > 1:
        # Analysis (jieba, bigrams) runs in the writer's own processes, each
        # filling a segment of its own; no merge at commit.
        return _CheckedMpWriter(ix, procs=procs, multisegment=True, batchsize=64,
                                compound=False, limitmb=memory_mb // procs,
                                timeout=LOCK_WAIT_SECONDS, codec=CODEC)
    return PooledSegmentWriter(ix, limitmb=memory_mb, compound=False, timeout=LOCK_WAIT_SECONDS,
                               codec=CODEC)


def cancel(writer) -> None:
    """Stop a writer after a failure, keeping the failure the one reported.

    Cancelling closes the segment's files, which writes them: on a full disk
    that fails again. What was written is removed with its generation (or
    as unreferenced files of the live one) by the build's cleanup.
    """
    try:
        writer.cancel()
    except Exception:
        pass
    if isinstance(writer, _CheckedMpWriter):
        writer.stop_processes()
    # Whoosh releases its lock on the generation last of all in cancel() and
    # commit(): when either failed half-way, the lock is still held.
    lock = getattr(writer, "writelock", None)
    if lock is not None and getattr(lock, "fd", None) is not None:
        try:
            lock.release()
        except Exception:
            pass


class _ReportingTask(SubWriterTask):
    """A writer process that hands its error to the parent rather than printing it."""

    def run(self):
        try:
            self._write_segment()
        except BaseException as exc:  # whatever it is, the parent must learn of it
            if isinstance(exc, OSError):
                failure = ("oserror", exc.errno, exc.strerror, exc.filename)
            else:
                failure = ("error", f"{type(exc).__name__}: {exc}")
            try:
                self.resultqueue.put(("failed", failure), timeout=5)
            finally:
                raise SystemExit(1)  # exit status 1, without a traceback

    def _write_segment(self) -> None:
        # As SubWriterTask.run for a writer of its own segment (multisegment),
        # with postings pooled in memory.
        # This process lives to fill and write one segment: its pool never
        # forms cycles, so the cycle collector only walks it (see
        # `without_cyclic_gc`); what it frees goes with the process.
        gc.disable()
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = PooledSegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        if not self.running:
            writer.cancel()
            return
        # Held past the segment's cleanup: millions of pooled postings go with
        # the process's exit (os._exit), not freed one object at a time.
        self.pooled = writer.pool.fields
        segment = writer._finalize_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)


class _CheckedMpWriter(MpWriter):
    def _new_task(self):
        task = _ReportingTask(self.storage, self.indexname, self.jobqueue, self.resultqueue,
                              self.subargs, self.multisegment)
        self.tasks.append(task)
        task.start()
        return task

    def _put_job(self, job) -> None:
        while True:
            try:
                self.jobqueue.put(job, timeout=POLL_SECONDS)
                return
            except queue.Full:
                self._raise_if_a_task_failed([])

    def _enqueue(self):
        # As MpWriter._enqueue, but never blocks on a queue no process reads.
        filename = "%s.doclist" % random_name()
        with self.temp_storage().create_file(filename).raw_file() as handle:
            for item in self.docbuffer:
                pickle.dump(item, handle, 2)
        if len(self.tasks) < self.procs:
            self._new_task()
        self._put_job((filename, len(self.docbuffer)))
        self.docbuffer = []

    def _raise_if_a_task_failed(self, results: list) -> None:
        failures = [r[1] for r in results if r[0] == "failed"]
        if not failures and all(t.exitcode in (None, 0) for t in self.tasks):
            return
        while True:  # the failed process's own report, if it managed to send one
            try:
                result = self.resultqueue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                break
            if result[0] == "failed":
                failures.append(result[1])
        for failure in failures:
            if failure[0] == "oserror":
                raise OSError(failure[1], failure[2], failure[3])
        if failures:
            raise WriterProcessFailed(failures[0][1])
        codes = sorted({t.exitcode for t in self.tasks if t.exitcode not in (None, 0)})
        raise WriterProcessFailed(f"a writer process ended with status {codes[0]}")

    def _commit(self, mergetype, optimize, merge):
        # As MpWriter._commit (multisegment only), checking every process's
        # result before the new segments are committed.
        assert self.multisegment
        if self.docbuffer:
            self._enqueue()
        for _task in self.tasks:
            self._put_job(None)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        results = []
        deadline = None
        while len(results) < len(self.tasks):
            try:
                results.append(self.resultqueue.get(timeout=POLL_SECONDS))
            except queue.Empty:
                if all(t.exitcode is not None for t in self.tasks):
                    # Every process has ended: what they sent is in the queue
                    # within moments, or it will never be.
                    deadline = deadline or time.monotonic() + 5
                    if time.monotonic() > deadline:
                        break
                self._raise_if_a_task_failed(results)
        for task in self.tasks:
            task.join()
        self._raise_if_a_task_failed(results)
        if len(results) < len(self.tasks):
            raise WriterProcessFailed("a writer process ended without handing over its segment")
        finalsegments += [segment for _run, _fields, segment in results]
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()

    def cancel(self):
        self.stop_processes()
        SegmentWriter.cancel(self)

    def stop_processes(self) -> None:
        # MpWriter.cancel only flags its processes in this process's memory;
        # they would wait on the job queue forever.
        for task in self.tasks:
            if task.is_alive():
                task.terminate()
        for task in self.tasks:
            task.join()

