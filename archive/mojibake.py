"""Text garbled by a decoder that started one byte off.

Scrapers sometimes decode GBK bytes from an odd offset: every character pair
straddles two real characters, and the bytes that cannot pair are lost as
'?'. Such a run reads as rare characters (。ㄗ髡呦店悵). Encoding it back to
GBK and decoding from the next byte gives the text (（作者系陳). Whether a
run is garbled is judged against the document itself: the repaired text uses
characters the rest of the document uses, the garbled run does not.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

LOST = "\ufffd"  # stands for the character whose bytes were lost at the seam
# A garbled run sits between the '?' left by its broken first and last bytes.
_RUN = re.compile(r"\?([^\s?]{3,40})(?:\?|$)")
_KNOWN_SHARE_REPAIRED = 0.6
_KNOWN_SHARE_GARBLED = 0.4


@dataclass
class ShiftedRun:
    start: int
    end: int
    repaired: str


def decode_shifted(run: str) -> str | None:
    """The text a one-byte-shifted GBK run stood for, or None."""
    try:
        data = run.encode("gbk")
    except UnicodeEncodeError:
        return None
    text = data[1:].decode("gbk", errors="ignore")
    return text or None


def _known_share(text: str, known: Counter[str], own: Counter[str]) -> float:
    """Share of the text's Chinese characters used elsewhere in the document."""
    chinese = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not chinese:
        return 0.0
    return sum(1 for c in chinese if known[c] > own[c]) / len(chinese)


def find_shifted_run(line: str, known: Counter[str]) -> ShiftedRun | None:
    """The first garbled run in the line, with its repair, or None.

    `known` counts the characters of the whole document, this line included;
    the line's own characters are discounted.
    """
    if "?" not in line:
        return None
    own = Counter(line)
    for match in _RUN.finditer(line):
        run = match.group(1)
        repaired = decode_shifted(run)
        if repaired and _known_share(repaired, known, own) >= _KNOWN_SHARE_REPAIRED \
                and _known_share(run, known, own) <= _KNOWN_SHARE_GARBLED:
            lost = LOST if match.group(0).endswith("?") else ""
            return ShiftedRun(match.start(), match.end(), repaired + lost)
    return None
