"""Dates, as precise as the text makes them and never more.

A full date is taken as it stands only where it dates the document: in
given metadata, on a 发稿时间/日期 line, or in the labelled field of a
procurement notice ([決標日期]110/02/03; Minguo years converted). A full
date in running text is usually some other event and is not used.

The document's date is its event's: the story's own day (今（12）日, the
first month and day in the story) wins over the publication line, whose year
it takes when the two lie within half a year. Dates that only set a
background are passed over: a statistics cut-off (截至5月27日), the end of a
range (至5月31日), an earlier report (3月20日见报). A month and day
without a year stay that way ('--03-02', precision 'month-day') unless the
text itself proves the year; a day of month alone is no date at all.
A publication line's year stands unless the text proves another year, or the
line is dated January without confirmation: that is when a year is typed by
habit as the last one (109年1月4日 in January 2021). A year
is proven only by evidence that names the current year: 今年 next to a
year (今年是2020年), a target for a named year (奋战2020, 力争2022年度…),
a dated plan period whose last year the text says is closing (十四五 收官).
A year merely mentioned (2013年，习近平…) proves nothing: a wrong year is
worse than no year.
"""
from __future__ import annotations

import re

from .document import DocDate
from .event_year import day_sentence_event_year, named_event_year, tells_of_today
from .holidays import month_by_holiday

_FULL = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
# Taiwan writes the Minguo year (民國113年 = 2024); trusted only on a dateline.
_MINGUO = re.compile(r"(?:民国)?(?<!\d)(\d{2,3})\s*(?:年\s*|/)(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?")
_MINGUO_OFFSET = 1911
# Minguo years a current document can carry (民国38年 = 1949 onwards); a bare
# 12年8月9日 is a two-digit Gregorian year, not 1923.
_MINGUO_YEARS = range(38, 200)
# A dateline: a 发稿时间： / 日期： line. A full date in running text, even one
# opening the story, is as often another event (2013年3月23日，习近平…;
# 89年5月25日农委会划定…) as the document's own date, so it proves nothing.
_DATELINE_LABEL = re.compile(r"(?:发稿|发布|发文|刊登|出版)(?:时间|日期)\s*[:：]\s*(?=\d)")
# Procurement notices date themselves in labelled fields, bracketed
# ([決標日期]110/02/03) or as a heading (公開招標公告 公告日：109/02/14); the
# award (or the notice that no award was made) is the event, else the
# notice's own date, in this order of preference. 公告日 is written with and
# without 期, and by the agency itself (機關自定公告日); 原公告日 is the date of
# a notice this one corrects, never this one's.
_NOTICE_FIELDS = ("决标日期", "无法决标公告日期", "决标公告日期", "公告日期", "公告日", "机关自定公告日")
_NOTICE_FIELD = re.compile(r"(?:\[(%s)\]|(?<![原\[])(公告日期?)(?=\s*[:：]))\s*[:：]?\s*(?=\d)"
                           % "|".join(_NOTICE_FIELDS))
