from archive.clean import clean_text, strip_pinyin_annotations

from .conftest import seed_path


def test_pinyin_annotations_are_removed():
    text, count = strip_pinyin_annotations("豐澤區(qū)政府召開會議，區(qū)領(lǐng)導、黨（dǎng）委書(shū)記")
    assert text == "豐澤區政府召開會議，區領導、黨委書記"
    assert count == 5


def test_real_parentheses_survive():
    for text in ("（记者 王志超）", "各區(市縣)黨政一把手", "縣PVA(聚乙烯醇)", "(2022)", "(qu)", "（新桥镇）"):
        assert strip_pinyin_annotations(text) == (text, 0)


def test_seed_001_has_no_pinyin_left():
    cleaned = clean_text(seed_path("001").read_text(encoding="utf-8"))
    assert "pinyin_annotation" in cleaned.damage
    assert "(q" not in cleaned.body and "區長楊國昕" in cleaned.body


def test_boilerplate_and_spam_leave_the_body():
    cleaned = clean_text(seed_path("002").read_text(encoding="utf-8"))
    assert "济南小胖子快餐" not in cleaned.body
    assert any("济南小胖子快餐" in line for line in cleaned.spam)
    assert "免责声明" not in cleaned.body and "您的位置" not in cleaned.body
    assert cleaned.body.startswith("奋力实现全年目标")
    assert "市领导欧阳贵有、李长春出席会议" in cleaned.body


def test_site_footer_is_separated():
    cleaned = clean_text(seed_path("000").read_text(encoding="utf-8"))
    assert "版权所有" not in cleaned.body
    assert cleaned.body.endswith("(新桥镇)")


def test_shifted_gbk_tail_is_cut_and_read_back():
    from collections import Counter
    from archive.mojibake import decode_shifted, find_shifted_run
    # GBK bytes of （作者系陳, with a byte of the characters on either side,
    # decoded one byte off, as a scraper did.
    garbled = b"\xa1" + "（作者系陳".encode("gbk") + b"\xa1"
    run = garbled.decode("gbk", errors="ignore")
    assert decode_shifted(run).startswith("（作者系陳")
    document = "陳濤鎮作者系統文章，作者是陳濤。\n結尾。?" + run + "?黨委書記)"
    shifted = find_shifted_run(document.split("\n")[1], Counter(document))
    assert shifted is not None and shifted.repaired.startswith("（作者系陳")


def test_rare_characters_that_are_not_garbled_stay():
    text = "會議指出，要做好工作。\n他說：“這是真的嗎?是的。”"
    cleaned = clean_text(text)
    assert "mojibake" not in cleaned.damage and cleaned.body == text


def test_seed_003_garbled_closing_leaves_the_body():
    cleaned = clean_text(seed_path("003").read_text(encoding="utf-8"))
    assert "mojibake" in cleaned.damage
    assert cleaned.body.endswith("闊步向前。 黨委書記)") and "ㄗ" not in cleaned.body
    assert cleaned.repaired and cleaned.repaired[0].startswith("（作者系陳")


def test_lost_character_annotation_is_not_left_behind():
    cleaned = clean_text(seed_path("003").read_text(encoding="utf-8"))
    assert "zhèn" not in cleaned.repaired[0] and "黨委書記" in cleaned.repaired[0]


def test_utf8_read_as_gbk_tail_is_cut_from_the_body():
    sentence = "会议指出，要认真贯彻落实区委部署要求，坚决完成全年目标任务。"
    garbled = sentence.encode("utf-8").decode("gbk", errors="replace")
    cleaned = clean_text("镇党委书记主持会议。\n会议强调，" + garbled)
    assert "mojibake" in cleaned.damage
    assert cleaned.body == "镇党委书记主持会议。\n会议强调，"
    assert cleaned.mojibake == [garbled]


def test_a_lost_character_in_ordinary_text_keeps_the_rest_of_its_line():
    # U+FFFD where one character was lost upstream (a cut surrogate pair, a rare
    # character a converter dropped) is not a garbled tail: nothing after it goes.
    for text in ("区长杨国昕\ufffd主持会议并讲话，部署全年工作任务。",
                 "演员徐若\ufffd出席了活动，区委书记致辞。\n第二段正文。"):
        cleaned = clean_text(text)
        assert "mojibake" not in cleaned.damage and cleaned.body == text


# Short sources whose UTF-8 read as GBK loses bytes at several places (a
# space, a full-width colon or bracket next to a character breaks a pair):
# the garble is then short pieces between replacement marks.
_DENSE_GARBLE_SOURCES = ("审核：马丽 校对：马丽", "（平安县融媒体中心 郭涛）", "责任编辑：张伟", "来源：新桥镇人民政府")


def test_a_garbled_tail_broken_by_replacement_marks_is_cut():
    for source in _DENSE_GARBLE_SOURCES:
        garbled = source.encode("utf-8").decode("gbk", errors="replace")
        for line in ("会议要求，各部门要压实责任，确保各项工作落到实处。 " + garbled,
                     "时间：01 月 26 日 星期一 下午1：30地点：议会一楼简报室 " + garbled):
            cleaned = clean_text("镇党委书记主持会议。\n" + line)
            assert "mojibake" in cleaned.damage, source
            assert cleaned.body == "镇党委书记主持会议。\n" + line[:-len(garbled)].rstrip(), source


def test_ascii_before_a_garbled_tail_stays_in_the_body():
    # A phone number, a clock time or a link reads alike in both decodings:
    # it ends the readable line, the garble starts after it.
    for source in _DENSE_GARBLE_SOURCES:
        garbled = source.encode("utf-8").decode("gbk", errors="replace")
        for head in ("新闻联络人：动物防疫保护处 陈副处长 0905-128-810", "发稿人：就业服务台 李芬 电话06-5892325",
                     "[招标公告传输时间]109/11/26 18:16", "活动详情请见 http://example.gov.tw/rl14"):
            cleaned = clean_text(head + " " + garbled)
            assert cleaned.body == head, (head, source)
            assert cleaned.mojibake == [garbled], (head, source)
