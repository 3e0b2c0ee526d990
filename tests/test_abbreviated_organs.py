"""Abbreviated organ names (archive.abbreviated_organs): one character of
each word of the full name (都市发展局 -> 都发局) is cut into single
characters, some of them adverbs (都, 就); the office keeps them. Texts are
written for the test, in the shape of Tainan city releases."""
from __future__ import annotations

import pytest

from .conftest import offices


@pytest.mark.parametrize("text, name, office", [
    ("签约仪式由都发局局长王志成主持,市府各局处出席。", "王志成", "都发局局长"),
    ("现场由都发局陈立德局长见证,双方完成签约。", "陈立德", "都发局局长"),
    ("职训就服中心主任林秀凤表示,每年举办就业博览会。", "林秀凤", "职训就服中心主任"),
])
def test_an_abbreviated_organ_stays_whole_in_the_office(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # 教育局 is a whole organ: the clause before it (林美华怒问) is no abbreviation.
    ("议员林美华怒问教育局督学室主任黄国栋,为何迟未处理。", "黄国栋", "教育局督学室主任"),
])
def test_characters_before_a_whole_organ_stay_out(text, name, office):
    assert offices(text).get(name) == office
