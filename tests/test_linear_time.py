"""Every extraction step is linear in the text (issue 10, fault 4).

A super-linear step (a regex that rescans, a pass per name, a comparison of
every pair of places) makes a huge one-line document stall a reindex. Timing
4N characters against N tells linear (about 4x) from quadratic (16x) on any
machine, however loaded, where an absolute bound would not. The kinds are
the pathological texts of bench/huge_line.py that once were quadratic.
"""
from __future__ import annotations

import time

import pytest

from archive.extract import extract
from archive.ingest import RawDocument
from bench.huge_line import make_line

from .conftest import SEEDS

N = 10_000


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):  # the best of three: load on a shared machine only adds
        started = time.perf_counter()
        extract(RawDocument(id="huge", text=text, origin="huge.txt"))
        best = min(best, time.perf_counter() - started)
    return best


@pytest.fixture(scope="module")
def sample() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).replace("\n", "")


@pytest.mark.parametrize("kind", ["ascii", "mojibake", "shifted", "pinyin", "places", "officials"])
def test_extraction_time_grows_linearly_on_one_huge_line(kind, sample):
    extract(RawDocument(id="warm", text="县委书记主持会议", origin="warm"))
    small = _seconds(make_line(kind, N, sample))
    large = _seconds(make_line(kind, 4 * N, sample))
    assert large < 9 * max(small, 0.02), (kind, small, large)  # 4x linear, 16x quadratic


@pytest.mark.parametrize("page", [
    "<div class='content'>" + "<b>区长" * N + "</i>" * N + "</div>",        # stray end tags
    "<article> </article>" * N + "<p>镇长讲话</p>",                          # empty content regions
    "<p>" + "区长&amp;书记" * N + "</p>",                                  # entities in one text run
])
def test_html_reading_time_grows_linearly(page):
    from archive.htmltext import html_to_text

    def seconds(html: str) -> float:
        started = time.perf_counter()
        html_to_text(html)
        return time.perf_counter() - started

    small, large = seconds(page), seconds(page * 4)
    assert large < 9 * max(small, 0.02), (small, large)
