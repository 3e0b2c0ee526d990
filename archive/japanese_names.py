"""Japanese office holders in Taiwan's releases: names outside the Chinese surnames.

Tainan's city and council releases and the Presidential Office's receive
Japanese mayors, governors, councillors and the Japan–Taiwan Exchange
Association's heads (日本台湾交流协会高雄事务所所长奥正史, 日本茨城县知事
大井川和彦, 日本众议员岸信夫今日来访). Their family names (奥, 岸, 大井川, 须藤)
are mostly not Chinese surnames, so the surname test finds none of them. After
an office the text ties to Japan, the name is the run of two to five
characters up to where a name ends: punctuation, a list word, a time word, or
a verb that follows a speaker.
"""
from __future__ import annotations

import re

# The office or its clause names Japan or a Japanese body.
_JAPANESE_OFFICE = re.compile(r"日本|日台|日华|交流协会")
# 河野一行, 古屋圭司众议员乙行: the name and "his party" (乙 is 一 in formal Taiwan text).
_DELEGATION = re.compile(r"[一乙]行")
_JAPANESE_NAME_CHARS = re.compile(r"[\u4e00-\u9fff々]+")
_NAME_ENDS = re.compile(r"[、，,。；;：:（(\s」]|$|及|与|和|等|一行|乙行|今|昨|日前|表示|致词|致辞|指出|强调|率|于|"
                        r"先生|女士|伉俪|夫妇|亦|也|则|特别|出席|参加|来访|来台|访台|拜会|会面")
# Characters no Japanese name written in Chinese holds: function words,
# and organ characters that would make it part of the office.
_NOT_IN_JAPANESE_NAME = set("的了是在们这那其该各此对从把被将就还而并或得靠局处厅署省府院部会团党")


def japanese_name_after(folded: str, start: int, office_clause: str) -> str | None:
    """The Japanese name at `start`, right after an office whose clause
    (`office_clause`, the office with the words before it) names Japan."""
    if not _JAPANESE_OFFICE.search(office_clause):
        return None
    # The longest run a boundary follows, unless it ends in a boundary word
    # itself: 大井川和彦|今日 (和 inside the name), 岸信夫|今(13)日 (not 岸信夫今).
    for length in range(5, 1, -1):
        name = folded[start:start + length]
        if len(name) == length and _JAPANESE_NAME_CHARS.fullmatch(name) and _NAME_ENDS.match(folded, start + length) \
                and not _NAME_ENDS.match(name[-1]) and not any(c in _NOT_IN_JAPANESE_NAME for c in name) \
                and not _DELEGATION.search(name):
            return name
    return None
