"""Delegations: the head and deputy heads of an official delegation.

A delegation sent by the centre, a government or a congress (中央代表团,
政府代表团, 全国人大代表团) is led by a 团长 with 副团长 beside them, and
news names each with the posts they hold and the delegation's post last:
中共中央政治局委员、某部部长、中央代表团副团长张三带领二分团…. The
delegation's post closes the title, so without it the whole chain of posts
before the name is read as no office at all.

Elsewhere 团长 is a troupe's, a tour group's or a regiment's head (艺术团
团长, 旅行团团长): no public post, so the post counts only right after
代表团.
"""
from __future__ import annotations

POSTS = ("团长", "副团长")
_DELEGATION = "代表团"


def heads_delegation(folded: str, post_start: int) -> bool:
    """The 团长/副团长 starting at `post_start` is a delegation's (中央代表团团长)."""
    return folded.endswith(_DELEGATION, 0, post_start)
