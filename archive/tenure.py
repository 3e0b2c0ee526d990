"""Words that say when a post was taken, not which post: 新任, 现任.

新任书记长王家贞, 新任民政局局长姜淋煌, 索罗门群岛新任驻华大使: the office is
书记长, 民政局局长, 索罗门群岛驻华大使 (the labels copy offices without
them). They are not signs of a post not yet held either: a head of state
before the inauguration the story attends is `foreign_names`'s, and a post
marked past (前, 卸任) is the officials finder's.
"""
from __future__ import annotations

import re

_TENURE = re.compile(r"新任|现任")


def without_tenure(title: str) -> str:
    """The office with 新任 and 现任 taken out, unless nothing else is left."""
    if "任" not in title:
        return title
    rest = _TENURE.sub("", title)
    return rest if len(rest) >= 2 else title
