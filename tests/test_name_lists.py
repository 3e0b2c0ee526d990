"""Lists of several officials (issue 11, round 6): a person written in Latin
letters and in characters is one item of the list, and the list goes on past
it. Sentences written here in the shape of council and city releases (names
invented, no corpus text)."""
from __future__ import annotations

import pytest

from archive.name_lists import item_after, item_before

from .conftest import offices


COUNCILLORS = {"林美玲": "市议员", "利莘巴万": "市议员", "王大明": "市议员"}


@pytest.mark.parametrize("text", [
    "市議員林美玲、Lisin Pawan利莘巴萬、王大明也到場關心。",
    "市議員林美玲、Lisin Pawan 利莘巴萬、王大明也到場關心。",
    "市議員林美玲、Lisin Pawan(利莘巴萬)、王大明也到場關心。",
    "市議員林美玲、利莘巴萬Lisin Pawan、王大明也到場關心。",
    "市議員林美玲、利莘巴萬Lisin Pawan及王大明也到場關心。",
    "市議員Lisin Pawan利莘巴萬、林美玲、王大明也到場關心。",
])
def test_a_name_in_two_scripts_is_one_item_and_the_list_goes_on(text):
    assert offices(text) == COUNCILLORS


@pytest.mark.parametrize("text, found", [
    ("Lisin Pawan利莘巴萬議員表示，將持續爭取經費。", {"利莘巴万": "议员"}),
    ("林美玲、Lisin Pawan利莘巴萬議員出席會勘。", {"林美玲": "议员", "利莘巴万": "议员"}),
    ("王大明議員、Lisin Pawan利莘巴萬議員及林美玲議員出席。",
     {"王大明": "议员", "利莘巴万": "议员", "林美玲": "议员"}),
    ("王大明、林美玲以及Lisin Pawan利莘巴萬議員出席。",  # 以及 is one join
     {"王大明": "议员", "林美玲": "议员", "利莘巴万": "议员"}),
    # Dots part a transliteration, whatever sounds they hold.
    ("Tana Yuki達娜．尤就議員表示，", {"达娜.尤就": "议员"}),
])
def test_a_name_in_two_scripts_before_its_post(text, found):
    assert offices(text) == found


def test_a_transliteration_that_runs_into_a_verb_keeps_the_romanised_name():
    # Four sounds, four characters, then a verb no list mark closes.
    assert offices("市議員Tana Yuki 達娜．尤就質詢原住民族事務。") == {"tana yuki": "市议员"}


@pytest.mark.parametrize("text", [
    "希望市長能媒合Costco Ikea等大型商場進駐。",  # characters before a brand: a phrase
    "荷蘭辦事處領事事務總監Jan Visser、處長林美玲出席。",  # a post's words, not a name
    "縣議員林美玲、王大明及張建國等與會，並參訪APEC Center。",
])
def test_phrases_beside_latin_words_are_no_names(text):
    names = set(offices(text))
    assert not names & {"能媒合", "事务总监", "事务总", "apec center"}


def test_items_one_by_one():
    closes = lambda text, at: text[at:at + 1] in ("、", "议", "")  # noqa: E731
    assert item_after("ingay tali颖艾达利、", 0, closes) == ("颖艾达利", 10, 14)
    assert item_after("颖艾达利ingay tali、", 0, closes) == ("颖艾达利", 0, 14)
    assert item_after("apec颖艾达利、", 0, closes) is None  # one word beside characters: an acronym
    assert item_before("、ingay tali颖艾达利", 15) == ("颖艾达利", 11, 1)
    assert item_before("、颖艾达利ingay tali", 15) == ("颖艾达利", 1, 1)
    assert item_before("、市长能媒合costco ikea", 17) is None


