"""National leaders: acting in the story, or cited in another's words.

A national story names the country's leader in two ways. As someone who
acts in it: 习近平总书记强调…, 迎来了一位特殊的客人，习近平总书记。,
总书记2014年考察时说; or by the instructions the story's events follow
(为深入贯彻落实习近平总书记重要指示精神, 各地…). Or as the source of a
line of policy inside another leader's words: a member of the leadership
tours a province, and 他强调，要深入学习贯彻习近平总书记关于…的重要论述.
That citation names no one taking part in the story, so it makes no
official, wherever it stands; an act makes one, wherever it stands, not
only in the story's lead.
"""
from __future__ import annotations

import re

# Verbs of studying and following that open a citation (学习贯彻…, 按照…,
# 以…为指导), read back from the name or post that comes first.
_CITED_BEFORE = re.compile(r"(?:学习|贯彻|领会|落实|践行|遵循|按照|依照|根据|对照|牢记|铭记|宣讲|阐释|研读|"
                           r"感悟|传达|秉持|坚持以|以)$")
# What a citation goes on to name: the topic (关于), the words (重要讲话,
# “七一”), the thought (新时代…思想) or the charge given (嘱托).
_CITED_AFTER = re.compile(r"(?:的|在[^，,。；;]{0,20}?的)?(?:关于|重要|[“\"「]|新时代|思想|系列|嘱托|殷殷|指示|讲话|论述|回信精神)")
# What an actor does next, after an optional time (2014年, 近日): speaks,
# visits, presides, writes; or the clause ends on the person (…，习近平总书记。).
_ACTS_AFTER = re.compile(
    r"(?:[\d〇一二三四五六七八九十]{2,4}年|\d{1,2}月\d{1,2}日|今年|去年|近日|日前|当天|今天|曾|还|也|亲自|专门|多次|同志)*"
    r"(?:强调|指出|说(?![明服])|考察|视察|来到|走进|察看|看望|慰问|主持|出席|会见|会谈|回信|复信|致信|致电|致贺|"
    r"作出|作交流|作报告|作讲解|寄语|勉励|听取|参加|提出|宣布|签署|发表|对|同|向|与|[。；;！!])")
# After a post, a list of its holders (国务院副总理丁薛祥、何立峰作交流发言).
_LISTED_AFTER = re.compile(r"、")
_LOOK_BACK = 8


# Reported speech opening earlier in the sentence: 他强调，要…, 会议指出：
_SPEECH = re.compile(r"(?:强调|指出|要求|表示)[,，:：]")
_SENTENCE_ENDS = "。！？!?\n"


def in_speech(folded: str, start: int) -> bool:
    """A verb of saying opens reported speech earlier in the sentence that
    reaches `start` (他强调，要…)."""
    lowest = max(0, start - 200)
    sentence = max(folded.rfind(end, lowest, start) + 1 for end in _SENTENCE_ENDS) or lowest
    return bool(_SPEECH.search(folded, max(sentence, lowest), start))


def cited(folded: str, start: int, end: int) -> bool:
    """The leader named in folded[start:end] (name and post, in either
    order) is cited: a verb of studying opens the phrase, or the phrase
    goes on to the words cited."""
    before = folded[max(0, start - _LOOK_BACK):start]
    return bool(_CITED_BEFORE.search(before) or _CITED_AFTER.match(folded, end))


def acts(folded: str, end: int, post_first: bool = False) -> bool:
    """The leader named right before `end` does something in the story; a
    list of names after the post (`post_first`) names several who do."""
    return bool(_ACTS_AFTER.match(folded, end)) or (post_first and bool(_LISTED_AFTER.match(folded, end)))
