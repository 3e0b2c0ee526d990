"""Taiwan officials in shapes the labelled releases barely show (issue 11, round 4).

Each test is a class of Chinese text, in sentences written here in the
shape of council, city and Presidential Office releases (no corpus text):
lists of ward chiefs, transliterated foreign names, posts given by a verb,
and people who hold no public office.
"""
from __future__ import annotations

import pytest

from archive.extract import extract
from archive.ingest import RawDocument
from archive.script import fold
from archive.ward_lists import ward_chiefs


def offices(text: str) -> dict[str, str]:
    document = extract(RawDocument(id="t", text=text, origin="test", given={}))
    return {fold(o.name): fold(o.title) for o in document.officials}


@pytest.mark.parametrize("text, expected", [
    # Counted, after a verb that the first ward's name cannot be told from.
    ("議員陳大明隨即邀集文化里張志成、和平里李美玲、光明里王國華等3位里長會勘排水溝。",
     {"张志成": "文化里里长", "李美玲": "和平里里长", "王国华": "光明里里长"}),
    # Uncounted, after a clause mark.
    ("會勘當天，仁愛里趙文雄及信義里錢淑芬里長都到場。", {"赵文雄": "仁爱里里长", "钱淑芬": "信义里里长"}),
    # A count in characters, and village chiefs.
    ("包括東興村林正男、西勢村黃麗華兩位村長也出席。", {"林正男": "东兴村村长", "黄丽华": "西势村村长"}),
])
def test_each_chief_of_a_ward_list_holds_their_own_wards_post(text, expected):
    found = offices(text)
    for name, office in expected.items():
        assert found.get(name) == office


@pytest.mark.parametrize("text", [
    "本里里長選舉共有三人登記。",  # no list
    "這裡有里民張三、李四和里長。",  # people of a ward, no ward before each name
    "新里程、新里長，服務不打烊。",  # 里 in words, no names
])
def test_text_without_a_ward_list_names_no_chiefs(text):
    assert ward_chiefs(fold(text)) == []


@pytest.mark.parametrize("text, name", [
    # A party's own posts, and the same post bare later.
    ("國民黨市黨部主委王大同今日到場，王大同主委表示支持。", "王大同"),
    ("副總統接見英國保守黨主席韋德(John Wade)一行。", "韦德"),
    ("民進黨中常委陳文雄也出席。", "陈文雄"),
    # Service clubs and the press.
    ("總統接見國際扶輪總社社長史密斯(John Smith)夫婦。", "史密斯"),
    ("活動由經濟週刊社長林志遠主持。", "林志远"),
    # A college's head, like a university president.
    ("會中由南方神學院院長黃明德牧師致詞。", "黄明德"),
    # A hospital whose name shows no public owner.
    ("台南光明醫院院長吳大偉及副院長陳怡君出席。", "吴大伟"),
])
def test_heads_of_parties_clubs_colleges_and_private_hospitals_hold_no_public_office(text, name):
    assert name not in offices(text)


@pytest.mark.parametrize("text, name, office", [
    # A council caucus is the council's: its posts are in.
    ("台南市議會國民黨團書記長李美華今日表示。", "李美华", "台南市议会国民党团书记长"),
    # A public hospital says so in its name; a place's own hospital is public.
    ("三軍總醫院院長張建國表示，", "张建国", "三军总医院院长"),
    ("台南市立醫院院長周正雄出席。", "周正雄", "台南市立医院院长"),
    # An academy of sciences is government.
    ("中國社會科學院院長高志明出席論壇。", "高志明", "中国社会科学院院长"),
    # A party post does not take away a public post held by the same person.
    ("市黨部主委謝文雄致詞，謝文雄委員也感謝鄉親。", "谢文雄", "委员"),
])
def test_public_heads_beside_private_ones_stay(text, name, office):
    assert offices(text).get(name) == office
