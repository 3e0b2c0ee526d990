"""One-character function words that end the word before a name.

A name standing before its office (黄伟哲市长) needs a boundary before it:
punctuation, a listed word, a verb. News prose also opens a clause on a
one-character conjunction, adverb or preposition with the subject right
after it: 但黄伟哲市长提醒 ("but Mayor Huang reminded"), 本案经郭信良议长
征询 ("the case, through Speaker Guo's consultation"), 并由…, 亦…. These
characters form a closed grammatical class, listed here; jieba's tags miss
some of them (it tags 经 a noun). One stands alone only when it does not
close a word with the character before or after it (不但, 经常 are words).
"""
from __future__ import annotations

from .common_words import word_frequencies

# Conjunctions (但, 而, 并, 且), adverbs that open a predicate before its
# subject is named again (亦, 均, 则, 却, 就), and prepositions of agency
# (经 "through", 因 "because of", 替, 跟).
FUNCTION_CHARS = frozenset("但而并且则却就亦均皆经因替跟乃遂")


def function_word_before(folded: str, begin: int) -> bool:
    """The character before `begin` is a one-character function word standing
    alone, so a name may begin at `begin`."""
    if begin < 1 or folded[begin - 1] not in FUNCTION_CHARS:
        return False
    words = word_frequencies()
    # 经常明局长 would read 常明 after 经, but 经常 is a word ("often").
    return folded[begin - 1:begin + 1] not in words and (begin < 2 or folded[begin - 2:begin] not in words)
