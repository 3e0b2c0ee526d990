"""Dates, as precise as the text makes them and never more.

A full date (2020年3月2日, 2020-03-02) is taken as it stands. A month and day
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
_MONTH_DAY = re.compile(r"(?<![\d年.])(\d{1,2})月(\d{1,2})日")
_TITLE_MONTH_DAY = re.compile(r"^\s*(\d{2})[.\-/](\d{2})(?=\s)")
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?!\d{1,2}日)")

# Evidence that a year is the document's own year.
_CURRENT_YEAR = [
    re.compile(r"(?:今年|本年度|年内)[^。]{0,12}?((?:19|20)\d{2})年"),
    re.compile(r"((?:19|20)\d{2})年(?:是|为)?(?:全面建成|决胜)"),
    re.compile(r"(?:奋战|决战|冲刺|决胜)[\s“\"]?((?:19|20)\d{2})"),
    re.compile(r"力争((?:19|20)\d{2})年度?"),
    re.compile(r"((?:19|20)\d{2})年度(?:目标|任务|工作)"),
]
# Five-year plans: the plan closes (收官) in its last year.
_PLAN_CLOSING = re.compile(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?[^。]{0,12}?(?:圆满)?收官")
_PLAN_LAST_YEAR = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}


def _valid(month: int, day: int | None = None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def proven_year(folded: str) -> tuple[int, str] | None:
    """The document's own year when the text proves it, with the evidence."""
    years: dict[int, str] = {}
    for pattern in _CURRENT_YEAR:
        for match in pattern.finditer(folded):
            years.setdefault(int(match.group(1)), match.group(0))
    for match in _PLAN_CLOSING.finditer(folded):
        years.setdefault(_PLAN_LAST_YEAR[match.group(1)], match.group(0))
    if len(years) == 1:
        year, evidence = next(iter(years.items()))
        return year, evidence
    return None  # none, or conflicting evidence: no year rather than a wrong one


def extract_date(folded: str, title: str | None = None) -> DocDate | None:
    head = folded[:400]
    for match in _FULL.finditer(head):
        year, month, day = (int(g) for g in match.groups())
        if _valid(month, day):
            return DocDate(f"{year:04d}-{month:02d}-{day:02d}", "day", match.group(0))
    month_day = None
    title_match = _TITLE_MONTH_DAY.match(folded)
    if title_match and _valid(int(title_match.group(1)), int(title_match.group(2))):
        month_day = (int(title_match.group(1)), int(title_match.group(2)), title_match.group(0).strip())
    if month_day is None:
        match = _MONTH_DAY.search(head)
        if match and _valid(int(match.group(1)), int(match.group(2))):
            month_day = (int(match.group(1)), int(match.group(2)), match.group(0))
    proof = proven_year(folded)
    if month_day:
        month, day, text = month_day
        if proof:
            return DocDate(f"{proof[0]:04d}-{month:02d}-{day:02d}", "day", f"{text}; {proof[1]}")
        return DocDate(f"--{month:02d}-{day:02d}", "month-day", text)
    match = _YEAR_MONTH.search(head)
    if match and _valid(int(match.group(2))):
        return DocDate(f"{int(match.group(1)):04d}-{int(match.group(2)):02d}", "month", match.group(0))
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
    found = extract_date(value)
    return DocDate(found.value, found.precision, value) if found else None
