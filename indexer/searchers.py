"""One Whoosh searcher per thread, and none left open on an index that has moved on.

Whoosh searchers are not shared between threads, so each thread keeps its own
for the live index version. When the index changes (an incremental commit, or
a full rebuild that switches generations and deletes the old one), the thread
that first notices opens a searcher of the new version and closes every other
thread's older searcher that is idle; one that is in use is closed by its
owner the moment its operation ends. Without this, threads that serve no more
requests (the main thread after warm-up, idle server threads) would keep an
old generation's files open as deleted files, a gigabyte on the full corpus,
until the process ends.

Whoosh's own `Searcher.refresh()` is not used: after a merge it returns a
reader that still includes the merged-away segments (documents counted twice,
deleted files kept open). An out-of-date searcher is closed and a fresh one
opened instead.

Whether a thread's searcher is still current is asked on every operation.
Asking in full (read the CURRENT pointer, list the generation's folder for
Whoosh's newest table of contents) cost more than a small search's own work,
so a searcher keeps a fingerprint of both as they stood when it was opened or
last found current: the pointer file's inode, time and size and the folder's
time. While a stat of each gives the same, nothing was replaced, added or
removed there, and the full check is skipped. Two changes within one tick of
the file system's clock can share a time stamp, so a fingerprint is only
trusted once what it saw had been settled for a while.
"""
from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from whoosh import index as whoosh_index
from whoosh.index import EmptyIndexError

from . import index_format, store, userdict, whoosh_fixes

# How long a pointer and a folder must have been unchanged before their
# time stamps are trusted to show the next change.
SETTLED_NS = 2_000_000_000

# Whoosh caches each term's idf per searcher and never evicts: a server
# answering distinct queries grows without bound. This many terms is far
# more than one query needs, and recomputing an evicted idf is cheap.
IDF_CACHE_SIZE = 4096


class BoundedCache(dict):
    """A dict that forgets its oldest entries beyond `size` (Whoosh only uses `in`, [] and []=)."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def __setitem__(self, key, value) -> None:
        if key not in self and len(self) >= self.size:
            del self[next(iter(self))]
        super().__setitem__(key, value)


def open_searcher(generation: Path):
    """A Whoosh searcher of one generation folder, with a bounded idf cache,
    and jieba taught the officials' names that generation's build found."""
    searcher = whoosh_index.open_dir(str(generation)).searcher()
    try:   # before a rebuild can delete this generation's folder under us
        whoosh_fixes.open_column_files(searcher.reader())
    except OSError:
        searcher.close()
        raise
    bounded = BoundedCache(IDF_CACHE_SIZE)
    searcher._idf_cache = bounded
    for subsearcher, _offset in searcher.subsearchers or ():
        subsearcher._idf_cache = bounded   # they share the top searcher's cache
    userdict.add_names(userdict.read_names(generation))
    return searcher


def fingerprint(pointer: Path | None, generation: Path) -> tuple | None:
    """The pointer file's and the generation folder's stat, or None when it
    cannot show a change yet (missing, or changed too recently to tell)."""
    try:
        folder = os.stat(generation)
        pointed = os.stat(pointer) if pointer is not None else None
    except OSError:
        return None
    stamps = [folder.st_mtime_ns, folder.st_ctime_ns]
    if pointed is not None:
        stamps += [pointed.st_mtime_ns, pointed.st_ctime_ns]
    if time.time_ns() - max(stamps) < SETTLED_NS:
        return None
    return (folder.st_ino, folder.st_mtime_ns,
            pointed and (pointed.st_ino, pointed.st_mtime_ns, pointed.st_size))


class _Slot:
    """A thread's searcher and the index version it sees."""

    def __init__(self, searcher, generation: Path, seen: tuple | None):
        self.searcher = searcher
        self.generation = generation
        self.seen = seen        # the fingerprint it was opened or last found current at
        # (generation folder, Whoosh commit): later versions compare greater.
        self.version = (generation.name, searcher.reader().generation())
        self.holds = 0          # operations of the owning thread using it now
        self.stale = False      # a newer version is open: close once idle
        self.closed = False


