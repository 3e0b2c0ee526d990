"""Where an index lives on disk: generations, the CURRENT pointer, the lock.

    <root>/CURRENT        name of the live generation, replaced atomically
    <root>/gen-000007/    a complete Whoosh index
    <root>/write.lock     locked by the one process that may write, and its pid

A full rebuild writes a new generation beside the live one and then swaps
CURRENT with os.replace, so readers see the old index or the new one, never
half of either, and a rebuild killed half-way leaves the old one live.
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

POINTER = "CURRENT"
LOCK = "write.lock"
PREFIX = "gen-"


class IndexMissing(Exception):
    """There is no index at the given place, or none that can be read.

    `damaged`: an index is there but cannot be read (its message then names
    the remedy, a full reindex); False when there is none at all.
    """

    def __init__(self, message: str, *, damaged: bool = False):
        super().__init__(message)
        self.damaged = damaged


class IndexBusy(Exception):
    """Another process is writing to the index."""


class IndexWriteError(Exception):
    """Writing the index failed (a full disk, no permission); nothing was changed."""


def write_error(exc: OSError, what: str) -> IndexWriteError:
    """One line for an OSError met while writing `what`: `no space left on device while writing …`."""
    reason = (exc.strerror or str(exc)).lower() if exc.errno else str(exc)
    return IndexWriteError(f"{reason} while writing {what}")


def current_generation(root: Path) -> Path:
    # Twice: a full rebuild may switch CURRENT and remove the generation it
    # named between our reading the pointer and looking at the folder.
    for _attempt in range(2):
        try:
            name = (root / POINTER).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise IndexMissing(f"no index at {root}") from None
        path = root / name
        if name.startswith(PREFIX) and "/" not in name and path.is_dir():
            return path
    raise IndexMissing(f"the index at {root} is damaged: {POINTER} names {name!r}, "
                       "which is not there (run `archive reindex --full`)", damaged=True)


def new_generation(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    # ASCII digits only: a stray folder such as gen-² passes str.isdigit() but not int().
    numbers = [int(p.name[len(PREFIX):]) for p in root.glob(PREFIX + "*")
               if re.fullmatch(r"[0-9]+", p.name[len(PREFIX):])]
    path = root / f"{PREFIX}{max(numbers, default=0) + 1:06d}"
    path.mkdir()
    return path


def switch_to(root: Path, generation: Path) -> None:
    replace_file(root / POINTER, generation.name + "\n")


def replace_file(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically and durably: readers see the old
    file or the new one, never a part, and a crash after the return keeps
    the new one (the rename is durable only once its folder is)."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


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


def remove_generation(path: Path) -> None:
    """Delete one generation that never went live (a failed or killed build)."""
    shutil.rmtree(path, ignore_errors=True)


def copy_generation(source: Path, target: Path, own_files: tuple[str, ...]) -> None:
    """Make the empty generation `target` a copy of `source`, to update apart
    from it: Whoosh's files (segments, tables of contents) are linked, not
    copied, since Whoosh never writes a file twice: a commit writes new files
    and unlinks old ones, which leaves the other generation's links alone.
    `own_files`, which the archive may rewrite, are copied; temporary files
    and Whoosh's lock are left behind.
    """
    for path in source.iterdir():
        if not path.is_file() or path.name.endswith(".tmp") or path.name.endswith("LOCK"):
            continue
        if path.name in own_files:
            shutil.copy2(path, target / path.name)
            continue
        try:
            os.link(path, target / path.name)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            shutil.copy2(path, target / path.name)  # a filesystem without hard links


def clean_leftovers(generation: Path) -> None:
    """Remove what a killed or failed incremental build left in a live generation:
    temporary files and folders (the extraction spill, Whoosh's job files and
    sorting runs) and segment files that no commit refers to.

    Called with the lock held, so no other writer owns any of them.
    """
    from whoosh import index as whoosh_index

    for path in generation.glob("*.tmp"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    try:
        ix = whoosh_index.open_dir(str(generation))
        whoosh_index.clean_files(ix.storage, ix.indexname, ix.latest_generation(), ix._segments())
    except (OSError, whoosh_index.EmptyIndexError):
        pass  # nothing readable to compare against: leave the files alone


# Lock files this process holds (by real path): a second write_lock on the same
# index from this process must be turned away too, and must not open the file
# again, since closing any descriptor of a file drops the process's POSIX locks.
_held: dict[str, int] = {}   # real path of the lock file -> its descriptor
_held_guard = threading.Lock()


def _close_inherited_locks() -> None:
    # A forked child never holds the lock (POSIX locks are not inherited), and
    # it should not even keep the file open: the lock is the parent's alone.
    for fd in _held.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_close_inherited_locks)


@contextmanager
def write_lock(root: Path, notify: Callable[[str], None] | None = None):
    """Hold the index's write lock; IndexBusy if another process holds it.

    The lock is a POSIX record lock (fcntl), which belongs to this process
    alone: children forked meanwhile do not inherit it, and the kernel drops
    it when this process dies, however it dies. The file records the holder's
    pid, and is emptied on release; a pid found in it on taking the lock is
    therefore a holder that died without releasing it, and `notify` is told.
    """
    path = root / LOCK
    key = os.path.realpath(path)
    busy = IndexBusy(f"index is busy: another reindex is writing to {root}; "
                     "try again when it has finished")
    with _held_guard:
        if key in _held:
            raise busy
        try:
            root.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise write_error(exc, f"the index at {root}") from None
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = _recorded_pid(fd)
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                if holder:
                    raise IndexBusy(f"index is busy: reindex pid {holder} is writing to {root}; "
                                    "try again when it has finished") from None
                raise busy from None
            raise
        _held[key] = fd
    try:
        previous = _recorded_pid(fd)
        if previous and previous != os.getpid() and notify:
            notify(f"taking over the lock of reindex pid {previous}, which is no longer running")
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError as exc:  # a full disk: the lock itself holds, the pid is a courtesy
            if exc.errno != errno.ENOSPC:
                raise write_error(exc, f"the index at {root}") from None
        yield
    finally:
        with _held_guard:
            if _held.get(key) == fd:  # else a forked child, which closed it after the fork
                try:
                    os.ftruncate(fd, 0)  # released cleanly: nobody to take over from
                except OSError:
                    pass
                del _held[key]
                os.close(fd)  # drops the lock


def _recorded_pid(fd: int) -> int | None:
    # Read through the lock's own descriptor: opening and closing the file
    # again would drop this process's lock on it.
    try:
        text = os.pread(fd, 32, 0).decode("ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
