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
from whoosh.codec.whoosh3 import W3LeafMatcher

# How many matches are collected between looks at the clock (and before the first).
CLOCK_EVERY = 2048


def match_set(searcher, query: Q.Query, seconds: float) -> tuple[np.ndarray, bool]:
    """Document numbers matching `query`, ascending, and whether time ran out
    (then the array holds what was found until then)."""
    deadline = time.perf_counter() + seconds
    parts: list[np.ndarray] = []
    context = searcher.boolean_context()
    for sub, offset in searcher.subsearchers or [(searcher, 0)]:
        matcher = query.matcher(sub, context)
        read = _block_ids if isinstance(matcher, W3LeafMatcher) else _one_by_one
        for ids in read(matcher):
            if time.perf_counter() > deadline:
                return _joined(parts), True
            parts.append(np.asarray(ids, dtype=np.int64) + offset)
    return _joined(parts), False


def _one_by_one(matcher):
    """A matcher's documents, CLOCK_EVERY at a time."""
    ids: list[int] = []
    for docnum in matcher.all_ids():
        ids.append(docnum)
        if len(ids) == CLOCK_EVERY:
            yield ids
            ids = []
    yield ids


def _block_ids(matcher: W3LeafMatcher):
    """A single term's documents a stored block at a time (up to 128), not one by
    one through id()/next(): a common character or word in the whole corpus is
    tens of thousands of postings. Reads the block arrays of Whoosh 2.7's leaf
    matcher, whose one term has no deletions to filter (else it is wrapped)."""
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        yield matcher._ids[matcher._i:]
        matcher._next_block()


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


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

