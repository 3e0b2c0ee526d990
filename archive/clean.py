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

from .mojibake import find_shifted_run

# Tone-marked pinyin that scrapers insert after a character: 區(qū), 書（shū）.
# At least one tone mark is required, so (市縣), (PVA) or (2022) survive.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A '?' before the annotation is a character the scraper lost and then annotated.
_PINYIN_ANNOTATION = re.compile(
    r"(?<=[\u3400-\u9fff?])[(（]\s*([a-zü%s]{0,6}[%s][a-zü%s]{0,6})\s*[)）]" % (_TONED, _TONED, _TONED))

# Lines that belong to the site, not the article.
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:"
    r"您的位置|当前位置|首页\s|声明[:：]|免责声明|版权所有|copyright|©|"
    r"联系(?:QQ|电话|我们)|本站(?:所有|将|不对)|相关(?:文章|阅读|新闻|链接)|相關(?:文章|閱讀|新聞)|"
    r"分享到|分享至|标签[:：]|標籤[:：]|上一篇|下一篇|上一則|下一則|责任编辑|責任編輯|"
    r"扫一扫|掃一掃|打印本页|关闭窗口|【打印】|【关闭】"
    r")", re.I)
# The pinyin a scraper added for a character that was lost with its opening
# parenthesis: 悵?zhèn) — after repair only zhèn) is left.
_LOST_ANNOTATION = re.compile(r"^[a-zü%s]{1,7}[)）]" % _TONED)
_SPAM_TAG_LINE = re.compile(r"^\s*[•·\-\*]?\s*(?:标签|標籤|tags?)\s*[:：]", re.I)

# Runs of characters typical of UTF-8 read as GBK, plus the replacement mark.
_REPLACEMENT = "\ufffd"
# At least four Chinese characters or CJK punctuation marks, found without
# building a list of them (segments may be megabytes long).
_FOUR_CHINESE = re.compile(r"(?:[^\u3400-\u9fff\u3000-\u303f]*[\u3400-\u9fff\u3000-\u303f]){4}")
_CUT_POINT = re.compile(r"[\s。！？；，]")


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
    return bool(_BOILERPLATE_LINE.match(line)) or bool(_SPAM_TAG_LINE.match(line))


def looks_like_mojibake(segment: str) -> bool:
    """True when the segment is UTF-8 text that was decoded as GBK.

    Such text re-encodes to GBK bytes that are valid UTF-8 and decode to
    fewer, ordinary characters. Ordinary Chinese almost never does: GBK
    bytes of real text are not valid UTF-8 beyond a character or two.
    """
    if _REPLACEMENT in segment:
        return True
    if not _FOUR_CHINESE.match(segment):
        return False
    return repair_mojibake(segment) is not None


def repair_mojibake(segment: str) -> str | None:
    """The text a GBK-misread UTF-8 segment stood for, or None if it is not one."""
    for start in range(0, min(4, len(segment))):
        candidate = segment[start:].replace("?", "")
        try:
            repaired = candidate.encode("gbk").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired and len(repaired) < len(candidate):
            return repaired
    return None


def split_boilerplate(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Separate leading and trailing site lines from the article's lines.

    Only the edges are trimmed: a boilerplate-looking line in the middle of an
    article is more likely a quotation than navigation.
    """
    start, end = 0, len(lines)
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
    known = Counter(body)
    for line in kept:
        good, bad = _cut_mojibake(line)
        if not bad:
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
    data = end.encode("gbk", errors="ignore")
    if len(data) < 6:
        return False
    readable = data.decode("utf-8", errors="ignore")
    return len(readable.encode("utf-8")) >= 0.6 * len(data)


def _cut_mojibake(line: str) -> tuple[str, str]:
    """Split a line into its readable head and a garbled tail, if it has one.

    The cut is the first point (after punctuation or a space) after which
    everything is mojibake. Trying each point in turn re-encodes the rest of
    the line every time, which is quadratic on a long line (minutes for a
    megabyte). Instead: a garbled tail runs to the end of the line, so only a
    line whose end reads as UTF-8 seen through GBK has one (a lone replacement
    mark in ordinary text, a character lost upstream, is no tail). In such a
    line a tail with a replacement mark is mojibake, and so is any longer
    tail, so the first point before the last mark is the cut.
    Otherwise a tail is mojibake when it re-encodes to valid UTF-8 (true of
    every tail from some point on: shorter suffixes of valid bytes stay
    valid) and has enough Chinese characters and shrinks on repair (true of
    every tail up to some point: longer tails keep what shorter ones have).
    So the first point where the tail re-encodes is found by bisection, and
    the cut is there if that tail is mojibake, else nowhere.
    """
    if not _ends_like_utf8_read_as_gbk(line):
        return line, ""
    end = len(line.rstrip())
    cuts = [match.end() for match in _CUT_POINT.finditer(line, 0, end) if match.end() < end]
    last_mark = line.rfind(_REPLACEMENT)
    if cuts and cuts[0] <= last_mark:
        return line[: cuts[0]], line[cuts[0]:]
    low, high = 0, len(cuts)
    while low < high:
        middle = (low + high) // 2
        if _reencodes_as_utf8(line[cuts[middle]:]):
            high = middle
        else:
            low = middle + 1
    if low < len(cuts) and looks_like_mojibake(line[cuts[low]:]):
        return line[: cuts[low]], line[cuts[low]:]
    if looks_like_mojibake(line):
        return "", line
    return line, ""


def _reencodes_as_utf8(segment: str) -> bool:
    """Whether the segment's GBK bytes (as `repair_mojibake` tries them) are UTF-8."""
    for start in range(0, min(4, len(segment))):
        try:
            segment[start:].replace("?", "").encode("gbk").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return True
    return False
