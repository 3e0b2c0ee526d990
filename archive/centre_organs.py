"""A 中心 ("centre") named before its officer's name is an organ:
职训就服中心梁伟玲主任, 家庭教育中心林某某主任 hold 职训就服中心主任.

心 ends no organ on its own, so the organ before a name was dropped there
and the office read as a bare 主任. A centre counts only when its own name
was read whole: more than the word 中心 itself (登革热防治|中心: the verb
防治 stops the reading, leaving a bare 中心), and not cut through a word
of the text before it (市|府教育局…中心: 市府 is one word, so the reading
lost its first character), and opening where a phrase may open: after
punctuation, a particle or preposition, a time word, a conjunction or
adverb. A centre read after a noun or verb is the tail of a longer name
(长期照顾|管理中心, 劳工健康|服务中心, 研究院|海洋政策…中心), and a
bare tail is no office.
"""
from __future__ import annotations

from .common_words import word_frequencies, word_tags

# What may stand right before a centre's full name: one character that
# joins or introduces (、 的 与 由 在 …), or a word of these kinds.
_OPENING_CHARACTERS = frozenset("的与和及由请偕在对向把被让给为是也将于")
_OPENING_TAGS = frozenset({"t", "p", "c", "d", "u", "uj", "ul", "r", "m"})


def centre_before_name(folded: str, begin: int, organ: str) -> bool:
    """`organ`, read back from a name at `begin`, is a whole centre's name."""
    if not organ.endswith("中心") or len(organ) <= 2:
        return False
    start = begin - len(organ)
    if start == 0:
        return True
    before = folded[start - 1]
    if folded[start - 1:start + 1] in word_frequencies() or organ[0] in "院暨及":
        return False  # cut through a word, or opening on a word's tail or a conjunction
    if not ("\u4e00" <= before <= "\u9fff") or before in _OPENING_CHARACTERS:
        return True
    return word_tags().get(folded[max(0, start - 2):start]) in _OPENING_TAGS
