"""Officials and their offices on text the seeds do not cover (issue 11).

Each test is a class of text, written here in that class's style: an office
is [place][organ][post](、[organ][post])*, never a verb, a courtesy phrase,
another person or a list of others.
"""
from __future__ import annotations

import pytest

from archive.extract import extract
from archive.ingest import RawDocument
from archive.script import fold

from .conftest import offices


@pytest.mark.parametrize("text, name, office", [
    # Another person and a conjunction before the office.
    ("活动由市长黄伟哲、经发局局长陈凯文共同主持。", "陈凯文", "经发局局长"),
    ("会上，市长林国华偕同民政局局长吴明达颁奖。", "吴明达", "民政局局长"),
    ("现场有里长王大同以及立委郭正雄到场。", "郭正雄", "立委"),
    # A courtesy phrase before the office's place.
    ("感谢与会贵宾台南市政府农业局局长李志明莅临指导。", "李志明", "台南市政府农业局局长"),
    # Verbs and adverbs before the office.
    ("这批物资移交予屏东县政府社会处处长刘美华签收。", "刘美华", "屏东县政府社会处处长"),
    ("大会中已向市长陈志明反映。", "陈志明", "市长"),
    # A list of offices held by one person stays whole.
    ("会议听取了兴福镇党委副书记、镇长张立平的汇报。", "张立平", "兴福镇党委副书记、镇长"),
])
def test_office_is_a_title_phrase_not_a_clause(text, name, office):
    assert offices(text).get(name) == office


def test_office_after_a_person_in_a_list_is_their_own():
    found = offices("出席的有台中市吴志强副市长、屏东县副县长林美芳。")
    assert found.get("林美芳") == "屏东县副县长"


@pytest.mark.parametrize("text, wrong", [
    ("今年各地的做法都不同，市长李勇做报告时说明。", "李勇做"),
    ("市长全票当选后表示感谢。", "全票"),
    ("秘书长杨渡担任主持人。", "杨渡担"),
])
def test_words_glued_to_names_are_not_people(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, name", [
    ("保生大帝庙主任委员 林志明致词。", "林志明"),
    ("台南市网球协会理事长陈正义出席。", "陈正义"),
    ("海巡署前署长王进财获颁勋章。", "王进财"),
    ("退休书记官林秀美捐款一万元。", "林秀美"),
    ("日本前首相安倍晋三遇刺，外界哀悼安倍前首相。", "安倍晋三"),
])
def test_past_posts_and_civil_bodies_are_not_officials(text, name):
    assert name not in offices(text)


def test_national_leader_opening_a_story_is_an_official_but_not_in_passing():
    assert "习近平" in offices("央视网消息(新闻联播):习近平总书记指出，要做好防汛工作。")
    assert "蔡英文" in offices("蔡英文总统今(8)日上午出席开幕典礼。")
    later = "镇党委召开会议，部署下一阶段工作。" * 12 + "会议要求学习习近平总书记重要讲话精神。"
    assert "习近平" not in offices(later)


@pytest.mark.parametrize("text, name, office", [
    # Contact lines: one space between office and name, a phone number after.
    ("新闻联系人:资讯地价科科员 林雅婷06-6320990", "林雅婷", "资讯地价科科员"),
    # A list of names after an office that says little alone.
    ("由召集人蔡文豪议员主持，召集人余明青、林冠宇出席。", "林冠宇", "召集人"),
    # Surname, office, given name.
    ("今日由徐区长全立、黄主任秘书明新前往祝寿。", "徐全立", "区长"),
    ("包括总统府副秘书长熊光明及台北市政府秘书长陈永华也在座。", "熊光明", "总统府副秘书长"),
])
def test_officials_named_in_less_common_shapes(text, name, office):
    assert offices(text).get(name) == office


def test_names_listed_after_a_post_one_person_holds_are_others():
    found = offices("党团书记长许志明、蔡文辉、林燕华今天召开记者会。")
    assert found == {"许志明": "党团书记长"}
    listed = offices("区领导吴建舟、洪武明出席。")
    assert set(listed) == {"吴建舟", "洪武明"}


def test_an_organ_named_like_a_national_office_is_no_national_office():
    lead = "总统今天上午接见访问团，就双边合作交换意见，并感谢各界长期支持。" * 4
    found = offices(lead + "包括总统府秘书长李大成、外交部长吴正燮等亦出席是项活动。")
    assert found.get("李大成") == "总统府秘书长"


