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


def _inside_a_word_by_loop(folded: str, start: int, end: int, listed: bool = False) -> bool:
    """_inside_a_word as first written: every window from three characters
    before the name, each word's frequency against the threshold."""
    from archive.regions import _COMMON, _lexicon
    lexicon = _lexicon()
    name = folded[start:end]
    known_place = name in lexicon.places or name not in lexicon.plain
    for at in range(max(0, start - 3), end):
        for length in (3, 4):
            if at + length > start and (at < start or at + length > end) \
                    and not (at == start and known_place) \
                    and lexicon.long.get(folded[at:at + length], 0) >= (_COMMON if known_place else 1):
                return True
    if listed:
        return False
    return folded[end - 1:end + 1] in lexicon.plain and name not in lexicon.places \
        and folded[end:end + 2] not in lexicon.plain


SHORT_NAMES = sorted(GAZ.by_short_name)
# Pieces of words that run across place names: 长治久安, 平方公里, 三明治, 市政中心.
AROUND = ["长治久安", "平方公里", "三明治", "市政中心", "久安", "方公里", "治", "人", "的", "，", "大学", "河水库"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(AROUND), max_size=3), st.sampled_from(SHORT_NAMES),
       st.lists(st.sampled_from(AROUND), max_size=3), st.booleans())
def test_inside_a_word_reads_the_windows_the_loop_did(before, name, after, listed):
    from archive.regions import _inside_a_word
    head = "".join(before)
    text = head + name + "".join(after)
    start, end = len(head), len(head) + len(name)
    assert _inside_a_word(text, start, end, listed) == _inside_a_word_by_loop(text, start, end, listed)
    # At the text's very start and end, where windows are cut short.
    assert _inside_a_word(name, 0, len(name), listed) == _inside_a_word_by_loop(name, 0, len(name), listed)
