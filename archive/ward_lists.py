"""Lists of ward or village chiefs, each named after their own ward.

A council release names the chiefs who came as one list closed by the post
they share, each name after its own ward, often with a count:
文化里张三、和平里李四、光明里王五等3位里长 (or 仁爱里赵六、信义里钱七里长).
Every person of such a list holds the post of the ward written before their
name (文化里里长), not just the bare post at the list's end. A ward's name
is not a unit the gazetteer knows, so only the list's shape says where each
ward ends: a ward is a name of one to three characters and its unit
character, right after a list mark.
"""
from __future__ import annotations

import re

from .names import plausible_name
from .ward_offices import WARD_POSTS, ward_at

# One item: a ward (its name and 里 or 村) and a person's name of two to
# four characters, then a list mark; the last item is closed by the shared
# post, with 等 and a count between (等6位里长, 三位里长).
_ITEM = r"[\u4e00-\u9fff]{1,3}?[里村][\u4e00-\u9fff]{2,4}?"
# At most 15 items: a list that never closes is given up after a bounded
# look, so the scan stays linear in the text (a release names a few chiefs).
_LIST = re.compile(r"(?:%s[、及和与暨]){1,15}%s(?=等?(?:\d{1,2}|[两二三四五六七八九十]{1,2})?[位名]?(里长|村长))"
                   % (_ITEM, _ITEM))
# The items one by one: a ward and a name, then a list mark or the list's end
# (和 may open a ward, 和平里, and 里 a name's second character is not).
_ONE = re.compile(r"([\u4e00-\u9fff]{1,3}?[里村])([\u4e00-\u9fff]{2,4}?)(?:[、及和与暨]|$)")
# What may stand right before the first ward: a clause's or list's opening.
# Else a verb (邀集, 安排) the regex cannot tell from a ward's first
# character stands there, and a three-character first ward is read as two
# (most wards have two).
_OPENING = set("，,、。；;：:（(\n 与和及暨")


def ward_chiefs(folded: str) -> list[tuple[str, int, str]]:
    """(name, position, office) for every chief of a list of wards and names
    closed by their shared post, in order of appearance."""
    if "里长" not in folded and "村长" not in folded:
        return []  # most documents: no chief at all, no scan
    found = []
    for listed in _LIST.finditer(folded):
        post = listed.group(1)
        unit = post[0]
        text = listed.group(0)
        begin = 0
        ward_end = text.find(unit)
        if ward_end == 3 and listed.start() and folded[listed.start() - 1] not in _OPENING:
            begin = 1  # 邀集|文化里…: the first ward runs two characters back from 里
        people = []
        while begin < len(text):
            item = _ONE.match(text, begin)
            # Each item holds exactly one ward and a whole name.
            if not item or item.group(1)[-1] != unit or not plausible_name(item.group(2)):
                people = []
                break
            ward, name = item.groups()
            people.append((name, listed.start() + item.start(2), ward + post))
            begin = item.end()
        if len(people) >= 2:
            found.extend(people)
    return found


# What may follow a chief's name: a list mark or a clause's end.
_AFTER_CHIEF = set("、，,。；;及和与等")


def chief_of_ward(folded: str, post_start: int, post: str, name_after, closes) -> bool:
    """The 里长 or 村长 at `post_start` closes a ward's name, though the
    ward's last character and the post's first make a word of place (玉山里
    里长 written 玉山里长: 山里 "in the hills"; 港西里长, 东区里长, 大林里长):
    a name follows it, closed by a list mark or what ends a name (玉山里长
    邱某、关山里长谢某一同出席), and the ward has a name of its own before
    (not 这里长期, 山里长大). `name_after(folded, k)` reads a name at k;
    `closes(folded, k)` tells what ends a name at k."""
    if post not in WARD_POSTS or not ward_at(folded, post_start, after_word=True):
        return False  # 辖区里长, 与会里长: words describing the chiefs, no ward
    name = name_after(folded, post_start + len(post))
    end = post_start + len(post) + len(name or "")
    return bool(name) and (folded[end:end + 1] in _AFTER_CHIEF or closes(folded, end))
