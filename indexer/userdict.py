"""jieba's user dictionary: place names from the gazetteer, officials' names from the index.

Without it jieba cuts 新桥镇 as 新桥/镇 in one sentence and keeps it whole in
another; with it, a place or a person is one word wherever it stands, so word
matches (which rank results) agree with what a reader sees as a name.
Officials' names are learnt from the documents: a build writes the folded
names it extracted into the index generation (`official_names.txt`), and
every process that searches or writes that generation loads them.
"""
from __future__ import annotations

import threading
from pathlib import Path

from archive import gazetteer

NAMES_FILE = "official_names.txt"
# A frequency high enough that jieba prefers the whole name to its parts,
# low enough not to swallow the longer words that contain it.
_FREQUENCY = 2000

_added: set[str] = set()
_lock = threading.Lock()


def place_names() -> list[str]:
    gaz = gazetteer.load()
    names = set(gaz.by_name)
    names.update(gaz.by_short_name)
    return sorted(n for n in names if len(n) >= 2)


def load_into(tokenizer) -> None:
    for name in place_names():
        tokenizer.add_word(name, _FREQUENCY)


def add_names(names) -> None:
    """Teach this process's jieba the given (folded) names, once each."""
    from .analysis import segmenter

    tokenizer = segmenter()
    with _lock:
        for name in names:
            if 2 <= len(name) <= 8 and name not in _added:
                tokenizer.add_word(name, _FREQUENCY)
                _added.add(name)


def read_names(generation: Path) -> set[str]:
    try:
        text = (generation / NAMES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    return {line.strip() for line in text.splitlines() if line.strip()}


def write_names(generation: Path, names: set[str]) -> None:
    temporary = generation / (NAMES_FILE + ".tmp")
    temporary.write_text("".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    temporary.replace(generation / NAMES_FILE)
