"""One person written twice in a list: in Latin letters and in characters.

Taiwan's indigenous councillors (and some foreign guests) are written with
their romanised name and its transliteration side by side, in either order,
with or without a space or brackets: 议员甲、ingay tali颖艾达利、乙,
颖艾达利ingay tali议员, ingay tali(颖艾达利)、乙, kumu hacyo谷暮.哈就议员.
Read as two names, or as none, the pair ends the list it stands in, and every
later name of the list is lost. The pair is one item and one person, named by
the transliteration: the form a reader searching in Chinese types.

Where a transliteration written after the romanised name ends is told by
its sound count: it writes about one character per vowel group (in-gay
ta-li: 颖艾达利, ku-mu ha-cyo: 谷暮.哈就), so a post or a verb glued to it
(颖艾达利议员, 谷暮.哈就表示) is not taken in. The characters must read as a
name: a transliteration holds no word of the language (市长能媒合costco
ikea, 领事事务总监ulco gartner are phrases), or a Chinese name (郑天财sra
kacaw). The romanised name has two words at least: one word beside
characters is an acronym or a brand (apec, costco).
"""
from __future__ import annotations

import re

from .common_words import is_common_word
from .companions import is_name, transliterated
from .dotted_names import DOTS
from .married_names import is_married_name
from .names import is_cjk_run

# A romanised name: two to four words of letters (folded text is lower case),
# each ending in a letter (ingay tali-攜手…: a dash opens a caption's topic).
_WORD = r"[a-z](?:[a-z'\-]*[a-z])?"
_LATIN = re.compile(r"%s(?: %s){0,3}(?![a-z'\-])" % (_WORD, _WORD))
_LATIN_BEFORE = re.compile(r"(?<![a-z'\-])%s(?: %s){0,3}$" % (_WORD, _WORD))
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_A_LETTER = re.compile(r"[a-z]")
# Dots written between the parts of a transliteration (谷暮.哈就).
_DOTS = set("." + DOTS)
# Characters no name holds: the characters of posts and organs (议员, 市府),
# which only follow a name, and function words, though between a
# transliteration's dots any sound goes (谷暮.哈就).
_ORGAN_CHARS = set("员长委议部院会局处署市县区镇乡村省府团所")
_FUNCTION_CHARS = set("的了是在们这那其该各此从把被将也就还而并或得等及和与暨以亦于於对为已向到由请偕同再能")
# What may stand right before an item: a list mark, a clause's opening.
_OPENING = set("、，,。；;：:（(“\"「 \n与和及暨")
_LONGEST = 8  # characters of a transliteration


def _is_latin(char: str) -> bool:
    return "a" <= char <= "z"


def _counts(latin: str) -> list[int]:
    """The transliteration's plausible lengths, likeliest first."""
    sounds = len(_VOWEL_GROUP.findall(latin))
    return [n for n in (sounds, sounds - 1, sounds + 1) if 2 <= n <= _LONGEST]


def _reads_as_name(han: str, latin: str, own_name: bool) -> bool:
    """`han` transliterates `latin` (颖艾达利 ingay tali, 谷暮.哈就 kumu
    hacyo: as many characters as sounds, give or take one), or, with
    `own_name`, is a Chinese name of its own (郑天财 sra kacaw). A
    transliteration after a company's romanised name (top international
    朴某某) is not one: the sounds do not match."""
    letters = "".join(char for char in han if is_cjk_run(char))
    if not 2 <= len(letters) <= _LONGEST or any(char in _ORGAN_CHARS for char in letters):
        return False
    if own_name and not any(char in _DOTS for char in han) and is_name(letters):
        return True
    if len(letters) not in _counts(latin):
        return False
    if any(char in _DOTS for char in han):
        return all(part and is_cjk_run(part) for part in re.split("[%s]" % "".join(_DOTS), han))
    return not any(char in _FUNCTION_CHARS for char in letters) and transliterated(letters)


def _romanised(latin: re.Match | None) -> bool:
    return bool(latin) and " " in latin.group(0)


def _han_run_end(folded: str, at: int, count: int) -> int | None:
    """Where `count` characters from `at` end, dots between them allowed."""
    k, seen = at, 0
    while seen < count and k < len(folded):
        if is_cjk_run(folded[k]):
            seen += 1
        elif not (folded[k] in _DOTS and seen):
            return None
        k += 1
    return k if seen == count else None