@pytest.mark.parametrize("text, name, office", [
    ("总统府依照防疫指引，便由李俊明副秘书长担任防疫长。", "李俊明", "副秘书长"),
    ("总统今晚偕同陈建明副总统在总统府以国宴款待访宾。", "陈建明", "副总统"),
    ("公卫出身的黄志哲市长非常重视学生健康。", "黄志哲", "市长"),
    ("党团书记长王家贞认为，最辛苦的是医护人员。", "王家贞", "党团书记长"),
    ("有许多家长向台南市议员 余明青反应。", "余明青", "台南市议员"),
    ("李总统登辉先生特颁书面贺词。", "李登辉", "总统"),
])
def test_name_boundaries_before_and_after_offices(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # Uyghur and other transliterated names join their parts with a middle dot.
    ("自治区党委副书记、自治区主席艾尔肯·吐尼亚孜主持会议。", "艾尔肯·吐尼亚孜", "自治区党委副书记、自治区主席"),
    ("县长买买提•艾力表示，要抓好春耕。", "买买提•艾力", "县长"),
    # Tibetan names: one or two two-character parts, no Han surname.
    ("县委书记次仁平措带队检查防汛工作。", "次仁平措", "县委书记"),
    ("镇长扎西在会上讲话。", "扎西", "镇长"),
    # X同志 in personnel notices.
    ("王建华同志任兴福镇党委书记。", "王建华", "兴福镇党委书记"),
    # 于 as a surname, a name followed by a date.
    ("村支书于殿红专门邀请电商平台直播。", "于殿红", "村支书"),
    ("中央书记处书记蔡奇16日至17日在河北调研。", "蔡奇", "中央书记处书记"),
])
def test_names_outside_the_common_han_pattern(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    ("市长于昨日前往工地视察。", "于昨日"),
    ("议员于专案报告会议提出质询。", "于专"),
    ("安平天后宫在卢友明主任委员的率领下前往进香。", "卢友明"),
])
def test_prepositions_and_civil_bodies_a_word_away_make_no_official(text, wrong):
    assert wrong not in offices(text)


def test_a_party_label_between_names_keeps_the_list():
    found = offices("洪玉凤、蔡淑美、林美华和无党吴禹明议员齐聚讨论。")
    assert set(found) == {"洪玉凤", "蔡淑美", "林美华", "吴禹明"}


@pytest.mark.parametrize("text, name, office", [
    ("大会颁发民主奖予联邦众院议长裴洛明。", "裴洛明", "联邦众院议长"),
    ("由外交部长林佳明、我驻帛琉大使黎倩华陪同。", "黎倩华", "驻帛琉大使"),
])
def test_single_function_characters_stop_an_office(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # An office on each side of the name: both are held.
    ("座谈会由召集人蔡志雄议员主持，各局处首长列席。", "蔡志雄", "召集人、议员"),
    ("专案报告由交通委员会召集人陈立人议员主持。", "陈立人", "交通委员会召集人、议员"),
    # A second office joined by 兼 after the name.
    ("出席者包括经济部次长林志远兼能源署代理署长、立委郭正雄。", "林志远", "经济部次长兼能源署代理署长"),
    ("会议由区长张伟兼任区委副书记主持。", "张伟", "区长兼区委副书记"),
    # 兼 opening a verb is no second office.
    ("镇长李明兼顾产业与生态，走访农户。", "李明", "镇长"),
])
def test_a_second_office_after_the_name_joins_the_first(text, name, office):
    assert offices(text).get(name) == office


def test_a_romanised_name_in_a_list_keeps_the_list_under_its_office():
    found = offices("勘查现场，市议员林美华、sayun kacaw苏昀、陈志明、王秀玲及李国栋议员亦到场关心。")
    assert found.get("苏昀") == "市议员"
    assert found.get("陈志明") == "市议员"
    assert found.get("王秀玲") == "市议员"
    found = offices("出席者有议员林美华、sayun kacaw、陈志明等人。")
    assert found.get("陈志明") == "议员"
    assert found.get("sayun kacaw") == "议员"


def test_a_leader_formally_introduced_is_an_official_anywhere_in_the_story():
    lead = "本台消息：近日多地遭遇强降雨，" + "各地各部门全力开展抢险救灾工作，转移安置受灾群众，抢修道路电力通信设施。" * 4
    found = offices(lead + "灾情发生后，中共中央政治局常委、国务院总理李强作出批示，要求全力搜救。")
    assert found.get("李强") == "中共中央政治局常委、国务院总理"
    found = offices(lead + "中共中央总书记、国家主席、中央军委主席习近平高度重视并作出重要指示。")
    assert found.get("习近平") == "中共中央总书记、国家主席、中央军委主席"
    # A post alone cites the leader in passing: not an official of a local story.
    found = offices(lead + "全镇干部深入学习贯彻习近平总书记重要讲话精神。")
    assert "习近平" not in found


@pytest.mark.parametrize("text, name, office", [
    # Two-character names jieba's dictionary lists as words (tagged nr).
    ("座谈会上，县长张扬表示，要抓好春耕。", "张扬", "县长"),
    ("区委书记高强指出，要守住安全底线。", "高强", "区委书记"),
])
def test_rare_names_jieba_lists_as_words_are_people_after_an_office(text, name, office):
    assert offices(text).get(name) == office


def test_frequent_words_jieba_tags_as_names_stay_words():
    assert "明白" not in offices("请各位局长明白，这项工作必须完成。")


@pytest.mark.parametrize("text, name, office", [
    # An organ named by the subjects it covers, joined with 及.
    ("由经济部产业及贸易发展司林志远司长致词。", "林志远", "经济部产业及贸易发展司司长"),
    ("卫生及福利部次长陈明德表示，将加强防疫。", "陈明德", "卫生及福利部次长"),
    # 及 after an organ, a person or before a place joins others.
    ("感谢农业局及水利局局长王建国到场。", "王建国", "水利局局长"),
    ("出席者有外交部长吴明达伉俪及驻诺国大使周建华。", "周建华", "驻诺国大使"),
    ("感谢合作厂商及台南市市长黄伟哲支持。", "黄伟哲", "台南市市长"),
])
def test_and_inside_an_organ_name_is_kept_between_parties_it_is_not(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # The same post on both sides is written once.
    ("出席的有教育局长郑文豪局长、文化局长叶明仁。", "郑文豪", "教育局长"),
    # In a contact line across a space, the post after a name is that person's.
    ("发稿人:食品科 吴才德股长 蔡玲美科长\n连络电话:06-2679751", "蔡玲美", "科长"),
])
def test_a_second_post_that_is_no_second_office(text, name, office):
    assert offices(text).get(name) == office


