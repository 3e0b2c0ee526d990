"""Mainland officials on unseen text (issue 11, round 7): classes of text
read from the misses of round 6's spent sealed set, each checked on
unlabelled corpus text before it went in (bench/labels/rule_diff.py).

Sentences are written here in each class's shape (no corpus text).
"""
from __future__ import annotations

import pytest

from .conftest import offices


@pytest.mark.parametrize("text, found", [
    # Each name after a collective title holds it; a fuller office written
    # for one of them first is kept.
    ("中共中央总书记、国家主席习近平5日上午在北京出席活动。上午10时，党和国家领导人习近平、王明远、赵建华等集体乘车来到现场。",
     {"习近平": "中共中央总书记、国家主席", "王明远": "党和国家领导人", "赵建华": "党和国家领导人"}),
    # The last name closed by a verb of the group, 和 before it.
    ("大会在北京开幕。中央领导同志刘志强、陈宏和孙立平出席大会。",
     {"刘志强": "中央领导同志", "陈宏": "中央领导同志", "孙立平": "中央领导同志"}),
    # A single name closed by 等.
    ("党和国家领导人周建国等参加活动。", {"周建国": "党和国家领导人"}),
    # No list after the title: no one.
    ("党和国家领导人出席大会并向获奖代表颁奖。", {}),
    ("会议传达了中央领导同志重要批示精神。", {}),
])
def test_names_listed_after_a_collective_title_hold_it(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # State, post, transliterated name, closed by a day or a verb.
    ("据报道，伊朗总统佩泽希齐扬29日在与法国总统马克龙通话时表示，局势可能升级。",
     {"佩泽希齐扬": "伊朗总统", "马克龙": "法国总统"}),
    ("俄罗斯总统普京表示，愿同各方加强合作。", {"普京": "俄罗斯总统"}),
    ("贺电来自芬兰总统尼尼斯托、丹麦首相弗雷泽里克森等。", {"尼尼斯托": "芬兰总统", "弗雷泽里克森": "丹麦首相"}),
    # After the post, no run of sounds closed as a name: no one.
    ("俄罗斯总统办公厅当天发表声明。", {}),
    ("美国总统选举将于明年举行。", {}),
    # A mainland place before the post is no foreign state; the surname test reads it.
    ("福建省长王明远表示，要做好防汛工作。", {"王明远": "福建省长"}),
])
def test_a_foreign_leader_after_state_and_post(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # 跟 "with" closes a name as 和 and 与 do, a dotted name's too.
    ("在某县某镇，二十大代表阿依古丽·买买提跟村民们一起学习二十大精神。", {"阿依古丽·买买提": "二十大代表"}),
    ("镇党委书记司马建平跟群众一起清理河道。", {"司马建平": "镇党委书记"}),
])
def test_gen_closes_a_name_as_he_does(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A school's (or a firm's) own Party branch after 的: school staff, no public post.
    ("某县某镇中心学校的党总支书记张明远把教室收拾出来，安置受灾群众。", {}),
    ("某集团公司的党委书记王建华介绍说，产量翻了一番。", {}),
    # A township's Party committee is public, school or no school nearby.
    ("镇党委书记刘志强来到某镇中心学校看望师生。", {"刘志强": "镇党委书记"}),
    # 学校 in a bureau section's name is no school (体育局学校体育科).
    ("市体育局学校体育科科长陈建华介绍了赛事安排。", {"陈建华": "市体育局学校体育科科长"}),
])
def test_a_schools_own_party_branch_is_school_staff(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A post the text marks as held then (当时, 时任) is left out; the same shape without it counts.
    ("2013年，总书记来到这里。李秀兰是当时某村的党支部书记，她向总书记汇报了村里的情况。", {}),
    ("2015年，赵德明是时任某县的县长，他参与了规划。", {}),
    ("李秀兰是某村的党支部书记，她向大家介绍了村里的情况。", {"李秀兰": "某村的党支部书记"}),
])
def test_a_post_held_then_is_left_out(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # 来自 opens the deputy's workplace; the job and the name follow.
    ("讨论中，二十大代表、来自某汽车集团的首席技能专家刘建军向总书记做了汇报。", {"刘建军": "二十大代表"}),
    # 来自 opening a clause about the deputies: no one.
    ("全国人大代表来自各行各业的一线，他们带来了许多建议。", {}),
])
def test_a_deputy_from_a_workplace(text, found):
    assert offices(text) == found
