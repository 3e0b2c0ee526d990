"""A ward chief's office names the ward: 东和里长, 平通里里长.

Tainan's district releases name each ward chief with their ward (东和里长林某,
平通里李某里长, or the ward without its 里: 公园徐某里长). A ward is no unit
the gazetteer knows, and its name is two ordinary characters that jieba
reads as words of their own (东|和: 和 is a conjunction), so the office read
back word by word keeps only the bare 里长. Where the ward stands is certain
from the shape alone: the two characters right before the post (or before
the chief's name) fill the item of a list or a clause, opened by a list mark
or punctuation (or the text's start). An ordinary word there (与会, 当地,
辖区, 全体) describes the chiefs, and a count (各, 位) counts them: no ward.
"""
from __future__ import annotations

import re

from .common_words import word_frequencies, word_tags

WARD_POSTS = frozenset({"里长", "村长"})
_OPENS_ITEM = set("、，,。；;：:\n 与和及暨")
_WARD_NAME = re.compile(r"[\u4e00-\u9fff]{2}")
_NOT_IN_WARD = set("的了是在各位名该本全每等也都就请由为向对将")
# jieba's tag of a ward's name: none (东和, 西埔), a place's (玉山, 关山), a
# proper name's (和平) or a rare word's (平通); a verb (恭贺), or a frequent word of any other
# kind describes the chiefs (与会 v, 当地 s, 辖区 n, 资深 n, 年轻 a), and a
# ward named by a common noun (公园) is given up with them.
_WARD_TAGS = ("ns", "nr", "nz")
_RARE_WORD = 100


def _word_ends(folded: str, at: int) -> bool:
    """A word jieba lists, not a place's, ends right at `at` (当地|平通里,
    邀请|南化里长): the ward's name opens there."""
    tag = word_tags().get(folded[max(0, at - 2):at])
    return tag is not None and not tag.startswith(_WARD_TAGS)


def ward_at(folded: str, end: int, after_word: bool = False) -> str:
    """The two-character ward name ending at `end`, opened by a list mark or
    punctuation (or, with `after_word`, by a word: 当地|平通里, where the
    unit character 里 closes the ward), or "" when they are no ward's."""
    begin = end - 2
    if begin < 0 or (begin and folded[begin - 1] not in _OPENS_ITEM and not (after_word and _word_ends(folded, begin))) \
            or not _WARD_NAME.fullmatch(folded, begin, end):
        return ""
    name = folded[begin:end]
    tag = word_tags().get(name)
    if any(c in _NOT_IN_WARD for c in name) or (tag is not None and tag.startswith("v")) \
            or (tag is not None and not tag.startswith(_WARD_TAGS) and word_frequencies().get(name, 0) >= _RARE_WORD):
        return ""
    return name


def ward_before_post(folded: str, post_start: int, title: str) -> str:
    """The office 东和里长 for a bare 里长 the ward's name opens, else `title`."""
    if title not in WARD_POSTS:
        return title
    ward = ward_at(folded, post_start)
    return ward + title if ward else title


def ward_before_name(folded: str, name_start: int, post: str, organ: str) -> str:
    """The ward written before a chief's name (平通里李某里长, 公园李某里长):
    the organ read before the name, or "" when it names no ward."""
    if post not in WARD_POSTS or (organ and organ != post[0]):
        return organ
    if organ:  # the unit character alone: the ward's name stands before it
        ward = ward_at(folded, name_start - 1, after_word=True)
        return ward + organ if ward else organ
    return ward_at(folded, name_start)
