"""National leaders: when one named in a story counts as its official.

A story that opens with a national leader (习近平总书记指出, 蔡英文总统今日)
is about what they do, and the lead's leader counts. Further down, a national
post is most often a citation: the leader as the author of what others study
or follow (学习贯彻习近平总书记重要讲话精神, 总书记关于…的重要指示, 总统的
政策). There a leader counts who takes part in the story, in either of two
ways:

- acting: a verb of the leader's own follows the name (习近平总书记强调…,
  迎来了一位特殊的客人，习近平总书记。, 国务院副总理丁薛祥、何立峰作交流发言);
  `acts`;
- named in full beside others at the event (包括陈建仁副总统伉俪、行政院长
  赖清德等亦出席) or addressed by the text (请蔡英文总统宣布破案), and not
  cited as an author; `takes_part`. A surname with the post (蔡总统) or a
  two-character "name" glued to it (晋见总统, 向赖总统) names no one in full.

Wherever it stands, even in the lead, a leader cited inside another leader's
words names no one taking part (他强调，要深入学习贯彻习近平总书记关于…的重要
论述): `in_speech` and `cited`, and never counts.
"""
from __future__ import annotations

import re

# --- cited inside another's words ---------------------------------------

# Reported speech opening earlier in the sentence: 他强调，要…, 会议指出：
_SPEECH = re.compile(r"(?:强调|指出|要求|表示)[,，:：]")
_SENTENCE_ENDS = "。！？!?\n"
# Verbs of studying and following that open a citation (学习贯彻…, 按照…,
# 以…为指导), read back from the name or post that comes first.
_CITED_BEFORE = re.compile(r"(?:学习|贯彻|领会|落实|践行|遵循|按照|依照|根据|对照|牢记|铭记|宣讲|阐释|研读|"
                           r"感悟|传达|秉持|坚持以|以)$")
# What a citation goes on to name: the topic (关于), the words (重要讲话,
# “七一”), the thought (新时代…思想) or the charge given (嘱托).
_CITED_AFTER = re.compile(r"(?:的|在[^，,。；;]{0,20}?的)?(?:关于|重要|[“\"「]|新时代|思想|系列|嘱托|殷殷|指示|讲话|论述|回信精神)")
_LOOK_BACK = 8


def in_speech(folded: str, start: int) -> bool:
    """A verb of saying opens reported speech earlier in the sentence that
    reaches `start` (他强调，要…)."""
    lowest = max(0, start - 200)
    sentence = max(folded.rfind(end, lowest, start) + 1 for end in _SENTENCE_ENDS) or lowest
    return bool(_SPEECH.search(folded, max(sentence, lowest), start))


def studied(words: str) -> bool:
    """`words` end on a verb of studying or following (深入领会): what a
    leader's name follows then is their words, and the verb no organ."""
    return bool(_CITED_BEFORE.search(words))


def cited(folded: str, start: int, end: int) -> bool:
    """The leader named in folded[start:end] (name and post, in either
    order) is cited: a verb of studying opens the phrase, or the phrase
    goes on to the words cited."""
    before = folded[max(0, start - _LOOK_BACK):start]
    return bool(_CITED_BEFORE.search(before) or _CITED_AFTER.match(folded, end))


# --- acting further down -------------------------------------------------

# What an actor does next, after an optional time (2014年, 近日): speaks,
# visits, presides, writes; or the clause ends on the person (…，习近平总书记。).
_ACTS_AFTER = re.compile(
    r"(?:[\d〇一二三四五六七八九十]{2,4}年|\d{1,2}月\d{1,2}日|今年|去年|近日|日前|当天|今天|曾|还|也|亲自|专门|多次|立即|随即|同志)*"
    r"(?:强调|指出|说(?![明服])|考察|视察|来到|走进|察看|看望|慰问|主持|出席|会见|会谈|回信|复信|致信|致电|致贺|"
    r"作出|作交流|作报告|作讲解|寄语|勉励|听取|参加|提出|宣布|签署|发表|对|同|向|与|[。；;！!])")
# After a post, a list of its holders (国务院副总理丁薛祥、何立峰作交流发言).
_LISTED_AFTER = re.compile(r"、")


def acts(folded: str, end: int, post_first: bool = False) -> bool:
    """The leader named right before `end` does something in the story; a
    list of names after the post (`post_first`) names several who do."""
    return bool(_ACTS_AFTER.match(folded, end)) or (post_first and bool(_LISTED_AFTER.match(folded, end)))


# --- named in full taking part, not cited as an author --------------------

# What follows a leader's post, within the clause, when the leader is cited
# as an author: a possessive, the words themselves in quotes (响应总书记
# “撸起袖子加油干”的号召), or the doctrine, speech, instruction or letter
# cited (习近平总书记来川视察重要指示精神).
_CITED_AS_AUTHOR = re.compile(r"的|[“\"「]|[^，,。；;！!？?\n]{0,8}?(?:重要|关于|讲话|指示|批示|思想|精神|来信|回信|贺信|号召|嘱托|论述|理念)")
# What comes before a leader cited as an author: the study or following of
# their words (学习贯彻习近平总书记…, 按照总统的指示, 响应…号召), or a past year that
# opens an anecdote (2013年，习近平总书记在菏泽…).
_STUDIED = re.compile(r"学习|贯彻|落实|领会|遵照|遵循|按照|根据|依照|响应|\d{4}年")


def takes_part(folded: str, name: str, start: int, after: int) -> bool:
    """A national leader named `name` (at least a surname and a two-character
    given name), whose name and post run from `start` to `after`, is named as
    taking part rather than cited as the author of a doctrine or policy."""
    return len(name) >= 3 and not _CITED_AS_AUTHOR.match(folded, after) \
        and not _STUDIED.search(folded, max(0, start - 8), start)
