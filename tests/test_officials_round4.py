"""Mainland officials on unseen text (issue 11, round 4): classes of text
read from the misses of round 3's spent sealed set, each checked on
unlabelled corpus text before it went in (bench/labels/rule_diff.py).

Sentences are written here in each class's shape (no corpus text).
"""
from __future__ import annotations

import pytest

from .conftest import offices


# A story's lead is its first 150 characters: pad so a sentence stands further down.
LEAD_PADDING = "本台消息：今年以来，各地因地制宜推进乡村全面振兴，特色产业不断壮大，群众收入持续增长。" * 4 + "\n"


@pytest.mark.parametrize("text, found", [
    # Each leader of a delegation: their posts, the delegation's post last, then a verb.
    ("中央代表团各分团在多地看望慰问干部群众。\n"
     "中共中央政治局常委、全国政协主席、中央代表团团长赵建国带领一分团到边境城市考察。\n"
     "中共中央政治局委员、中央统战部部长、中央代表团副团长钱卫东带领二分团来到遗址公园。\n"
     "全国人大常委会副委员长、中央代表团副团长阿不都·热合曼带领三分团考察企业。\n"
     "国务委员、中央代表团副团长孙立群带领四分团考察了医院。",
     {"赵建国": "中共中央政治局常委、全国政协主席、中央代表团团长",
      "钱卫东": "中共中央政治局委员、中央统战部部长、中央代表团副团长",
      "阿不都·热合曼": "全国人大常委会副委员长、中央代表团副团长",
      "孙立群": "国务委员、中央代表团副团长"}),
    ("省政府代表团团长、副省长周明远率团出访。", {"周明远": "省政府代表团团长、副省长"}),
    # A troupe's, a tour group's or a regiment's head holds no public post.
    ("县艺术团团长李春华带领演员下乡演出。", {}),
    ("旅行团团长王建国介绍了行程。", {}),
])
def test_a_delegations_leaders_are_named_with_every_post(text, found):
    assert offices(LEAD_PADDING + text) == found


@pytest.mark.parametrize("text, found", [
    # The lead names its leader even right after a verb (受|习近平: jieba
    # cuts the name whole) or after a civil body, the subject citing them.
    ("央视网消息：受习近平总书记委托，中央慰问团来到革命老区看望群众。", {"习近平": "总书记"}),
    ("央视网消息：一年来，县老年协会深入学习习近平总书记关于乡村振兴的重要论述。",
     {"习近平": "总书记"}),
    # A verb of studying before the name is no organ (领会 ends like 委员会).
    ("央视网消息：全县干部深入领会习近平总书记关于乡村振兴的重要论述。", {"习近平": "总书记"}),
    # Further down, a leader who acts at once (立即作出) counts.
    (LEAD_PADDING + "事故发生后，习近平总书记立即作出重要指示，要求全力救治伤员。", {"习近平": "总书记"}),
    # A state jieba reads as one word is no leader's name (宏都拉斯总统).
    ("央视网消息：双方代表在会上介绍了宏都拉斯总统的访问安排。", {}),
])
def test_a_national_leader_named_by_the_lead_or_acting_counts(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # The subject of a verb of taking office, a clause or a phrase before it.
    ("新班子组建时，大学毕业返乡创业的张海涛，当选为村党支部书记。", {"张海涛": "村党支部书记"}),
    ("在政策的鼓励下，党员李春华回到家乡，担任了村党支部书记。", {"李春华": "村党支部书记"}),
    ("援藏干部孙立群三年前来到高原县担任县委副书记。", {"孙立群": "县委副书记"}),
    ("王建国今年35岁，是一名退伍军人，今年1月当选村党总支部书记。", {"王建国": "村党总支部书记"}),
    # A post left or held once is not held now.
    ("会议决定，赵建国不再担任县委副书记。", {}),
    ("钱卫东曾担任镇党委书记，后来到企业工作。", {}),
    # Words read at a clause's start are no name; a foreign state's office is not this class.
    ("他是一名退伍军人，曾因救人立功，今年当选村党支部书记。", {}),
])
def test_the_subject_of_a_verb_of_taking_office_holds_it(text, found):
    assert offices(LEAD_PADDING + text) == found


@pytest.mark.parametrize("text, found", [
    # A two-character name jieba lists as a person's, acting, further down.
    (LEAD_PADDING + "李强总理作出批示，要求全力做好抢险救援工作。", {"李强": "总理"}),
    # A verb before the post is no name, acting or not.
    (LEAD_PADDING + "代表团晋见总统，并作出承诺。", {}),
])
def test_a_leader_with_a_two_character_name_who_acts_counts(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A meeting's presider opening a sentence, named with no office.
    ("央视网消息：全国对口支援工作会议7日至9日在西部召开。中共中央政治局常委赵立新出席并讲话。\n"
     "钱卫东主持会议并作总结讲话。他要求各地区各部门提高政治站位。",
     {"赵立新": "中共中央政治局常委", "钱卫东": ""}),
    (LEAD_PADDING + "各地代表先后发言。孙立群在京主持召开座谈会。", {"孙立群": ""}),
    # Not a name opening its sentence: no presider is read.
    (LEAD_PADDING + "村民们轮流主持会议，讨论村里的大事。", {}),
])
def test_a_meetings_presider_named_alone_is_an_official(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # Those who attended, listed alone: after a presider's clause, or with a bare 出席.
    (LEAD_PADDING + "钱卫东主持会议，孙立群、赵立新出席会议。", {"钱卫东": "", "孙立群": "", "赵立新": ""}),
    (LEAD_PADDING + "要为外国人才来华工作营造良好条件。孙立群、赵立新出席。", {"孙立群": "", "赵立新": ""}),
    # A clause before the list that is no presider's keeps it from being read.
    (LEAD_PADDING + "村里召开大会，孙立群、赵立新出席。", {}),
])
def test_those_listed_alone_as_attending_are_officials(text, found):
    assert offices(text) == found
