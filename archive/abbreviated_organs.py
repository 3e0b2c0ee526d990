"""Abbreviated organ names: 都发局, 职训就服中心, 观旅局.

Taiwan's press shortens an organ by one character of each two-character
word of its name (都市发展局 -> 都发局, 职业训练就业服务中心 -> 职训就服中心).
No dictionary holds the short forms, so the cut falls into single
characters (都|发|局, 职|训|就|服|中心), and some of them read alone as
adverbs (都 "all", 就 "then") that end an office's prefix; the office of
都发局徐中强局长 came out as 发局局长. A run of single characters right
before an organ word is read as such an abbreviation when it holds one or
two pairs and no particle, preposition, conjunction or pronoun.
"""
from __future__ import annotations

# Characters that never open or fill an abbreviation pair: particles,
# prepositions, conjunctions, pronouns (现场由|都发局: 由 is "by"), and the
# words that qualify an office from outside (前 "former", 连 "even", 更有).
_NOT_IN_ABBREVIATION = frozenset("的了在向对为与和及由把被将已等也还又请是让给从于以我他她其应偕暨并而但且之前连更有")
# The organ word the pairs shorten into: one character or 中心, never a whole
# organ name of its own (林燕祝怒问|教育局: 教育局 is complete; the
# characters before it are a clause, not its abbreviation).
_ORGAN_WORDS = frozenset(("局", "处", "署", "司", "科", "课", "室", "所", "会", "院", "部", "厅", "办", "中心", "站"))
_MOST_CHARACTERS = 4  # two pairs: 职训|就服


def _abbreviation_character(word: str) -> bool:
    return len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in _NOT_IN_ABBREVIATION


def abbreviation_words_before(words: tuple[str, ...], at: int, kept: list[str]) -> int:
    """How many words ending at `words[at]` (where an office's prefix stopped)
    still belong to an abbreviated organ; `kept` holds the prefix's words
    read so far, nearest the post first."""
    if at < 0 or not kept:
        return 0
    kept_singles = 0
    while kept_singles < len(kept) and _abbreviation_character(kept[-1 - kept_singles]) \
            and kept[-1 - kept_singles] not in _ORGAN_WORDS:
        kept_singles += 1
    if kept_singles == len(kept) or kept[-1 - kept_singles] not in _ORGAN_WORDS:
        return 0  # the characters must run into an organ word
    more = 0
    while at - more >= 0 and _abbreviation_character(words[at - more]) \
            and kept_singles + more < _MOST_CHARACTERS:
        more += 1
    if (kept_singles + more) % 2:
        more -= 1  # pairs only: 由|都发局 keeps 都发
    return max(more, 0)
