"""Military commands' posts: 陆军司令, 海军司令, 空军司令, 陆军副司令.

Ceremonies of the Presidential Office (将官晋任, 授阶, 校阅) list the armed
forces' commanders, and the labels count military commanders as officials
(bench/labels/README.md, round 4). Taiwan's services are headed by a 司令
(陆军司令陈某某), the mainland's theatres and services by a 司令员, which
the officials finder already knows; 总司令 is the older title of both.
The post is closed and public: a 司令部 (headquarters) or a 司令台 (reviewing
stand) is no person's office, and no name follows it there.
"""
from __future__ import annotations

POSTS = frozenset({"司令", "副司令", "总司令", "副总司令"})
# Ranks follow a commander's name (总司令某某上将一行): where a name ends,
# as a speaker's verb does, and never part of it.
RANKS = ("上将", "中将", "少将", "大校", "上校", "中校", "少校")
