"""A word for a role at an event (与会者, 来宾) never opens an office
(archive.event_roles); a 者 word inside an organ's name still does. Texts
are written for the test."""
from __future__ import annotations

import pytest

from .conftest import offices


@pytest.mark.parametrize("text, name, office", [
    ("议员服务处今日召开记者会,与会者劳动部劳动力发展署训练科科长王建国、学员代表出席。",
     "王建国", "劳动部劳动力发展署训练科科长"),
    ("记者会上,与会者台南市政府社会局局长陈美玲说明补助办法。", "陈美玲", "台南市政府社会局局长"),
])
def test_an_event_role_stays_out_of_the_office(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, wrong", [
    # 和|副总统当选人: the particle and a post read as a four-character name.
    ("副总统致词时表示,明天他将和副总统当选人林美华宣誓就职第20任总统、副总统,继续努力。", "和副总统"),
])
def test_a_name_holding_a_whole_post_is_no_person(text, wrong):
    assert wrong not in offices(text)