def test_a_post_opening_an_organ_name_after_a_name_is_no_second_office():
    found = offices("出席者有议员服务处主任郭大明、林美华议员服务处秘书赵振兴。")
    # The service office is named after its councillor, whose staff are no officials.
    assert found == {"林美华": "议员"}


def test_a_word_jieba_lists_as_a_name_after_a_name_and_post_is_a_word():
    assert "施政" not in offices("总统感谢市议会配合黄伟哲市长施政，让建设越来越好。")


@pytest.mark.parametrize("text, name, office", [
    # A foreign state's name opens its offices, though no gazetteer knows it.
    ("总统会晤「帛琉共和国总统惠明仁伉俪访问团」。", "惠明仁", "帛琉共和国总统"),
    ("出席者有诺鲁共和国驻华大使简秀珠、立委郭正雄。", "简秀珠", "诺鲁共和国驻华大使"),
    ("应国家主席习近平邀请，塞拉利昂共和国总统马丁·科罗马将对中国进行国事访问。",
     "马丁·科罗马", "塞拉利昂共和国总统"),
    # 应 (at the invitation of) opens no office.
    ("应国家主席习近平邀请，塞拉利昂共和国总统马丁·科罗马将对中国进行国事访问。", "习近平", "国家主席"),
    # A posting opens with 驻.
    ("巴拉圭驻华大使柏马德表示感谢。", "柏马德", "巴拉圭驻华大使"),
])
def test_foreign_states_and_postings_open_offices(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # A contact line sets the organ apart with spaces; it is the person's.
    ("新闻连络人:台南市动物防疫保护处  林志明副处长 0912-345-678", "林志明", "台南市动物防疫保护处副处长"),
    ("连络人:农业局渔业科 吴国华科长\n连络电话:06-2991111", "吴国华", "农业局渔业科科长"),
    # Across spaces, words that are no organ stay out.
    ("今日活动圆满成功  林志明副处长表示感谢", "林志明", "副处长"),
])
def test_an_organ_set_apart_by_spaces_in_a_contact_line(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # Personnel notices: X同志任/当选 a run of posts, read whole.
    ("日前，中共中央决定：\n王建国同志任江西省委委员、常委、书记，不再担任湖北省委副书记职务。",
     "王建国", "江西省委委员、常委、书记"),
    ("今天，李明华同志当选县长、县人民政府党组书记的消息传遍全县。", "李明华", "县长、县人民政府党组书记"),
])
def test_personnel_notices_give_the_whole_run_of_posts(text, name, office):
    assert offices(text).get(name) == office


def test_a_verb_before_a_pronoun_is_no_name_in_a_notice():
    found = offices("国家主席致电斯图布，祝贺他当选芬兰共和国总统。")
    assert not any(name.endswith("他") for name in found)


@pytest.mark.parametrize("text, name, office", [
    # A transliterated name is marked by its romanised form in parentheses.
    ("总统以国宴款待诺鲁共和国总统瓦卡(Baron Waqa)伉俪。", "瓦卡", "诺鲁共和国总统"),
    ("圣文森国龚萨福(Ralph Gonsalves)总理呼吁各国支持。", "龚萨福", "总理"),
    ("访宾包括美国联邦参议员慕雷莉(Lisa Murray)等人。", "慕雷莉", "美国联邦参议员"),
    # A name ends before 因 (因故请假).
    ("环保局长谢世杰因故请假，由副局长陈幸芳报告。", "谢世杰", "环保局长"),
])
def test_foreign_names_glossed_in_parentheses_and_names_before_because(text, name, office):
    assert offices(text).get(name) == office


def test_a_gloss_does_not_make_a_delegation_or_a_post_a_name():
    found = offices("总统接见跨党派议员访问团霍蒂议员(Tom Hoti)一行，并与众议员及葛林(Al Green)交流。")
    assert not any("团" in name or name.startswith(("员", "及")) for name in found)


def test_a_contact_line_name_before_a_spaced_post():
    found = offices("发稿人:防治中心 张芳瑜\n连络人:吴昭美 执行秘书\n连络电话:06-7030391")
    assert found.get("吴昭美") == "执行秘书"
    # In running text a space does not join a word to a post.
    assert offices("本次活动圆满成功 科长表示感谢") == {}


# A local story's lead: national posts after it are quoted in passing.
_LEAD = "镇党委召开会议，部署下一阶段工作。" * 12


