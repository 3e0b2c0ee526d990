"""Taiwan officials, round 6 of rules (issue 11): classes read from the spent
rounds' misses (round 5 first), each in sentences written here in the shape of
council, city and Presidential Office releases (names invented, no corpus text)."""
from __future__ import annotations

import pytest

from .conftest import offices


@pytest.mark.parametrize("text, name, office", [
    # A Japanese name before its post, opened by another post or the chamber.
    ("總統與「國慶日本國祝賀團」團長森川健一眾議員乙行餐敘。", "森川健一", "众议员"),
    ("總統接見日本眾議院杉浦正和眾議員，感謝他長年支持。", "杉浦正和", "日本众议院众议员"),
    ("日本愛知縣豐橋市議會石原信也議長及議員一行拜會議會。", "石原信也", "日本爱知县丰桥市议会议长"),
    # A given name of two characters after a family name the surname test
    # reads as a Chinese name of three: the whole four.
    ("總統今日與日本首相安倍晉一等進行會談。", "安倍晋一", "日本首相"),
    ("日本靜岡縣富士市副市長芦原英治、議長等一同出席。", "芦原英治", "日本静冈县富士市副市长"),
])
def test_japanese_names_of_four_characters(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # The run before a post is the organ's, a place's or a count's.
    ("日本宮城縣議會日台友好議員聯盟的議員們也到場。", "日台友好"),
    ("日本台灣交流協會高雄事務所長小田一郎陪同。", "高雄事务"),
    ("日本群馬縣水上町教育委員會課長來訪。", "水上町教育"),
    ("日本水戶市議會大津亮介議長及多位議員來訪。", "及多位"),
    # A Chinese name the surname test ends at a boundary is kept whole.
    ("由駐日本代表處大使謝長廷及國安會諮詢委員林成明陪同。", "林成明陪同"),
])
def test_japanese_names_false_hits(text, wrong):
    assert wrong not in offices(text)


def test_a_chinese_name_after_a_japanese_office_keeps_its_boundary():
    found = offices("由駐日本代表處大使謝長廷及國安會諮詢委員林成明陪同，前來總統府。")
    assert found.get("林成明") == "国安会咨询委员"


@pytest.mark.parametrize("text, name, office", [
    # A state's full name opens its head's transliterated name.
    ("陳總統與薩爾瓦多共和國佛洛瑞斯總統今天共同簽署聯合公報。", "佛洛瑞斯", "萨尔瓦多共和国总统"),
    ("總統接見帛琉共和國雷蒙杰索總統，雙方就合作交換意見。", "雷蒙杰索", "帛琉共和国总统"),
    # 佛 writes the sound 弗 in Taiwan's transliterations.
    ("總統表示，卡佛（Eddie Calvin）總督上週就拜訪了臺灣。", "卡佛", "总督"),
])
def test_a_foreign_head_after_the_states_full_name(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # A foreign mission's acronym in parentheses opens the office with its name.
    ("我駐美代表及「美國在台協會」（AIT）主席莫立言登機歡迎副總統。", "莫立言", "「美国在台协会」(ait)主席"),
    ("由外交部長林佳明、美國在台協會(AIT)台北辦事處處長谷立明（Raymond Greenwood）陪同。", "谷立明",
     "美国在台协会(ait)台北办事处处长"),
    # A bare acronym once the text has defined it.
    ("美國在台協會（AIT）今天表示，AIT處長酈英明將出席。", "郦英明", "ait处长"),
])
def test_an_organs_acronym_is_part_of_the_office(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # Letters the text never defines stay out of the office: an app's, a slogan's.
    ("黃偉明議員表示，APP議員陳大文也關心此事。", "陈大文", "议员"),
    ("EMBA台南市長黃偉明出席開學典禮。", "黄伟明", "台南市长"),
])
def test_undefined_letters_before_a_post_stay_out(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # The ward opens its chief's office, before the post or before the name.
    ("區長邀請南化里長余俊明、東和里長林志強出席。", "林志强", "东和里长"),
    ("市議員表示，與當地平通里李秀美里長及住戶開會。", "李秀美", "平通里里长"),
    ("億載里長鄭聰明、國平里長蔡明雄也到場。", "郑聪明", "亿载里长"),
])
def test_a_ward_chiefs_office_names_the_ward(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, word", [
    # Words describing the chiefs, a verb, words across a dash: no ward.
    ("區長頒發就職證書及恭賀林清明里長。", "恭贺"),
    ("邀請五條港里美食達人-沈廉明里長帶路。", "达人"),
    ("，轄區里長林清明表示歡迎。", "辖区"),
])
def test_words_before_a_ward_chief_are_no_ward(text, word):
    assert not any(title.startswith(word) for title in offices(text).values())


