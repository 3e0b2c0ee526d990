"""Four-character names of peoples whose names follow no Han surname.

Yi, Hani, Jingpo and many Tibetan or Mongolian names are written as four
characters with no surname the Han list knows (a Yi family name like 立克
before a given name like 拢拢; a Tibetan name of two parts). Right after an
office such a run is a name only when the text confirms it: it ends at a
boundary (书记X，), the document writes the same four characters again (the
story goes on naming the person), and the run is no vocabulary: no
half of it is a common word, a place or a time (今年以来, 乡村振兴).
"""
from __future__ import annotations

from .common_words import is_common_word, word_tags
from .names import NOT_IN_NAME, is_cjk_run

# Characters of grammar and of organs, which no transliterated name holds.
_NOT_IN_NAME = NOT_IN_NAME | set("了着过们这那个和与及县区乡镇村市省州委局部办团队社组站")
# jieba's tags of words that are no part of a name: places, times, verbs,
# numerals, function words (not measure words: jieba tags 立克 one).
_WORD_TAGS = ("ns", "t", "v", "m", "p", "c", "d", "u", "r", "f")


def four_character_name(folded: str, start: int, closes_name) -> str | None:
    """The four-character name at `start`, confirmed as above, or None.
    `closes_name(folded, at)` tells whether punctuation or a speaker's verb
    stands at `at` (not any word a name may meet: 纳尔达中|将 is a rank)."""
    four = folded[start:start + 4]
    if len(four) < 4 or not is_cjk_run(four) or any(c in _NOT_IN_NAME for c in four):
        return None
    if not closes_name(folded, start + 4) or closes_name(folded, start + 2) or closes_name(folded, start + 3):
        return None
    if folded.count(four) < 2:
        return None
    tags = word_tags()
    if four in tags or any(is_common_word(half) or tags.get(half, "").startswith(_WORD_TAGS)
                           for half in (four[:2], four[2:], four[1:3])):
        return None
    return four
