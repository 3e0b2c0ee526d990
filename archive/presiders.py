"""Officials named only as the one who presides over a meeting.

National news names a meeting's presider by name alone when the story has
named them before or assumes they are known: 某某主持会议并作总结讲话,
某某在京主持召开座谈会 (no office in the text). Who presides over the
meetings news reports is an office holder, so a whole name opening its
sentence as the subject of 主持 is an official, with no office unless the
text gives one elsewhere (as `companions` reads those who came along).
"""
from __future__ import annotations

import re

from .companions import is_name, sentence_start

# The verb and what is presided over: a meeting or a forum, or 主持并讲话.
_PRESIDES = re.compile(r"主持(?:召开)?(?:会议|座谈会|座谈|专题会|全体会议|并)")
# Between the name and the verb: where (在京, 在北京) or nothing.
_WHERE = re.compile(r"在[\u4e00-\u9fff]{1,3}$|在$")
_LONGEST = 4 + 4  # a name of up to four characters, then 在 and a place


def presiders(folded: str) -> list[tuple[str, int]]:
    """(name, position) of each person opening a sentence as the subject of 主持."""
    found: list[tuple[str, int]] = []
    for verb in _PRESIDES.finditer(folded):
        start = verb.start()
        begin = sentence_start(folded, start, _LONGEST)
        if begin is None:
            continue  # the verb's subject is no name alone
        head = folded[begin:start]
        where = _WHERE.search(head)
        if where:
            head = head[:where.start()]
        if is_name(head):
            found.append((head, begin))
    return found