@pytest.mark.parametrize("text, found", [
    # A bare 委员 or 召集人 takes a name only where the name clearly ends; a
    # join and one more name closed by their shared post ends it as well.
    ("工務委員會召集人李志偉、黃美招議員，委員洪秀鳳及蔡秋香議員，30日邀請工務局副局長陳世明會勘。",
     {"李志伟": "工务委员会召集人、议员", "黄美招": "工务委员会召集人、议员", "洪秀凤": "委员、议员",
      "蔡秋香": "委员、议员", "陈世明": "工务局副局长"}),
    ("民政委員會召集人林美華及邱莉芳議員主持。",
     {"林美华": "民政委员会召集人、议员", "邱莉芳": "民政委员会召集人、议员"}),
])
def test_a_member_joined_to_a_named_councillor_shares_both_posts(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text", [
    "會議由委員陳志成和同仁議員討論。",  # 同仁 is no name: the list has one member
    "委員會由委員陳志成及市府同仁議員會同勘查。",
])
def test_a_join_to_no_name_leaves_a_bare_member_unread(text):
    assert "陈志成" not in offices(text)


@pytest.mark.parametrize("text, found", [
    # A married woman's name (husband's surname, her own, her given name) is
    # one item of the list, whichever way the list is read.
    ("市議員方一明、李陳秀琴及王志成也出席。", {"方一明": "市议员", "李陈秀琴": "市议员", "王志成": "市议员"}),
    ("趙建原、李陳秀琴、盧志福議員出席。", {"赵建原": "议员", "李陈秀琴": "议员", "卢志福": "议员"}),
])
def test_a_married_name_is_one_item_of_a_list(text, found):
    assert offices(text) == found


def test_thanks_between_list_marks_is_no_married_name():
    assert "谢谢大家" not in offices("議員林美玲、謝謝大家、王志成出席。")


@pytest.mark.parametrize("text, found", [
    # One leader, a join, then councillors closed by 等议员: the names after
    # the join are councillors, not deputy speakers or caucus whips.
    ("議長邱莉芳、副議長林志明與許至春、王家珍、邱昭明等議員出席。",
     {"邱莉芳": "议长", "林志明": "副议长", "许至春": "议员", "王家珍": "议员", "邱昭明": "议员"}),
    ("民進黨團總召郭鴻文及謝舒華、沈家美、黄肇明等議員出席與會。",
     {"郭鸿文": "民进党团总召", "谢舒华": "议员", "沈家美": "议员", "黄肇明": "议员"}),
    # Closed by 等人, no post: the opening post is everyone's.
    ("市議員林美玲及王志成、陳志強等人出席。", {"林美玲": "市议员", "王志成": "市议员", "陈志强": "市议员"}),
])
def test_names_after_a_join_take_the_post_that_closes_them(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # jieba reads 山里, 西里, 区里 as words of place ("in the hills"); before
    # 里长 and a name they close a ward's name.
    ("區長徐明立邀請北寮里長李坤明、玉山里長邱永華、關山里長謝國強一同出席。",
     {"徐明立": "区长", "李坤明": "北寮里长", "邱永华": "玉山里长", "谢国强": "关山里长"}),
    ("大林里長陳美玲表示，將加強巡守。", {"陈美玲": "大林里长"}),
])
def test_a_ward_whose_name_ends_like_a_place_word_keeps_its_chief(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text", ["這里長期以來缺乏照顧。", "他在山里長大，從小愛爬山。", "心里長久以來的願望。"])
def test_a_place_word_before_a_chiefs_post_without_a_name_is_no_chief(text):
    assert offices(text) == {}


@pytest.mark.parametrize("text, found", [
    # 等 and a count of others (多位, 18位) before the closing post.
    ("副議長林志明及林燕華、施余興望、周嘉文等多位議員出席。",
     {"林志明": "副议长", "林燕华": "议员", "周嘉文": "议员", "施余兴望": "议员"}),
    ("包括林燕華、周嘉文等18位議員出席。", {"林燕华": "议员", "周嘉文": "议员"}),
])
def test_a_count_of_others_before_the_closing_post_keeps_the_list(text, found):
    assert offices(text) == found
