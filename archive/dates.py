"""Dates, as precise as the text makes them and never more.

A full date is taken as it stands only where it dates the document: in
given metadata or on a 发稿时间/日期 line (Minguo years converted). A full
date in running text is usually some other event and is not used. A month and day
without a year stay that way ('--03-02', precision 'month-day') unless the
text itself proves the year; a day of month alone is no date at all. A year
is proven only by evidence that names the current year: 今年 next to a
year (今年是2020年), a target for a named year (奋战2020, 力争2022年度…),
a dated plan period whose last year the text says is closing (十四五 收官).
A year merely mentioned (2013年，习近平…) proves nothing: a wrong year is
worse than no year.
"""
from __future__ import annotations

import re

from .document import DocDate

_FULL = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
# Taiwan writes the Minguo year (民國113年 = 2024); trusted only on a dateline.
_MINGUO = re.compile(r"(?:民国)?(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MINGUO_OFFSET = 1911
# A dateline: a 发稿时间： / 日期： line. A full date in running text, even one
# opening the story, is as often another event (2013年3月23日，习近平…;
# 89年5月25日农委会划定…) as the document's own date, so it proves nothing.
_DATELINE_LABEL = re.compile(r"(?:发稿|发布|发文|刊登|出版)(?:时间|日期)\s*[:：]\s*(?=\d)")
_MONTH_DAY = re.compile(r"(?<![\d年.])(\d{1,2})月(\d{1,2})日")
_TITLE_MONTH_DAY = re.compile(r"^\s*(\d{2})[.\-/](\d{2})(?=\s)")

# Evidence that a year is the document's own year.
_CURRENT_YEAR = [
    re.compile(r"(?:今年|本年度)(?:是|为|即)?((?:19|20)\d{2})年"),
    re.compile(r"(?:奋战|决战|冲刺|决胜)[\s“\"]?((?:19|20)\d{2})"),
    re.compile(r"力争((?:19|20)\d{2})年度"),
]
# Taiwan press releases write the current year as 今(113)年 / 本(109)年度.
_CURRENT_MINGUO = re.compile(r"(?:今|本)\s*[(（]\s*(\d{2,3})\s*[)）]\s*年")
# Five-year plans: the plan closes (收官) in its last year.
# Only a closing still to be achieved counts: 确保“十四五”圆满收官 is said in
# the last year, while “十四五”圆满收官 alone may look back from the next.
_PLAN_CLOSING = re.compile(r"(明年|下一年|去年|前年)?[^。，,]{0,4}(?:确保|力争|奋力|全力|冲刺|决战)"
                           r"[“\"]?(十[一二三四五六七八九]五)[”\"]?[^。]{0,8}?(?:圆满)?收官")
# The closing is the document's own year only when the text speaks of this
# year's end (四季度, 今年, 年底) rather than planning for the next one.
_THIS_YEAR_END = re.compile(r"四季度|第四季度|今年|年底前|年终")
_PLAN_LAST_YEAR = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}


def _valid(month: int, day: int | None = None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def proven_year(folded: str) -> tuple[int, str] | None:
    """The document's own year when the text proves it, with the evidence."""
    years: dict[int, str] = {}
    for pattern in _CURRENT_YEAR:
        for match in pattern.finditer(folded):
            years.setdefault(int(match.group(1)), match.group(0))
    for match in _CURRENT_MINGUO.finditer(folded):
        years.setdefault(int(match.group(1)) + _MINGUO_OFFSET, match.group(0))
    if _THIS_YEAR_END.search(folded):
        for match in _PLAN_CLOSING.finditer(folded):
            if not match.group(1):
                years.setdefault(_PLAN_LAST_YEAR[match.group(2)], match.group(0))
    if len(years) == 1:
        year, evidence = next(iter(years.items()))
        return year, evidence
    return None  # none, or conflicting evidence: no year rather than a wrong one


def dateline(folded: str) -> DocDate | None:
    """A full date standing where papers put the document's own date."""
    for start in (m.end() for m in _DATELINE_LABEL.finditer(folded)):
        match = _FULL.match(folded, start)
        if match:
            year, month, day = (int(g) for g in match.groups())
        else:
            match = _MINGUO.match(folded, start)
            if not match or not 1 <= int(match.group(1)) <= 200:
                continue
            year = int(match.group(1)) + _MINGUO_OFFSET
            month, day = int(match.group(2)), int(match.group(3))
        if _valid(month, day):
            return DocDate(f"{year:04d}-{month:02d}-{day:02d}", "day", match.group(0))
    return None


def extract_date(folded: str, title: str | None = None) -> DocDate | None:
    head = folded[:400]
    proof = proven_year(folded)
    dated = dateline(folded)
    if dated:
        # Datelines are typed by hand and slip at the turn of a year
        # (109年1月4日 in January 2021): the year stands only when the text
        # confirms it elsewhere; otherwise the month and day alone are kept.
        if proof and proof[0] == int(dated.value[:4]):
            return DocDate(dated.value, "day", f"{dated.evidence}; {proof[1]}")
        return DocDate("--" + dated.value[5:], "month-day", dated.evidence)
    month_day = None
    title_match = _TITLE_MONTH_DAY.match(folded)
    if title_match and _valid(int(title_match.group(1)), int(title_match.group(2))):
        month_day = (int(title_match.group(1)), int(title_match.group(2)), title_match.group(0).strip())
    if month_day is None:
        match = _MONTH_DAY.search(head)
        if match and _valid(int(match.group(1)), int(match.group(2))):
            month_day = (int(match.group(1)), int(match.group(2)), match.group(0))
    if month_day:
        month, day, text = month_day
        if proof:
            return DocDate(f"{proof[0]:04d}-{month:02d}-{day:02d}", "day", f"{text}; {proof[1]}")
        return DocDate(f"--{month:02d}-{day:02d}", "month-day", text)
    if proof:
        return DocDate(f"{proof[0]:04d}", "year", proof[1])
    return None


def parse_given_date(value: str) -> DocDate | None:
    """A date supplied in metadata, taken as it is (ISO forms, or 2020年3月2日)."""
    value = value.strip()
    for pattern, precision in ((r"(\d{4})-(\d{2})-(\d{2})", "day"), (r"(\d{4})-(\d{2})", "month"),
                               (r"(\d{4})", "year")):
        match = re.match(pattern + r"(?:$|[T\s])", value)
        if match:
            parts = [int(g) for g in match.groups()]
            if precision != "year" and not _valid(*parts[1:]):
                return None
            return DocDate("-".join(f"{p:0{4 if i == 0 else 2}d}" for i, p in enumerate(parts)),
                           precision, value)
    match = _FULL.search(value)
    if match and _valid(int(match.group(2)), int(match.group(3))):
        year, month, day = (int(g) for g in match.groups())
        return DocDate(f"{year:04d}-{month:02d}-{day:02d}", "day", value)
    found = extract_date(value)
    return DocDate(found.value, found.precision, value) if found else None