@pytest.mark.parametrize("text, name, office", [
    # Section staff titles in contact lines, with an extension number run into the name.
    ("请洽06-2679751转221王俊明股长、215林晓华技正或转210吴坤华科长", "林晓华", "技正"),
    ("请洽06-2679751转221王俊明股长、215林晓华技正或转210吴坤华科长", "王俊明", "股长"),
    ("业务联络人:特教科专员刘瑞华 电话:2991111", "刘瑞华", "特教科专员"),
    ("由科学教育馆馆长刘火明陪同参观。", "刘火明", "科学教育馆馆长"),
    # A closing quote ends the clause before the name.
    ("「要让孩子讲母语」吕文胤议员强调，应加强教育。", "吕文胤", "议员"),
    # A word closing before the surname is no obstacle when the text cuts before it.
    ("为认真贯彻落实习近平总书记重要指示精神，全力搜救。", "习近平", "总书记"),
    # A national post headed by a commission or a foreign state is no national leader in passing.
    (_LEAD + "副总统肯定侨务委员会委员长张富华对侨务的付出。", "张富华", "侨务委员会委员长"),
    # 华表 is a word only by chance: a word follows the three-character name too.
    ("议员曾明华表示支持。", "曾明华", "议员"),
])
def test_titles_and_name_boundaries_of_staff_commissions_and_quotes(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # Olympic committees, religious hospitals and an elected member's own office are civil.
    ("包括中华奥会主席林鸿文、佛教慈心医院院长王德华出席。", "林鸿文"),
    ("包括中华奥会主席林鸿文、佛教慈心医院院长王德华出席。", "王德华"),
    ("更有立委服务处执行长童小华、林俊明立委服务处副主任王宝明到场。", "童小华"),
    ("更有立委服务处执行长童小华、林俊明立委服务处副主任王宝明到场。", "王宝明"),
    # Surnames that are adverbs before a verb: "once", "all".
    (_LEAD + "2013年7月，习近平总书记曾来到这个村。", "曾来"),
    ("代表各党团的议员们表达意见，主席都予以尊重。", "都予"),
    ("市长曾率团访问日本。", "曾率团"),
    # One romanised word run into Chinese is an acronym, not a name.
    ("我国apec领袖代表林信明今日启程。", "apec"),
])
def test_civil_bodies_adverbs_and_acronyms_make_no_official(text, wrong):
    assert wrong not in offices(text)


def test_a_person_is_no_part_of_an_office():
    found = offices(_LEAD + "2013年7月，习近平总书记曾来到这个村，村党支部书记王建明介绍情况。")
    assert found.get("王建明") == "村党支部书记" and not any("习近平" in office for office in found.values())


@pytest.mark.parametrize("text, name, office", [
    # A place jieba knows and the gazetteer does not opens the office before an organ or the post.
    ("新加坡通讯及新闻部高级政务部长陈杰明上台致词。", "陈杰明", "新加坡通讯及新闻部高级政务部长"),
    ("曾与美国国务卿柯林明进行会谈。", "柯林明", "美国国务卿"),
    ("北河村党支部书记孙国明是党代表。", "孙国明", "北河村党支部书记"),
    ("由我中南美司司长郭永明陪同。", "郭永明", "中南美司司长"),
    # "State-run" before a place belongs to the organ's name.
    ("代表团由国立台湾科学教育馆馆长刘火明陪同。", "刘火明", "国立台湾科学教育馆馆长"),
    # A conjunction or adverb is never part of an office.
    ("游客稀疏，但市议员邱莉明却指出预算不足。", "邱莉明", "市议员"),
    ("但市长黄伟明认为时间不够。", "黄伟明", "市长"),
    # A bureau is named by two characters at least (都发局, 经发局).
    ("市府都发局长庄德明表示，将持续协助。", "庄德明", "都发局长"),
    ("。都发局长徐中明说，已在检讨中。", "徐中明", "都发局长"),
    # Contact lines set the organ apart from its post by a space.
    ("新闻联络人:\n地政局地籍科 科长林佳明 电话:06-3901337", "林佳明", "地政局地籍科科长"),
    ("新闻联络人:\n地政局农地重划科 技士 王意明 电话:06-6322231", "王意明", "地政局农地重划科技士"),
    ("联络人: 人文课 课员 萧博明    电话:06-2951915", "萧博明", "人文课课员"),
])
def test_office_prefixes_of_foreign_organs_villages_bureaus_and_contact_lines(text, name, office):
    assert offices(text).get(name) == office


def test_a_list_between_two_offices_holds_both():
    found = offices("程序委员会由召集人郭信明议长主持，委员卢昆明、李中明、许又明及陈昆和议员出席。")
    assert found.get("卢昆明") == "委员、议员" and found.get("陈昆和") == "委员、议员"
    assert found.get("郭信明") == "召集人、议长" and "陈昆" not in found
    # A post followed by a name is the next person's office, not the list's.
    assert offices("区长杨国明和局长王建华出席。") == {"杨国明": "区长", "王建华": "局长"}


def test_officials_named_in_a_given_title_count():
    raw = RawDocument(id="t", text="时间： 12 月 18日  星期五   上午10：30地点：市议会一楼小型简报室", origin="test",
                      given={"title": "王家明议员「关心长辈社区据点协调会」记者会"})
    document = extract(raw)
    assert [(o.name, o.title) for o in document.officials] == [("王家明", "议员")]
    assert document.body.startswith("时间")  # the title is read, not added to the body
    listed = extract(RawDocument(id="t", text="多位议员今日举办记者会。", origin="test",
                                 given={"title": "蔡筱明、李宗明、吕维明议员「争取总部迁移」记者会"}))
    assert {fold(o.name) for o in listed.officials} == {"蔡筱明", "李宗明", "吕维明"}


def test_a_list_item_closed_by_list_marks_is_a_whole_name():
    found = offices("包括周嘉明、林燕华、李镇国、黄丽明、沈震明议员出席慰问。")
    assert set(found) == {"周嘉明", "林燕华", "李镇国", "黄丽明", "沈震明"}
    assert found["李镇国"] == "议员"


