"""jieba's user dictionary: place names from the gazetteer.

Without it jieba cuts 新桥镇 as 新桥/镇 in one sentence and keeps it whole in
another; with it, a place name is one word wherever it stands, which makes
word matches (and ranking) agree with what a reader sees as a name.
"""
from __future__ import annotations

from archive import gazetteer

# A frequency high enough that jieba prefers the whole name to its parts,
# low enough not to swallow the longer words that contain it.
_FREQUENCY = 2000


def place_names() -> list[str]:
    gaz = gazetteer.load()
    names = set(gaz.by_name)
    names.update(gaz.by_short_name)
    return sorted(n for n in names if len(n) >= 2)


def load_into(tokenizer) -> None:
    for name in place_names():
        tokenizer.add_word(name, _FREQUENCY)
