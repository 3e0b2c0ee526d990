"""Where an index lives on disk: generations, the CURRENT pointer, the lock.

    <root>/CURRENT        name of the live generation, replaced atomically
    <root>/gen-000007/    a complete Whoosh index
    <root>/write.lock     held by the one process that may write

A full rebuild writes a new generation beside the live one and then swaps
CURRENT with os.replace, so readers see the old index or the new one, never
half of either, and a rebuild killed half-way leaves the old one live.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

POINTER = "CURRENT"
LOCK = "write.lock"
PREFIX = "gen-"


class IndexMissing(Exception):
    """There is no index at the given place."""


class IndexBusy(Exception):
    """Another process is writing to the index."""


def current_generation(root: Path) -> Path:
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexMissing(f"no index at {root}") from None
    path = root / name
    if not name.startswith(PREFIX) or not path.is_dir():
        raise IndexMissing(f"the index at {root} is damaged: {POINTER} names {name!r}")
    return path


def new_generation(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name[len(PREFIX):]) for p in root.glob(PREFIX + "*")
               if p.name[len(PREFIX):].isdigit()]
    path = root / f"{PREFIX}{max(numbers, default=0) + 1:06d}"
    path.mkdir()
    return path


def switch_to(root: Path, generation: Path) -> None:
    temporary = root / (POINTER + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(generation.name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, root / POINTER)


def remove_stale_generations(root: Path) -> None:
    """Delete every generation but the live one (called with the lock held).

    Open readers of an old generation keep working: on POSIX their files stay
    readable until closed.
    """
    try:
        live = current_generation(root).name
    except IndexMissing:
        live = None
    for path in root.glob(PREFIX + "*"):
        if path.name != live and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def write_lock(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    handle = open(root / LOCK, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise IndexBusy(f"index is busy: another reindex is writing to {root}; "
                                "try again when it has finished") from None
            raise
        yield
    finally:
        handle.close()
