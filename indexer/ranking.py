"""A search's matches as an unscored set, and the top of that set in rank order.

Totals, facets and the date order need only which documents match, so the
match query runs unscored (`match_set`). Relevance is computed for the top of
the list only (`top_ranked`): the ranking query's best `k` documents within
the set, found with Whoosh's top-k collector, which skips blocks of postings
that cannot reach the k-th score. Scoring every match of a broad query was a
third of its time, and a page needs ten. Matches no ranking term reaches
follow the ranked ones, in index order.

Both steps are small functions over a searcher and queries, so that another
engine (or shards of this one) can stand behind them.
"""
from __future__ import annotations

import time

import numpy as np
from whoosh import query as Q

# How many matches are collected between looks at the clock (and before the first).
CLOCK_EVERY = 2048


def match_set(searcher, query: Q.Query, seconds: float) -> tuple[np.ndarray, bool]:
    """Document numbers matching `query`, ascending, and whether time ran out
    (then the array holds what was found until then)."""
    deadline = time.perf_counter() + seconds
    found: list[int] = []
    context = searcher.boolean_context()
    for sub, offset in searcher.subsearchers or [(searcher, 0)]:
        matcher = query.matcher(sub, context)
        for count, docnum in enumerate(matcher.all_ids()):
            if count % CLOCK_EVERY == 0 and time.perf_counter() > deadline:
                return np.array(found, dtype=np.int64), True
            found.append(docnum + offset)
    return np.array(found, dtype=np.int64), False


def top_ranked(searcher, ranking: Q.Query | None, matches: np.ndarray,
               k: int) -> list[tuple[float, int]]:
    """The first `k` of `matches` by the ranking query's score, as (score, docnum);
    ties and unranked matches in index order."""
    k = min(k, len(matches))
    if k == 0:
        return []
    ranked: list[tuple[float, int]] = []
    if ranking is not None:
        allowed = set(matches.tolist())
        results = searcher.search(ranking, limit=k, filter=allowed)
        ranked = [(score, docnum) for score, docnum in results.top_n if score > 0]
    if len(ranked) < k:
        seen = {docnum for _, docnum in ranked}
        for docnum in matches.tolist():
            if docnum not in seen:
                ranked.append((0.0, docnum))
                if len(ranked) == k:
                    break
    return ranked


def newest_first(matches: np.ndarray, date_start: np.ndarray) -> np.ndarray:
    """`matches` by date, newest first; undated (0) last; ties in index order."""
    return matches[np.argsort(-date_start[matches], kind="stable")]
