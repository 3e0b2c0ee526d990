"""Mainland officials on unseen text (issue 11, round 5): classes of text
read from the misses of round 4's spent sealed set and of dev, each checked
on unlabelled corpus text before it went in (bench/labels/rule_diff.py,
bench/labels/new_hits.py).

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
    # A newsreader's date between a name jieba lists and the verb closes the name.
    ("央视网消息：国务院总理李强5月5日主持召开国务院常务会议，研究部署有关工作。", {"李强": "国务院总理"}),
    ("央视网消息：国务院总理李强日前签署国务院令，公布一部条例。", {"李强": "国务院总理"}),
    # A two-character word jieba lists is still a word when no date or verb follows it.
    ("央视网消息：县长明白了群众的难处。", {}),
])
def test_a_date_after_a_listed_name_closes_it(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # An aspect particle closes a verb jieba does not list: the office
    # after it is the second person's alone.
    ("有着三十年党龄的镇纪委副书记杨春城带着镇派出所所长景剑锋赶往最偏远的村庄。",
     {"杨春城": "镇纪委副书记", "景剑锋": "镇派出所所长"}),
])
def test_an_office_stops_at_an_aspect_particle(text, found):
    assert offices(text) == found


@pytest.mark.parametrize("text, found", [
    # A set phrase jieba tags l names the ministry, and the ministry's own
    # centre follows it: the office keeps the ministry.
    ("通报指出，生态环境部环境工程评估中心原党委委员、副主任赵子明违规收受礼品。",
     {"赵子明": "生态环境部环境工程评估中心原党委委员、副主任"}),
    ("自然资源部国土空间规划局局长孙晓东介绍了有关情况。", {"孙晓东": "自然资源部国土空间规划局局长"}),
])
def test_a_set_phrase_naming_a_ministry_opens_its_units_offices(text, found):
    assert offices(text) == found
