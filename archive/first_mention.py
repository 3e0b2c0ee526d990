"""Which of the offices a text writes for one person is theirs: the first.

A release names a person's office once in full and once briefly, in either
order: a council release opens with its caption (議員陳某某業務報告質詢) and
then writes 台南市議員陳某某; a city release writes 市長黃某某 and further
down 臺南市長黃某某; a speech says 在魏某某縣長的帶領之下 and the report
later 彰化縣長魏某某. Readers (and the hand labels since round 2) take the
office as written where the person is first named with one. A later mention
changes it only when it adds an office: 議員林某某 then 議員林某某、書記長,
or a bare post first (習近平主席) and the formal introduction later
(國家主席、中央軍委主席習近平), where the first was a short reference to
one of the offices listed.
"""
from __future__ import annotations

from collections.abc import Container


def later_replaces(first: str, later: str, bare_posts: Container[str]) -> bool:
    """The office written at a later mention replaces the first one's."""
    if later.startswith(first + "、"):
        return True  # 议员 then 议员、书记长: the same office and one more
    return first in bare_posts and later.count("、") > first.count("、") \
        and any(piece.endswith(first) for piece in later.split("、"))