_MONTH_DAY = re.compile(r"(?<![\d年./])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A month and day written with a slash, which only a weekday after it makes a
# date rather than a fraction or a score: 將於7/13(三)辦理徵才.
_SLASH_MONTH_DAY = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?=\s*[(（]\s*(?:星期|周|礼拜)?[一二三四五六日天]\s*[)）])")
_TITLE_MONTH_DAY = re.compile(r"^\s*(\d{2})[.\-/](\d{2})(?=\s)")
# The story's own day: 今（12）日, 今天（3月2日）, 今日9月20日.
_TODAY = re.compile(r"今(?:天|日)?\s*[(（]\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日?\s*[)）]\s*日?"
                    r"|今(?:天|日)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_TODAY_IN_FULL = re.compile(r"今(?:天|日)\s*[(（]\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]")
# The story's day, told relative to the publication (昨（27）日) or bare in
# its opening sentence (2日她再度送酒精到學校): like 今（12）日, a day whose
# month must come from elsewhere; a month and day written later in the
# story is then some other event's (2月25日開學後).
_YESTERDAY = re.compile(r"昨\s*(?:天|日)?\s*[(（]\s*(\d{1,2})\s*日?\s*[)）]\s*日?")
# (Not a span of days: 近3日, 连续5日, 长达9日, 周休2日, 签约后30日, 3日内,
# 工期10日历天.)
_BARE_DAY = re.compile(r"(?<![\d月年/.\-~～至到第每近数几连续逾共满约达休后加])(\d{1,2})\s*日(?![\d内来间后前左多]|历天)")
_FIRST_SENTENCE = re.compile(r"[^。！？!?\n]*")
# Today or yesterday with no day written after it (今日, 昨天; not 今日（8日）).
_UNDATED_TODAY = re.compile(r"[今昨](?:日|天)(?!\s*[(（\d])")
# A full date followed by its weekday or a part of the day (114年12月5日(五)
# 上午, 徵才時間：108年2月27日(三), 110年12月11日下午3時至…) is how a
# programme says when something happens: an event's date, year and all. A
# clock time alone is not enough: 2022年4月29日12时24分 opens the report on an
# accident of a year before. A deadline (111年1月24日(星期一)前繳納) is no event.
_WHEN_AFTER = re.compile(r"\s*(?:[(（]\s*(?:星期|周|礼拜)?[一二三四五六日天]\s*[)）]|上午|下午|中午|晚上)"
                         r"(?!\s*(?:前|以前|之前|止|截止))")
# A month and day written after this year's marker: 今年4月24日, 本(110)年4月24日.
_THIS_YEAR_MONTH_DAY = re.compile(r"(?:今|本)(?:\s*[(（]\s*\d{2,4}\s*[)）]\s*)?年(?:度)?\s*"
                                  r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# Dates that set a background rather than the event: a statistics cut-off or
# the end of a range before it, a period after it.
_BACKGROUND_BEFORE = re.compile(r"(?:截至|截止|截到|至|到|迄|~|～|－|—|-)\s*$")
# (A range's start, 3月2日起至5月31日止, is the event's: ranges are dated at
# their start.)
_BACKGROUND_AFTER = re.compile(r"\s*(?:[(（][^)）]{1,3}[)）])?\s*(?:止|期间)")
# Dates of something earlier the story refers back to (3月20日见报的消息,
# 3月以来): never the story's own.
_EARLIER = re.compile(r"\s*(?:见报|报道|报导|以来)")

# Evidence that a year is the document's own year.
_CURRENT_YEAR = [
    re.compile(r"(?:今年|本年度)(?:是|为|即)?((?:19|20)\d{2})年"),
    re.compile(r"(?:奋战|决战|冲刺|决胜)[\s“\"]?((?:19|20)\d{2})"),
    re.compile(r"力争((?:19|20)\d{2})年度"),
]
# Taiwan press releases write the current year as 今(113)年 / 本(109)年度,
# and the years beside it the same way, which name this one as surely:
# 去(110)年 is last year, so this is 111 (2022); 去（2014）年 makes it 2015;
# 明(112)年 is next year.
_CURRENT_MINGUO = re.compile(r"([今本去明])\s*[(（]\s*(\d{2,4})\s*[)）]\s*年")
_YEARS_FROM_NOW = {"今": 0, "本": 0, "去": -1, "明": 1}
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
    # (This year named as such is the evidence shown, before last year's.)
    for match in sorted(_CURRENT_MINGUO.finditer(folded), key=lambda m: _YEARS_FROM_NOW[m.group(1)] != 0):
        number = int(match.group(2))
        if number < 1000 and number not in _MINGUO_YEARS or 1000 <= number < 1900:
            continue
        year = (number if number >= 1900 else number + _MINGUO_OFFSET) - _YEARS_FROM_NOW[match.group(1)]
        years.setdefault(year, match.group(0))
    if "收官" in folded and _THIS_YEAR_END.search(folded):  # (a pattern with no fixed opening: costly)
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
        found = _full_date_at(folded, start)
        if found:
            return found
    return None


def notice_date(folded: str) -> DocDate | None:
    """The date of a procurement notice's event, from its labelled fields."""
    fields: dict[str, DocDate] = {}
    if "公告日" not in folded and "决标日期" not in folded:
        return None  # every field's label holds one (a pattern that opens on a lookbehind tries every character)
    for match in _NOTICE_FIELD.finditer(folded):
        found = _full_date_at(folded, match.end())
        if found:
            fields.setdefault(match.group(1) or match.group(2), found)
    return next((fields[name] for name in _NOTICE_FIELDS if name in fields), None)


def _full_date_at(folded: str, start: int) -> DocDate | None:
    match = _FULL.match(folded, start)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _MINGUO.match(folded, start)
        if not match or int(match.group(1)) not in _MINGUO_YEARS:
            return None
        year = int(match.group(1)) + _MINGUO_OFFSET
        month, day = int(match.group(2)), int(match.group(3))
    if not _valid(month, day):
        return None
    return DocDate(f"{year:04d}-{month:02d}-{day:02d}", "day", match.group(0).strip())


def _is_background(folded: str, match: re.Match) -> bool:
    return bool(_BACKGROUND_BEFORE.search(folded[max(0, match.start() - 3):match.start()])
                or _BACKGROUND_AFTER.match(folded, match.end()))


# The story's day is written bare (市府於30日召開…) and nothing in the text
# names its month: the story is dated, but not by this text. Its
# publication line is not the story's date either (the labels' convention:
# a bare day with no month is no date).
UNPLACED_DAY = object()
# A day after another in a list (8月15、16日, 111年10月15及16日, 本月14日(四)、
# 16日) belongs to the list, whose first day the text may place.
_LISTED_DAY = re.compile(r"\d\s*日?\s*(?:[(（][^)）]{1,4}[)）])?\s*[、及和与]\s*$")


def event_month_day(folded: str, dated: DocDate | None):
    """The story's own month and day, with the text that gives them and
    whether that text says it is this year's (今年4月24日); None when the
    story names no day, UNPLACED_DAY when it names a bare day the text
    does not place."""
    head = folded[:400]
    today = _TODAY.search(head)
    if today is None:
        # 今天（6月24日） gives the story's day in full wherever it stands: a
        # round-up may reach it after several places' stories.
        later = _TODAY_IN_FULL.search(folded, max(0, len(head) - 20))
        if later and _valid(int(later.group(1)), int(later.group(2))):
            return int(later.group(1)), int(later.group(2)), later.group(0), False
        today = _YESTERDAY.search(head) or _story_day_in_opening(folded)
    if today:
        if today.re is _TODAY:
            month_text = today.group(1) or today.group(3)
            day = int(today.group(2) or today.group(4))
        else:
            month_text, day = None, int(today.group(1))
        if month_text:
            month = int(month_text)
        else:
            # 今（12）日 names the day only: its month is that of the same
            # day written out, else the publication line's, else that of a
            # fixed-date holiday its sentence names (see `holidays`). A bare day (9日,
            # with no 今 or 昨) is not told from the publication: it may be
            # any day before or after it, or no day at all (春節連續假期長達
            # 9日), so only the text's own month places it.
            same_day = next((m for m in _MONTH_DAY.finditer(folded)
                             if int(m.group(2)) == day and not _is_background(folded, m)), None)
            this_month = _this_month(folded)
            if same_day:
                month = int(same_day.group(1))
            elif this_month:
                month = this_month
            elif dated and day <= int(dated.value[8:10]) and today.re is not _BARE_DAY:
                month = int(dated.value[5:7])
            elif holiday_month := month_by_holiday(folded, today.start(), day):
                month = holiday_month  # 今（9）日，明天就是雙十國慶: October
            else:
                unplaced = today.re is _BARE_DAY \
                    and not _LISTED_DAY.search(folded, max(0, today.start() - 16), today.start())
                return UNPLACED_DAY if unplaced else None
        if _valid(month, day):
            return month, day, today.group(0), False
        return None
    title_match = _TITLE_MONTH_DAY.match(folded)
    if title_match and _valid(int(title_match.group(1)), int(title_match.group(2))):
        return int(title_match.group(1)), int(title_match.group(2)), title_match.group(0).strip(), False
    candidates = list(_MONTH_DAY.finditer(head)) + list(_THIS_YEAR_MONTH_DAY.finditer(head)) \
        + list(_SLASH_MONTH_DAY.finditer(head))
    candidates = [m for m in sorted(candidates, key=lambda m: m.start())
                  if _valid(int(m.group(1)), int(m.group(2))) and not _EARLIER.match(folded, m.end())]
    # A story whose opening sentence happens today or yesterday with no day
    # written (市黨部今日質疑…) is dated by its publication: a month and day
    # after that sentence is another event (an earlier meeting, 9月16日).
    opening = _opening_sentence(folded)
    if _UNDATED_TODAY.search(folded, opening.start(), opening.end()):
        candidates = [m for m in candidates if m.start() < opening.end()]
    # A background date is never the story's, even when it is the only date
    # there is: 截至10月6日已處理來電2萬通 counts up to a day and says
    # nothing of when the story happened; an end of a range (至5月31日止) is
    # a deadline.
    chosen = next((m for m in candidates if not _is_background(folded, m)), None)
    # The month and day of a full date with its weekday or time (北區公所
    # 114年12月5日(五)上午…誓師) are the event's when they come first.
    # (Not the publication line's own date and time: 發稿時間：109年1月4日 13:35.)
    published_at = {m.end() for m in _DATELINE_LABEL.finditer(head)}
    happening = next((m for pattern in (_FULL, _MINGUO) for m in pattern.finditer(head)
                      if _WHEN_AFTER.match(head, m.end()) and _full_date_at(head, m.start())
                      and m.start() not in published_at and not _is_background(folded, m)), None)
    if happening and (chosen is None or happening.start() < chosen.start()):
        found = _full_date_at(head, happening.start())
        return int(found.value[5:7]), int(found.value[8:10]), found.evidence, False
    if chosen:
        return (int(chosen.group(1)), int(chosen.group(2)), chosen.group(0),
                chosen.re is _THIS_YEAR_MONTH_DAY)
    return None


# The month a release is written in, as it names it: 本(11)月 is this month,
# 上(5)月 last month (so this is June), 下(1)月 next month (so this is December).
_MONTH_FROM_NOW = re.compile(r"([本上下])\s*[(（]\s*(\d{1,2})\s*[)）]\s*月")
_MONTHS_FROM_NOW = {"本": 0, "上": -1, "下": 1}


def _this_month(folded: str) -> int | None:
    """The month the text says it is written in, when it says so one way."""
    if "月" not in folded:
        return None
    months = {(int(m.group(2)) - 1 - _MONTHS_FROM_NOW[m.group(1)]) % 12 + 1
              for m in _MONTH_FROM_NOW.finditer(folded) if _valid(int(m.group(2)))}
    return months.pop() if len(months) == 1 else None


def _opening_sentence(folded: str) -> re.Match:
    """The story's first sentence: after leading blanks and the labelled
    lines a release opens with (發稿單位：…, 發稿時間：…)."""
    at = len(folded) - len(folded.lstrip())
    while True:
        label = _LABEL_LINE.match(folded, at)
        line_end = folded.find("\n", at)
        if label is None or line_end < 0:
            break
        at = line_end + 1
    return _FIRST_SENTENCE.match(folded, at)


def _story_day_in_opening(folded: str) -> re.Match | None:
    """A bare day (2日) in the story's opening sentence, before any month and day there."""
    opening = _opening_sentence(folded)
    start = opening.start()
    bare = _BARE_DAY.search(folded, start, opening.end())
    # After 今日 or 昨天 the opening has told its day (今日召开记者会，为16日
    # 成果发表活动宣传): a bare day later is another event's.
    if bare is None or _MONTH_DAY.search(folded, start, bare.start()) \
            or _UNDATED_TODAY.search(folded, start, bare.start()):
        return None
    return bare


# Where a full date may start, with the digits of its month and of its day:
# one pattern for every month and day (compiling one for each cost more than
# the searches, up to 372 compilations in each process).
_ANY_FULL_DATE = re.compile(r"(?<!\d)(?:民国)?\d{2,4}\s*[年/.\-]\s*(\d{1,3})\s*[月/.\-]\s*(\d{1,3})(?!\d)")


def _same_day_dates(text: str, month: int, day: int):
    """Full dates of this month and day (20/10/2, 民国110年8月27日, 2020年08月027日),
    where each starts, in order, the search going on after each: one pass for
    them, not a pass for every full date (a long text holds many). A month or
    day is written as its number, or with one 0 before it. Where a date of
    another day starts, one of this day may start inside it (2020-11-2-5
    holds 11-2-5), so the search then goes on from the next character."""
    months, days = (str(month), f"0{month}"), (str(day), f"0{day}")
    at = 0
    while True:
        match = _ANY_FULL_DATE.search(text, at)
        if match is None:
            return
        if match.group(1) in months and match.group(2) in days:
            yield match
            at = match.end()
        else:
            at = match.start() + 1


def written_year(folded: str, title: str | None, month: int, day: int) -> tuple[int, str] | None:
    """The year of the event's month and day where the text writes that day
    in full: in the headline (110年8月27日新市就服台辦理徵才) or with its
    weekday or time (徵才時間：108年2月27日(三)). A full date in running text
    without either may be an anniversary (2013年3月23日，习近平…), not today."""
    years: dict[int, str] = {}
    places = [(title, False)] if title else []
    for text, needs_when in places + [(folded, True)]:
        for match in _same_day_dates(text, month, day):
            written = _FULL.match(text, match.start()) or _MINGUO.match(text, match.start())
            found = _full_date_at(text, match.start())
            if written is None or found is None or found.value[5:] != f"{month:02d}-{day:02d}":
                continue
            if needs_when and not _WHEN_AFTER.match(text, written.end()):
                continue
            years.setdefault(int(found.value[:4]), found.evidence)
    return next(iter(years.items())) if len(years) == 1 else None


# A story that opens with a month as its subject reports that month's figures
# (113年12月臺南市住宅價格指數為149.73): its date is that month, not the day it
# was published. Not a month that starts or ends something (113年12月起, 月底),
# nor one when something was done (2020年11月在美術館舉辦的市集).
_HEADLINE_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,3}[市县区]")
_LABEL_LINE = re.compile(r"\s*[^\s:：]{1,8}\s*[:：]")
_REPORTED_MONTH = re.compile(r"((?:19|20)\d{2}|\d{2,3})\s*年\s*(\d{1,2})\s*月份?"
                             r"(?![底初中下上旬起至到前后以间时在于\d])(?=[\u4e00-\u9fff])")


def reported_month(folded: str, title: str | None) -> DocDate | None:
    """The month whose figures the story reports, when it opens with it (or
    its headline does)."""
    # The opening is the first line that is no labelled field (發稿日期:…).
    opening = next((line.strip() for line in folded[:400].split("\n")
                    if line.strip() and not _LABEL_LINE.match(line)), "")
    # The headline may put the place first (臺南市114年5月住宅價格指數), and
    # no more: 有關108年1月… looks back.
    for text in (_HEADLINE_PLACE.sub("", title or "", count=1), opening):
        match = _REPORTED_MONTH.match(text)
        if match:
            year = int(match.group(1))
            year = year if year > 1900 else year + _MINGUO_OFFSET
            month = int(match.group(2))
            if (year > 1900 or int(match.group(1)) in _MINGUO_YEARS) and _valid(month):
                return DocDate(f"{year:04d}-{month:02d}", "month", match.group(0))
    return None


def _year_near(year: int, month: int, event_month: int) -> int | None:
    """The year of an event month seen from a dated month, or None when it
    cannot be told: within half a year it is the same year; across the new
    year only when the two are at most two months apart (an event of 30
    December reported on 4 January); 5月17日 in a December release may be
    the last May or the next, and gets no year."""
    if abs(event_month - month) <= 6:
        return year
    if 12 - abs(event_month - month) > 2:
        return None
    return year - 1 if event_month > month else year + 1


# Days written in Chinese numerals (八月十四日, 今（十八）日), as older releases
# and formal notices write them: read as digits before any rule looks.
_CHINESE_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")}
_CHINESE_NUMBER = "[一二三四五六七八九十]{1,3}"
# One pass for both forms: a month and day (八月十四日), or today's day (今（十八）日).
_CHINESE_DAY = re.compile(f"({_CHINESE_NUMBER})月({_CHINESE_NUMBER})日"
                          f"|(今\\s*[(（]\\s*)({_CHINESE_NUMBER})(\\s*[)）])")


def _chinese_number(text: str) -> int | None:
    """一 … 三十一 as a number (十 = 10, 十八 = 18, 二十 = 20, 二十一 = 21)."""
    if "十" not in text:
        return _CHINESE_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def with_arabic_days(folded: str) -> str:
    """The text with days written in Chinese numerals written in digits
    (same meaning, possibly shorter: offsets into it are its own)."""
    def in_digits(match: re.Match) -> str:
        if match.group(1):
            month, day = _chinese_number(match.group(1)), _chinese_number(match.group(2))
            if month is None or day is None or not _valid(month, day):
                return match.group(0)
            return f"{month}月{day}日"
        day = _chinese_number(match.group(4))
        return match.group(0) if day is None or not 1 <= day <= 31 else f"{match.group(3)}{day}{match.group(5)}"

    return _CHINESE_DAY.sub(in_digits, folded)


def extract_date(folded: str, title: str | None = None) -> DocDate | None:
    """The document's date from its folded body (and folded headline, which
    may write the event's day in full)."""
    folded = with_arabic_days(folded)
    notice = notice_date(folded)
    if notice:
        return notice
    proof = proven_year(folded)
    dated = dateline(folded)
    if proof and dated and proof[1].startswith(("去", "明")) and proof[0] != int(dated.value[:4]):
        # A year worked out from last year's or next year's is weaker than
        # the publication line: 去(111)年 in a release dated 113年3月27日 is
        # a slip for 112, not proof that the line is wrong.
        proof = None
    event = event_month_day(folded, dated)
    unplaced = event is UNPLACED_DAY
    if unplaced:
        event = None
    dated_year = None
    if dated:
        year, month = int(dated.value[:4]), int(dated.value[5:7])
        if proof:
            dated_year = year if proof[0] == year else None
        elif month != 1:
            dated_year = year
    if event:
        month, day, text, this_year = event
        written = written_year(folded, title, month, day)
        if written:
            return DocDate(f"{written[0]:04d}-{month:02d}-{day:02d}", "day", f"{text}; {written[1]}")
        if dated and dated_year is not None:
            year = dated_year if this_year else _year_near(dated_year, int(dated.value[5:7]), month)
            if year is None:
                return DocDate(f"--{month:02d}-{day:02d}", "month-day", text)
            return DocDate(f"{year:04d}-{month:02d}-{day:02d}", "day", f"{text}; {dated.evidence}")
        if proof:
            return DocDate(f"{proof[0]:04d}-{month:02d}-{day:02d}", "day", f"{text}; {proof[1]}")
        gathering = day_sentence_event_year(folded, text)
        if gathering:
            return DocDate(f"{gathering[0]:04d}-{month:02d}-{day:02d}", "day", f"{text}; {gathering[1]}")
        return DocDate(f"--{month:02d}-{day:02d}", "month-day", text)
    period = reported_month(folded, title)
    if period:
        return period
    if dated and not unplaced:
        if dated_year is not None:
            evidence = f"{dated.evidence}; {proof[1]}" if proof else dated.evidence
            return DocDate(dated.value, "day", evidence)
        return DocDate("--" + dated.value[5:], "month-day", dated.evidence)
    # A year written as part of another event's date (今(98)年5月我國參加WHA,
    # 截至本(109)年10月6日) says which year it is, but dates that event, not
    # the story; the story's year is then not written, and no date is given.
    # A year told from the one before or after (去(111)年便已開出10件裁罰)
    # dates that other year's doings: it makes a story of today's event this
    # year's, but an advisory with no event of its own stays undated.
    if proof and not re.search(re.escape(proof[1]) + r"\s*\d{1,2}\s*月", folded) \
            and (not proof[1].startswith(("去", "明")) or tells_of_today(folded)):
        return DocDate(f"{proof[0]:04d}", "year", proof[1])
    # With no day or month of its own, a story is dated by the year of the
    # event it names (今（23）日出席「2024保生文化祭」): see `event_year`.
    named = named_event_year(folded, title)
    if named:
        return DocDate(f"{named[0]:04d}", "year", named[1])
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
