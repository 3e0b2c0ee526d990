"""Organs written with their Latin acronym: 美国在台协会(AIT)处长, APEC领袖代表.

Taiwan's releases name foreign missions and international forums by their
acronym, in parentheses after the organ's Chinese name (「美国在台协会」
(AIT)主席, 美国在台协会(AIT)台北办事处处长) or alone before the post
(APEC领袖代表, AIT执行理事), once the text has defined it. The office is read back over Chinese words only,
so it stopped at the acronym and kept the bare post (主席, 处长), where the
labels, copying the office as written, keep the organ and its acronym. Text
here is folded: the acronym is lower case and the parentheses are ASCII.
"""
from __future__ import annotations

import re
from collections.abc import Callable

# An acronym: two to six letters, not the end of a longer Latin word or name
# (contact lines' e-mail, a romanised name before a post: those are others').
_BARE = re.compile(r"(?<![a-z.@\- ])[a-z]{2,6}$")
_IN_PARENTHESES = re.compile(r"\([a-z]{2,8}\)$")
# An organ's name ends with one of these; a quoted one is taken whole.
_ORGAN_WORDS = ("会", "处", "院", "署", "部", "局", "组织", "中心", "论坛", "基金")
_QUOTED = re.compile(r"「[^「」]{2,30}」$")


def with_acronym(folded: str, title_start: int, title: str, organ_before: Callable[[str], str]) -> str:
    """`title` (written from `title_start`) with the organ's acronym that
    stands right before it, and the organ's name before a parenthesised one
    (`organ_before(text)`: the organ that ends `text`, or "")."""
    if title_start < 2 or not folded[title_start - 1].isascii():
        return title  # the common case: a Chinese character before the office
    window = folded[max(0, title_start - 40):title_start]
    parenthesised = _IN_PARENTHESES.search(window)
    if parenthesised:
        head = window[:parenthesised.start()]
        quoted = _QUOTED.search(head)
        organ = quoted.group(0) if quoted else organ_before(head)
        if organ and organ.rstrip("」").endswith(_ORGAN_WORDS):
            return organ + parenthesised.group(0) + title
        return title
    # A bare acronym only where the text defines it after a Chinese name
    # (亚太经济合作(apec) … apec领袖代表); unglossed letters before a post are
    # as often an app's, a degree's or a slogan's (emba, ai市长).
    bare = _BARE.search(window)
    return bare.group(0) + title if bare and f"({bare.group(0)})" in folded else title
