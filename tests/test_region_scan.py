"""Scanning for place names visits only the points where a name can open.

`find_mentions` tries names at the points its compiled `openings` pattern
finds, not at every character; a point it skipped that opens a name would be
a place silently lost. This checks the class: wherever any gazetteer name
(full, short or township alias) starts in a text, `openings` stops there.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from archive import gazetteer
from archive.regions import _name_index, find_mentions

GAZ = gazetteer.load()
INDEX = _name_index(GAZ)
NAMES = sorted(INDEX.names)
# Characters around the names: punctuation, digits, Latin, common Chinese
# (some of which open names themselves).
NOISE = list("，。、：（）“”\n 0123456789abcXYZ的在是了和与及对为中大新东南西北市县镇区乡村街道省会议书记长")


def _every_opening(text: str) -> list[int]:
    """The points where a name starts, trying every point and every length."""
    longest = max(map(len, NAMES))
    return [i for i in range(len(text))
            if any(text[i:i + length] in INDEX.names for length in range(2, longest + 1))]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(NOISE)), max_size=40))
def test_openings_stop_wherever_a_name_starts(pieces):
    text = "".join(pieces)
    visited = {match.start() for match in INDEX.openings.finditer(text)}
    assert set(_every_opening(text)) <= visited


def test_openings_stop_at_every_name_of_the_gazetteer():
    # Each name alone, after a character that opens none and glued to the next.
    text = "。".join(NAMES)
    visited = {match.start() for match in INDEX.openings.finditer(text)}
    at = 0
    for name in NAMES:
        assert at in visited, name
        at += len(name) + 1


def test_scan_finds_names_side_by_side():
    mentions = find_mentions("浙江湖州、安徽金寨县和四川省广安市岳池县", GAZ)
    assert [m.name for m in mentions] == ["浙江", "湖州", "安徽", "金寨县", "四川省", "广安市", "岳池县"]
