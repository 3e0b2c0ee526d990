"""Names that are also words, confirmed by the text titling them again.

A given name may be an ordinary word (金花 "golden flower", 海燕 "petrel"),
and a two-character name of a one-character surname then reads as that
word: after an office (全国政协委员金花在…) it is taken for vocabulary. A
story about the person names them again with the post written right after
the name, at a clause's start (，金花委员来到…), which no word does: a
flower holds no seat. That second, titled mention confirms the name.
"""
from __future__ import annotations

# What stands before a name opening its clause.
_CLAUSE_OPENS = set("，,。；;：:！!？?\n “”\"（(")


def titled_again(folded: str, name: str, at: int, post_at, boundary_at) -> bool:
    """`name`, read at `at`, is written elsewhere at a clause's start with a
    post right after it (`post_at(folded, i)`: the post's end, or None) and
    a boundary after the post (`boundary_at(folded, i)`)."""
    found = folded.find(name)
    while found >= 0:
        if found != at and (found == 0 or folded[found - 1] in _CLAUSE_OPENS):
            post_end = post_at(folded, found + len(name))
            if post_end is not None and boundary_at(folded, post_end):
                return True
        found = folded.find(name, found + 1)
    return False
