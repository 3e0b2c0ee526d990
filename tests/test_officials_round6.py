"""Mainland officials on unseen text (issue 11, round 6): classes of text
read from the misses of round 5's spent sealed set and of dev, each checked
on unlabelled corpus text before it went in (bench/labels/rule_diff.py).

Sentences are written here in each class's shape (no corpus text).
"""
from __future__ import annotations

import pytest

from archive.extract import extract
from archive.ingest import RawDocument
from archive.script import fold


def offices(text: str) -> dict[str, str]:
    document = extract(RawDocument(id="t", text=text, origin="test", given={}))
    return {fold(o.name): fold(o.title) for o in document.officials}


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
