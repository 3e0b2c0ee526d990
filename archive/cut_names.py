"""Given names that end in a character which also joins or qualifies.

和, 原, 与 and 及 end given names (陈昆和, 赵昆原) and are also words: before
an office 和 joins two people (陈昆和议员 reads 陈昆 and 议员) and 原 means
"former" (赵昆原议员 reads 赵昆, formerly 议员). A release names its
councillor many times; where it also writes the three characters with a
speaker's verb or punctuation right after them (陈昆和指出, 赵昆原呼吁), that
is one name, and the two-character reading elsewhere is the cut one. Where it
never does (委员甲及陈昆和议员出席 alone), the two readings stay as the
officials finder leaves them.
"""
from __future__ import annotations

import re

from .names import written_followed_by

_JOINING_ENDS = frozenset("和原与及")
# What follows a whole name and never a name cut before a joining word: a
# speaker's verb or punctuation (not a post: 陈昆和议员 is the ambiguous case).
_WHOLE_AFTER = re.compile(r"[,，。；;：:！!？?、]|表示|指出|强调|呼吁|认为|说|建议|要求|质询|关心|关切|发现|提出|也|则|更|因")


def whole_names(names: list[str], folded: str) -> dict[str, str]:
    """{cut two-character reading: whole three-character name} for the names
    found both ways whose whole form the text writes on its own."""
    found = set(names)
    return {name[:2]: name for name in names
            if len(name) == 3 and name[2] in _JOINING_ENDS and name[:2] in found and written_followed_by(folded, name, _WHOLE_AFTER)}
