"""Mainland officials on unseen text (issue 11, round 5): classes of text
read from the misses of round 4's spent sealed set and of dev, each checked
on unlabelled corpus text before it went in (bench/labels/rule_diff.py,
bench/labels/new_hits.py).

Sentences are written here in each class's shape (no corpus text).
"""
from __future__ import annotations

import pytest

from .conftest import offices


@pytest.mark.parametrize("text, found", [
    # A newsreader's date between a name jieba lists and the verb closes the name.
    ("央视网消息：国务院总理李强5月5日主持召开国务院常务会议，研究部署有关工作。", {"李强": "国务院总理"}),
    ("央视网消息：国务院总理李强日前签署国务院令，公布一部条例。", {"李强": "国务院总理"}),
    # A two-character word jieba lists is still a word when no date or verb follows it.
    ("央视网消息：县长明白了群众的难处。", {}),
])
def test_a_date_after_a_listed_name_closes_it(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # An aspect particle closes a verb jieba does not list: the office
    # after it is the second person's alone.
    ("有着三十年党龄的镇纪委副书记杨春城带着镇派出所所长景剑锋赶往最偏远的村庄。",
     {"杨春城": "镇纪委副书记", "景剑锋": "镇派出所所长"}),
])
def test_an_office_stops_at_an_aspect_particle(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A set phrase jieba tags l names the ministry, and the ministry's own
    # centre follows it: the office keeps the ministry.
    ("通报指出，生态环境部环境工程评估中心原党委委员、副主任赵子明违规收受礼品。",
     {"赵子明": "生态环境部环境工程评估中心原党委委员、副主任"}),
    ("自然资源部国土空间规划局局长孙晓东介绍了有关情况。", {"孙晓东": "自然资源部国土空间规划局局长"}),
])
def test_a_set_phrase_naming_a_ministry_opens_its_units_offices(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A rare surname of the 百家姓 opens a name like any other.
    ("通报指出，市委编办原主任顾中伟、市财政局局长笪立新等人违规公款吃喝。",
     {"顾中伟": "市委编办原主任", "笪立新": "市财政局局长"}),
    ("会上，县发展改革委主任荀晓光介绍了项目进展。", {"荀晓光": "县发展改革委主任"}),
])
def test_rare_surnames_of_the_hundred_families_open_names(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # The people's organisations are public bodies (the labels keep a 妇联
    # head and a 残联 post); an association's board is not.
    ("这几天，福建省某县残联副理事长黄道亮走访残疾人家庭，验收改造成果。",
     {"黄道亮": "福建省某县残联副理事长"}),
    ("县养殖协会理事长王大明介绍了合作经验。", {}),
    # A councillor who also chairs an association stays a councillor.
    ("台南市爱心义工协会理事长曾培雅今日邀请店家供餐。厨师表示，感谢曾培雅议员邀请参与。",
     {"曾培雅": "议员"}),
])
def test_a_boards_chair_is_public_only_in_a_peoples_organisation(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # 正 "now" before a verb in progress closes the name before it.
    ("这几天，县残联理事长黄道亮正忙着走访残疾人家庭。", {"黄道亮": "县残联理事长"}),
    ("会上，局长李勇正在讲话。", {"李勇": "局长"}),
    # A given name ending in 正 keeps it where no verb in progress follows.
    ("会上，局长王正在会上说明情况。", {"王正": "局长"}),
])
def test_now_before_a_verb_closes_a_name(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # Two organs listed before the one post they share, as written.
    ("会见时，中共中央台办、国务院台办主任宋涛表示，欢迎台湾同胞多来走走。",
     {"宋涛": "中共中央台办、国务院台办主任"}),
    # Organs with no name after the post stay out of anyone's office.
    ("在县委、县政府的领导下，局长王建国带队检查。", {"王建国": "局长"}),
    # A division's commander beside a city post: the division is written.
    ("通报指出，兵团第六师副师长、五家渠市副市长闫盛红违规收受礼品。",
     {"闫盛红": "兵团第六师副师长、五家渠市副市长"}),
    # 师长 is also "teachers": 老师|长期 holds no post.
    ("感谢郑老师长期耕耘，学生们要尊敬师长。", {}),
])
def test_offices_joined_by_a_list_mark(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A Yi name of no Han surname, named again further on.
    ("二十大代表、某县民主镇雪峰村党支部书记立克拢拢，七年前返乡带领乡亲们致富。回望十年，立克拢拢心潮澎湃。",
     {"立克拢拢": "二十大代表、某县民主镇雪峰村党支部书记"}),
    # Named once, four characters of no known shape stay unread.
    ("某村党支部书记立克拢拢，七年前返乡带领乡亲们致富。", {}),
    # Four characters of vocabulary are no name, however often written.
    ("县委书记今年以来，多次调研。今年以来，全县发展迅速。", {}),
    # A rank after the name is no boundary: 中将 is no part of it.
    ("总统接见某国国防部部长纳尔达中将。纳尔达中将表示感谢。", {}),
])
def test_four_character_names_of_no_han_surname_need_a_second_mention(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # Another holder, a date and a verb open the clause: the office is what follows the verb.
    ("中共中央政治局常委、国务院副总理丁薛祥19日在北京会见俄罗斯第一副总理曼图罗夫。曼图罗夫表示感谢。",
     {"丁薛祥": "中共中央政治局常委、国务院副总理", "曼图罗夫": "俄罗斯第一副总理"}),
    # Organs of different kinds before one post are two people's, not one office.
    ("港珠澳大桥工程总工程师苏权科、复兴号高速列车研发创新团队负责人周黎等发言。", {}),
])
def test_an_office_after_another_holders_name_and_verb_is_the_verbs_object(text, found):
    assert offices(text) == found
