"""The year a story's named event carries: 「2024保生文化祭」, 「111年度体育推手奖表扬典礼」.

Presidential Office and city releases often date the story by today's day
alone (今（23）日) and name the event they report in quotes, year and all. The
label conventions date such a story by that year, at year precision: the
month is not written, the year is the event's own. Only a story of today's
event is dated so, and a year is taken only from a quoted name (「」, 『』,
“”) in the headline or the story's opening paragraph, and only when every
such name agrees on one year: a year written in running text (2020年对于全球
来说…) is not the event's, and two years are no year. Spans, limits, targets
and dates inside a name (2021至2025年, 2025年前, 2030年目标, 2024年5月) are
not the event's year either.
"""
from __future__ import annotations

import re

_MINGUO_OFFSET = 1911
_QUOTED = re.compile(r"[「『“]([^「」『』“”\n]{2,60})[」』”]")
# The name must be a gathering held on one day, so that today's story is its
# day: a ceremony, a congress, a gala, a forum, a rite (2024保生文化祭…三献礼).
# Not an award or an evaluation, given for a year past (「107年督导考核绩优
# 医院」 in 2019), not a season's games or a show announced ahead (「2024台湾
# 灯会」 in 2023, 「2025台南车展」 in 2024), not a policy (「2030双语国家政策」).
_GATHERING_END = re.compile(r"(?:典礼|大会|晚会|论坛|研讨会|年会|仪式|献礼|庆典|家庭日|祭典|音乐会)$")
# Or the gathering is named right after the quotes: 「2026歲末送暖…頒贈」儀式.
_GATHERING_AFTER = re.compile(r"\s*(?:典礼|大会|晚会|仪式|记者会|祭典|音乐会)")
# A year heading the name: 2024保生文化祭, 109年总统府…, 106年度国光体育奖章.
# (Inside it, 关键1991:李登辉与台湾民主元年展览, 高阶文官培训方案110年训练, the
# year is a subject's or a cohort's, not the gathering's.)
# Or heading the name's own part after a series' or a host's title
# (吾鄉風光-2018總統府音樂會, 臺灣亞西論壇─2017區域安全…研討會).
_YEAR = re.compile(r"(?:^|(?<=[-－─—:：]))\s*((?:19|20)\d{2}|\d{2,3}(?=\s*年))\s*(年度?)?")
# What makes it no event's year: a date goes on (2024年5月, 113/5/2), a span
# runs from or to it (2021至2025年), or it is a limit or a target (2025年前,
# 2030年目标).
_NOT_AN_EVENTS_YEAR_AFTER = re.compile(r"[\d./\-月至到~～]|(?:前|后|後|以前|以后|以來|以来|起|止|底|目标|目標|願景|愿景)")
_NOT_AN_EVENTS_YEAR_BEFORE = re.compile(r"[至到~～]\s*$")
# The story tells today's event (今（23）日出席…, 今天, 今日): a release that
# names no day of its own (日前公告…, 即日起…) may name next year's games or
# last year's budget in quotes.
_TODAY = re.compile(r"今\s*[(（]\s*\d{1,2}\s*日?\s*[)）]\s*日?|今日|今天|本日")
# Minguo years a current release carries (民国38年 = 1949 onwards), as in dates.py.
_MINGUO_YEARS = range(38, 200)
# The opening paragraph: where a release says what happened today.
_OPENING = 300


def tells_of_today(folded: str) -> bool:
    """Whether the story's opening tells of today's event (今（23）日, 今天)."""
    return _TODAY.search(folded, 0, _OPENING) is not None


def named_event_year(folded: str, title: str | None) -> tuple[int, str] | None:
    """(year, the quoted name it was read from), or None."""
    if not tells_of_today(folded):
        return None
    years: dict[int, str] = {}
    for text in (title or "", folded[:_OPENING]):
        for quoted in _QUOTED.finditer(text):
            name = quoted.group(1).strip()
            if not _GATHERING_END.search(name) and not _GATHERING_AFTER.match(text, quoted.end()):
                continue
            if "跨年" in name:
                # A gala seeing the year in (2014跨年晚会) is named for the
                # year it enters and held on the last night of the one before.
                continue
            for match in _YEAR.finditer(name):
                if _NOT_AN_EVENTS_YEAR_AFTER.match(name, match.end()) \
                        or _NOT_AN_EVENTS_YEAR_BEFORE.search(name, 0, match.start()):
                    continue
                number = int(match.group(1))
                if number < 100 or number < 1900 and number not in _MINGUO_YEARS:
                    continue
                year = number if number >= 1900 else number + _MINGUO_OFFSET
                years.setdefault(year, quoted.group(0))
    if len(years) == 1:
        return next(iter(years.items()))
    return None


# A gathering whose name a year heads, written in the sentence that gives the
# story's day: 昨晚（2月17日），2026年海峡两岸春节焰火晚会如约而至;
# 2019第一届世界广泽尊王文化季活动，22日接驾后正式登场. The gathering is what
# happens on that day, so the day is of its year. Not a year of account
# (2024年度…颁奖大会 is held the year after), a year-end or a span
# (2025年底, 2021至2025年), nor a gala seeing the new year in.
_NAMED_GATHERING = re.compile(
    r"(?<![\d./\-~～至到])((?:19|20)\d{2})年?(?![\d年度底初末前后以起至到~～\-])"
    r"[“「『\"]?[\u4e00-\u9fff“”「」『』]{2,24}?"
    r"(?:晚会|大会|论坛|博览会|运动会|灯会|嘉年华|文化季|文化节|艺术节|音乐节|庆典|典礼|峰会|年会|开幕式|音乐会|祭典)")
_SENTENCE_END = "。！？!?\n"
# What the sentence says the gathering does that day: it takes place (在哈尔滨
# 举行, 开幕, 如约而至), not a countdown or a debate about it
# (亚冬会倒计时100天主题活动在哈尔滨举行, 议员质询灯会规划).
# Between the two, in the same clause, only where and which part (在乌镇,
# 乌镇峰会), never a step before the gathering (倒计时, 筹备, 前夕, 宣传,
# 推介, 发布会, 启动), which is what then takes place.
_HAPPENS = re.compile(r"[”」』\"]?\s*(?:[(（][^)）]{0,20}[)）])?"
                      r"(?:(?!倒计时|筹备|前夕|宣传|推介|发布会|启动)[^，。；,;]){0,16}?"
                      r"(?:举行|举办|开幕|召开|开启|启幕|揭幕|闭幕|登场|如约而至|拉开帷幕|隆重|盛大|开赛|点灯|开展)")


def day_sentence_event_year(folded: str, day_text: str) -> tuple[int, str] | None:
    """(year, the name it heads) of the one gathering the story's day sentence names."""
    at = folded.find(day_text)
    if at < 0 or not any(word in folded for word in ("会", "季", "节", "典", "式", "华", "坛")):
        return None
    start = max(folded.rfind(mark, 0, at) for mark in _SENTENCE_END) + 1
    ends = [end for end in (folded.find(mark, at) for mark in _SENTENCE_END) if end >= 0]
    sentence = folded[start:min(ends) if ends else len(folded)]
    years = {int(m.group(1)): m.group(0) for m in _NAMED_GATHERING.finditer(sentence)
             if "跨年" not in m.group(0) and _HAPPENS.match(sentence, m.end())}
    if len(years) == 1:
        return next(iter(years.items()))
    return None
