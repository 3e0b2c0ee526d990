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

from .common_words import frequency

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


def japanese_name_before(folded: str, end: int, office_clause: str, post_before, organ_end: set[str]) -> str | None:
    """The Japanese name ending at `end`, right before a post, in a clause
    that names Japan: 团长古屋圭一众议员, 日本众议院河井克明众议员. A family
    name and a given name of two characters each are four characters, which
    no Chinese name written before a post has; the run is read back to the
    post that opens it (`post_before(folded, at)`: the post ending at `at`,
    or a title's last character, 会长|), or the organ (a character of
    `organ_end`: 院, 会), so where it starts is not guessed. Three characters
    are taken only after a chamber (议院岸信明众议员); a list mark or
    punctuation before the run does not open it, as a Chinese name stands
    there as often. A run holding a frequent word (日台友好|议员联盟, 教育|委员会,
    事务|所长) or Japan's name is the organ's, not a person's."""
    if not _JAPANESE_OFFICE.search(office_clause):
        return None
    for length in (4, 5, 3):
        begin = end - length
        if begin < 2:
            continue
        name = folded[begin:end]
        if not _JAPANESE_NAME_CHARS.fullmatch(name) or any(c in _NOT_BEFORE_POST for c in name) \
                or name[0] in _LIST_WORDS or any(c in _COUNT_WORDS for c in name) \
                or _JAPANESE_OFFICE.search(name) or _DELEGATION.search(name) \
                or any(frequency(name[k:k + 2]) >= _WORD_NOT_NAME for k in range(length - 1)):
            continue
        if post_before(folded, begin) or folded[begin - 1] in _TITLE_ENDS \
                or (length > 3 and folded[begin - 1] in organ_end) \
                or (length == 3 and folded[begin - 2:begin] in _JAPANESE_CHAMBERS):
            return name
    return None


# Before a post the run may also be the organ's own last word (高雄事务所|所长,
# 政治组|组长), a place (富士宫市|副市长) or a verb opening the clause (率):
# characters that close a body's or a place's name are no name's.
_NOT_BEFORE_POST = _NOT_IN_JAPANESE_NAME | set("所科课室组社馆团市县町村都道府率")
# A list's join opens no name (及多位|议员), and a count is no part of one.
_LIST_WORDS = frozenset("及与和等")
_COUNT_WORDS = frozenset("及等位名")
# A title's last character: 会长, 社长 are titles the post list leaves out.
_TITLE_ENDS = frozenset("长员")
# Two characters this frequent are a word (友好, 教育, 陪同), not a name's half
# (田中 104, 山野 241, 大岛 202 in jieba's dictionary).
_WORD_NOT_NAME = 500
# A Japanese chamber's name, which opens a member's office.
_JAPANESE_CHAMBERS = frozenset({"议院", "议会"})


def whole_japanese_name(folded: str, start: int, office_clause: str, found: str | None,
                        name_boundary: re.Pattern) -> str | None:
    """The surname test's reading of a name after a Japanese office, or the
    longer run a boundary ends when that reading stops inside a name:
    首相安倍晋三等 is 安倍晋三, where the surname test reads 安倍晋 and leaves 三
    (no Chinese given name has three characters; a Japanese one often
    follows a two-character family name). A reading the text ends with a
    boundary (`name_boundary`, what the officials finder lets follow a name)
    stays (日本众议员岸信明今日, 咨询委员林成明陪同)."""
    if not found or _NAME_ENDS.match(folded, start + len(found)) or name_boundary.match(folded, start + len(found)):
        return found
    whole = japanese_name_after(folded, start, office_clause)
    return whole if whole and len(whole) > len(found) and whole.startswith(found) else found
