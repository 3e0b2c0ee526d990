"""The snippet window is the one the first, exhaustive search chose."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.snippets import best_window, match_spans, window_from


def best_window_exhaustive(text_length, spans, width, runs_at):
    """best_window's choice of span as first written, every span against every
    other; the window is then placed around it as best_window places it."""
    if not spans:
        return 0, min(width, text_length)
    best, best_score = spans[0][0], -1
    for start, _end in spans:
        window_end = start + width
        inside = {runs_at[j] for j, (s, e) in enumerate(spans) if start <= s and e <= window_end}
        count = sum(1 for s, e in spans if start <= s and e <= window_end)
        score = len(inside) * 100 + count
        if score > best_score:
            best, best_score = start, score
    return window_from(best, text_length, spans, width)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="会议台南市长a的 ", max_size=400),
       st.lists(st.text(alphabet="会议台南市长a的", min_size=1, max_size=3), min_size=1, max_size=4),
       st.sampled_from([1, 5, 20, 120]))
def test_best_window_is_the_exhaustive_search_s(text, runs, width):
    spans = match_spans(text, runs)
    runs_at = [text[s:e] for s, e in spans]
    assert best_window(len(text), spans, width, runs_at) == \
        best_window_exhaustive(len(text), spans, width, runs_at)
