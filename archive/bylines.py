"""Bylines: reporters, photographers and editors, and the author's office.

Byline names are never officials. A byline keyword counts only where bylines
stand (opening a line or a parenthesis, closing a line), so that 文 in
文化生活 or 图 in 地图 do not make reporters of the words after them.
"""
from __future__ import annotations

import re

from .document import Official
from .mojibake import LOST
from .names import is_cjk_run, plausible_name
from .officials import POSTS

# Bylines: （记者 王志超）, 梁嘉俊 摄, 编辑:郭玛莉, 全媒体记者 刘定春 蒋师帅 整理.
_NAME = r"[\u4e00-\u9fff]{2,4}"
_NAMES = r"((?:%s[ \t、,，]*){1,4})" % _NAME
_BYLINE_WORD = r"(?:记者|通讯员|摄影|摄|编辑|责编|责任编辑|审核|校对|撰稿|整理|文|图)"
_BYLINE_PATTERNS = [
    # A byline keyword opening a line or a parenthesis: 编辑:郭玛莉, （记者 王志超）.
    re.compile(r"(?:^|[(（])[^\n)）]{0,16}?%s[ \t]*[:：/]?[ \t]*%s(?=[)）\n]|$)" % (_BYLINE_WORD, _NAMES),
               re.M),
    # Names before 摄/整理/报道 closing a line or a parenthesis: 梁嘉俊 摄.
    re.compile(r"(?:^|[ \t(（])((?:%s[ \t]+){0,3}%s)[ \t]*(?:摄影?|整理|报道|供图)(?=[ \t)）]*(?:\n|$))"
               % (_NAME, _NAME), re.M),
    # A bare name in parentheses closing the text: （王志超）.
    re.compile(r"[(（]\s*(%s)\s*[)）]\s*$" % _NAME),
]
_BYLINE_NOT_NAME = re.compile(r"(日报|晚报|新闻|记者|全媒体|本报|站|网|中心|融媒|报社|电视台|编辑部)")


def extract_reporters(folded: str) -> list[str]:
    """Folded names from bylines, in order of appearance, without repeats."""
    found: list[str] = []
    for pattern in _BYLINE_PATTERNS:
        for match in pattern.finditer(folded):
            for name in re.split(r"[ \t、,，]+", match.group(1)):
                name = name.strip()
                if 2 <= len(name) <= 4 and plausible_name(name) \
                        and not _BYLINE_NOT_NAME.search(name) and name not in found:
                    found.append(name)
    return found


# 作者系陈涛镇党委书记: the byline's author holds an office.
_AUTHOR_OFFICE = re.compile(r"作者(?:系|为|是)([^)）\n]{1,30}?(?:%s))" % "|".join(map(re.escape, POSTS)))


def author_officials(folded_body: str, original_body: str, folded_notes: list[str],
                     place_names: list[str]) -> list[Official]:
    """The byline author as an official, when a note says what office they hold.

    The author is a name standing alone on the first line; the note
    (作者系…) may sit in the body or in text repaired from a garbled line,
    where a lost character leaves a gap (陈?党委书记) that a place the
    document names can fill (陈涛镇).
    """
    first = folded_body.split("\n", 1)[0].strip()
    if not (2 <= len(first) <= 4 and is_cjk_run(first) and plausible_name(first)):
        return []
    for note in [folded_body] + folded_notes:
        match = _AUTHOR_OFFICE.search(note)
        if not match:
            continue
        title = match.group(1)
        if LOST in title:
            head, _, tail = title.partition(LOST)
            place = next((p for p in place_names if head and p.startswith(head)), None)
            title = (place + tail) if place else tail
        at = original_body.find(first) if folded_body.startswith(first) else -1
        written = original_body[at:at + len(first)] if at >= 0 else first
        return [Official(name=written, title=title)]
    return []
