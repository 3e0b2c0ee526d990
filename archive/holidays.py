"""The month a fixed-date holiday gives a day the text writes without one.

A release dates its story 今（9）日 and names no month, but says in the same
sentence 明天就是雙十國慶 or 父親節前夕: the day lies beside that holiday, so its
month is the holiday's, or the one before or after when the holiday sits near
a month's edge (今（27）日, 父親節 8月8日 → 7月27日). The labels' convention
allows it (bench/labels/README.md: a fixed-date holiday may place a bare day;
a lunar one may not). A holiday named elsewhere in the text is often another
year's or a plan's (去年雙十國慶, 明年元旦上路, 二二八事件) and places nothing.

The list is closed and public: holidays and memorial days fixed in the
Gregorian calendar, and solar terms that fall on one of two days. Left out:
lunar festivals (中秋, 端午, 元宵 move), days of the week (母親節 is May's second
Sunday), days Taiwan and the mainland keep in different months (兒童節 4月4日 /
6月1日, 青年節 3月29日 / 5月4日; 国庆节 is the mainland's 10月1日, so only
Taiwan's 雙十 and 國慶日 wording counts), and 雙十一 (a shopping day).
"""
from __future__ import annotations

import re

# Folded (simplified) names, each with its month and day.
_FIXED_DAYS = {
    "元旦": (1, 1), "和平纪念日": (2, 28), "二二八纪念日": (2, 28), "妇女节": (3, 8), "植树节": (3, 12),
    "国医节": (3, 17), "劳动节": (5, 1), "禁烟节": (6, 3), "父亲节": (8, 8), "军人节": (9, 3),
    "教师节": (9, 28), "双十": (10, 10), "国庆日": (10, 10), "光复节": (10, 25), "行宪纪念日": (12, 25),
    "圣诞节": (12, 25), "平安夜": (12, 24), "冬至": (12, 22),
}
# (Not one a relative year qualifies: 明年元旦上路, 今年元旦起 date a rule's start.)
_HOLIDAY = re.compile("(?<![今明去]年)(?:%s)(?!一)" % "|".join(sorted(_FIXED_DAYS, key=len, reverse=True)))
# How far before its holiday a day may be and still be placed by it (父親節
# 前夕 reaches back twelve days to 7月27日), and how far after (剛過完元旦假期).
_DAYS_BEFORE = 14
_DAYS_AFTER = 3
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _days_after(month: int, day: int, other_month: int, other_day: int) -> int:
    """Days from the other date to this one (negative before it), across the
    new year when that is closer."""
    def ordinal(m: int, d: int) -> int:
        return sum(_DAYS_IN_MONTH[:m - 1]) + d
    after = ordinal(month, day) - ordinal(other_month, other_day)
    return after - 366 if after > 183 else after + 366 if after < -183 else after


def month_by_holiday(folded: str, at: int, day: int) -> int | None:
    """The month of a day of month written at `at` without its month, when
    its sentence names fixed-date holidays and just one month puts the day
    in the two weeks before one of them or the three days after; else None."""
    start = max((m.end() for m in _SENTENCE_END.finditer(folded, 0, at)), default=0)
    end_match = _SENTENCE_END.search(folded, at)
    end = end_match.start() if end_match else len(folded)
    months = set()
    for match in _HOLIDAY.finditer(folded, start, end):
        month, holiday_day = _FIXED_DAYS[match.group()]
        for candidate in ((month - 2) % 12 + 1, month, month % 12 + 1):
            if day <= _DAYS_IN_MONTH[candidate - 1] \
                    and -_DAYS_BEFORE <= _days_after(candidate, day, month, holiday_day) <= _DAYS_AFTER:
                months.add(candidate)
    return months.pop() if len(months) == 1 else None
