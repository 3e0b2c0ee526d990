"""A person's office is the one written where they are first named with one
(archive.first_mention): a caption, a short reference or a speech may come
before the fuller form, and the first is kept unless a later one adds offices.
Sentences are written in the shape of Tainan council and city releases,
Presidential Office releases and 新闻联播 stories (names invented)."""
from __future__ import annotations

import pytest

from archive.first_mention import later_replaces
from archive.officials import POSTS

from .conftest import offices


@pytest.mark.parametrize("text, name, office", [
    # A council release's caption, then the body's fuller form.
    ("議員林志明業務報告質詢台南市議員林志明今日於議會質詢時指出，路燈維修太慢。", "林志明", "议员"),
    ("議員陳美惠質詢 台南市議員陳美惠關心物價飛漲，建議市府提出對策。", "陈美惠", "议员"),
    # The bare post first, the city's name with it later.
    ("市長黃大明表示，活動歡迎市民參加。臺南市長黃大明並致贈紀念品。", "黄大明", "市长"),
    # A speech's reference, then the report's fuller form.
    ("總統說，在周正雄縣長的帶領之下，招商成果豐碩。彰化縣長周正雄也出席典禮。", "周正雄", "县长"),
    # Written in full first, briefly later: still the first.
    ("台南市議員余明青表示，營養午餐應改善。余明青議員並提出三項建議。", "余明青", "台南市议员"),
])
def test_the_office_first_written_is_kept(text, name, office):
    assert offices(text).get(name) == office


@pytest.mark.parametrize("text, name, office", [
    # A later mention adds an office to the first.
    ("蔡志雄議員表示支持。會議由召集人蔡志雄議員主持，各局處首長列席。", "蔡志雄", "召集人、议员"),
    # A bare post first, the formal introduction of all the offices later.
    ("村民们围着王建军书记问收成。县委书记、县人大常委会主任王建军说，要把路修好。", "王建军",
     "县委书记、县人大常委会主任"),
])
def test_a_later_mention_that_adds_an_office_replaces_the_first(text, name, office):
    assert offices(text).get(name) == office


def test_only_added_offices_replace_the_first():
    assert later_replaces("议员", "议员、书记长", set(POSTS))
    assert later_replaces("主席", "国家主席、中央军委主席", set(POSTS))
    assert not later_replaces("议员", "台南市议员", set(POSTS))  # the same office, more fully
    # An organ's post first: a later list ending in it is another reading.
    assert not later_replaces("经发局局长", "市府顾问、经发局局长", set(POSTS))
    assert not later_replaces("市长", "台南市市长", set(POSTS))
