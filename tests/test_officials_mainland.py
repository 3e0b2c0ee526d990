"""Mainland officials on unseen text (issue 11, round 3): national stories
about counties and townships, and county/township pages.

Each test is a class of text, in sentences written here in that class's
shape (no corpus text): who counts as an official, and where the office
phrase begins and ends.
"""
from __future__ import annotations

import pytest

from .conftest import offices


# A story's lead is its first 150 characters: pad so a sentence stands further down.
LEAD_PADDING = "本台消息：今年以来，各地因地制宜推进乡村全面振兴，特色产业不断壮大，群众收入持续增长。" * 4 + "\n"


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
    # Further down, a list of holders after the post act too.
    (LEAD_PADDING + "国务院副总理孙立群、钱卫东作交流发言。", {"孙立群": "国务院副总理", "钱卫东": "国务院副总理"}),
])
def test_a_national_leader_cited_in_another_leaders_words_or_acting(text, found):
    assert offices(text) == found


def test_a_leader_further_down_who_neither_acts_nor_is_listed_is_no_official():
    # After the lead, named in passing: he does nothing in the story.
    assert offices(LEAD_PADDING + "村民们常说起习近平总书记的关怀。") == {}


# The hundred commonest Chinese surnames (public registry statistics).
COMMONEST_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田于肖潘袁董叶杜丁蒋"
                      "程余吕魏蔡苏任卢沈姜姚钟崔陆谭汪石付贾范金方韦夏廖侯白孟邹秦尹江熊薛邱阎段雷季史陶"
                      "毛贺龙万顾关郝孔向龚邵钱武傅")


def test_every_common_surname_opens_a_name():
    from archive.names import SURNAMES_1
    assert set(COMMONEST_SURNAMES) - SURNAMES_1 == set()


@pytest.mark.parametrize("text, found", [
    # A surname the list lacked, and a conference's member before 是.
    ("全国政协委员傅海燕是一名乡村医生，多年扎根基层。", {"傅海燕": "全国政协委员"}),
    ("全国人大代表阎立新在乡村调研。", {"阎立新": "全国人大代表"}),
    # A temple's character opening a village's name makes no temple of it.
    ("寺坪村党支部书记周海林是党的二十大代表。", {"周海林": "寺坪村党支部书记"}),
    ("庙湾村党委书记吴建平说，今年收成好。", {"吴建平": "庙湾村党委书记"}),
    # Civil-service ranks are posts.
    ("省生态环境厅一级巡视员赵立新，市财政局二级调研员钱东明。",
     {"赵立新": "省生态环境厅一级巡视员", "钱东明": "市财政局二级调研员"}),
    # 和 between two people: the post after it is the second one's.
    ("在省委书记孙刚和省长吴明军陪同下，考察组来到企业。", {"孙刚": "省委书记", "吴明军": "省长"}),
])
def test_surnames_temples_in_place_names_ranks_and_joined_people(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text", [
    "该县地处长江下游，是全国产粮大县。",
    "河水从高处长驱直下，冲毁了堤坝。",
    "大会经常委会审议后通过。",
])
def test_a_post_read_across_a_locative_or_adverb_is_no_office(text):
    assert offices(text) == {}


