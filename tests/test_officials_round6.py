"""Mainland officials on unseen text (issue 11, round 6): classes of text
read from the misses of round 5's spent sealed set and of dev, each checked
on unlabelled corpus text before it went in (bench/labels/rule_diff.py).

Sentences are written here in each class's shape (no corpus text).
"""
from __future__ import annotations

import pytest

from .conftest import offices


@pytest.mark.parametrize("text, found", [
    # A dotted name before its office is every dotted part, not the last three characters.
    ("政协会议继续举行。古丽娜尔·买买提委员发言说，要办好民生实事。", {"古丽娜尔·买买提": "委员"}),
    ("会议听取了报告。艾买尔·依沙克副委员长主持会议。", {"艾买尔·依沙克": "副委员长"}),
    # The last item of a list: the names before it share the post.
    ("会上，王建军、热依拉·阿不都委员先后发言。", {"热依拉·阿不都": "委员", "王建军": "委员"}),
    # A verb inside the "last part" shows the name ended earlier: no name.
    ("索姆·他差宣布辞去总理职务。", {}),
    # A heading's dot before a word: no name.
    ("奋进新征程·代表委员说，发展要靠实干。", {}),
])
def test_a_dotted_name_before_its_office_is_whole(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # Name, copula, office, with a dotted name opening the clause.
    ("两会期间代表们认真履职。买买提江·吐尔逊是新疆某县某村的党支部书记，他所在的村有两千多名村民。",
     {"买买提江·吐尔逊": "新疆某县某村的党支部书记"}),
    # A dotted name before a copula and no office: nothing.
    ("买买提江·吐尔逊是一名牧民，今年五十岁。", {}),
])
def test_a_dotted_name_opens_a_copula_clause(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A profile: the name alone in its clause, then 生前是 and the post held at death.
    ("央视网消息（新闻联播）：王立新，生前是湖南省某市某县委常委、组织部部长，他在基层工作了三十年。",
     {"王立新": "湖南省某市某县委常委、组织部部长"}),
    ("赵德明，是河北省某县某镇党委书记。", {"赵德明": "河北省某县某镇党委书记"}),
    # 曾是: a post left, not held.
    ("张海涛，曾是某县某镇党委书记，退休后回到村里。", {}),
    # A word, not a name, alone in the clause.
    ("目前，是县委书记最忙的时候。", {}),
])
def test_a_profile_names_its_subject_alone_before_the_copula(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # 里 after a numeral or 公 is a measure: 万里|长江, 三公里|长的路, not a ward's 里长.
    ("沿江百姓正齐心协力绘出万里长江新画卷。", {}),
    ("这条三公里长江堤步道已经建成。", {}),
    ("但很多里长都建议多喷一次药。", {}),
    # A ward is named: its chief is found as before.
    ("万里里长林大同表示，活动很成功。", {"林大同": "万里里长"}),
    # A place opening at the post's 长: 某区|长安街道, 湖南省|长沙市.
    ("随后，他来到经过改造的大东区长安街道长安小区。", {}),
    ("湖南省长沙市开福区举行活动。", {}),
    # A person after the post is still read (县长|宁小平: no unit's suffix closes a place).
    ("县长宁小平主持会议。", {"宁小平": "县长"}),
])
def test_a_post_read_across_two_words_is_none(text, found):
    assert offices(text) == found


# Past the lead, a national leader cited in passing is no official of the story.
_LEAD = "央视网消息：今天，海边的渔民过上了好日子。" + "渔村的变化很大，渔民的收入年年增长，渔港里停满了新造的渔船。" * 5


@pytest.mark.parametrize("text, found", [
    # The leader's words quoted right after the post: cited, not taking part.
    (_LEAD + "多年来，王大海积极响应习近平总书记“造大船、闯深海”的嘱托，带领渔民致富。", {}),
    # Answering the leader's call (响应…号召) cites them too.
    (_LEAD + "村民们响应习近平总书记号召，发展休闲渔业。", {}),
    # A leader acting in the story still counts.
    (_LEAD + "习近平总书记来到渔港，察看渔船。", {"习近平": "总书记"}),
])
def test_a_leader_whose_words_are_quoted_is_cited(text, found):
    assert offices(text) == found


_SERIES_LEAD = ("央视网消息（新闻联播）：今天（10月2日）的《二十大代表风采》，我们来认识某省某研究所研究员"
                "周晓红和某县某合作社技术员孙大力。\n")