def test_a_rare_name_jieba_lists_as_a_word_before_an_office():
    assert offices("为认真贯彻落实重要指示精神，按照李强总理等中央领导同志批示要求，成立调查组。").get("李强") == "总理"


@pytest.mark.parametrize("text, wrong", [
    # A person the document gives a civil or a past post holds no public office under the bare post.
    ("与新化保生大帝庙主任委员 林志明共同努力。林志明主任委员也强调，庙宇是信仰中心。", "林志明"),
    ("议员李启明与潘敏华书记官捐赠物资。议员李启明今天陪同携带退休潘敏华书记官所购物资前往。", "潘敏华"),
    # A bare post after a list mark goes on naming the civil body's officers.
    ("由社会局局长郭乃明、观护协会理事长江金明、秘书长刘文明及多位理事出席。", "刘文明"),
    # A word jieba lists, even as a name, is that word when no boundary follows.
    ("李总统登辉先生特颁书面贺词，总统贺词全文为：", "贺词"),
])
def test_civil_and_past_posts_anywhere_and_listed_words_make_no_official(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, name, office", [
    # 之前 is "earlier", not a past post.
    ("之前蔡松明机要就在网上骂议员。", "蔡松明", "机要"),
    # A foreign state's mission in Taiwan is named an association.
    ("由「美国在台协会」政治组组长唐瑞明陪同。", "唐瑞明", "「美国在台协会」政治组组长"),
])
def test_earlier_and_foreign_missions_keep_their_officials(text, name, office):
    assert offices(text).get(name) == office


def test_a_headline_short_form_gives_way_to_the_fuller_office():
    raw = RawDocument(id="t", origin="test", given={"title": "总统会晤帛琉总统惠恕明 期盼深化合作"},
                      text="总统今日下午会晤「帛琉共和国总统惠恕明伉俪访问团」，感谢惠恕明总统率团来访。")
    assert {fold(o.name): fold(o.title) for o in extract(raw).officials}["惠恕明"] == "帛琉共和国总统"


@pytest.mark.parametrize("text, found", [
    # An office then 的 describes the speaker named after it.
    ("曾任党部主委，六连任台南市议员的邱莉明表示，他很坚定。", {"邱莉明": "台南市议员"}),
    ("市长的秘书表示同意。", {}),
    ("访宾包括瓦卡总统的千金瓦卡小姐(carrentai waqa)。", {}),
])
def test_an_office_describing_the_speaker_after_de(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, name, office", [
    # Yi names: a two-character family name first, four characters in all.
    ("县委书记吉克曲布主持会议。", "吉克曲布", "县委书记"),
    ("州长阿西阿呷表示，要抓好春耕。", "阿西阿呷", "州长"),
    # ... unless the first three characters read as a Han name before a boundary.
    ("县长马海波说，要抓紧。", "马海波", "县长"),
    # Transliterations hold characters that are words elsewhere (都, 和).
    ("副县长努尔兰·阿不都热合曼在会上讲话。", "努尔兰·阿不都热合曼", "副县长"),
    # More Tibetan name parts.
    ("乡党委书记嘎玛群培带队检查。", "嘎玛群培", "乡党委书记"),
])
def test_yi_uyghur_and_tibetan_names(text, name, office):
    assert offices(text) == {name: office}


@pytest.mark.parametrize("text, found", [
    # A civil body a clause away from the post does not make it civil.
    ("号召捐助华山基金会过端午市议员李启明在端午佳节前夕号召捐助。", {"李启明": "市议员"}),
    # 日前 is "the other day": no past post.
    ("继日前台南市长黄伟明录制影片，欢迎各界观赏。", {"黄伟明": "台南市长"}),
    # 前任 anywhere in the title marks it past.
    ("美国前任国防部部长钱尼访台。", {}),
    # After a name 领导 is "lead", not an office.
    ("必须坚持党统一领导。", {}),
    # An organ character alone is named by what the organ does.
    ("台南市动物防疫保护处处长吴名明表示，将加强巡查。", {"吴名明": "台南市动物防疫保护处处长"}),
    # A transliteration ends at a real word, even one-character (以).
    ("以色列驻美国大使耶希埃尔·莱特以黎巴嫩为例说明。", {"耶希埃尔·莱特": "以色列驻美国大使"}),
])
def test_clauses_time_words_and_organ_names_around_offices(text, found):
    assert offices(text) == found


def test_the_body_names_a_person_before_the_title_does():
    raw = RawDocument(id="t", origin="test", given={"title": "李强参加代表团审议"},
                      text="3月5日，李强参加代表团审议。" + "代表们认真审议政府工作报告，围绕发展建言献策。" * 5
                      + "成就来之不易，根本在于习近平总书记掌舵领航。")
    found = {fold(o.name): fold(o.title) for o in extract(raw).officials}
    assert "习近平" in found  # a given title does not push the body's lead further down
    raw = RawDocument(id="t", origin="test", given={"title": "议员李启明与潘敏华书记官捐赠物资"},
                      text="议员李启明今天陪同携带退休潘敏华书记官所购物资前往派出所。")
    assert {fold(o.name) for o in extract(raw).officials} == {"李启明"}


