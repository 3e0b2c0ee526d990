"""Help for a search that found nothing: wider searches, each a link with its count.

Offered, in this order: the search without each of its filters; the query as
the other script writes it (OpenCC's phrase conversion: 软件 → 軟體, which
folding alone does not reach); and shorter forms of the query: without each
of its terms, or for one long term, without its first or last word, and its
words apart instead of as one run. Each is counted with the real search, the
ones that find nothing are dropped (except the other-script form, which says
so), and counting stops at a time budget so that an empty result stays fast.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from flask import url_for

from archive.script import detect_script, fold, in_other_script
from indexer import QueryError, SearchRequest
from indexer.analysis import is_word_char, segmenter

from .searching import get_index

COUNT_SECONDS = 1.5
MAX_SHORTER = 6
FILTERS = [("region", ("region",), "地区", "region"), ("official", ("official",), "官员", "official"),
           ("date", ("from", "to"), "日期", "date"), ("script", ("script",), "字体", "script")]


@dataclass
class Suggestion:
    kind: str                 # "filter", "script" or "shorter"
    label: str                # the query it searches, or the filter it removes ("地区 region")
    params: dict[str, str]    # the search it links to
    count: int | None = None  # None: not counted within the time budget
    same_when_folded: bool = False   # the other-script form folds to the query: same documents

    @property
    def href(self) -> str:
        # A search left with nothing to look for is the home page, not a 400.
        if not set(self.params) - {"sort"}:
            return url_for("archive.home")
        return url_for("archive.search", **self.params)

    @property
    def lang(self) -> str:
        return "zh-Hant" if detect_script(self.label) == "traditional" else "zh-Hans"


def suggestions(request: SearchRequest) -> list[Suggestion]:
    offered = [*without_filters(request), *other_script(request), *shorter_queries(request)]
    deadline = time.monotonic() + COUNT_SECONDS
    kept = []
    for suggestion in offered:
        if time.monotonic() < deadline:
            try:
                wider = SearchRequest.from_params(suggestion.params, page_size=1)
            except QueryError:
                continue            # e.g. a search left with nothing to look for
            suggestion.count = get_index().count(wider)
        if suggestion.count == 0 and suggestion.kind == "shorter":
            continue
        kept.append(suggestion)
    return kept


def without_filters(request: SearchRequest) -> list[Suggestion]:
    present = request.params(page=None)
    return [Suggestion("filter", f"{zh} {en}", {k: v for k, v in present.items() if k not in names})
            for _key, names, zh, en in FILTERS if any(name in present for name in names)]


def other_script(request: SearchRequest) -> list[Suggestion]:
    if not request.q:
        return []
    converted = in_other_script(request.q)
    if converted == request.q:
        return []
    return [Suggestion("script", converted, request.params(page=None, q=converted),
                       same_when_folded=fold(converted) == fold(request.q))]


def shorter_queries(request: SearchRequest) -> list[Suggestion]:
    terms = [term.text for term in request.terms]
    forms: list[str] = []
    if len(terms) > 1:
        forms += [" ".join(terms[:i] + terms[i + 1:]) for i in range(len(terms))]
    elif len(terms) == 1 and not request.terms[0].exclude:
        words = word_pieces(request.terms[0].text.strip('"'))
        if len(words) > 1:
            forms += ["".join(words[1:]), "".join(words[:-1]), " ".join(words)]
    seen, unique = {fold(request.q)}, []
    for form in forms:
        if form.strip() and fold(form) not in seen:
            seen.add(fold(form))
            unique.append(Suggestion("shorter", form, request.params(page=None, q=form)))
    return unique[:MAX_SHORTER]


def word_pieces(text: str) -> list[str]:
    """jieba's words of a term, cut on its folded form and read back in the script as typed."""
    pieces, position = [], 0
    for piece in segmenter().lcut(fold(text)):
        original = text[position:position + len(piece)]
        position += len(piece)
        if any(is_word_char(c) for c in piece):
            pieces.append(original)
    return pieces
