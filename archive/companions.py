"""Officials named only as companions of a leader's visit or meeting.

A national story closes a leader's tour with the people who came along,
named with no office at all: 马兴瑞、石泰峰一同调研。 袁家军参加调研。
李干杰、何立峰及中央和国家机关有关部门负责同志陪同考察。 Only office
holders are named this way (others are 群众, 代表 or 负责同志, never by
name), so every name of such a list is an official, with no office unless
the text gives one elsewhere.

The list must fill its clause from its start to the verb: 张三和李四一同
参观 inside a sentence about villagers (他和妻子一同参加活动) is no list of
names, and a clause with an office in it is read by `officials`.
"""
from __future__ import annotations

import re

from .common_words import is_common_word, word_tags
from .names import NOT_IN_NAME, SURNAMES_1, SURNAMES_2, is_cjk_run

# The verb that closes the list: who came along (陪同, 一同) or took part
# (参加, 出席), in what (调研, 会见, 上述活动). A literal alternation: the
# scan runs over every document.
# A bare 出席 closes the sentence (王某、李某出席。); written inside the one
# alternation, so the scan keeps its literal prefixes.
_ACCOMPANY = re.compile(r"(?:一同|陪同|参加|出席)(?:调研|考察|视察|会见|会谈|座谈|汇报会|会议|上述活动|活动|"
                        r"开幕式|仪式|慰问|检查|(?<=出席)(?=[。；;]))")
# A presider's clause may open the sentence (石泰峰主持会议，李某、王某出席会议):
# the list is the clause after it.
_PRESIDER_CLAUSE = re.compile(r"[\u4e00-\u9fff]{2,4}主持(?:召开)?(?:会议|座谈会|座谈)")
# Between the list and the verb: 等, an adverb, or 及 and the others
# who came (及中央和国家机关有关部门负责同志).
_BEFORE_VERB = re.compile(r"(?:等人?)?(?:分别|也|还|共同)?$")
_OTHERS = re.compile(r"^[^、]{0,40}(?:负责同志|负责人|同志|成员|代表|等)$")
_GROUPS = re.compile(r"[，,]")
# What opens the clause holding the list.
_CLAUSE_OPEN = "。！？；;\n"
_LIST_MARKS = re.compile(r"、|和|及")
# The list's own sentence is short: a few names and groups of others.
_MAX_SENTENCE = 120


def is_name(item: str) -> bool:
    """A list item that reads as a person's whole name: a surname, one to
    three characters of given name, and no word of the language (来华, 师生,
    全体 open with surnames too)."""
    if not 2 <= len(item) <= 4 or not is_cjk_run(item):
        return False
    if item[:2] in SURNAMES_2:
        given = item[2:]
    elif item[0] in SURNAMES_1:
        given = item[1:]
    else:
        return False
    if not given or len(item) == 4 and item[:2] not in SURNAMES_2 and not _listed_as_person(item):
        return False  # 洛桑江村 (jieba lists it) yes; 李明同志 no
    if any(c in NOT_IN_NAME for c in given):
        return False
    tag = word_tags().get(item)
    if tag is not None and not tag.startswith("nr"):
        return False
    return not (len(item) == 2 and is_common_word(item))


# Sounds written in characters avoid function words, not organ characters (村 in 江村).
_FUNCTION_CHARS = set("的了是在们这那其该各此从把被将也就还而并或得")


def transliterated(item: str) -> bool:
    """A name written in sounds (洛桑江村): no word of the language inside
    it but names of people and places (村民张大山 is a villager and a name;
    洛桑 is a place's name too)."""
    return is_cjk_run(item) and 3 <= len(item) <= 6 and not any(c in _FUNCTION_CHARS for c in item) \
        and not any(is_common_word(item[k:k + 2]) and not word_tags().get(item[k:k + 2], "").startswith(("nr", "ns"))
                    for k in range(len(item) - 1))


def _listed_as_person(item: str) -> bool:
    return word_tags().get(item, "").startswith("nr")


def sentence_start(folded: str, end: int, longest: int) -> int | None:
    """Where the sentence holding `folded[end]` opens, if it opens at most
    `longest` characters before `end`; None for a longer run, which is no
    bare subject (甲、乙陪同 yes; a clause of a hundred characters no)."""
    begin = end
    while begin > 0 and folded[begin - 1] not in _CLAUSE_OPEN and end - begin < longest:
        begin -= 1
    if begin > 0 and folded[begin - 1] not in _CLAUSE_OPEN:
        return None
    return begin


def companions(folded: str) -> list[tuple[str, int]]:
    """(name, position) of each person listed alone before a verb of
    accompanying, in order of appearance."""
    found: list[tuple[str, int]] = []
    for verb in _ACCOMPANY.finditer(folded):
        start = verb.start()
        begin = sentence_start(folded, start, _MAX_SENTENCE)
        if begin is None:
            continue  # a long sentence: not a bare list of names
        head = folded[begin:start]
        head = head[:_BEFORE_VERB.search(head).start()]
        # 王沪宁、蔡奇…和张升民，中央和国家机关有关部门负责同志…等参加汇报会:
        # after the names, only groups of unnamed others.
        first, *groups = _GROUPS.split(head)
        if groups and _PRESIDER_CLAUSE.fullmatch(first):
            begin += len(first) + 1  # the list opens after the presider's clause
            first, *groups = groups
        names, _, others = first.partition("及")
        if others and _OTHERS.match(others):
            groups.append(others)
        else:
            names = first
        if not all(_OTHERS.match(group) for group in groups):
            continue
        items = _LIST_MARKS.split(names)
        people = [item for item in items if is_name(item)]
        # A transliterated name (洛桑江村) may stand among names, unread.
        unread = [item for item in items if item not in people]
        if not people or len(unread) > 1 or (unread and (len(people) < 2 or not transliterated(unread[0]))):
            continue
        at = begin
        for item in items:
            if item in people:
                found.append((item, at))
            at += len(item) + 1
    return found
