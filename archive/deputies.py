"""Deputies and members named with their day jobs.

A people's congress deputy, a CPPCC member or a Party congress delegate is
introduced with the seat first and the job after it, then the name:
全国人大代表、某集团有限公司董事长张三, 省人大代表，某村党委书记、村委会主任李四,
二十大代表——某公司维修电工王五. The seat is the public office; the job may be
none (a company's chairman, an electrician) or one more (a village's Party
secretary). Read from the post alone, the company's post hides the seat
(its holder is no official) and a technician is no post at all.
"""
from __future__ import annotations

import re

# The seat: a congress's deputy (全国人大代表, 二十大代表) or a conference's member.
SEAT = re.compile(r"人大代表|政协委员|[一二三四五六七八九十]{2,3}大代表")
# What may stand between the seat and the job: a list mark, a comma, a
# dash, or nothing (全国人大代表某集团董事长).
_AFTER_SEAT = re.compile(r"[、，,]|——|")
# A job's last character, right before the name (董事长, 技术员, 电工, 院士,
# 主任, 书记, 负责人).
_JOB_END = set("长员工士师任记人手家授")
# The job is a short phrase of the seat's own clause (a list of jobs is
# joined by 、), never past a title's brackets or a quote.
_CLAUSE_END = set("。；;！!？?\n“”《》，,")
# Words that open a clause of the seat's holder, not a job: 人大代表要…, 委员们.
_NOT_A_JOB_START = set("要在的们和与对将应也都就是为把被从向以及等")
_MAX_JOB = 45
# 来自 opens the job's workplace, not a clause (二十大代表、来自某集团的首席技能专家某某):
# a verb, yet the job follows it.
_FROM = re.compile(r"来自[^，,。；;、]{2,20}的")


def seated(folded: str, name_at, is_verb) -> list[tuple[int, int, int, str]]:
    """(seat start, seat end, name start, name) for each seat followed, in
    its sentence, by a job and the name of the one who holds both.

    `name_at(folded, k)` is the name starting at k that clearly ends there,
    or None; `is_verb(word)` tells a verb.
    """
    found = []
    if "代表" not in folded and "委员" not in folded:
        return found  # the cheap test first: most documents name no seat
    for seat in SEAT.finditer(folded):
        joined = _AFTER_SEAT.match(folded, seat.end())
        job = joined.end()
        if folded[job:job + 1] in _NOT_A_JOB_START or (is_verb(folded[job:job + 2]) and not _FROM.match(folded, job)):
            continue  # 人大代表建议…, 人大代表要…, 人大代表，在…: a clause, no job follows
        limit = min(len(folded), joined.end() + _MAX_JOB)
        for k in range(joined.end() + 1, limit):
            if folded[k - 1] in _CLAUSE_END:
                break
            if folded[k - 1] not in _JOB_END:
                continue
            name = name_at(folded, k)
            if name:
                found.append((seat.start(), seat.end(), k, name))
                break
    return found