def test_a_chief_rank_belongs_to_the_post_after_a_glossed_name():
    found = offices("總統感謝瑞克主席和昆恩（Chris Coonan）首席議員對臺灣的支持。")
    assert found.get("昆恩") == "首席议员"


@pytest.mark.parametrize("text, name, office", [
    # Surname, post, given name, then the couple: 李總統登輝伉儷 is 李登輝.
    ("李總統登明伉儷今天親赴機場，歡送訪賓。", "李登明", "总统"),
    ("並由李副總統元明伉儷作東。", "李元明", "副总统"),
])
def test_a_given_name_after_the_post_before_a_couple(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    ("適逢臺北市長柯文明路過現場，柯市長賢伉儷也大方捐款。", "柯贤"),  # 賢伉儷, a courtesy word
    ("總統歡迎諾魯共和國總統瓦卡伉儷一行。", "国瓦卡"),  # 國 closes the state's name
])
def test_no_given_name_in_a_courtesy_word_or_after_a_state(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, name, office", [
    # 跟 "with" is no part of the office after it.
    ("我們也跟巴拉圭總統阿布明討論兩國關係。", "阿布明", "巴拉圭总统"),
    ("議員也跟文化局長葉澤明反映此事。", "叶泽明", "文化局长"),
])
def test_gen_with_opens_no_office(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # A party camp named by colour before a post is no person.
    ("國民黨團業務報告質詢-藍軍議員下海奪牌，要求增經費。", "蓝军"),
    ("在地藍營議員終於發現問題。", "蓝营"),
    ("為何說這是藍綠立委的共業？", "蓝绿"),
])
def test_a_party_camp_is_no_person(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, wrong", [
    # A post whose era the text names was held before.
    ("要求整修從蘇南明市長和李雅明縣長時代至今的老舊場館。", "李雅明"),
    ("要求整修從蘇南明市長和李雅明縣長時代至今的老舊場館。", "苏南明"),
    ("議員指出，陳唐明縣長時期蓋的涼亭已經老舊。", "陈唐明"),
])
def test_a_post_of_a_past_era_is_not_held(text, wrong):
    assert wrong not in offices(text)


def test_a_person_of_a_past_era_keeps_a_post_held_now():
    found = offices("賴清明市長時代推動的政策，賴清明總統今日表示會延續。")
    assert found.get("赖清明") == "总统"


@pytest.mark.parametrize("text, name, office", [
    # A husband's surname before her own: four characters, two surnames.
    ("立法委員郭國明及市議員蔡秋芳、方一明、蔡蘇秋娥及陳昆華也出席。", "蔡苏秋娥", "市议员"),
    ("北區華德里宋林美娟里長表示社區公園煥然一新。", "宋林美娟", "北区华德里里长"),
    ("由潘區長交給里長王黃春英，再轉發所有鄰長。", "王黄春英", "里长"),
])
def test_a_married_womans_name_has_four_characters(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, wrong", [
    # Three-character names followed by a list word, a verb or written alone.
    ("包括經濟部長沈榮明及立法委員張志偉等亦出席。", "沈荣明", "沈荣明及"),
    ("工務局長蘇金明答說，大橋已完成設計。", "苏金明", "苏金明答"),
    ("國民黨議員謝龍華別再說了。謝龍華表示反對。", "谢龙华", "谢龙华别"),
])
def test_three_character_names_are_not_read_as_married_names(text, name, wrong):
    found = offices(text)
    assert wrong not in found and name in found


