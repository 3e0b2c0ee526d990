"""Scanning for place names visits only the points where a name can open.

`find_mentions` tries names at the points `_openings` finds (looked up for
the whole text at once in a bit table of names' first two characters), not
at every character; a point it skipped that opens a name would be a place
silently lost. This checks the class: wherever any gazetteer name (full,
short or township alias) starts in a text, short or long, `_openings` stops
there, and nowhere else than where a name's first two characters stand.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from archive import gazetteer
from archive.regions import _VECTORISED_FROM, _name_index, _openings, find_mentions

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


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(NOISE)), max_size=40),
       st.sampled_from(["", "\U00020000", "\ud800", "😀"]))
def test_openings_stop_wherever_a_name_starts(pieces, odd):
    # Texts below and above the length where arrays take over, with
    # characters past every name's (outside the BMP, a lone surrogate).
    for text in (odd.join(pieces), odd.join(pieces * 3) + "国" * _VECTORISED_FROM):
        visited = _openings(text, INDEX)
        assert visited == [at for at in range(len(text) - 1) if text[at:at + 2] in INDEX.lengths]
        assert set(_every_opening(text)) <= set(visited)


def test_openings_stop_at_every_name_of_the_gazetteer():
    # Each name alone, after a character that opens none and glued to the next.
    text = "。".join(NAMES)
    visited = set(_openings(text, INDEX))
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


def _names_inside_words() -> list[tuple[str, int, int]]:
    """(word, start, end) for every short place name inside a three- or
    four-character vocabulary word (长治|久安, 四|平方公里): where windows decide."""
    from archive.regions import _lexicon
    short = set(GAZ.by_short_name)
    return sorted((word, at, at + size) for word in _lexicon().long for size in (2, 3)
                  for at in range(len(word) - size + 1) if word[at:at + size] in short)


NAMES_INSIDE_WORDS = _names_inside_words()
AROUND = st.text(alphabet=st.sampled_from(list("治人的，大学河水库安方公里")), max_size=3)


@settings(max_examples=300, deadline=None)
@given(AROUND, st.sampled_from(NAMES_INSIDE_WORDS), AROUND, st.booleans())
def test_inside_a_word_reads_the_windows_the_loop_did(before, found, after, listed):
    from archive.regions import _inside_a_word
    word, start, end = found
    for head, tail in ((before, after), ("", "")):  # and where windows are cut short
        text = head + word + tail
        at, until = len(head) + start, len(head) + end
        assert _inside_a_word(text, at, until, listed) == _inside_a_word_by_loop(text, at, until, listed)