@pytest.mark.parametrize("text, found", [
    # A deputies' feature: each heading's name is the congress's deputy,
    # whatever job the body gives them.
    (_SERIES_LEAD + "周晓红：让科研成果走出实验室\n多年来，周晓红带领团队攻克难题。\n"
     "孙大力：把技术送到田间地头\n孙大力每年有两百天在地里指导农民。",
     {"周晓红": "二十大代表", "孙大力": "二十大代表"}),
    # A public office the story gives the person comes first.
    (_SERIES_LEAD.replace("某县某合作社技术员孙大力", "某县某村党支部书记孙大力")
     + "周晓红：让科研成果走出实验室\n多年来，周晓红带领团队攻克难题。\n"
     "孙大力：带着乡亲过上好日子\n孙大力每天走村入户。",
     {"周晓红": "二十大代表", "孙大力": "某县某村党支部书记"}),
    # A 两会 story of deputies names no congress in its lead: no office written.
    ("央视网消息（新闻联播）：在今年的全国两会上，来自基层一线的代表认真履职。\n"
     "钱文斌：让工人技能更上一层楼\n钱文斌这次带来了关于职业技能培训的建议。",
     {"钱文斌": ""}),
    # Headings in a story that is no deputies' feature name no officials.
    ("央视网消息（新闻联播）：今天的节目介绍几位返乡创业的青年。\n"
     "钱文斌：让家乡的茶叶走出大山\n钱文斌大学毕业后回到村里种茶。",
     {}),
])
def test_a_deputies_feature_names_its_deputies_in_headings(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A dotted name after its office ends where the text writes it whole
    # elsewhere (the heading), not at the first boundary after a noun.
    ("央视网消息（新闻联播）：今天的《二十大代表风采》，我们来认识党支部书记巴图·额尔敦。\n"
     "巴图·额尔敦：扎根草原的好支书\n党支部书记巴图·额尔敦总结放牧经验，带着牧民致富。",
     {"巴图·额尔敦": "党支部书记"}),
    # A common verb or adverb closes a dotted name as a boundary does.
    ("美国某州某市市长约翰·斯科特拒绝了这一要求。", {"约翰·斯科特": "美国某州某市市长"}),
    # ... unless it straddles a boundary word: 西克|拉近|日 is 西克拉|近日.
    ("捷克贸易部长约瑟夫·西克拉近日称，合作将继续。", {"约瑟夫·西克拉": "捷克贸易部长"}),
])
def test_a_dotted_name_after_its_office_ends_where_it_is_whole(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A people's name ends in 族: 一名赫哲族代表 names no person called 赫哲族.
    ("她说，作为一名赫哲族代表，她愿意认真履职尽责。", {}),
    ("典礼最后市长向遗族代表一一慰问。", {}),
    # A four-character word opening the "name" runs past its end: an idiom, no name.
    ("习近平总书记高瞻远瞩、统揽全局，亲自谋划。", {"习近平": "总书记"}),
    # A three-character name is still read where no such word opens it.
    ("会上，县委书记高远明指出，要抓好落实。", {"高远明": "县委书记"}),
])
def test_no_name_ends_in_a_people_or_opens_an_idiom(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A verb names the bureau right after it even where the bureau's own posts follow.
    ("通报指出，某自治区投资促进局党组成员、副局长高明山，违规收受礼品。",
     {"高明山": "某自治区投资促进局党组成员、副局长"}),
    ("会上，内政部营建署南工处处长吴瑞明作了说明。", {"吴瑞明": "内政部营建署南工处处长"}),
])
def test_a_verb_naming_a_bureau_opens_its_posts(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # 都, 向, 将 before a common word are "all", "towards", "will": no surname.
    ("今年以来，每次赴地方考察，总书记都重点强调推进乡村振兴。", {}),
    ("典礼中由市长向国民革命烈士上香。", {}),
    ("会后，主席向大会致信表示祝贺。", {}),
    # 曾's given names are nouns: 曾海洋 is a name.
    ("通报指出，某市委原常委、某县委原书记曾海洋，某局原局长王立。", {"曾海洋": "某市委原常委、某县委原书记",
                                                     "王立": "某局原局长"}),
    # 向 before a given name that is no common word opens a name.
    ("副县长向明华说，要抓好落实。", {"向明华": "副县长"}),
])
def test_an_adverb_before_a_common_word_is_no_surname(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A name that is a word (金花), titled again at a clause's start (，金花委员来到).
    ("央视网消息：某州的全国政协委员金花在履职期间多次深入社区调研。两会前夕，金花委员来到某县调研。",
     {"金花": "全国政协委员"}),
    # Written once only, the word stays a word.
    ("央视网消息：某州的全国政协委员金花在履职期间多次深入社区调研。", {}),
])
def test_a_name_that_is_a_word_is_confirmed_by_a_titled_mention(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # Tibetan names of two common parts (嘎玛 + 泽登, 扎西 + 江村), no Han surname.
    ("会上，自治区人民政府主席嘎玛泽登参加汇报会。", {"嘎玛泽登": "自治区人民政府主席"}),
    ("作为某乡的乡长，全国人大代表扎西江村介绍了这几年的新变化。", {"扎西江村": "全国人大代表"}),
])
def test_tibetan_names_of_two_parts(text, found):
    assert offices(text) == found
