"""Mainland officials on unseen text (issue 11, round 3): national stories
about counties and townships, and county/township pages.

Each test is a class of text, in sentences written here in that class's
shape (no corpus text): who counts as an official, and where the office
phrase begins and ends.
"""
from __future__ import annotations

import pytest

from archive.extract import extract
from archive.ingest import RawDocument
from archive.script import fold

# A story's lead is its first 150 characters: pad so a sentence stands further down.
LEAD_PADDING = "本台消息：今年以来，各地因地制宜推进乡村全面振兴，特色产业不断壮大，群众收入持续增长。" * 4 + "\n"


def offices(text: str) -> dict[str, str]:
    document = extract(RawDocument(id="t", text=text, origin="test", given={}))
    return {fold(o.name): fold(o.title) for o in document.officials}


@pytest.mark.parametrize("text, found", [
    # The closing line of a leader's tour: companions named with no office.
    ("中共中央政治局常委赵建国近日到甘肃调研。他来到定西市安定区。\n孙立群、钱卫东一同调研。",
     {"赵建国": "中共中央政治局常委", "孙立群": "", "钱卫东": ""}),
    ("国务院总理周明远在京会见来宾。\n郑海涛、何立新及中央和国家机关有关部门负责同志陪同考察。",
     {"周明远": "国务院总理", "郑海涛": "", "何立新": ""}),
    ("国务院副总理魏长青考察了企业。\n冯建军参加调研。",
     {"魏长青": "国务院副总理", "冯建军": ""}),
    ("会谈后，两国领导人见证签署合作文件。\n王毅、丁立平等参加上述活动。",
     {"王毅": "", "丁立平": ""}),
    # A person who has an office elsewhere in the story keeps it.
    ("省委书记孙立群主持座谈会。\n孙立群、钱卫东一同调研。", {"孙立群": "省委书记", "钱卫东": ""}),
])
def test_companions_named_alone_before_a_verb_of_accompanying(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text", [
    "村里的老人们说，他和妻子一同参加活动。",
    "师生一同参加会议。",
    "全体一同出席仪式。",
    # Not a bare list: the clause holds more than names.
    "来自全国的张家港市民和游客一同参加活动。",
])
def test_no_companions_without_a_bare_list_of_names(text):
    assert offices(text) == {}


@pytest.mark.parametrize("text, found", [
    # Another leader's words cite the leader: no official, lead or not.
    ("中共中央政治局常委、中央纪委书记赵建国日前到湖南调研。他强调，要深入学习贯彻习近平总书记关于"
     "党的自我革命的重要思想，推动全面从严治党。",
     {"赵建国": "中共中央政治局常委、中央纪委书记"}),
    ("中共中央政治局常委赵建国到广东调研。他强调，纪检监察机关要认真学习领会习近平总书记“七一”重要讲话精神。",
     {"赵建国": "中共中央政治局常委"}),
    # The story follows the leader's instructions on its events: he takes part.
    ("8月2日，河北涿州遭遇洪涝灾害。为深入贯彻落实习近平总书记重要指示精神，各地全力开展抢险救灾。",
     {"习近平": "总书记"}),
    # Further down, the leader acts: he visits, he speaks.
    (LEAD_PADDING + "去年秋天，村里迎来了一位特殊的客人，习近平总书记。", {"习近平": "总书记"}),
    (LEAD_PADDING + "在中央经济工作会议上，习近平总书记强调，要扩大内需。", {"习近平": "总书记"}),
])
def test_a_national_leader_cited_in_another_leaders_words_or_acting(text, found):
    assert offices(text) == found


def test_a_leader_further_down_who_neither_acts_nor_is_listed_is_no_official():
    # After the lead, named in passing: he does nothing in the story.
    assert offices(LEAD_PADDING + "村民们常说起习近平总书记的关怀。") == {}
