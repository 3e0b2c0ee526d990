"""Common two-character words, to tell where a person's name ends.

After 区长 the next characters may be 蔡佳甫鼓励 or 米亮主持: a name of two
characters is followed by a common word (主持), one of three is not. The
word list is jieba's dictionary (already a dependency for indexing), cut to
two-character words frequent enough to be vocabulary rather than names.
The same pass keeps each short word's part-of-speech tag, which tells where
an office's title starts (officials.py) without loading jieba's tagger.
"""
from __future__ import annotations

import functools
import os

MIN_FREQUENCY = 50
MAX_TAGGED = 4


@functools.lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], dict[str, str], dict[str, int]]:
    """One pass over jieba's dictionary: frequent two-character words, and
    the part-of-speech tag and frequency of every word of up to four characters."""
    import jieba
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words: dict[str, int] = {}
    tags: dict[str, str] = {}
    frequencies: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, frequency, tag = line.split(" ", 2)
            if len(word) > MAX_TAGGED:
                continue
            tags[word] = tag.rstrip("\n")
            frequencies[word] = int(frequency)
            if len(word) == 2 and int(frequency) >= MIN_FREQUENCY:
                words[word] = int(frequency)
    return words, tags, frequencies


def common_words() -> dict[str, int]:
    """Two-character words and their frequencies in jieba's dictionary."""
    return _dictionary()[0]


def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag (n, v, p, ns …) of each word of up to four characters."""
    return _dictionary()[1]


def word_frequencies() -> dict[str, int]:
    """jieba's frequency of each word of up to four characters."""
    return _dictionary()[2]


def is_common_word(text: str) -> bool:
    return text in common_words()


def frequency(text: str) -> int:
    return common_words().get(text, 0)