@pytest.mark.parametrize("text, found", [
    # Only a civil body's own officers continue its list, not a public office.
    ("由市长黄伟明、建筑师公会理事长徐岩明建筑师、立委林俊明与多位民代见证。", {"黄伟明": "市长", "林俊明": "立委"}),
    # A count before a post is no extension number.
    ("包含2位讲师获奖、2位中心主任获颁卓越领导奖。", {}),
    # 同 is a preposition, 会见 a verb jieba tags a noun; a name is no part of an office.
    ("李强同东盟轮值主席国马来西亚总理安瓦明举行会谈。", {"安瓦明": "东盟轮值主席国马来西亚总理"}),
    ("王沪宁在京会见澳大利亚总理阿尔巴明。", {"阿尔巴明": "澳大利亚总理"}),
    # jieba tags some states as names (塞尔维亚 nrt): they still open offices.
    ("会议期间，塞尔维亚总统武契明表示支持。", {"武契明": "塞尔维亚总统"}),
    # A two-character "name" before 里长 is the ward's; 兼 joins offices.
    ("明德里长陈瑞明表示，将加强巡守。", {"陈瑞明": "明德里长"}),
    ("沙特王储兼首相穆罕明表示。", {"穆罕明": "沙特王储兼首相"}),
    # Before a post 代表 is "on behalf of".
    ("台南市副市长姜淋明亦代表市长黄伟明出席。", {"姜淋明": "台南市副市长", "黄伟明": "市长"}),
    # 前 right before the post marks it past.
    ("斯洛维尼亚前总理杨萨明来访。", {}),
    # One romanised word between list marks is a name.
    ("议长郭信明也与林易明、ingaytali、李启明及卢昆明议员座谈。",
     {"郭信明": "议长", "林易明": "议员", "ingaytali": "议员", "李启明": "议员", "卢昆明": "议员"}),
])
def test_lists_counts_prepositions_and_past_marks(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # An item of a list that holds a post of its own is no name.
    ("在习近平主席和普京总统的战略引领下，两国关系发展。", {"习近平": "主席"}),
    # 向 before a number is "towards".
    ("委托李鸿忠副委员长向十四届全国人大常委会作说明。", {"李鸿忠": "副委员长"}),
])
def test_list_items_with_posts_and_prepositions_before_numbers(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # Personnel notices: the appointed and the leader who appoints act in the story anywhere.
    (_LEAD + "根据国家主席习近平签署的主席令，任命李强为国务院总理。", {"习近平": "国家主席", "李强": "国务院总理"}),
    (_LEAD + "经研究，决定任命张建华同志为县委常委。", {"张建华": "县委常委"}),
    # A generic post after 及 takes a name that a verb of its own ends.
    ("召集人王家明、黄丽明及委员蔡育明出席。", {"王家明": "召集人", "黄丽明": "召集人", "蔡育明": "委员"}),
    ("实行信访案件领导包案制。", {}),
])
def test_personnel_notices_and_generic_posts_before_a_verb(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # 代表 is an office when it names its mission, else "on behalf of" or a model worker.
    ("皮门特夫妇由外交部次长林永明及菲律宾驻台代表白熙明陪同。", {"林永明": "外交部次长", "白熙明": "菲律宾驻台代表"}),
    ("全国人大代表王小明表示，要抓好春耕。", {"王小明": "全国人大代表"}),
    ("由副市长代表市长致词。", {}),
    ("陕西榆林致富能手代表向大家介绍致富经验。", {}),
    # A foreign state before the name opens its leader's office, wherever it stands.
    (_LEAD + "新加坡总理李显明在脸书上表示支持。", {"李显明": "新加坡总理"}),
    # Adverb surnames before prepositions and pronouns.
    ("晤谈时，许多村长都向总统指出交通建设的需要。", {}),
    # A trade association is a civil body.
    ("电器公会代表施登明说，很多申请补助。", {}),
])
def test_missions_foreign_leaders_and_trade_associations(text, found):
    assert offices(text) == found


def test_four_character_names_in_a_list_and_no_second_office_on_behalf_of():
    found = offices("林冠明、朱正明、施余兴明、王宣明及周嘉明等议员陪同与会。")
    assert set(found) == {"林冠明", "朱正明", "施余兴明", "王宣明", "周嘉明"}
    assert offices("教育局副局长杨智明代表市长致词。") == {"杨智明": "教育局副局长"}


@pytest.mark.parametrize("text", [
    "台南市软式网球委员会林文明主委表示，球场年代久远。",
    "台南市桌球委员会主委林忠明、府城桌球协会出钱出力。",
])
def test_a_sports_committee_is_a_civil_body(text):
    assert offices(text) == {}


@pytest.mark.parametrize("text, name, office", [
    # A headline's name and office, then the name again: the name is no part of the office.
    ("洪玉明市议员洪玉明继送次氯酸水到国小。", "洪玉明", "市议员"),
    # "Posted in" before a place belongs to the mission's office.
    ("包括驻台北以色列经济文化办事处代表游亚明出席。", "游亚明", "驻台北以色列经济文化办事处代表"),
])
def test_headline_names_and_postings_in_offices(text, name, office):
    assert offices(text).get(name) == office


def test_surname_office_given_name_after_a_contact_label():
    assert offices("承办人:王惠明 电话:06-3901079\n联络人:陈科长仁明 电话:06-3901039") == {"陈仁明": "科长"}


