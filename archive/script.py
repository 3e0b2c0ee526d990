"""Script (simplified / traditional) detection and folding.

Everything the archive compares, indexes or matches is compared in *folded*
form: traditional characters mapped to simplified, full-width ASCII to
half-width, Latin letters lower-cased. Folding keeps the text's length, one
character in and one out, so an offset found in folded text is an offset in
the original: that is what lets a highlight land in the document's own script.
"""
from __future__ import annotations

import functools
from operator import and_, ne

import opencc

# Variants that OpenCC's t2s leaves alone but readers treat as one character
# (checked against OpenCC 1.4: it already maps 臺/檯/颱→台, 裏→里, 爲→为 ...).
_EXTRA_VARIANTS = str.maketrans({"衞": "卫", "衛": "卫", "寳": "宝", "甯": "宁"})


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


# Full-width ASCII to half-width, then Latin upper case to lower case.
_FOLD_TABLE = {c: chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({c: chr(c).lower() for c in range(0x41, 0x5B)})
_FOLD_TABLE[0x3000] = " "  # ideographic space


def fold(text: str) -> str:
    """Map text to the archive's comparison form, keeping its length."""
    if not text:
        return text
    return _fold_table(_convert_same_length(text, "t2s"))


# The two tables after t2s as one code point map (neither maps onto a key of
# the other). str.translate looks every character up in a dict and takes a
# miss (most characters) as an exception: 0.4 ms for a page of 700
# characters, seven times OpenCC's t2s, and most of a search's snippets. A
# page is mapped as an array instead; a short text is cheaper with translate.
_FOLDS_AFTER_T2S = {c: ord(chr(c).translate(_EXTRA_VARIANTS).translate(_FOLD_TABLE))
                    for c in (*_EXTRA_VARIANTS, *_FOLD_TABLE)}
_ARRAY_FROM = 64   # characters


@functools.lru_cache(maxsize=1)
def _fold_codes() -> "numpy.ndarray":
    import numpy
    codes = numpy.arange(0x10000, dtype=numpy.uint32)   # every key is in the BMP
    for key, value in _FOLDS_AFTER_T2S.items():
        codes[key] = value
    return codes


def _fold_table(text: str) -> str:
    if len(text) < _ARRAY_FROM:
        return text.translate(_FOLDS_AFTER_T2S)
    import numpy
    codes = numpy.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    table = _fold_codes()
    mapped = numpy.where(codes < 0x10000, table[numpy.minimum(codes, 0xFFFF)], codes)
    return mapped.astype("<u4").tobytes().decode("utf-32-le")


def to_traditional(text: str) -> str:
    return _convert_same_length(text, "s2t")


def to_taiwan(text: str) -> str:
    """Traditional script in Taiwan's standard character forms."""
    return _convert_same_length(text, "s2tw")


def to_simplified(text: str) -> str:
    return _convert_same_length(text, "t2s")


def detect_script(text: str) -> str:
    """'simplified', 'traditional' or 'mixed', from the characters that differ.

    A character counts as traditional when t2s changes it and as simplified
    when s2t changes it; characters common to both scripts say nothing.
    Scraper damage (a traditional editor's name in a simplified page) is
    tolerated by the thresholds.
    """
    # Counted in C: traditional where t2s changes the character, simplified
    # where s2t changes one that t2s leaves alone.
    changed_by_t2s = list(map(ne, text, to_simplified(text)))
    trad = sum(changed_by_t2s)
    if trad == 0:
        # No traditional character: simplified however many s2t would change.
        # Most pages; and s2t (phrase rules) costs 70 times t2s.
        return "simplified"
    changed_by_s2t = list(map(ne, text, to_traditional(text)))
    simp = sum(changed_by_s2t) - sum(map(and_, changed_by_t2s, changed_by_s2t))
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
