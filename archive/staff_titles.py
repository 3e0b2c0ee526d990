"""Titles of a government office's staff that private bodies use too.

Tainan's releases end with a contact line naming the officer who answers
for them, with their title (新闻联络人：台南市体育处 高致洁秘书,
助理员黄筱雯 电话…, 局本部新闻秘书吴幸桦), and the labels count such staff
as officials (科长, 股长, 技士 already are posts). A 秘书 or 助理员 works for
whoever employs them: a bureau's is a civil servant, a councillor's or
legislator's (卢昆福议员秘书, 立委助理) is their private aide, and an
association's is private. So these titles count only with a government
organ written right before them (the officials finder's rule for posts that
need an organ, as 护理师 does), and never after an elected member.
"""
from __future__ import annotations

import re

# 分析师: a city's data office staff (智慧发展中心 许某某分析师), as a
# securities firm's analyst is private.
TITLES = frozenset({"秘书", "助理员", "分析师"})
_MEMBERS_STAFF = re.compile(r"(?:立委|立法委员|委员|议员|代表)(?:秘书|助理员?)$")


def members_staff(title: str) -> bool:
    """The title is an elected member's aide (立委秘书): private staff."""
    return title.endswith(("秘书", "助理", "助理员")) and bool(_MEMBERS_STAFF.search(title))