@pytest.mark.parametrize("text, wrong", [
    # A service club's numbered district and its officers are private.
    ("國際獅子會300-E1區災難援助委員會主席謝漢明指出，今年風災不斷。", "谢汉明"),
    ("國際扶輪3470地區彭韻明主委表示，將持續認養。", "彭韵明"),
    ("國際獅子會300-D1區第七專區主席陳錦明率隊捐贈。", "陈锦明"),
])
def test_a_service_clubs_district_officers_hold_no_public_post(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, name, office", [
    # A clause of its own after the club: a verb, a list word.
    ("國際獅子會300E-1區暨災難援助委員響應市長黃偉明施政理念捐贈物資。", "黄伟明", "市长"),
    ("還有國際獅子會300-D1區副總監蘇明宇以及台南市議員曾培明到場。", "曾培明", "台南市议员"),
])
def test_a_public_post_after_a_club_district_stays_public(text, name, office):
    assert offices(text).get(name) == office


def test_a_club_district_named_again_by_its_number_alone():
    text = ("國際獅子會300-E1區災難援助委員會主席謝漢明指出，風災不斷。"
            "市長感謝國際獅子會300-E1區總監黃裕明及300-E1區災難援助委員會謝漢明主席號召捐贈。")
    assert "谢汉明" not in offices(text)


def test_a_foreign_head_led_by_is_no_place_visited():
    text = ("陳總統與薩爾瓦多共和國佛洛德斯總統今天簽署聯合公報。"
            "陳總統讚揚薩爾瓦多共和國在佛洛德斯總統領導下達成穩定發展。")
    assert offices(text).get("佛洛德斯") == "萨尔瓦多共和国总统"


@pytest.mark.parametrize("text, name, office", [
    # A bureau head answering a council's questions: 答詢 closes the name.
    ("議員質詢垃圾量，環保局長謝世明答詢說，工業區廢棄物增加。", "谢世明", "环保局长"),
    ("交通局長王明德答覆，將檢討路線。", "王明德", "交通局长"),
])
def test_answering_a_question_closes_the_name(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # After a post a state's full name opens, a run of sounds a boundary ends.
    ("李總統歡送瓜地馬拉共和國總統塞拉諾伉儷與隨員。", "塞拉诺", "瓜地马拉共和国总统"),
    ("副總統代表尼加拉瓜共和國總統博拉紐，頒贈勳章。", "博拉纽", "尼加拉瓜共和国总统"),
])
def test_a_foreign_heads_name_after_the_states_full_name(text, name, office):
    assert offices(text).get(name) == office


def test_no_sound_run_after_a_post_without_a_state():
    assert "塞拉诺" not in offices("總統歡送塞拉諾伉儷與隨員。")


@pytest.mark.parametrize("text, name, office", [
    # A rare dictionary noun or numeral after a post, before a boundary: a name.
    ("訪賓一行由外交部次長石定陪同，前來總統府。", "石定", "外交部次长"),
    ("包括立法委員余天、林淑芬等亦出席是項活動。", "余天", "立法委员"),
])
def test_a_rarely_used_word_after_a_post_is_a_name(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # Rare verbs, adverbs and organs' short names stay words.
    ("總統、副總統連袂參加大會。", "连袂"),
    ("黨團議員相挺，書記長表示感謝。", "相挺"),
    ("政務委員鄧振明、國發會主委龔明鑫出席。", "国发"),
])
def test_rare_verbs_and_short_names_after_a_post_stay_words(text, wrong):
    assert wrong not in offices(text)


def test_a_foreign_missions_board_is_no_civil_body():
    found = offices("我駐美代表袁建明及美國在台協會理事主席薄瑞明等登機迎接。")
    assert found.get("薄瑞明") == "美国在台协会理事主席"
