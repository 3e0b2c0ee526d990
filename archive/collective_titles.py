"""Leaders listed after a collective title.

A national story names the leaders at an event with one title for all of
them: 党和国家领导人习近平、李强、赵乐际等出席. The title is a public standing
shared by every name in the list (the labels' convention: each listed name
gets it; a fuller office the text writes for one of them elsewhere, 中共中央
总书记、国家主席…习近平, comes first, and `officials` keeps it).

No single post follows the title, so the post-by-post reader finds none of
these names. A list is read only where its shape is plain: surname-pattern
names of two to four characters, joined by 、 (和/及 before the last), closed
by 等, punctuation or a verb of the group (集体乘车, 出席).
"""
from __future__ import annotations

import re

from .leaders import acts
from .names import SURNAMES_2, plausible_name

# Titles that stand for a group of national leaders, not for one post.
COLLECTIVE_TITLES = ("党和国家领导人", "中央领导同志", "党和国家领导同志")
_TITLE = re.compile("|".join(COLLECTIVE_TITLES))
# What closes a list item: the next item's mark, 等, or the end of a clause.
_ITEM_ENDS = re.compile(r"、|和|及|等|[，,。；;：:！!？?\s]")
_GROUP_ACTS = re.compile(r"等|集体|一起|一同|共同|分别")


def _name(item: str) -> bool:
    longest = 4 if item[:2] in SURNAMES_2 else 3
    return 2 <= len(item) <= longest and plausible_name(item)


def _last_item(folded: str, at: int) -> str | None:
    """The list's last name where no mark closes it (…、李希出席): the
    longest name a verb of the group or an act follows."""
    for length in (3, 2):
        item = folded[at:at + length]
        if _name(item) and (_GROUP_ACTS.match(folded, at + length) or acts(folded, at + length)):
            return item
    return None


def listed_leaders(folded: str) -> list[tuple[str, int, str]]:
    """(name, position, title) for each name listed right after a
    collective title; a list of one name counts only when 等 or a verb of the
    group closes it (党和国家领导人李强等出席)."""
    found: list[tuple[str, int, str]] = []
    for title in _TITLE.finditer(folded):
        at = title.end()
        listed: list[tuple[str, int]] = []
        while True:
            mark = _ITEM_ENDS.search(folded, at, at + 6)
            item = folded[at:mark.start()] if mark else None
            if item and _name(item):
                listed.append((item, at))
                if mark.group(0) in ("、", "和", "及"):
                    at = mark.end()
                    continue
                closed = mark.group(0) == "等" or len(listed) > 1
            else:
                last = _last_item(folded, at)
                if last:
                    listed.append((last, at))
                closed = bool(last) or len(listed) > 1
            break
        if closed and listed:
            found.extend((name, position, title.group(0)) for name, position in listed)
    return found