def item_after(folded: str, at: int, closes, alone: bool = False) -> tuple[str, int, int] | None:
    """(name, name's start, item's end) of a romanised name with its
    transliteration starting at `at`, closed where `closes(folded, k)` says
    an item ends (a list mark, a post, a verb). With `alone` (a later item of
    a list), a romanised name with no transliteration is an item too
    (甲、ingay tali、乙, 甲、ingaytali、乙)."""
    if at >= len(folded) or at and _is_latin(folded[at - 1]):
        return None
    if _is_latin(folded[at]):
        latin = _LATIN.match(folded, at)
        if not latin:
            return None
        k = latin.end()
        bracket = folded[k:k + 1] in ("(", "（")
        han_at = k + (folded[k:k + 1] in (" ", "(", "（"))
        # A transliteration's lengths first, then a Chinese name's (sayun kacaw苏昀).
        lengths = dict.fromkeys(_counts(latin.group(0)) + [3, 2, 4]) if _romanised(latin) else ()
        for count in lengths:
            end = _han_run_end(folded, han_at, count)
            if end is None or not _reads_as_name(folded[han_at:end], latin.group(0), True):
                continue
            if bracket:
                if folded[end:end + 1] not in (")", "）"):
                    continue
                end += 1
            if closes(folded, end):
                return folded[han_at:end - bracket], han_at, end
            break  # the likeliest reading of a name runs on (谷暮.哈就|质询): no shorter cut
        if alone and (" " in latin.group(0) or len(latin.group(0)) >= 5) and closes(folded, k):
            return latin.group(0), at, k
        return None
    if not is_cjk_run(folded[at]) or not _A_LETTER.search(folded, at + 2, at + _LONGEST + 3):
        return None  # most names: no Latin letter follows, no scan
    # The transliteration first: its romanised name follows within a few characters.
    for k in range(at + 2, min(len(folded), at + _LONGEST + 3)):
        if _is_latin(folded[k]):
            break
        if not (is_cjk_run(folded[k]) or folded[k] in _DOTS or folded[k] == " "):
            return None  # 韦廷戴(john whittingdale): a gloss in brackets, read by archive.foreign_names
    else:
        return None
    han = folded[at:k].rstrip(" ")
    latin = _LATIN.match(folded, k)
    if not _romanised(latin) or not _reads_as_name(han, latin.group(0), True) or not closes(folded, latin.end()):
        return None
    return han, at, latin.end()


def item_before(folded: str, end: int) -> tuple[str, int, int] | None:
    """(name, name's start, item's start) of a romanised name with its
    transliteration ending at `end` (right before a post or a list mark)."""
    if end < 4 or not _A_LETTER.search(folded, max(0, end - _LONGEST - 4), end):
        return None  # most posts: no Latin letter near, no search
    last = folded[end - 1]
    if is_cjk_run(last) or last in (")", "）"):
        # The romanised name first: ingay tali颖艾达利|议员, ingay tali(颖艾达利)|议员.
        bracket = last in (")", "）")
        k = end - bracket
        while k > 0 and (is_cjk_run(folded[k - 1]) or folded[k - 1] in _DOTS) and end - k <= _LONGEST + 2:
            k -= 1
        if bracket and folded[k - 1:k] not in ("(", "（"):
            return None
        han = folded[k:end - bracket]
        before = k - (folded[k - 1:k] in (" ", "(", "（"))
        latin = _LATIN_BEFORE.search(folded, max(0, before - 40), before)
        if not _romanised(latin) or not _reads_as_name(han, latin.group(0), False) \
                or latin.start() and folded[latin.start() - 1] not in _OPENING:
            return None
        return han, k, latin.start()
    if _is_latin(last):
        # The transliteration first: 颖艾达利ingay tali|议员.
        latin = _LATIN_BEFORE.search(folded, max(0, end - 40), end)
        if not _romanised(latin) or latin.start() == 0:
            return None
        k = latin.start() - (folded[latin.start() - 1] == " ")
        start = k
        while start > 0 and k - start < _LONGEST + 1 and (is_cjk_run(folded[start - 1]) or folded[start - 1] in _DOTS):
            start -= 1
        if start < k and (start == 0 or folded[start - 1] in _OPENING) \
                and _reads_as_name(folded[start:k], latin.group(0), True):
            return folded[start:k], start, start
    return None