class ThreadSearchers:
    def __init__(self, root: Path, locate: Callable[[], Path] | None = None):
        self.root = root
        # Where the live generation is: CURRENT's, or what a sharded index's manifest names.
        self.locate = locate or (lambda: store.current_generation(root))
        # The file whose replacement switches generations, when this class reads it.
        self._pointer = root / store.POINTER if locate is None else None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._slots: set[_Slot] = set()

    @contextmanager
    def held(self, generation: Path | None = None):
        """This thread's searcher of the live index (or of `generation`, which a
        sharded index's manifest names), kept open until the block ends.

        Nested blocks get the same searcher, so one operation sees one version.
        """
        slot = getattr(self._local, "slot", None)
        if slot is not None and slot.holds:
            slot.holds += 1   # only this thread changes a held slot's count
        else:
            slot = self._claim(generation)
        try:
            yield slot
        finally:
            with self._lock:
                slot.holds -= 1
                if not slot.holds and slot.stale:
                    self._close(slot)

    def current(self) -> _Slot:
        """This thread's slot, inside a `held()` block."""
        slot = getattr(self._local, "slot", None)
        if slot is None or not slot.holds:
            raise RuntimeError("no searcher is held by this thread: use held()")
        return slot

    def _fingerprint(self, pinned: Path | None, generation: Path) -> tuple | None:
        if pinned is None and self._pointer is None:
            return None   # the pointer is someone else's (a manifest): always ask in full
        return fingerprint(None if pinned else self._pointer, generation)

    def _claim(self, pinned: Path | None) -> _Slot:
        with self._lock:
            slot = getattr(self._local, "slot", None)
            if slot is not None and slot.closed:
                slot = None
            if slot is not None:
                slot.holds = 1   # claimed: no other thread closes it from here on
        if slot is not None and not slot.stale and slot.seen is not None \
                and (pinned is None or pinned == slot.generation) \
                and self._fingerprint(pinned, slot.generation) == slot.seen:
            return slot
        generation = pinned or self.locate()
        if slot is not None and slot.generation == generation and not slot.stale:
            seen = self._fingerprint(pinned, generation)   # before asking: a later change shows
            if slot.searcher.up_to_date():
                slot.seen = seen
                return slot
        if slot is not None:
            with self._lock:
                slot.holds = 0
                self._close(slot)
        slot = self._open(pinned)
        with self._lock:
            slot.holds = 1
            self._slots.add(slot)
            self._local.slot = slot
            self._retire_older_than(slot.version)
            # Opened just before another thread opened a newer version: use it
            # for this operation, then close it like any other older searcher.
            slot.stale = any(other.version > slot.version for other in self._slots)
        return slot

    def _open(self, pinned: Path | None) -> _Slot:
        for attempt in range(3):
            generation = pinned or self.locate()
            index_format.check(generation)
            seen = self._fingerprint(pinned, generation)   # before opening: a later change shows
            try:
                searcher = open_searcher(generation)
            except (OSError, EmptyIndexError) as exc:
                # A rebuild switched CURRENT and removed this generation between
                # our reading the pointer and opening it: read the pointer again.
                # (A pinned generation is not looked up again: its manifest is.)
                if attempt == 2 or pinned is not None:
                    raise store.IndexMissing(
                        f"the index at {self.root} is damaged: {generation.name} cannot be "
                        f"opened ({type(exc).__name__}; run `archive reindex --full`)",
                        damaged=True) from exc
                continue
            return _Slot(searcher, generation, seen)
        raise AssertionError("unreachable")

    def _retire_older_than(self, version: tuple) -> None:
        """Close idle searchers of older versions; mark busy ones to close when done (lock held)."""
        for slot in list(self._slots):
            if slot.version < version:
                slot.stale = True
                if not slot.holds:
                    self._close(slot)

    def _close(self, slot: _Slot) -> None:
        """(lock held)"""
        if not slot.closed:
            slot.closed = True
            slot.searcher.close()
        self._slots.discard(slot)

    def release_this_thread(self) -> None:
        """Close this thread's searcher if idle: for a thread that will serve no request."""
        with self._lock:
            slot = getattr(self._local, "slot", None)
            if slot is not None and not slot.holds:
                self._close(slot)

    def close(self) -> None:
        """Close every idle searcher, and the busy ones as they finish."""
        with self._lock:
            for slot in list(self._slots):
                slot.stale = True
                if not slot.holds:
                    self._close(slot)
