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

N = 20_000


def _seconds(work, text: str) -> float:
    # This process's CPU time: the work done, which other processes on a
    # shared machine (or a parallel test run) cannot add to as they add to
    # the wall clock.
    started = time.process_time()
    work(text)
    return time.process_time() - started


def _best_of_interleaved(work, small_text: str, large_text: str, rounds: int = 3) -> tuple[float, float]:
    """The best time of each, measured in turns: what load still adds (caches,
    clock rates) only adds, and taking turns keeps a burst of it from landing
    on one size alone."""
    small = large = float("inf")
    for _ in range(rounds):
        small = min(small, _seconds(work, small_text))
        large = min(large, _seconds(work, large_text))
    return small, large


def _extract(text: str) -> None:
    extract(RawDocument(id="huge", text=text, origin="huge.txt"))


@pytest.fixture(scope="module")
def sample() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).replace("\n", "")


@pytest.mark.parametrize("kind", ["ascii", "mojibake", "shifted", "pinyin", "places", "officials"])
def test_extraction_time_grows_linearly_on_one_huge_line(kind, sample):
    _extract(make_line(kind, N // 10, sample))  # load what the first text of a kind loads
    small, large = _best_of_interleaved(_extract, make_line(kind, N, sample),
                                        make_line(kind, 4 * N, sample))
    assert large < 10 * max(small, 0.02), (kind, small, large)  # 4x linear, 16x quadratic


@pytest.mark.parametrize("page", [
    "<div class='content'>" + "<b>区长" * N + "</i>" * N + "</div>",        # stray end tags
    "<article> </article>" * N + "<p>镇长讲话</p>",                          # empty content regions
    "<p>" + "区长&amp;书记" * N + "</p>",                                  # entities in one text run
])
def test_html_reading_time_grows_linearly(page):
    from archive.htmltext import html_to_text

    small, large = _best_of_interleaved(html_to_text, page, page * 4)
    assert large < 9 * max(small, 0.02), (small, large)