@pytest.mark.parametrize("text, wrong", [
    ("副总统接受美国时代(time)杂志专访。", "接受美国时代"),
    ("美国在台协会高雄分处处长孙晓明出席。", "高雄分"),
    ("我国领袖代表萧前副总统万长于去年出席。", "萧前"),
])
def test_glossed_verbs_place_headed_names_and_former_marks_make_no_name(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, found", [
    ("县里成立防汛工作专班 张建明、李海明，深入一线排查隐患。", {"张建明": "防汛工作专班", "李海明": "防汛工作专班"}),
    ("镇防汛工作专班张建明、李海明深入一线。", {"张建明": "镇防汛工作专班", "李海明": "镇防汛工作专班"}),
    ("成立工作专班，专班成员深入一线。", {}),
])
def test_names_listed_after_a_task_force(text, found):
    assert offices(text) == found


# Round 3 (Taiwan): a lead long enough that what follows is past it.
_TW_LEAD = "总统今天上午接见访问团，就双边合作交换意见，并感谢各界长期支持。" * 6


@pytest.mark.parametrize("text, name, office", [
    # Named in full beside others at the event: they take part.
    (_TW_LEAD + "包括陈建明副总统伉俪、行政院长赖清华等亦出席。", "陈建明", "副总统"),
    (_TW_LEAD + "包括陈建明副总统伉俪、行政院长赖清华等亦出席。", "赖清华", "行政院长"),
    # Addressed by the text.
    (_TW_LEAD + "议员呼吁，请蔡英华总统快快宣布破案。", "蔡英华", "总统"),
])
def test_national_leaders_named_in_full_past_the_lead_take_part(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # Cited as the author of a doctrine or a policy.
    (_LEAD + "全镇干部认真学习习近平总书记关于防汛工作的重要指示。", "习近平"),
    (_TW_LEAD + "大家都支持蔡英华总统的政策。", "蔡英华"),
    # A surname with the post, a verb or a preposition glued to it.
    (_TW_LEAD + "访宾感谢蔡总统的热情款待，随后晋见总统。", "晋见"),
    (_LEAD + "师生们纷纷围拢过来，高声向总书记问好。", "高声向"),
])
def test_national_leaders_cited_or_named_by_surname_past_the_lead_are_not_officials(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, wrong", [
    # A state jieba tags a name, before its leader's post and name.
    (_LEAD + "会上，吉布提总统盖莱、乌克兰总统泽连斯基先后发言。", "吉布提"),
    (_LEAD + "会上，吉布提总统盖莱、乌克兰总统泽连斯基先后发言。", "乌克兰"),
    # A name cut short inside a longer transliteration.
    (_LEAD + "出席的有刚果（金）总统齐塞克迪等。", "齐塞克"),
])
def test_states_and_cut_names_past_the_lead_are_no_leaders(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, name, office", [
    # 副 joins a post whole where 副主任 is a shorter post of its own.
    ("由行政院农业委员会副主任委员王政明陪同前来拜会。", "王政明", "行政院农业委员会副主任委员"),
    ("国民党团副书记长林志明表示支持。", "林志明", "国民党团副书记长"),
    # An ordinal numbers the organ.
    ("警察局由第四分局长蔡进明、第六分局长许坤华代表接受。", "许坤华", "第六分局长"),
    # An organ whose last character opens the post, named by a word jieba tags a verb.
    ("包括考试院长伍锦明、考选部长蔡宗华等亦出席。", "蔡宗华", "考选部长"),
    ("包括总统府国策顾问秦嘉明、立法院长苏嘉华出席。", "苏嘉华", "立法院长"),
    # A set phrase naming an organ word, and a generic post after such an organ.
    ("活动获得家庭教育中心主任张冰华的赞赏。", "张冰华", "家庭教育中心主任"),
    # A bureau named by two characters before a whole post.
    ("市府都发局局长徐中华说明进度。", "徐中华", "都发局局长"),
    # Verbs before the office: jieba tags some nouns, some are one character.
    ("议员建议市长黄伟明整合相关局处。", "黄伟明", "市长"),
    ("副总统指出，就像国家安全会议咨询委员林良华日前所说。", "林良华", "国家安全会议咨询委员"),
    ("黄市长率环保局长林渊明前往视察。", "林渊明", "环保局长"),
    ("郭议长邀交通部长林佳明到场。", "林佳明", "交通部长"),
    ("议员问民政局长姜淋明进度如何。", "姜淋明", "民政局长"),
    ("有关市议员陈怡华的质询，市府回应如下。", "陈怡华", "市议员"),
])
def test_office_extent_round3(text, name, office):
    assert offices(text).get(name) == office


def test_a_report_made_is_no_part_of_the_name():
    found = offices("会议听取了宪法和法律委员会副主任委员徐辉作的关于草案修改情况的汇报。")
    assert "徐辉" in found and "徐辉作" not in found


