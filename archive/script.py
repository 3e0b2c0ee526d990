"""Script (simplified / traditional) detection and folding.

Everything the archive compares, indexes or matches is compared in *folded*
form: traditional characters mapped to simplified, full-width ASCII to
half-width, Latin letters lower-cased. Folding keeps the text's length, one
character in and one out, so an offset found in folded text is an offset in
the original: that is what lets a highlight land in the document's own script.
"""
from __future__ import annotations

import functools
import re

import numpy as np
import opencc


@functools.lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert_same_length(text: str, config: str) -> str:
    if len(text) >= _LONG:
        return _convert_long(text, config)
    return _convert(text, config)


# A document's body is converted more than once (folded for extraction, its
# script detected, folded again with its title for the index): the last few
# long texts' conversions are kept.
_LONG = 200


@functools.lru_cache(maxsize=8)
def _convert_long(text: str, config: str) -> str:
    return _convert(text, config)


def _convert(text: str, config: str) -> str:
    converted = _converter(config).convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length (rare); fall back to one character at
    # a time, which t2s/s2t always map one to one.
    convert = _converter(config).convert
    return "".join(c2 if len(c2 := convert(c)) == 1 else c for c in text)


# What folding maps after t2s, one character to one: variants that OpenCC's
# t2s leaves alone but readers treat as one character (checked against
# OpenCC 1.4: it already maps 臺/檯/颱→台, 裏→里, 爲→为 ...), full-width ASCII
# to half-width, Latin upper case to lower case, the ideographic space to a
# space. No character it maps to is mapped again, so one pass is enough.
_FOLD_CHARS = {"衞": "卫", "衛": "卫", "寳": "宝", "甯": "宁", "\u3000": " "}
_FOLD_CHARS.update({chr(c): chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)})
_FOLD_CHARS.update({chr(c): chr(c).lower() for c in range(0x41, 0x5B)})
_FOLD_TABLE = str.maketrans(_FOLD_CHARS)
_FOLDABLE = re.compile("[%s]" % "".join(map(re.escape, _FOLD_CHARS)))
# Up to this many distinct characters to map, a `str.replace` for each
# (a fast scan in C) beats `str.translate`, which looks every character of a
# non-ASCII text up in a dict: that was two thirds of folding a body.
_REPLACE_AT_MOST = 8


def fold(text: str) -> str:
    """Map text to the archive's comparison form, keeping its length."""
    if not text:
        return text
    if len(text) < _LONG:
        return _fold_short(text)
    return _fold(text)


def _fold(text: str) -> str:
    folded = _convert_same_length(text, "t2s")
    found = set(_FOLDABLE.findall(folded))
    if len(found) > _REPLACE_AT_MOST:
        return folded.translate(_FOLD_TABLE)
    for char in found:
        folded = folded.replace(char, _FOLD_CHARS[char])
    return folded


# Names, offices and titles are folded again and again (each official's name
# a few times per document, the same offices across documents).
_fold_short = functools.lru_cache(maxsize=1 << 14)(_fold)


def to_traditional(text: str) -> str:
    return _convert_same_length(text, "s2t")


def to_taiwan(text: str) -> str:
    """Traditional script in Taiwan's standard character forms."""
    return _convert_same_length(text, "s2tw")


def to_simplified(text: str) -> str:
    return _convert_same_length(text, "t2s")


def _code_points(text: str) -> np.ndarray:
    """The text's characters as numbers (a lone surrogate too), one per character."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def detect_script(text: str) -> str:
    """'simplified', 'traditional' or 'mixed', from the characters that differ.

    A character counts as traditional when t2s changes it and as simplified
    when s2t changes it; characters common to both scripts say nothing.
    Scraper damage (a traditional editor's name in a simplified page) is
    tolerated by the thresholds.
    """
    simplified = to_simplified(text)
    if simplified == text:
        # No traditional character: simplified however many s2t would change.
        # Most pages; and s2t (phrase rules) costs 70 times t2s.
        return "simplified"
    # Counted over arrays of code points: traditional where t2s changes the
    # character, simplified where s2t changes one that t2s leaves alone.
    original = _code_points(text)
    changed_by_t2s = original != _code_points(simplified)
    trad = int(np.count_nonzero(changed_by_t2s))
    changed_by_s2t = original != _code_points(to_traditional(text))
    simp = int(np.count_nonzero(changed_by_s2t & ~changed_by_t2s))
    total = trad + simp
    if total == 0:
        return "simplified"
    share = trad / total
    if share >= 0.8:
        return "traditional"
    if share <= 0.2:
        return "simplified"
    return "mixed"


def in_other_script(text: str) -> str:
    """The text as a writer of the other script would put it, vocabulary included.

    Unlike folding this is OpenCC's phrase-level conversion (s2twp / tw2sp:
    软件 ↔ 軟體, 信息 ↔ 資訊), so it can name things the folded query cannot find.
    """
    config = "tw2sp" if detect_script(text) == "traditional" else "s2twp"
    return _converter(config).convert(text)
