"""One object per open Whoosh segment reader, made on first use and gone with the reader.

Array postings (`indexer.postings`), direct stored-field reads
(`indexer.stored_fields`) and field-length bytes (`indexer.ranking`) each
keep what they read of a segment for as long as its reader is open: a
segment never changes, and a reader goes when its searcher is closed (a new
index version), taking its entries with it. Keyed weakly, so the cache
never keeps a closed reader alive; each entry should hold its reader only
weakly too, or the key could never go.
"""
from __future__ import annotations

import threading
import weakref
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class PerReader(Generic[T]):
    """`per_reader(reader)`: the one `make(reader)` of that reader."""

    def __init__(self, make: Callable[[object], T]):
        self._make = make
        self._of: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def __call__(self, reader) -> T:
        found = self._of.get(reader)
        if found is None:
            with self._lock:   # made once, should two threads share a reader
                found = self._of.get(reader)
                if found is None:
                    found = self._of[reader] = self._make(reader)
        return found
