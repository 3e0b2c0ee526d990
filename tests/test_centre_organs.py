"""A 中心 named whole before its officer (archive.centre_organs) opens the
office; a centre's tail or a bare 中心 does not. Texts are written for the
test, in the shape of Tainan city releases."""
from __future__ import annotations

import pytest

from .conftest import offices


@pytest.mark.parametrize("text, name, office", [
    ("开幕式由劳工局陈志明局长、职训就服中心吴淑芬主任共同主持。", "吴淑芬", "职训就服中心主任"),
    ("今年由家庭教育中心王美玲主任带领志工入班宣导。", "王美玲", "家庭教育中心主任"),
])
def test_a_whole_centre_before_a_name_opens_the_office(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name", [
    # 长期照顾|管理中心: the reading stopped inside the centre's name.
    ("社会局陈志明局长、长期照顾管理中心黄美惠主任到场关怀长辈。", "黄美惠"),
])
def test_a_centre_read_only_in_part_adds_nothing(text, name):
    assert offices(text)[name] != "管理中心主任"
