"""Words that say when a post was taken, not which post: 新任, 现任.

新任书记长王家贞, 新任民政局局长姜淋煌, 索罗门群岛新任驻华大使: the office is
书记长, 民政局局长, 索罗门群岛驻华大使 (the labels copy offices without
them). They are not signs of a post not yet held either: a head of state
before the inauguration the story attends is `foreign_names`'s, and a post
marked past (前, 卸任) is the officials finder's, and so is one whose era the
text names (市长时代), which `names_past_era` tells it.
"""
from __future__ import annotations

import functools
import re

_TENURE = re.compile(r"新任|现任")


def without_tenure(title: str) -> str:
    """The office with 新任 and 现任 taken out, unless nothing else is left."""
    if "任" not in title:
        return title
    rest = _TENURE.sub("", title)
    return rest if len(rest) >= 2 else title


# 苏南成市长时代, 陈唐山县长时期: "the era of mayor X" looks back at a post
# held before. A second holder may be joined first (苏某市长和李某县长时代:
# the era is both's).
_ERA = r"(?:[和与及、][\u4e00-\u9fff]{2,4}?(?:%s))?(?:时代|时期)"


@functools.lru_cache(maxsize=4)
def _era_after(posts: str) -> re.Pattern:
    return re.compile(_ERA % posts)


def names_past_era(folded: str, post_end: int, posts: re.Pattern) -> bool:
    """The post ending at `post_end` is followed by 时代 or 时期, directly or
    after a second holder joined to it (`posts`: the post pattern)."""
    if "时" not in folded[post_end:post_end + 10]:
        return False  # the common case: no era word near, no regex
    return bool(_era_after(posts.pattern).match(folded, post_end))
