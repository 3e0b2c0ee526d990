"""Taiwan officials, round 5 of rules (issue 11): classes read from the spent
rounds' misses, each in sentences written here in the shape of council, city
and Presidential Office releases (names invented, no corpus text)."""
from __future__ import annotations

import pytest

from archive.extract import extract
from archive.ingest import RawDocument
from archive.script import fold


def offices(text: str) -> dict[str, str]:
    document = extract(RawDocument(id="t", text=text, origin="test", given={}))
    return {fold(o.name): fold(o.title) for o in document.officials}


def test_the_armed_services_commanders_are_officials():
    found = offices("國防部副部長張正平、陸軍司令陳大明、海軍司令劉志文及空軍司令熊正基等亦出席是項活動。")
    assert found == {"张正平": "国防部副部长", "陈大明": "陆军司令", "刘志文": "海军司令", "熊正基": "空军司令"}


@pytest.mark.parametrize("text", [
    "總統在司令台上校閱部隊，陸軍司令部表示演習順利。",  # a reviewing stand, a headquarters
])
def test_a_commands_buildings_name_no_one(text):
    assert offices(text) == {}


@pytest.mark.parametrize("text, private", [
    ("校長方正寧、警察之友會主委鄭美君等亦出席是項活動。", "郑美君"),  # a supporters' association
    ("救國團臺南市團務指導委員會主任委員沈達明帶領優秀青年拜會議會。", "沈达明"),  # the youth corps
])
def test_heads_of_supporters_associations_and_the_youth_corps_hold_no_public_post(text, private):
    assert private not in offices(text)


def test_each_member_named_with_their_service_office_is_a_member():
    # A service office closes its list item: the next member's post is theirs,
    # not the private office's before the list mark.
    found = offices("現場尚包含林正芳立委與陳美惠議員服務處、沈大東議員服務處、蔡旺成議員服務處等到場。")
    assert found == {"林正芳": "立委", "陈美惠": "议员", "沈大东": "议员", "蔡旺成": "议员"}


def test_a_body_s_own_officers_after_a_list_mark_stay_private():
    assert offices("觀護協會理事長江金山、秘書長劉文欣及多位理事出席。") == {}


def test_a_surname_with_a_post_is_no_name_in_a_list():
    found = offices("接著，蔡總統與賈麥德總統進行雙邊會談。")
    assert "蔡总统" not in found and found.get("贾麦德") == "总统"


@pytest.mark.parametrize("text, whole", [
    # 原 and 和 end given names and are words too; the text writes the whole
    # name on its own elsewhere.
    ("議員趙昆原質詢路燈。市議員趙昆原呼籲市府改善路燈。趙昆原議員表示，路燈太暗。", "赵昆原"),
    ("市議員陳昆和因該路路寬不足提出建議。陳昆和議員指出，道路應拓寬。", "陈昆和"),
])
def test_a_given_name_ending_in_a_joining_word_is_kept_whole(text, whole):
    found = offices(text)
    assert set(found) == {whole}


def test_a_joining_word_after_a_two_character_name_still_joins():
    # 和 joins two people here: no three-character name is written alone.
    found = offices("市長黃大明和副市長張正平一同出席。")
    assert set(found) == {"黄大明", "张正平"}
