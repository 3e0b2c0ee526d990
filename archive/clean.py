"""Cleaning scraped text: pinyin annotations, site boilerplate, mojibake.

Each rule is a small function over text; `clean_text` applies them in order
and records which kinds of damage it found. The original text is never
modified in place: the cleaned body is derived from it. Two kinds of mojibake
are cut from the body: UTF-8 read as GBK (a garbled tail to the end of a
line), and GBK read one byte off (a run between '?', see `archive.mojibake`),
which is also read back so that a byline hidden in it is not lost.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .chrome import article_bounds, is_site_line
from .mojibake import find_shifted_run

# Tone-marked pinyin that scrapers insert after a character: 區(qū), 書（shū）.
# At least one tone mark is required, so (市縣), (PVA) or (2022) survive.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A '?' before the annotation is a character the scraper lost and then annotated.
_PINYIN_ANNOTATION = re.compile(
    r"(?<=[\u3400-\u9fff?])[(（]\s*([a-zü%s]{0,6}[%s][a-zü%s]{0,6})\s*[)）]" % (_TONED, _TONED, _TONED))

# The pinyin a scraper added for a character that was lost with its opening
# parenthesis: 悵?zhèn) — after repair only zhèn) is left.
_LOST_ANNOTATION = re.compile(r"^[a-zü%s]{1,7}[)）]" % _TONED)
_SPAM_TAG_LINE = re.compile(r"^\s*[•·\-\*]?\s*(?:标签|標籤|tags?)\s*[:：]", re.I)

_CHINESE_CLASS = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u2027"
_CHINESE = re.compile(f"[{_CHINESE_CLASS}]")
# At least two / three / four Chinese characters or punctuation marks, found
# without building a list of them (segments may be megabytes long).
_TWO_CHINESE = re.compile(f"(?:[^{_CHINESE_CLASS}]*[{_CHINESE_CLASS}]){{2}}")
_THREE_CHINESE = re.compile(f"(?:[^{_CHINESE_CLASS}]*[{_CHINESE_CLASS}]){{3}}")
_FOUR_CHINESE = re.compile(f"(?:[^{_CHINESE_CLASS}]*[{_CHINESE_CLASS}]){{4}}")
_CUT_POINT = re.compile(r"[\s。！？；，]")
# Runs of characters typical of UTF-8 read as GBK, plus the replacement mark.
_REPLACEMENT = "\ufffd"


@dataclass
class Cleaned:
    body: str
    boilerplate: list[str] = field(default_factory=list)
    spam: list[str] = field(default_factory=list)
    damage: list[str] = field(default_factory=list)
    mojibake: list[str] = field(default_factory=list)
    # Garbled segments that could be read back, with the readable rest of
    # their line (bylines often sit there); never part of the body.
    repaired: list[str] = field(default_factory=list)


def strip_pinyin_annotations(text: str) -> tuple[str, int]:
    """Remove tone-marked pinyin in parentheses right after a Chinese character."""
    return _PINYIN_ANNOTATION.subn("", text)


def is_boilerplate_line(line: str) -> bool:
    return is_site_line(line) or bool(_SPAM_TAG_LINE.match(line))


def looks_like_mojibake(segment: str) -> bool:
    """True when the segment is UTF-8 text that was decoded as GBK.

    Such text re-encodes to GBK bytes that are valid UTF-8 and decode to
    fewer, ordinary characters. Ordinary Chinese almost never does: GBK
    bytes of real text are not valid UTF-8 beyond a character or two.
    A replacement mark is a byte the decoder gave up on, so the pieces
    between marks are judged one by one, and all of them must be garbled:
    readable text before a garbled tail is not garbled.
    """
    pieces = [piece for piece in segment.split(_REPLACEMENT) if piece.strip()]
    if not pieces:
        return True
    # Between marks a garbled run may be cut to two characters (榛勬� is
    # 黄 and a lost byte); such pieces are judged too, or a tail whose
    # marks are dense would never be, and a shorter tail inside a longer
    # garbled one would read as clean.
    enough = _TWO_CHINESE if len(pieces) > 1 else _THREE_CHINESE
    judged = [piece for piece in pieces if enough.match(piece)]
    if not judged or not _FOUR_CHINESE.match(segment):
        return False
    # A piece after a mark may begin inside a character the mark took.
    return all(repair_mojibake(piece, skip=1, after_mark=False) if piece is pieces[0]
               else repair_mojibake(piece, skip=3, after_mark=True)
               for piece in judged)


def _chinese(text: str) -> list[str]:
    """Han characters and the punctuation Chinese text uses (、。「」，：)."""
    return _CHINESE.findall(text)


def repair_mojibake(segment: str, skip: int = 1, after_mark: bool = False) -> str | None:
    """The text a GBK-misread UTF-8 segment stood for, or None if it is not one.

    The segment may start or end inside a character whose other bytes were
    lost: up to `skip` characters may be dropped at its start (more would
    let real text before a garbled run pass as garbled), up to three bytes at
    its end; a segment `after_mark` (a replacement mark) may also open with
    up to three bytes of a character the mark took.
    """
    for start in range(0, min(skip + 1, len(segment))):
        candidate = segment[start:].replace("?", "")
        try:
            data = candidate.encode("gbk")
        except UnicodeEncodeError:
            continue
        # After a replacement mark the decoder may have paired the last byte
        # of one character with the first of the next (校对 -> 鏍″�癸細): the
        # piece then opens with continuation bytes of a character it lost,
        # which no character-sized skip removes. (Not at a segment's start:
        # readable text there, 电话 = B5E7 BBB0, would lose a byte and read
        # as another character.)
        if after_mark:
            data = data[_lost_continuation(data):]
        for cut in range(0, min(4, len(data))):
            try:
                repaired = data[:len(data) - cut].decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _reads_as_chinese(repaired) and len(repaired) < len(candidate) \
                    and _opens_like_text(repaired):
                return repaired
    return None


def _opens_like_text(repaired: str) -> bool:
    """A repair starts where the garbled run starts, on a character of the
    original text (Chinese, its punctuation, ASCII). One that opens on a
    stray Cyrillic or Armenian letter began inside readable text whose GBK
    bytes happen to be valid UTF-8 (話 -> Ԓ): the run starts later."""
    first = repaired.lstrip()[:1]
    return not first or first < "\x80" or bool(_CHINESE.match(first))


def _lost_continuation(data: bytes) -> int:
    """How many bytes at the start are UTF-8 continuation bytes (at most
    three: a character's tail whose lead byte was lost)."""
    count = 0
    while count < min(3, len(data)) and 0x80 <= data[count] <= 0xBF:
        count += 1
    return count


def _reads_as_chinese(repaired: str) -> bool:
    """Repaired mojibake is Chinese text; GBK bytes of real Chinese that
    happen to be valid UTF-8 decode to Cyrillic, Armenian, Greek (薪 -> н)."""
    foreign = [c for c in repaired if ord(c) > 0x7F]
    return bool(foreign) and len(_chinese("".join(foreign))) >= 0.7 * len(foreign)


def split_boilerplate(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Separate leading and trailing site lines from the article's lines.

    Only the edges are trimmed (see `archive.chrome`): a boilerplate-looking
    line in the middle of an article is more likely a quotation than navigation.
    """
    start, end = article_bounds(lines, garbled=lambda line: bool(_cut_mojibake(line)[1]))
    while start < end and (is_boilerplate_line(lines[start]) or not lines[start].strip()):
        start += 1
    while end > start and (is_boilerplate_line(lines[end - 1]) or not lines[end - 1].strip()
                           or _is_trailing_chrome(lines[end - 1])):
        end -= 1
    edges = lines[:start] + lines[end:]
    spam = [l.strip() for l in edges if _SPAM_TAG_LINE.match(l)]
    boilerplate = [l.strip() for l in edges if l.strip() and not _SPAM_TAG_LINE.match(l)]
    return lines[start:end], boilerplate, spam


def _is_trailing_chrome(line: str) -> bool:
    stripped = line.strip(" \t•·-*")
    return stripped in {"编辑", "相关文章", "相關文章", "分享到:", "分享到："} or bool(
        re.match(r"^(?:编辑|編輯)[:：]\s*\S{1,8}$", stripped))


def clean_text(text: str) -> Cleaned:
    damage: list[str] = []
    body, annotations = strip_pinyin_annotations(text)
    if annotations:
        damage.append("pinyin_annotation")
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept, boilerplate, spam = split_boilerplate(lines)
    if boilerplate:
        damage.append("boilerplate")
    if spam:
        damage.append("spam_tag")
    mojibake: list[str] = []
    repaired: list[str] = []
    clean_lines: list[str] = []
    # The document's characters, which tell a shifted run's repair from
    # noise; only a line with a "?" in it can hold such a run.
    known = Counter(body) if "?" in body else None
    for line in kept:
        good, bad = _cut_mojibake(line)
        if not bad and known is not None:
            shifted = find_shifted_run(line, known)
            if shifted:
                # Only the garbled run leaves: the readable rest of the line
                # (黨委書記) stays searchable in the body.
                rest = _LOST_ANNOTATION.sub("", line[shifted.end:])
                good, bad = line[:shifted.start] + rest, line[shifted.start:shifted.end]
                repaired.append(shifted.repaired + rest)
        if bad:
            mojibake.append(bad)
        if good.strip():
            clean_lines.append(good.strip())
    if mojibake:
        damage.append("mojibake")
    return Cleaned(body="\n".join(clean_lines), boilerplate=boilerplate, spam=spam,
                   damage=damage, mojibake=mojibake, repaired=repaired)


def _ends_like_utf8_read_as_gbk(line: str) -> bool:
    """A cheap test of the line's end before the costly search for a cut.

    A garbled tail runs to the end of the line, and its last characters,
    encoded back to GBK, are mostly valid UTF-8; ordinary Chinese is not.
    """
    end = line[-12:].replace("?", "")
    if _REPLACEMENT not in end:
        data = end.encode("gbk", errors="ignore")
        if len(data) < 6:
            return False
        return len(data.decode("utf-8", errors="ignore").encode("utf-8")) >= 0.6 * len(data)
    # Replacement marks stand for bytes the decoder dropped, so each piece
    # between them is judged alone, without the character cut at its
    # edges: 蹇� 閮�绉�娑涳級 is 中心 郭秀涛） with a byte lost at each mark.
    judged = readable = 0
    for piece in end.split(_REPLACEMENT):
        data = piece.encode("gbk", errors="ignore")
        data = data[_lost_continuation(data):]
        whole = _complete_utf8_prefix(data)
        judged += len(whole)
        readable += len(whole.decode("utf-8", errors="ignore").encode("utf-8"))
    return judged >= 6 and readable >= 0.6 * judged


def _complete_utf8_prefix(data: bytes) -> bytes:
    """`data` without a UTF-8 character cut off at its end (lead byte and
    fewer continuation bytes than it announces)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return data
        if byte >= 0xC0:
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data if back >= needed else data[:-back]
    return data


def _cut_mojibake(line: str) -> tuple[str, str]:
    """Split a line into its readable head and a garbled tail, if it has one.

    A garbled tail runs to the end of the line, so only a line whose end
    reads as UTF-8 seen through GBK has one (a lone replacement mark in
    ordinary text, a character lost upstream, is no tail). The cut is the
    first point (after punctuation or a space) after which everything is
    mojibake: tails that start inside the garbled run are garbled, tails
    that reach back into readable text are not, so the point is found by
    bisection over the points whose tail has enough Chinese to judge.
    Trying every point in turn would read the rest of the line each time,
    quadratic on a long line (minutes for a megabyte).
    """
    if not _ends_like_utf8_read_as_gbk(line):
        return line, ""
    end = len(line.rstrip())
    cuts = [0] + [match.end() for match in _CUT_POINT.finditer(line, 0, end) if match.end() < end]
    fourth_last = _fourth_chinese_from_end(line)
    judged = [cut for cut in cuts if cut <= fourth_last]
    low, high = 0, len(judged)
    while low < high:
        middle = (low + high) // 2
        if looks_like_mojibake(line[judged[middle]:]):
            high = middle
        else:
            low = middle + 1
    if low < len(judged):
        cut = _readable_lead_end(line, judged[low])
        return line[:cut], line[cut:]
    return line, ""


# What reads the same whether a byte run is decoded as UTF-8 or as GBK:
# ASCII (a phone number, a clock time, a URL just before a garbled tail),
# and a closing mark that the judgement may skip as a cut character.
_READABLE_LEAD = re.compile(r"[\x00-\x7f]*(?:[」』）》”’][\x00-\x7f]*(?=\s))?\s*")


def _readable_lead_end(line: str, cut: int) -> int:
    """Where the garbled tail that the search found to start at `cut`
    really starts: ASCII reads alike in both decodings, so text such as
    电话06-5892325 or 18:16 before the garble is the readable line's end,
    not part of the garble (UTF-8 read as GBK turns every non-ASCII
    character into rare Chinese, never ASCII into anything else)."""
    lead = _READABLE_LEAD.match(line, cut)
    end = lead.end()
    if end > cut and end < len(line) and looks_like_mojibake(line[end:]):
        return end
    return cut


def _fourth_chinese_from_end(line: str) -> int:
    """Where the fourth Chinese character from the end is (-1 if none): a
    tail must start there or before to have enough Chinese to be judged."""
    found = 0
    for at in range(len(line) - 1, -1, -1):
        if _CHINESE.match(line, at):
            found += 1
            if found == 4:
                return at
    return -1
