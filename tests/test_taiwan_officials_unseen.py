"""Taiwan officials in shapes the labelled releases barely show (issue 11, round 4).

Each test is a class of Chinese text, in sentences written here in the
shape of council, city and Presidential Office releases (no corpus text):
lists of ward chiefs, transliterated foreign names, posts given by a verb,
and people who hold no public office.
"""
from __future__ import annotations

import pytest

from archive.script import fold
from archive.ward_lists import ward_chiefs

from .conftest import offices


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
    # Nor does a civil post joined to a public one take away the public post.
    ("感謝林志遠部長的努力。包括童軍總會榮譽理事長暨教育部長林志遠等出席。", "林志远", "部长"),
    ("進出口公會訪市議會  郭志良議長邀共同打拚   理事長率領一行到市議會拜訪郭志良議長，郭志良議長表示歡迎。", "郭志良", "议长"),
    # A misprinted 市 (巿) still makes a city's hospital; a university's is left alone.
    ("台南巿立醫院院長周正雄出席。", "周正雄", "台南巿立医院院长"),
    ("成大醫院院長李文華說明疫情。", "李文华", "成大医院院长"),
])
def test_public_heads_beside_private_ones_stay(text, name, office):
    assert offices(text).get(name) == office


# Presidential Office releases open with the president; later mentions of a
# national post are tested as such, so the foreign guests come further down.
_LEAD = "總統今日上午接見訪賓，雙方就經貿、農業與公衛合作交換意見，並談及區域和平與安全。" * 5


@pytest.mark.parametrize("text, expected", [
    # A name written in sounds, before its post, after a preposition.
    (_LEAD + "總統並與奧蒂斯總統討論救災事宜。", {"奥蒂斯": "总统"}),
    # A glossed name before a national post: a foreign head, no leader of ours cited.
    (_LEAD + "他曾與沙瑞可（Tom Sharek）總理就兩國關切事項交換意見。", {"沙瑞可": "总理"}),
    # A list of glossed names after one post goes on past each gloss.
    (_LEAD + "訪團包括眾議員柯林(Mary Collin)、艾迪斯(Ron Eddis)、巴頓(Lee Barton)等人。",
     {"柯林": "众议员", "艾迪斯": "众议员", "巴顿": "众议员"}),
    # A rank glued to a name before its gloss is not the name.
    (_LEAD + "訪團包括議員韋恩(Tim Wayne)、柯蘭勳爵(Lord Curran)等人。", {"韦恩": "议员", "柯兰": "议员"}),
    # Latin letters after a state's post.
    (_LEAD + "瓜地馬拉駐邁阿密總領事Ana Lucia Perez則在機場迎接。", {"ana lucia perez": "瓜地马拉驻迈阿密总领事"}),
    # The Pope, a foreign head of state, with and without a regnal number.
    (_LEAD + "副總統感謝教宗方濟各日前的賀電。", {"方济各": "教宗"}),
    (_LEAD + "當年教宗本篤十六世曾接見我國特使。", {"本笃十六世": "教宗"}),
])
def test_foreign_names_in_sounds_glosses_and_latin_letters(text, expected):
    found = offices(text)
    for name, office in expected.items():
        assert found.get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # A state's name is written with the same characters: visited, posted to, or before a holder.
    (_LEAD + "總統去年訪問貝里斯，並與貝里斯總理會談。", "贝里斯"),
    (_LEAD + "他曾任駐格瑞納達與貝里斯兩國大使。", "贝里斯"),
    (_LEAD + "美國總統柯林頓、尼加拉瓜總統查莫洛夫人均致賀。", "尼加拉瓜"),
    (_LEAD + "馬來西亞總理安瓦爾、哈薩克斯坦總理別克捷諾夫出席。", "哈萨克斯坦"),
    # A body's short name, given in parentheses.
    (_LEAD + "該組織（杰哈德）同意停火，杰哈德發言人稱將遵守協議。", "杰哈德"),
    # An international body's officer written in Latin letters.
    (_LEAD + "包括世界童軍組織秘書長Ahmad Hendawi等亦出席。", "ahmad hendawi"),
    # A society's chair, named in sounds.
    (_LEAD + "副總統表示，德瑞利斯主席是著名的熊類專家。", "德瑞利斯"),
])
def test_states_bodies_and_private_officers_written_in_sounds_are_not_officials(text, wrong):
    assert wrong not in offices(text)


@pytest.mark.parametrize("text, waiting", [
    ("副總統率團出席宏都拉斯共和國總統卡蕬楚（Xiomara Castro）就職典禮。", "卡蕬楚"),
    ("總統啟程前往友邦參加新任總統羅博就職典禮，羅博總統曾在美國求學。", "罗博"),
])
def test_a_head_of_state_awaiting_inauguration_is_not_yet_in_post(text, waiting):
    assert waiting not in offices(text)


@pytest.mark.parametrize("text, name, office", [
    # A contact line: a bureau, its officer and a staff title.
    ("新聞聯絡人：\n臺南市文化局 王美華秘書 電話：06-2991111轉8301", "王美华", "台南市文化局秘书"),
    ("新聞聯絡人：教育局局本部 陳志宏秘書 06-2991111", "陈志宏", "教育局局本部秘书"),
])
def test_a_bureaus_secretary_in_a_contact_line_is_an_official(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name", [
    ("林志明議員秘書黃大偉、陳美玲立委助理李小芳也到場。", "黄大伟"),
    ("陳美玲立委秘書張國強到場致意。", "张国强"),
    ("獅子會秘書劉志成報告會務。", "刘志成"),
])
def test_members_aides_and_associations_secretaries_are_not_officials(text, name):
    assert name not in offices(text)


def test_a_member_named_before_their_aide_keeps_their_office():
    found = offices("現場有林志明議員秘書、陳美玲議員助理到場祝賀。")
    assert found.get("林志明") == "议员"


@pytest.mark.parametrize("text, name, office", [
    ("新任書記長李美華表示，黨團將持續監督市政。", "李美华", "书记长"),
    ("臺南市新任民政局局長陳志明今日到任。", "陈志明", "台南市民政局局长"),
    ("總統接受索羅門群島新任駐華大使賀伯特呈遞到任國書。", "贺伯特", "索罗门群岛驻华大使"),
])
def test_new_and_current_say_when_a_post_was_taken_not_which(text, name, office):
    assert offices(text).get(name) == office


def test_an_unclosed_ward_list_is_read_in_linear_time():
    """A huge run of ward-and-name items that no post closes: 4x the text
    takes about 4x the time (16x would be quadratic), best of interleaved turns."""
    import time

    def seconds(text: str) -> float:
        started = time.perf_counter()
        ward_chiefs(text)
        return time.perf_counter() - started

    small_text, large_text = "和平里张三丰、" * 2000 + "里长", "和平里张三丰、" * 8000 + "里长"
    small = large = float("inf")
    for _ in range(3):
        small, large = min(small, seconds(small_text)), min(large, seconds(large_text))
    assert large < 8 * small + 0.05
