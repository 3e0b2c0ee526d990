"""Two heads of one organ, its name written once: 交通部观光署周某署长及
周某副署长, 社会局陈某局长、李某副局长.

Taiwan's releases put the organ before the first name and let the second
holder, joined by 及 or a list mark, share it: the second is the organ's
deputy, not a deputy of nothing. The labels give a prefix shared by two
titles to both (bench/labels/README.md, round 3). Only the same post, or
its deputy, shares the organ: 市长及某某议员 names two bodies.
"""
from __future__ import annotations

from collections.abc import Callable

_JOINS = "及、和与暨"


def organ_of_previous(folded: str, begin: int, post: str,
                      post_ending: Callable[[str, int], str | None],
                      name_before: Callable[[str, int], str | None],
                      organ_before: Callable[[str, int], str],
                      title_of: Callable[[str], str | None]) -> str:
    """The organ written before the previous holder of the same post, when
    the name at `begin` follows them after a join and that holder was found
    with it (`title_of`: their office as found, or None); else ""."""
    if begin < 4 or folded[begin - 1] not in _JOINS:
        return ""
    join = begin - 1
    previous_post = post_ending(folded, join)
    if not previous_post or previous_post.removeprefix("副") != post.removeprefix("副"):
        return ""
    name = name_before(folded, join - len(previous_post))
    if not name:
        return ""
    organ = organ_before(folded, join - len(previous_post) - len(name))
    return organ if organ and title_of(name) == organ + previous_post else ""
