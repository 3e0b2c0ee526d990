"""National leaders further down a story: taking part, or cited in passing.

A story that opens with a national leader (习近平总书记指出, 蔡英文总统今日)
is about what they do. Further down, a national post is most often a
citation: the leader as the author of what others study or follow
(学习贯彻习近平总书记重要讲话精神, 总书记关于…的重要指示, 总统的政策).
Yet a leader named in full beside others at the event (包括陈建仁副总统伉俪、
行政院长赖清德等亦出席) or addressed by the text (请蔡英文总统宣布破案) takes
part in the story wherever the name stands. A surname with the post (蔡总统)
or a two-character "name" glued to it (晋见总统, 向赖总统) names no one in
full, and stays a citation.
"""
from __future__ import annotations

import re

# What follows a leader's post, within the clause, when the leader is cited
# as an author: a possessive, or the doctrine, speech, instruction or letter
# cited (习近平总书记来川视察重要指示精神).
_CITED_AS_AUTHOR = re.compile(r"的|[^，,。；;！!？?\n]{0,8}?(?:重要|关于|讲话|指示|批示|思想|精神|来信|回信|贺信|号召|嘱托|论述|理念)")
# What comes before a leader cited as an author: the study or following of
# their words (学习贯彻习近平总书记…, 按照总统的指示), or a past year that
# opens an anecdote (2013年，习近平总书记在菏泽…).
_STUDIED = re.compile(r"学习|贯彻|落实|领会|遵照|遵循|按照|根据|依照|\d{4}年")


def takes_part(folded: str, name: str, start: int, after: int) -> bool:
    """A national leader named `name` (at least a surname and a two-character
    given name), whose name and post run from `start` to `after`, is named as
    taking part rather than cited as the author of a doctrine or policy."""
    return len(name) >= 3 and not _CITED_AS_AUTHOR.match(folded, after) \
        and not _STUDIED.search(folded, max(0, start - 8), start)
