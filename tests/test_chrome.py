"""Site chrome leaves the body by the shape of its lines; the article's own
lines never do. Texts are written here in the style of county and district
sites; none is copied from one."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from archive.chrome import Kind, classify
from archive.clean import clean_text

ARTICLE = ["平安镇召开秋冬季森林防火工作部署会",
           "10月12日上午，平安镇召开森林防火工作会议，镇党委书记李明主持会议并讲话。",
           "会议要求，各村要压实责任，加强巡查，确保不发生森林火灾。",
           "（平安镇党政办）"]


def body_of(lines: list[str]) -> list[str]:
    return clean_text("\n".join(lines)).body.split("\n")


def test_header_above_the_headline_leaves():
    header = ["清河县人民政府门户网站",
              "首页｜政务公开｜政务服务｜互动交流｜走进清河",
              "政务公开", "乡镇动态", "通知公告",
              "您现在的位置： 首页 >> 乡镇动态 >> 正文",
              "【打印】【关闭】", ""]
    assert body_of(header + ARTICLE) == ARTICLE


def test_link_list_tag_cloud_and_site_footer_leave():
    footer = ["", "推荐阅读", "· 清河县召开安全生产专题会", "· 李庄乡开展秸秆禁烧巡查",
              "· 城关镇推进人居环境整治", "热门标签：防火 禁烧 安全 整治 创建",
              "网站主办：清河县人民政府办公室", "冀ICP备12345678号-2  网站标识码：1305000001",
              "地址：清河县政府街1号  电话：0319-1234567"]
    cleaned = clean_text("\n".join(ARTICLE + footer))
    assert cleaned.body.split("\n") == ARTICLE
    assert "推荐阅读" in cleaned.boilerplate and any("ICP" in line for line in cleaned.boilerplate)


def test_the_articles_contact_line_and_particulars_stay_above_a_footer():
    article = ARTICLE[:3] + ["活动时间：10月20日上午9时", "活动地点：镇文化站", "报名方式：各村统一报名",
                             "新聞聯絡人：社會局科長王小明 電話：06-2991111"]
    footer = ["版权所有：平安镇人民政府", "豫ICP备87654321号"]
    assert body_of(article + footer) == article


def test_chrome_shaped_lines_inside_the_article_stay():
    article = ARTICLE[:2] + ["首页 | 新闻 | 政务 | 服务", "版权所有：某某公司"] + ARTICLE[2:]
    assert body_of(article) == article


def test_dates_and_numbers_are_not_a_trail():
    for line in ("公告日:108/04/18", "列印時間:108/4/17 10:57:44", "2022/10/20 16:05", "決標公告    公告日:110/02/05"):
        assert classify(line) is not Kind.STRONG, line


def test_a_paragraph_mentioning_a_phone_is_still_a_paragraph():
    line = ("为打造宜居城市，劳工局积极办理就业征才活动，将于7月26日在新市区文康中心举办，"
            "洽询电话：06-5892322。")
    assert classify(line) is Kind.SENTENCE


def test_a_garbled_tail_after_a_sentence_leaves_only_the_tail():
    garbled = "审核：王伟 校对：李强".encode("utf-8").decode("gbk", errors="replace")
    line = "市长今日出席典礼，祈求风调雨顺、国泰民安。 " + garbled
    cleaned = clean_text(ARTICLE[1] + "\n" + line)
    assert cleaned.body.split("\n")[-1] == "市长今日出席典礼，祈求风调雨顺、国泰民安。"
    assert "mojibake" in cleaned.damage


def test_a_contact_line_with_a_garbled_tail_keeps_its_phone():
    garbled = "审核：王伟".encode("utf-8").decode("gbk", errors="replace")
    line = "发稿人：劳工局就服台 陈丽芬 电话06-5892325 " + garbled
    assert clean_text(ARTICLE[1] + "\n" + line).body.endswith("陈丽芬 电话06-5892325")


_SENTENCES = st.lists(st.sampled_from(ARTICLE[1:3] + [
    "镇长王强指出，要抓好项目建设。", "全体班子成员参加会议。", "会议传达学习了上级精神，并部署下阶段工作。"]),
    min_size=1, max_size=6)
_CHROME = st.lists(st.sampled_from([
    "首页 | 新闻中心 | 政务公开 | 互动交流", "当前位置：首页 > 新闻 > 正文", "版权所有：某县人民政府",
    "浙ICP备11111111号", "联系电话：0571-1234567", "", "相关新闻", "· 某镇召开会议", "· 某乡开展巡查",
    "· 某村推进整治"]), max_size=8)


@settings(max_examples=60, deadline=None)
@given(_CHROME, _SENTENCES, _CHROME)
def test_no_article_line_is_ever_lost(header, article, footer):
    body = clean_text("\n".join(header + article + footer)).body
    for line in article:
        assert line in body


def test_contact_lines_tables_addresses_and_spaced_names_are_not_item_rows():
    for line in ("發稿人：衛生局疾病管制科 技士 王俊欽 科長 蔡玲珊",
                 "研考會 研青科 林佳玟 科長 06-2991111#1043",
                 "區別\t\t寺廟名稱\t\t聯絡人\t\t電話\t\t活動日期\t\t北區\t\t南華宮\t\t陳小姐\t\t3587569\t\t110/12/24",
                 "https://reurl.cc/AbC12x", "市長   黃 偉 哲", "發 言 人：副局長 王大明"):
        assert classify(line) is not Kind.STRONG, line


def test_a_press_release_ending_in_its_contact_lines_keeps_them():
    article = ARTICLE[1:3] + ["發稿人：衛生局疾病管制科 技士 王俊欽 科長 蔡玲珊", "連絡電話：06-6357716轉350"]
    assert body_of(article) == article


def test_real_text_whose_gbk_bytes_happen_to_be_utf8_is_not_mojibake():
    # 薪 and 元 in GBK are valid two-byte UTF-8 (Cyrillic, Armenian): not garbled.
    for line in ("◎財務管理師：大學/日班/\n月薪30,000元起", "共計50頂。", "Ai-4 Ever 電動機車！"):
        cleaned = clean_text(ARTICLE[1] + "\n" + line)
        assert "mojibake" not in cleaned.damage and cleaned.body.endswith(line.split("\n")[-1]), line


def test_a_page_title_before_the_site_chrome_leaves_with_it():
    from archive.htmltext import html_to_text
    page = ("<html><head><title>平安镇召开秋冬季森林防火工作部署会议暨安全生产专题会议_清河县人民政府</title></head><body>"
            "<div><ul><li>清河县人民政府</li><li>首页 | 政务公开 | 政务服务 | 互动交流</li>"
            "<li>当前位置：首页 > 乡镇动态</li></ul></div>"
            "<div>" + "".join(f"<p>{line}</p>" for line in ARTICLE) + "</div>"
            "<div><p>版权所有：清河县人民政府</p></div></body></html>")
    assert body_of(html_to_text(page).text.split("\n")) == ARTICLE


def test_field_rows_with_slashes_are_not_nav_rows():
    for line in ("內/外場正職人員：學經歷不拘/月薪30,000元起/排班排休", "储备干部：大专/日班/面议/五险一金"):
        assert classify(line) is not Kind.STRONG, line
    article = ["市府勞工局將於9月10日辦理徵才活動，說明如下：", "內/外場正職人員：學經歷不拘/月薪30,000元起/排班排休",
               "因應疫情，請民眾全程配戴口罩。"]
    assert body_of(article) == article


def test_short_article_rows_above_a_garbled_line_are_not_a_link_list():
    # A price list ends the article, then the copy's garbled byline, then
    # the site's related links and footer: the link list stops at the
    # garble, whose readable rows above are the article's.
    garbled = "（平安镇融媒体中心 郭涛）".encode("utf-8").decode("gbk", errors="replace")
    rows = ["规格", "金额", "6-7粒/3公斤", "600", "12-13粒/6公斤", "1000"]
    article = ARTICLE[1:3] + rows
    footer = ["", "延伸阅读", "> 清河县召开安全生产专题会", "> 李庄乡开展秸秆禁烧巡查",
              "> 城关镇推进人居环境整治", "版权所有：平安镇人民政府", "豫ICP备87654321号"]
    for tail in ([rows[-1] + " " + garbled], [rows[-1], garbled]):
        cleaned = clean_text("\n".join(article[:-1] + tail + footer))
        assert cleaned.body.split("\n") == article
        assert cleaned.mojibake == [garbled] and "延伸阅读" in cleaned.boilerplate


def test_a_bracketed_heading_under_the_nav_is_no_button():
    # 【打印】【关闭】 are buttons; 【征才活动资讯】 heads the particulars below it.
    header = ["首页 · 政务公开 · 乡镇动态 · 走进平安镇 · 互动交流", "当前位置：首页 → 政务公开", ""]
    article = ["【征才活动资讯】", "活动时间：111/2/16(三)上午9点30分-11点", "活动地点：平安镇文化站",
               "因应疫情，劳工局提醒参加征才的民众，请全程配戴口罩。"]
    assert body_of(header + article) == article
    for buttons in ("【打印】", "【打印本页】【关闭窗口】", "【关闭窗口】"):
        assert classify(buttons) is not Kind.SHORT, buttons


# Notices with no sentence in them: a headline over 'label: value' fields,
# a results list, a one-line title. Written here in the shape of council and
# district notices; none is copied from one.
FIELD_NOTICES = [
    ["王大明議員記者會", "主題：「路燈維修期間如何保障行人安全」", "時間： 06 月 12 日 星期三 上午10：00",
     "地點：市議會一樓小型簡報室"],
    ["永康區公所徵才結果", "徵才機關：永康區公所民政課", "公告日期：113年6月3日", "應徵職務：臨時人員",
     "錄取人員：正取：陳○華"],
    ["會勘東區道路積水情形", "日期：2020年3月2日(星期一)", "時間：下午2:00", "地點：東區崇德路與林森路口",
     "列席人員:", "市政府工務局副局長張大同", "聯絡人：李小姐 0912345678"],
    ["臺南市政府113年1-6月社會福利措施辦理情形彙整表"],
    ["本週六停水通知", "如有疑問請撥打1999市民專線"],
]


def test_a_notice_with_no_sentence_loses_the_chrome_around_it():
    from bench.damage import score_cleaning
    for notice in FIELD_NOTICES:
        for copy_seed in ("a", "b", "c", "d", "e", "f"):
            score = score_cleaning("\n".join(notice), f"{notice[0]}-{copy_seed}")
            assert score.body_lines_lost == 0, (notice[0], copy_seed, score)
            if len(notice) > 1:  # a one-line notice under a site's name is ambiguous (below)
                assert score.chrome_lines_kept == 0, (notice[0], copy_seed, score)
                assert score.similarity >= 0.97, (notice[0], copy_seed, score)


def test_a_notice_with_no_sentence_and_no_chrome_is_kept_whole():
    for notice in FIELD_NOTICES:
        assert body_of(notice) == notice


def test_a_site_name_over_the_nav_is_no_anchor():
    # The site's name opens the page, the nav bar and the trail part it from
    # the notice: the notice is the body.
    notice = ["清河县2024年春季征兵体检通知", "体检时间：3月2日上午8时", "体检地点：县人民医院"]
    page = ["清河县人民政府", "首页 | 政务公开 | 政务服务 | 互动交流", "当前位置：首页 > 通知公告",
            *notice, "上一篇：清河县召开安全生产专题会", "版权所有：清河县人民政府"]
    assert body_of(page) == notice


def test_one_line_over_chrome_then_one_line_is_ambiguous_and_all_stays():
    # A site's name over a nav bar and a one-line notice, or a one-line
    # notice over a footer's nav bar and one of its links: the shapes are
    # the same, so no line is cut between them rather than the wrong one.
    for page in (["清河县人民政府", "首页 | 政务公开 | 政务服务 | 互动交流", "当前位置：首页 > 通知公告",
                  "清河县2024年春季征兵体检通知"],
                 ["清河县2024年春季征兵体检通知", "首页 | 政务公开 | 政务服务 | 互动交流", "网站地图"]):
        assert body_of(page) == page


def test_a_no_sentence_body_shaped_like_a_link_list_is_never_lost():
    # Three short lines under a nav bar, none a field: they may be a link
    # list or the article; with nothing else to anchor the page, all stays.
    names = ["錄取名單", "陳大華", "林小美"]
    page = ["平安镇人民政府", "首页 | 政务公开 | 政务服务 | 互动交流", "当前位置：首页 > 通知公告",
            *names, "版权所有：平安镇人民政府"]
    body = body_of(page)
    assert all(name in body for name in names)


_FIELD_LINES = st.lists(st.sampled_from(
    ["時間：上午9時", "地點：區公所三樓禮堂", "主題：「社區防災座談」", "聯絡人：陳小姐", "報名方式：現場報名",
     "列席人員:", "里長王大同", "議員記者會", "本週六停水通知"]), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None)
@given(_CHROME, _FIELD_LINES, _CHROME)
def test_no_line_of_a_notice_without_sentences_is_ever_lost(header, notice, footer):
    body = clean_text("\n".join(header + notice + footer)).body
    for line in notice:
        assert line in body