@pytest.mark.parametrize("text, name, office", [
    # A list goes on after a couple.
    ("包括总统府资政黄昆明伉俪、沈荣华、刘昭明出席。", "刘昭明", "总统府资政"),
    # A list, its count, a word describing them, then the post.
    ("救国团一行人与曾之华、蔡宗明2位年轻议员进行座谈。", "曾之华", "议员"),
    ("邀请林美华、陈志明、王大同三位议员出席。", "王大同", "议员"),
    # A foreign state opens its leader's office, before or after the name.
    ("总统主持「军礼欢迎马绍尔群岛共和国海妮总统伉俪一行」", "海妮", "马绍尔群岛共和国总统"),
    ("由我驻马绍尔群岛共和国大使夏季明陪同。", "夏季明", "驻马绍尔群岛共和国大使"),
])
def test_lists_and_foreign_states_round3(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # The count must match the list; a rank after the post is no post.
    ("她教出陈水明、马英华及蔡英明三位总统级学生。", "马英华"),
    ("共有林美华、陈志明、王大同2位议员出席。", "王大同"),
    # A state's short name in a headline, the full name in the text.
    ("军礼欢迎马绍尔总统\n总统今日欢迎马绍尔群岛共和国海妮总统。", "马绍尔"),
])
def test_counted_lists_and_state_names_round3_false_hits(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, name, office", [
    # Posts shared with courts, prosecutors and health stations, with their organ.
    ("北门区卫生所护理师黄雅华说明防疫措施。", "黄雅华", "北门区卫生所护理师"),
    ("司法院大法官汤德华、罗昌明出席典礼。", "罗昌明", "司法院大法官"),
    ("台南地检署主任检察官王圣明表示将侦办。", "王圣明", "台南地检署主任检察官"),
    ("发稿人:北门区卫生所黄雅华护理师\n连络电话:06-7862043", "黄雅华", "北门区卫生所护理师"),
    ("特别邀请台南地方检察署许华明检察官分享。", "许华明", "台南地方检察署检察官"),
    # An organ 的 names its member.
    ("来自台北地检署的陈佳明主任检察官，侦办弊案有功。", "陈佳明", "台北地检署主任检察官"),
    ("率队的赵卿华副市长也承诺改善。", "赵卿华", "副市长"),
    # A contact line: the field is the office, its value the name.
    ("发稿单位:水域及毒物管理科\n代理科长:李美华 电话:06-6572916#2301", "李美华", "代理科长"),
])
def test_court_health_and_contact_line_posts_round3(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # The same posts without their organ: a surname and a title, or a phrase.
    ("苏大法官担任教授期间教出许多学生。", "苏大"),
    ("大家应尊重检察官的专业。", "应尊重"),
    ("公卫护理师到府关怀。", "公卫"),
    ("跟卫生所的公卫护理师建立友善的资源连结。", "公卫"),
    ("承办科长:苏科长 电话:06-2686751", "苏科长"),
    # What follows a name is no given name after a surname and a post.
    ("古迹营运科陈科长说，李议员说，最近他号召大家参观。", "李说"),
    # A determiner is no given name; a verb of meeting opens no name.
    ("虽然没有彩排，但每位议员都是歌手。", "但每位"),
    ("总统祝贺李在明先生当选新任韩国大统领。", "祝贺李"),
    # School staff hold no public office.
    ("白河区仙草实小洪琪华主任用爱关怀学生。", "洪琪华"),
])
def test_round3_false_hits(text, wrong):
    assert wrong not in offices(text)


def test_a_name_holding_a_school_abbreviation_is_no_school():
    found = offices("国务院副总理张国清、刘国中、国务委员王小洪出席会议。")
    assert found.get("王小洪") == "国务委员"


@pytest.mark.parametrize("text, name, office", [
    # Japanese office holders: family names outside the Chinese surnames.
    ("日本台湾交流协会高雄事务所所长奥正明、台湾之友会理事长张富华等亦出席。", "奥正明",
     "日本台湾交流协会高雄事务所所长"),
    ("日本茨城县知事大井川和明今日来访。", "大井川和明", "日本茨城县知事"),
    ("日本众议员岸信明今(13)日拜会市长。", "岸信明", "日本众议员"),
    ("日本静冈县藤枝市副市长河野一行拜会议会。", "河野", "日本静冈县藤枝市副市长"),
])
def test_japanese_office_holders(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    ("日本驻台代表表示欢迎。", "表示"),
    ("日本代表团访问台南。", "团访问"),
    ("日本静冈县藤枝市副市长河野一行拜会议会。", "河野一行"),
])
def test_japanese_office_holders_false_hits(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, wrong", [
    # International organisations named in quotes with their romanised names.
    ("副总统接见「世界自然保育联盟」(iucn) 熊类专家群组主席大卫‧贾瑟华(dr. dave garshelis)等一行", "大卫‧贾瑟华"),
    ("及「世界自然基金会」(world wide fund for nature,wwf)保育部主任罗布‧斯坦华(dr. robert steinmetz)等一行", "罗布‧斯坦华"),
])
def test_glossed_quoted_bodies_are_international_organisations(text, wrong):
    assert wrong not in offices(text)


def test_a_glossed_quoted_foreign_mission_stays_public():
    # The office keeps the mission and its acronym as written (archive.organ_acronyms).
    assert offices("由「美国在台协会」(ait)处长梅健明陪同。").get("梅健明") == "「美国在台协会」(ait)处长"


@pytest.mark.parametrize("text, wrong", [
    # A person right before the post holds it; what follows is their clause.
    ("黄伟明市长应正视问题。", "应正视"),
    ("郭贞华局长任台日交流协会顾问。", "任台日"),
    ("永康区公所陈胜明区长严阵以待。", "严阵"),
])
def test_the_holder_before_a_post_leaves_no_holder_after_it(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, name, office", [
    ("分别由副市长戴谦及副市长赵卿华担任主祭官。", "赵卿华", "副市长"),
    ("习近平在江西省委书记尹弘和省长叶建明陪同下考察。", "叶建明", "省长"),
])
def test_a_join_before_the_next_post_is_no_holder(text, name, office):
    assert offices(text).get(name) == office


def test_appointed_to_is_no_part_of_the_name():
    found = offices("1991年，李国明出任暂委高院大法官。")
    assert "李国明出" not in found and found.get("李国明") == "暂委高院大法官"
