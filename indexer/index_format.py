"""Which format an index generation was written in, and refusing to read another.

A change to the schema or the analysis (`schema.FORMAT_VERSION`) makes older
generations wrong to read: Whoosh would open them, then find nothing in the
fields they lack or miss what the old analysis put elsewhere. Each
generation records its format in a small file; generations from before the
file existed are format 1. A search of another format is refused with one
line, and a reindex rebuilds such a generation in full (`indexer.build`).
"""
from __future__ import annotations

from pathlib import Path

from .schema import FORMAT_VERSION
from .store import IndexMissing

FILE = "FORMAT"


class FormatChanged(IndexMissing):
    """The live generation was written in a format this code does not read."""


def write(generation: Path) -> None:
    (generation / FILE).write_text(f"{FORMAT_VERSION}\n", encoding="ascii")


def version_of(generation: Path) -> int | None:
    """The generation's format; None when it holds no index at all (damaged,
    which opening it reports)."""
    try:
        text = (generation / FILE).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        # Whoosh's table of contents: an index written before formats were recorded.
        return 1 if any(generation.glob("_*.toc")) else None
    return int(text) if text.isdigit() else 0


def check(generation: Path) -> None:
    version = version_of(generation)
    if version not in (FORMAT_VERSION, None):
        raise FormatChanged(f"the index at {generation.parent} is in an older format "
                            f"({version}; this archive reads {FORMAT_VERSION}), "
                            "so every document must be indexed again")
