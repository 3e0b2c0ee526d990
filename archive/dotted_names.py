"""Names whose parts are joined by a middle dot, read back from an office.

Uyghur, Kazakh and other transliterated names write a given name and a
father's name joined by a middle dot (艾尔肯·吐尼亚孜, 迪丽娜尔·阿布拉);
read back from an office written after the name (某某·某某委员发言说), the
Han surname pattern finds at most the last three characters of the last
part, half a name. The whole name is every dotted part, and its first part
starts where a boundary stands before it (punctuation, a list mark, 的),
since transliterations hold no function word or organ character.
"""
from __future__ import annotations

import re

from .common_words import is_common_word, word_tags
from .names import is_cjk_run

DOTS = "·•‧・"
_DOT = re.compile("[%s]" % DOTS)
# Characters no transliterated name holds: grammar and organs.
_NOT_IN_NAME = set("的了是在们这那其该各此从把被将也就还而并或得靠局处市县区镇乡村所院委办厅署省和与及同向对为由")
# jieba's tags of words that are no part of a transliteration: verbs,
# prepositions, adverbs, conjunctions, particles, pronouns (阿萨德|决定辞去,
# not 尼亚 or 巴拉, places and names jieba lists).
_GRAMMAR_TAGS = ("v", "p", "d", "c", "u", "r")
# What may stand right before a dotted name's first part.
_BEFORE = set(",，、。；;：:！!？?“”\"（()）「」『』 \t\n的与和及同由向对")
_MAX_PART = 8
_MAX_PARTS = 3


def name_before(folded: str, end: int) -> str | None:
    """The whole dotted name ending at `end`, or None: each part one to
    eight characters, the last at least two, the first opening after a
    boundary (、帕巴拉·格列朗杰委员, not 共绘新图景·代表: a heading's dot
    with nothing of a name after it)."""
    if end < 4 or not _DOT.search(folded, max(0, end - 2 * _MAX_PART - 2), end - 2):
        return None  # cheap test first: most offices have no dot before them
    start = end
    parts = 0
    while parts < _MAX_PARTS:
        part_end = start
        while start > 0 and is_cjk_run(folded[start - 1]) and folded[start - 1] not in _NOT_IN_NAME \
                and part_end - start < _MAX_PART:
            start -= 1
        length = part_end - start
        if length == 0 or (parts == 0 and length < 2):
            return None
        parts += 1
        if start > 0 and folded[start - 1] in DOTS:
            start -= 1
            continue
        break
    if parts < 2 or (start > 0 and folded[start - 1] not in _BEFORE):
        return None  # no dot, or the first part runs on from words before it
    name = folded[start:end]
    last = name[max(name.rfind(dot) for dot in DOTS) + 1:]
    if is_common_word(last):
        return None  # 共绘新图景·代表|委员: a heading's dot before a word
    if any(grammar_word(name[k:k + 2]) for k in range(len(name) - 1)):
        return None  # 赛塔·他威信当选泰国|总理: a verb runs on to another office
    return name


# What surely closes a name written elsewhere in the text.
_CLOSING = set("、，,。：:；;！!？?）)\n 和与及等")


def end_written_elsewhere(folded: str, start: int, ends) -> int | None:
    """The first end of the dotted name at `start` at which the text writes
    the same name elsewhere, closed by punctuation or a list's join: 廷·巴特尔
    of the heading 廷·巴特尔：…, not 廷·巴特尔总结 in …书记廷·巴特尔总结创新经验."""
    for end in ends:
        name = folded[start:end]
        if folded[end - 1] in _NOT_IN_NAME:
            return None  # 福阿德|的专访: grammar ends the name, longer runs are no name
        at = folded.find(name)
        while at >= 0:
            if at != start and folded[at + len(name):at + len(name) + 1] in _CLOSING:
                return end
            at = folded.find(name, at + 1)
    return None


def grammar_word(word: str) -> bool:
    """A common verb, adverb or function word (当选, 立即), which no
    transliteration holds: a dotted name ends before it."""
    return is_common_word(word) and word_tags().get(word, "").startswith(_GRAMMAR_TAGS)


def dot_between(folded: str, start: int, end: int) -> bool:
    return bool(_DOT.search(folded, start, end))


def is_whole(name: str) -> bool:
    """`name` is a dotted name standing alone (at a clause's start, before
    a copula): dotted parts, none holding grammar or a verb."""
    return any(dot in name for dot in DOTS) and name_before(name, len(name)) == name