@pytest.mark.parametrize("text, name, office", [
    # Organs named by set phrases, adjectives and verbal nouns joined by 和.
    ("通报了江西省赣州市卫生健康委党组成员、副主任孙立明，", "孙立明", "江西省赣州市卫生健康委党组成员、副主任"),
    ("湖北省宜昌市住房和城乡建设局原副局长周海波，", "周海波", "湖北省宜昌市住房和城乡建设局原副局长"),
    ("县发展和改革委员会主任李明华说，项目已开工。", "李明华", "县发展和改革委员会主任"),
    ("省生态环境厅一级巡视员赵立新参加调研。", "赵立新", "省生态环境厅一级巡视员"),
    # An organ of the state holds the province's branch.
    ("国家烟草专卖局湖南省局办公室主任吴建平，", "吴建平", "国家烟草专卖局湖南省局办公室主任"),
    # A plain verb between organs is a clause, not a name.
    ("县政府要求住建局局长张明华尽快整改。", "张明华", "住建局局长"),
    ("感谢与会贵宾台南市政府农业局局长李志明莅临指导。", "李志明", "台南市政府农业局局长"),
    # A party before a place is no organ of it.
    ("中国国民党新北市长侯友宜表示支持。", "侯友宜", "新北市长"),
])
def test_organ_names_run_from_a_place_or_organ_to_the_post(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, found", [
    # Two hosts joined by 和: each post is its own holder's.
    ("9月3日至4日，他在湖南省委书记梁志刚和省长王立新陪同下考察。",
     {"梁志刚": "湖南省委书记", "王立新": "省长"}),
    # A long place name cut into words still opens the office.
    ("新疆维吾尔自治区和田地区卫生健康委员会副主任李明华，", {"李明华": "新疆维吾尔自治区和田地区卫生健康委员会副主任"}),
    # A dash between office and name; 是 after a name (no name holds 是).
    ("今天我们来认识山东省临沂市兰陵县代村党委书记——王传明。", {"王传明": "山东省临沂市兰陵县代村党委书记"}),
    ("党的二十大代表李春华是一名乡村教师，她回到学校宣讲。", {"李春华": "二十大代表"}),
    # The same person named again, glued to the next word (方勤|正带领).
    ("县文化馆馆长张明和村民一起排练。当天，县文化馆馆长张明正带领大家演出。", {"张明": "县文化馆馆长"}),
])
def test_joined_hosts_long_places_dashes_and_glued_repeats(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # Posts of village Party branches.
    ("石桥村党总支第一书记余红是党的二十大代表。", {"余红": "石桥村党总支第一书记"}),
    ("暴雨中，村党总支书记张卫东和村干部连夜转移群众。", {"张卫东": "村党总支书记"}),
    # A numeral opens a village's name; a count is no part of the office.
    ("吉林省双辽市三道沟村党支部书记王秀兰说，今年增收了。", {"王秀兰": "吉林省双辽市三道沟村党支部书记"}),
    ("全县三个村党支部书记王秀兰出席。", {"王秀兰": "村党支部书记"}),
    # Ministries named with no place, and the supreme court.
    ("中央宣讲团成员，文化和旅游部党组书记、部长孙海峰在甘肃作宣讲报告。", {"孙海峰": "文化和旅游部党组书记、部长"}),
    ("中央宣讲团成员，最高人民检察院党组成员、副检察长陈立新在江西作宣讲报告。",
     {"陈立新": "最高人民检察院党组成员、副检察长"}),
    # Two parties joined by 和, the second an organ of its own.
    ("感谢市民和市政府秘书长张明华到场。", {"张明华": "市政府秘书长"}),
    # 称 ("said") ends a name.
    ("美国众议院外交委员会主席詹姆斯·布朗称，美方将继续援助。", {"詹姆斯·布朗": "美国众议院外交委员会主席"}),
])
def test_village_posts_numerals_ministries_and_said(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # Names, then groups of unnamed others, before the verb; a name written
    # in sounds among them is left unread.
    ("会上听取了汇报。\n孙立群、钱卫东、扎西平措和冯建军，中央和国家机关有关部门负责同志，代表团全体成员等参加汇报会。",
     {"孙立群": "", "钱卫东": "", "冯建军": ""}),
    # Villagers named among others are no companions of a leader's visit.
    ("村民张大山、李小河、王小五等参加活动。", {}),
])
def test_companions_before_groups_of_others(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # The seat first, a company's post after it: the seat is the office.
    ("两会一结束，全国人大代表某某控股集团有限公司董事长缪海林就回到了车间。", {"缪海林": "全国人大代表"}),
    # A job that is no post at all, and a verb of saying glued to the name.
    ("“我很振奋。”省人大代表、某热电有限公司技术员刘晓东说：“要干出新成绩。”", {"刘晓东": "省人大代表"}),
    ("二十大代表——某轴承集团分公司维修电工那云和同事们一起学习。", {"那云": "二十大代表"}),
    # A seat and a public post across a comma: both are the office.
    ("投下庄严的一票，省人大代表，丹阳市延陵镇东塘村党委书记、村委会主任周立阳心潮澎湃。",
     {"周立阳": "省人大代表、丹阳市延陵镇东塘村党委书记、村委会主任"}),
    # The seat's holder acts: no job, no one else is seated.
    ("全国人大代表要认真履职尽责，坚定支持行政长官和特别行政区政府依法施政。", {}),
])
def test_seats_before_day_jobs(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # An aspect particle makes the character before it a verb (谢芳|忙着).
    ("眼下正是销售旺季，驻村第一书记谢芳忙着帮村民联系销路。", {"谢芳": "驻村第一书记"}),
    ("镇长李明华了解情况后表示，马上整改。", {"李明华": "镇长"}),
    # A verb of taking up a post is no part of the name before it.
    ("2021年，潘文琼调任清原县检察长，不到一年就办结积案。", {"潘文琼": "清原县检察长"}),
    # A dotted name ends where a verb begins, even with no mark after it.
    ("来自新疆的全国政协委员阿依古丽·托合提讲述了快递进村的故事。", {"阿依古丽·托合提": "全国政协委员"}),
    # A team is no organ: its head holds no public office.
    ("无人机远销海外。团队负责人张羽泽是上海人。", {}),
])
def test_verbs_after_names_and_teams(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A generic post joined to an office shares its organ, whatever follows the name.
    ("中央宣讲团成员，国家发展和改革委员会党组书记、主任郑海洁11月9日在江苏作宣讲报告。",
     {"郑海洁": "国家发展和改革委员会党组书记、主任"}),
    # 作为 an office, a comma, then its holder.
    ("今年全国两会期间，作为全国人大代表，农立贵分享了山村孩子们的故事。", {"农立贵": "全国人大代表"}),
    ("作为村党支部书记，我要带头干。", {}),
])
def test_shared_organs_and_offices_introduced_with_zuowei(text, found):
    assert offices(text) == found


def test_a_tibetan_name_of_two_parts_before_its_post():
    assert offices("讲话在委员中引发反响。巴桑卓玛委员来自高原的医疗一线。") == {"巴桑卓玛": "委员"}


def test_a_farm_bases_party_branch_is_no_public_office():
    assert offices("徐海祥是某县现代农业科技示范基地党支部书记，多年来带领农民种粮。") == {}
    assert offices("村党支部书记徐海祥带领农民种粮。") == {"徐海祥": "村党支部书记"}


@pytest.mark.parametrize("text, found", [
    # A four-character name named whole twice (Yi, Dai names), not cut to three.
    ("来自四川的全国人大代表吉进双梅，带动群众增收。吉进双梅是一家刺绣合作社的负责人。", {"吉进双梅": "全国人大代表"}),
    # A four-character phrase of two words is no name, however often it recurs.
    ("副区长王立居家隔离，区长张明华居家隔离。居家隔离期间照常办公。", {"张明华": "区长"}),
])
def test_four_character_names_named_whole_again(text, found):
    assert offices(text).items() >= found.items()
    assert "居家隔离" not in offices(text)
