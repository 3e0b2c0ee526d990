"""A name the text cuts badly once and writes again with an office.

A council release opens with a caption glued to its first sentence
(議員王家貞業務報告質詢文化…, 議員李鎮國市政總質詢市議員李鎮國3日…): no
punctuation or verb ends the name there, and a given name may hold a
character that elsewhere closes an organ's name (鎮 in 李鎮國, 村 in 王村生).
The same release names the person again, many times: right before or after
an office (市議員李鎮國, 李鎮國議員) or before a speaker's word (王家貞更痛批,
王家貞表示). Three characters from a surname that the text writes again in
such a place are that person's whole name. Two-character names are left
alone: too many two-character words open with a surname's character.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .common_words import is_common_word, word_tags
from .names import NOT_IN_NAME, SURNAMES_1, is_cjk_run

# Organ characters that given names hold (李鎮國, 王村生, 陳里長 is no name:
# 長 follows): accepted only where an office stands beside another mention.
_ORGAN_CHARS_IN_NAMES = frozenset("镇村里")
_NEVER_IN_NAME = NOT_IN_NAME - _ORGAN_CHARS_IN_NAMES


def name_at(folded: str, start: int, post: re.Pattern, boundary: re.Pattern,
            opens_with_word: Callable[[str], bool]) -> str | None:
    """The three characters at `start`, when they are a name the text writes
    again beside an office (`post` right before or after) or, for a name of
    ordinary characters, before a speaker's boundary (`boundary` after it).
    Words repeat as names do: three characters opening with a word (宣誓典礼,
    市长施政总报告: `opens_with_word`) or ending in one are no name."""
    name = folded[start:start + 3]
    if len(name) < 3 or name[0] not in SURNAMES_1 or not is_cjk_run(name) \
            or any(c in _NEVER_IN_NAME for c in name[1:]) or folded.count(name) < 2 \
            or name in word_tags() or is_common_word(name[1:]) or opens_with_word(name):
        return None
    organ_char = any(c in _ORGAN_CHARS_IN_NAMES for c in name[1:])
    at = folded.find(name)
    while at >= 0:
        if at != start:
            before = folded[max(0, at - 4):at]
            if post.match(folded, at + 3) or any(post.fullmatch(before[k:]) for k in range(len(before) - 1)):
                return name
            if not organ_char and boundary.match(folded, at + 3):
                return name
        at = folded.find(name, at + 1)
    return None