# Joins of two names in a list (甲及乙, 甲和乙, 甲与乙).
_JOINS = ("及", "和", "与")


def joined_before_post(folded: str, at: int, name_after, closes_list) -> bool:
    """At `at`, a join and one more name whose post closes the list: in
    委员甲及乙议员 both are 委员 and 议员, so a bare 委员 before 甲 is a
    member's post, not a word (委员甲及乙议员 as 委员甲、乙议员).
    `name_after(folded, k)` reads a name at k, `closes_list(folded, k)`
    tells a post that takes no name after it."""
    if folded[at:at + 1] not in _JOINS:
        return False
    following = name_after(folded, at + 1)
    return bool(following) and closes_list(folded, at + 1 + len(following))


# What closes an item of a list: a list mark, a clause's end, or 等.
_ITEM_END = set("、及和与，,。；;等")


def married_name_at(folded: str, at: int, name: str) -> str:
    """The whole item when a three-character reading at `at` is cut from a
    married name closed by a list mark (议员甲、蔡苏秋金及乙: not 蔡苏秋)."""
    if len(name) != 3 or folded[at + 4:at + 5] not in _ITEM_END or at + 5 > len(folded) \
            or is_common_word(folded[at + 3:at + 5]):
        return name  # 沈某某以及: 以及 is a join, not a name's last character
    whole = folded[at:at + 4]
    return whole if is_cjk_run(whole[3]) and is_married_name(whole, text=folded) else name


def married_name_before(folded: str, begin: int, name: str) -> tuple[str, int]:
    """(name, start) of an item ending where `name` (read from `begin`)
    ends, when the name is cut from a married name opened by a list mark
    (、蔡苏秋金、: not 苏秋金)."""
    if len(name) != 3 or begin < 2 or folded[begin - 2] not in _OPENING:
        return name, begin
    whole = folded[begin - 1:begin + 3]
    return (whole, begin - 1) if is_married_name(whole, text=folded) else (name, begin)


# Between 等 and the closing post: 人, or a count (等多位议员, 等18位议员).
_COUNT_AFTER_OTHERS = re.compile(r"人?(?:多|\d{1,3}|[两二三四五六七八九十]{1,3})?[位名]?")
# The end of a clause holding a list.
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")
_LONGEST_LIST = 300


def joins_a_closed_list(folded: str, at: int, post_at) -> bool:
    """The names from `at` (right after a join) run, by list marks, to 等 and
    a post that closes them (等议员, 等多位议员): 副议长甲与乙、丙、丁等议员 names one deputy
    speaker and then councillors, and 总召甲及乙、丙等议员 one caucus whip.
    The names after the join hold the closing post, not the opening one.
    `post_at(folded, k)` is the post starting at k, or None."""
    clause = _CLAUSE_END.search(folded, at, at + _LONGEST_LIST)
    end = clause.start() if clause else min(len(folded), at + _LONGEST_LIST)
    others = folded.find("等", at, end)
    if others < 0 or "、" not in folded[at:others]:
        return False
    if any(post_at(folded, k) for k in range(at, others)):
        return False  # a post inside: the items carry posts of their own
    counted = _COUNT_AFTER_OTHERS.match(folded, others + 1)  # 等多位议员, 等18位议员
    return bool(post_at(folded, counted.end()))


# 等 and a count of others before a post (甲、乙等多位议员, 甲、乙等18位议员).
_OTHERS_COUNTED = re.compile(r"等(?:多|\d{1,3}|[两二三四五六七八九十]{1,3})[位名]$")


def before_others_counted(folded: str, end: int) -> int:
    """Where 等 ends, when 等 and a count of others stand right before a
    post at `end`; else `end`. The count takes in people not named, so it
    does not close a list of exactly that many (甲、乙两位议员 does)."""
    if folded[end - 1:end] not in ("位", "名"):
        return end  # most posts: no count before them, no search
    counted = _OTHERS_COUNTED.search(folded, max(0, end - 6), end)
    return counted.start() + 1 if counted else end
