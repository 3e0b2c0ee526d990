"""A profile's subject: a name alone in its clause, then what the person is.

Stories that honour a cadre open with the name standing alone, a comma,
then the post (徐某某，生前是某省某县委常委、宣传部部长，他在…; 李某，是某镇
党委书记). The copula's clause holds no name, so the name-is-office reading
(王兆建是兴福镇党委书记) misses it; the name is the whole clause before the
comma, from a sentence's, a line's or a dateline's start.

生前是 ("was, in life") keeps the post held at death, as 原 offices are
kept; 曾是 ("was once") is a post left, and is not read here.
"""
from __future__ import annotations

import re

from .dotted_names import is_whole

# The copula opening the clause after the name, and where the office starts.
_COPULA = re.compile(r"(?:生前)?(?:是|系)|现任")
# What opens the clause that holds only the name.
_NAME_CLAUSE_OPENS = "。！？!?\n：:；;"
_COMMAS = "，,"
# What may follow the office: the end of its clause.
_OFFICE_ENDS = ("，", ",", "。", "；", ";", "\n", "")


def subject(folded: str, begin: int, office_end: int, is_name) -> tuple[str, int] | None:
    """(name, where it starts) when the clause at `begin` is a copula and an
    office ending at `office_end`, and the clause before it is a name alone;
    `is_name` tells a name from a word read as one."""
    if begin < 3 or folded[begin - 1] not in _COMMAS:
        return None
    copula = _COPULA.match(folded, begin, office_end)
    if not copula or folded[office_end:office_end + 1] not in _OFFICE_ENDS:
        return None
    name_end = begin - 1
    name_start = max(folded.rfind(mark, max(0, name_end - 20), name_end) for mark in _NAME_CLAUSE_OPENS) + 1
    name = folded[name_start:name_end]
    if not (is_whole(name) or (2 <= len(name) <= 4 and is_name(name))):
        return None
    return name, name_start
