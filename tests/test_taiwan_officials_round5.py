"""Taiwan officials, round 5 of rules (issue 11): classes read from the spent
rounds' misses, each in sentences written here in the shape of council, city
and Presidential Office releases (names invented, no corpus text)."""
from __future__ import annotations

import pytest

from .conftest import offices


def test_the_armed_services_commanders_are_officials():
    found = offices("國防部副部長張正平、陸軍司令陳大明、海軍司令劉志文及空軍司令熊正基等亦出席是項活動。")
    assert found == {"张正平": "国防部副部长", "陈大明": "陆军司令", "刘志文": "海军司令", "熊正基": "空军司令"}


@pytest.mark.parametrize("text, name, office", [
    # A rank after the name ends it, as a speaker's verb does.
    ("部長會見了芬蘭國防軍總司令古斯塔夫·哈格隆德上將一行。", "古斯塔夫·哈格隆德", "芬兰国防军总司令"),
    ("陸軍司令陳大明上將致詞。", "陈大明", "陆军司令"),
])
def test_a_rank_after_a_commanders_name_is_no_part_of_it(text, name, office):
    assert offices(text) == {name: office}


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


@pytest.mark.parametrize("text, name, office", [
    # A caption glued to the first sentence: the text names the person again.
    ("議員王家美業務報告質詢文化藝術銅雕像不能光頭造型嗎？記者會上，王家美更痛批市府。", "王家美", "议员"),
    # A given name holding an organ's character (鎮), named again beside an office.
    ("議員李鎮東市政總質詢市議員李鎮東3日在市政總質詢時強調地方建設。李鎮東議員表示，文資保存很重要。",
     "李镇东", "议员"),
])
def test_a_name_glued_to_a_caption_is_read_where_the_text_names_it_again(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text", [
    "議員王家美業務報告質詢文化藝術。",  # named once: no telling where the name ends
    "總統主持「新任行政院政務人員及駐外大使宣誓典禮」。總統今日主持新任駐外大使宣誓典禮。",  # a word, repeated
    "大會首日由議長擔任主席，市長施政總報告延至下午。市長施政總報告內容豐富。",
])
def test_repeated_words_after_an_office_are_no_name(text):
    assert offices(text) == {}


def test_romanised_glosses_with_accented_letters_mark_a_foreign_name():
    found = offices("訪團抵達後，瓜國總統賈麥德、外交部長步卡雷（Mario Búcarez）及駐臺大使巴迪歐"
                    "（Oscar Adolfo Padilla Lam）等人歡迎訪團。")
    assert found.get("步卡雷") == "外交部长" and found.get("巴迪欧") == "驻台大使"


def test_a_given_name_that_makes_a_bureau_with_the_post_is_no_name():
    # 向 is a surname and "towards"; 教育 and 局 make the bureau.
    assert offices("另外，議員也向教育局長提出質詢。") == {}
    assert offices("議員也向財政局長陳大華詢問。") == {"陈大华": "财政局长"}


@pytest.mark.parametrize("text, name, office", [
    # A contact line sets a section (组) apart by spaces, as it does a bureau.
    ("發稿單位：臺南市體育處/新聞聯繫人：競技運動組 組長 高大潔 電話06-2157691#238", "高大洁", "竞技运动组组长"),
    # A city office's analyst, its organ before the name.
    ("新聞聯絡人：臺南市政府智慧發展中心 許大誠分析師 06-2991111分機1834", "许大诚", "台南市政府智慧发展中心分析师"),
])
def test_contact_lines_name_section_staff(text, name, office):
    assert offices(text).get(name) == office


def test_an_analyst_of_no_government_organ_is_private():
    assert offices("證券分析師李大明表示，股市將回穩。") == {}


def test_following_a_foreign_leader_is_no_part_of_his_office():
    found = offices("馬總統在就職典禮儀式中，繼巴拿馬總統杜里荷之後進場。杜里荷總統隨後致詞。")
    assert found.get("杜里荷") == "巴拿马总统"


@pytest.mark.parametrize("text, expected", [
    # Taiwan's 在地 ("local") is one word; jieba cuts 在|地市 and 地 joined the office.
    ("會同在地市議員吳通龍與陳秋宏、經發局等單位赴現場會勘。", {"吴通龙": "市议员", "陈秋宏": "市议员"}),
    ("感謝在地立委林俊宏協助爭取經費。", {"林俊宏": "立委"}),
    # 地 opening an organ's name stays (地政局).
    ("由在地政局長王大明說明。", {"王大明": "地政局长"}),
])
def test_local_before_an_office_is_no_part_of_it(text, expected):
    assert offices(text) == expected


@pytest.mark.parametrize("text, name, office", [
    # A public office joined by 暨 to a civil body's post: the person holds the first.
    ("包括總統府國策顧問暨保安宮董事長廖大治、法務部長蔡清明等亦出席是項活動。", "廖大治", "总统府国策顾问"),
    ("總統府資政暨東亞經濟協會榮譽理事長黃茂明致詞。", "黄茂明", "总统府资政"),
])
def test_a_public_office_joined_to_a_civil_post_is_held(text, name, office):
    assert offices(text).get(name) == office


def test_a_civil_post_alone_is_no_public_office():
    assert offices("保安宮董事長廖大治表示歡迎。") == {}


@pytest.mark.parametrize("text, expected", [
    # One organ, its head and deputy: the organ written once is both's.
    ("市長傍晚前往燈區視察，交通部觀光署周永明署長及周廷安副署長亦專程參與。",
     {"周永明": "交通部观光署署长", "周廷安": "交通部观光署副署长"}),
    ("黃偉明市長在社會局陳榮華局長、李大同副局長陪同下接受捐款。",
     {"黄伟明": "市长", "陈荣华": "社会局局长", "李大同": "社会局副局长"}),
    # Another post after the join is another body's, or a section's.
    ("黃偉明市長及李大同議員出席。", {"黄伟明": "市长", "李大同": "议员"}),
    ("感謝農業局李芳明局長及林正雄科長協助。", {"李芳明": "农业局局长", "林正雄": "科长"}),
    # A verb read as an organ (拜会 ends in 会) gave the first no office: the second keeps its own.
    ("訪團拜會邱美莉議長及林志明副議長。", {"邱美莉": "议长", "林志明": "副议长"}),
])
def test_a_deputy_after_the_head_shares_the_organ_written_once(text, expected):
    assert offices(text) == expected
