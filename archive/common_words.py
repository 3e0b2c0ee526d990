"""Common two-character words, to tell where a person's name ends.

After 区长 the next characters may be 蔡佳甫鼓励 or 米亮主持: a name of two
characters is followed by a common word (主持), one of three is not. The
word list is jieba's dictionary (already a dependency for indexing), cut to
two-character words frequent enough to be vocabulary rather than names.
"""
from __future__ import annotations

import functools
import os

MIN_FREQUENCY = 50


@functools.lru_cache(maxsize=1)
def common_words() -> dict[str, int]:
    """Two-character words and their frequencies in jieba's dictionary."""
    import jieba
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line[2:3] == " ":
                word, frequency = line[:2], int(line[3:].split(" ", 1)[0])
                if frequency >= MIN_FREQUENCY:
                    words[word] = frequency
    return words


def is_common_word(text: str) -> bool:
    return text in common_words()


def frequency(text: str) -> int:
    return common_words().get(text, 0)
