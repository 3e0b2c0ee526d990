"""Child processes of a build die with the build.

A build forks an extraction pool and Whoosh's writer processes. Killed with
SIGKILL, the parent cannot stop them: they would block on their queues
forever, holding Whoosh's lock on the generation and whatever else they
inherited. So every process forked while a build runs asks the kernel
(prctl PR_SET_PDEATHSIG, Linux) for SIGKILL when its parent dies, and exits
at once if the parent is already gone by the time it asks.

The hook is registered once with os.register_at_fork and does nothing
outside `children_die_with_me()`, so forks elsewhere are left alone.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1

# The pid whose children must die with it, while a build runs (else None).
_parent: int | None = None


def _prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None
    return libc.prctl


_PRCTL = _prctl()


def _in_child_after_fork() -> None:
    global _parent
    if _parent is None:
        return
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != _parent:  # the parent died before the request took effect
        os._exit(1)
    _parent = os.getpid()  # a grandchild is tied to this child in turn


os.register_at_fork(after_in_child=_in_child_after_fork)


@contextmanager
def children_die_with_me():
    """Processes forked inside this block are killed when this process dies."""
    global _parent
    previous, _parent = _parent, os.getpid()
    try:
        yield
    finally:
        _parent = previous
