"""Highlighted passages, computed on the document's own text.

Matches are found in the folded text and, because folding keeps offsets,
marked in the original: a simplified query lights up traditional characters.
The HTML is built from escaped pieces with <mark> put between them, so
nothing from a document can reach the page as markup.
"""
from __future__ import annotations

from bisect import bisect_right
from html import escape

from archive.script import fold


def match_spans(folded: str, runs: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of every run, merged where they overlap."""
    spans = []
    for run in set(runs):
        if not run:
            continue
        start = folded.find(run)
        while start >= 0:
            spans.append((start, start + len(run)))
            start = folded.find(run, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark_html(text: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    """Escaped text with <mark> around spans (given in offsets of a larger text)."""
    parts, position = [], 0
    for start, end in spans:
        start, end = max(start - offset, 0), min(end - offset, len(text))
        if end <= position or start >= len(text):
            continue
        start = max(start, position)
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def best_window(text_length: int, spans: list[tuple[int, int]], width: int,
                runs_at: list[str]) -> tuple[int, int]:
    """The window of `width` characters holding the most distinct matched runs."""
    if not spans:
        return 0, min(width, text_length)
    # Spans are merged matches, ascending and apart: those inside the window
    # from span i are i up to the first that ends past it (a common
    # character's spans run into the hundreds: not all of them for each).
    ends = [end for _start, end in spans]
    best, best_score = spans[0][0], -1
    for i, (start, _end) in enumerate(spans):
        last = bisect_right(ends, start + width, lo=i)
        score = len(set(runs_at[i:last])) * 100 + (last - i)
        if score > best_score:
            best, best_score = start, score
    return window_from(best, text_length, spans, width)


def window_from(best: int, text_length: int, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The window of `width` characters for the best span starting at `best`:
    a quarter of it before the span, kept inside the text, and widened to
    whole matches."""
    begin = max(0, best - width // 4)
    end = min(text_length, begin + width)
    begin = max(0, end - width)
    return whole_matches(begin, end, spans)


def whole_matches(begin: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Move the window's edges out to the edges of any match they would cut in half.

    A passage that shows `提升<mark>臺</mark>…` for 臺南 reads as a match of
    something else; a few characters more width is the lesser harm.
    """
    for start, stop in spans:
        if start < begin < stop:
            begin = start
        if start < end < stop:
            end = stop
    return begin, end


def snippet(text: str, runs: list[str], width: int = 120) -> tuple[str, str]:
    """(html, plain) of the best passage of `text` for the query runs."""
    folded = fold(text)
    spans = match_spans(folded, runs)
    runs_at = [folded[s:e] for s, e in spans]
    begin, end = best_window(len(text), spans, width, runs_at)
    passage = text[begin:end].replace("\n", " ")
    html = mark_html(passage, spans, offset=begin)
    prefix, suffix = ("…" if begin > 0 else ""), ("…" if end < len(text) else "")
    return prefix + html + suffix, prefix + passage + suffix


def highlight_html(text: str, runs: list[str]) -> str:
    """The whole text, escaped, with every match marked."""
    return mark_html(text, match_spans(fold(text), runs))
