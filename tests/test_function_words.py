"""A one-character conjunction, adverb or preposition before a name is a
boundary (archive.function_words): 但|黄大明市长, 经|郭小华议长. Texts are
written for the test, in the shape of Taiwan council and city releases."""
from __future__ import annotations

import pytest

from .conftest import offices


@pytest.mark.parametrize("text, name, office", [
    ("水情已有好转,但林志明市长提醒市民仍须节约用水。", "林志明", "市长"),
    ("本案经郭文良议长征询市府同意后裁示,限期改善。", "郭文良", "议长"),
    ("排水工程去年完工,而陈建宏局长上任后再增列经费。", "陈建宏", "局长"),
    ("道路坑洞多处,经许美华议员反映后,市府立即修复。", "许美华", "议员"),
])
def test_a_name_after_a_function_word_is_read(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # 经常 is a word ("often"): 常明 after it is no name.
    ("他经常明白表示支持,局长也到场。", "常明"),
])
def test_a_function_character_closing_a_word_is_no_boundary(text, wrong):
    assert wrong not in offices(text)
