"""Posts read across two words: the post's characters belong to the words
on either side of it, and no office is written.

- A length: 里 after a numeral or 公 is a measure (万里|长江, 两公里|长的道路,
  十里|长街), never a ward's 里长 (a ward is named: 学东里长, 万里里长).
- A place opening at the post's last character: 大东区|长安街道, 湖南省|长沙市,
  某县|长乐镇 (长 opens many place names); the unit's suffix closes the
  place, so a person named after a post (县长宁某某) is not read as one.
"""
from __future__ import annotations

_MEASURE_BEFORE_LI = set("一二三四五六七八九十百千万两几多公0123456789")
# Suffixes that close a unit's full name.
_UNIT_SUFFIXES = ("街道", "镇", "乡", "县", "区", "市", "旗")
_PLACE_LENGTHS = (3, 4, 5, 6)


def misread(folded: str, start: int, end: int, is_place=None) -> bool:
    """The post `folded[start:end]` straddles two words, as above."""
    if folded[start:end] == "里长" and folded[start - 1:start] in _MEASURE_BEFORE_LI:
        return True
    if is_place is None or folded[end - 1] != "长":
        return False
    opening = end - 1
    return any(folded.endswith(_UNIT_SUFFIXES, opening, opening + n) and is_place(folded[opening:opening + n])
               for n in _PLACE_LENGTHS if opening + n <= len(folded))
