"""The exact set of documents a Whoosh query tree matches, computed with arrays.

`match_set(searcher, query, seconds)` evaluates the trees `whoosh_query`
builds (terms, `AdjacentTerms`, `LiteralPhrase`, And, Or, numeric ranges)
over each segment's posting arrays (`indexer.postings`) instead of running
Whoosh's matchers:

- And evaluates its cheapest part first and hands the survivors to the
  next as candidates, so a common term reads only the blocks of its
  postings file that hold a candidate;
- a run of three or more characters intersects its bigrams' document lists
  from the rarest, then lines up positions only in the survivors: each
  occurrence becomes one number (document << 32 | where the run would
  start), and the run stands where every bigram's numbers agree;
- a literal phrase checks its separators in the stored text of only the
  documents where its runs line up (`indexer.literal`).

Nothing here is scored; ranking orders the set afterwards (`indexer.ranking`).
"""
from __future__ import annotations

import time

import numpy as np
from whoosh import query as Q

from archive.script import fold

from .phrase import AdjacentTerms, LiteralPhrase
from .postings import EMPTY, distinct_sorted, intersect, segment_postings

# How many literal-phrase candidates are checked between looks at the clock.
CLOCK_EVERY = 256


def match_set(searcher, query: Q.Query, seconds: float) -> tuple[np.ndarray, bool]:
    """Document numbers matching `query`, ascending, and whether time ran out
    (then the array holds what was found until then)."""
    deadline = time.perf_counter() + seconds
    parts: list[np.ndarray] = []
    for sub, offset in searcher.subsearchers or [(searcher, 0)]:
        segment = _Segment(sub, deadline)
        found = segment.docs(query, None)
        # Cut short, what was found is still only matches: kept, and flagged.
        parts.append(found + offset)
        if segment.timed_out:
            return np.concatenate(parts), True
    return (np.concatenate(parts) if parts else EMPTY), False


class _Segment:
    """One segment's evaluation of a query tree."""

    def __init__(self, searcher, deadline: float):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.postings = segment_postings(self.reader)
        self.deadline = deadline
        self.timed_out = False

    def docs(self, query: Q.Query, among: np.ndarray | None) -> np.ndarray:
        """The documents matching `query`, restricted to `among` when given.
        Past the deadline a part matches nothing, so what was found is a
        subset of the matches, never a document that does not match."""
        if among is not None and not len(among):
            return EMPTY
        if self.timed_out or time.perf_counter() > self.deadline:
            self.timed_out = True
            return EMPTY
        if isinstance(query, Q.Term):
            return self.postings.ids(query.fieldname, query.text, among)
        if isinstance(query, AdjacentTerms):
            return self.adjacent(query, among)[0]
        if isinstance(query, LiteralPhrase):
            return self.literal(query, among)
        if isinstance(query, Q.And):
            return self.all_of(query.subqueries, among)
        if isinstance(query, Q.Or):
            found = [self.docs(sub, among) for sub in query.subqueries]
            return np.unique(np.concatenate(found)) if found else EMPTY
        if isinstance(query, Q.ConstantScoreQuery):
            return self.docs(query.child, among)
        if isinstance(query, Q.NullQuery.__class__):
            return EMPTY
        if isinstance(query, Q.NumericRange):
            # Ranges of terms at each precision of the trie-coded numbers.
            return self.docs(query._compile_query(self.reader), among)
        if isinstance(query, Q.MultiTerm):
            # The segment's terms in the range, as stored (`simplify` would
            # turn a numeric term of a lower precision back into a number).
            found = [self.postings.ids(query.fieldname, btext, among)
                     for btext in query._btexts(self.reader)]
            return np.unique(np.concatenate(found)) if found else EMPTY
        raise TypeError(f"no array evaluation for {type(query).__name__}")

    def all_of(self, queries: list[Q.Query], among: np.ndarray | None) -> np.ndarray:
        """Cheapest first, each part reading only what the parts before it left."""
        if not queries:
            return EMPTY   # as Whoosh's empty And
        found = among
        for query in sorted(queries, key=self.cost):
            found = self.docs(query, found)
            if not len(found):
                return EMPTY
        return found

    def cost(self, query: Q.Query) -> float:
        """About how many documents evaluating `query` reads; a range (many
        terms, Whoosh's estimate expands them all) counts as everything, so
        it comes last and reads only the blocks that hold a candidate."""
        if isinstance(query, Q.Term):
            return self.postings.doc_frequency(query.fieldname, query.text)
        if isinstance(query, AdjacentTerms):
            return min(self.postings.doc_frequency(query.fieldname, w) for w in query.words)
        if isinstance(query, LiteralPhrase):
            return self.cost(query.candidates)
        if isinstance(query, Q.And):
            return min(map(self.cost, query.subqueries), default=0)
        if isinstance(query, Q.Or):
            return sum(map(self.cost, query.subqueries))
        if isinstance(query, Q.ConstantScoreQuery):
            return self.cost(query.child)
        return float("inf")

    def adjacent(self, query: AdjacentTerms, among: np.ndarray | None,
                 starts: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
        """Documents where each word stands at its offset from the first;
        with `starts`, also the packed (document << 32 | start) of every place it does."""
        postings, field = self.postings, query.fieldname
        frequencies = [postings.doc_frequency(field, w) for w in query.words]
        if min(frequencies) == 0:
            return EMPTY, EMPTY
        order = sorted(range(len(query.words)), key=frequencies.__getitem__)
        candidates, blocks = among, {}
        for i in order:
            word = query.words[i]
            if word not in blocks:
                blocks[word] = postings.blocks(field, word, candidates)
            candidates = postings.ids(field, word, candidates, blocks[word])
            if not len(candidates):
                return EMPTY, EMPTY
        packed = None
        for i in order:
            docs, positions = postings.positions(blocks[query.words[i]], candidates)
            start = positions - query.offsets[i]
            inside = start >= 0
            mine = (docs[inside] << 32) | start[inside]   # ascending: by document, then start
            packed = mine if packed is None else intersect(packed, mine)
            if not len(packed):
                return EMPTY, EMPTY
            candidates = distinct_sorted(packed >> 32)
        return candidates, packed if starts else None

    def literal(self, query: LiteralPhrase, among: np.ndarray | None) -> np.ndarray:
        """Candidates where the runs line up, kept where the stored text has the separators."""
        searcher, literal, text_of = self.searcher, query.literal, query.text_of
        if isinstance(query.candidates, AdjacentTerms):
            docs, packed = self.adjacent(query.candidates, among, starts=True)
            bounds = np.searchsorted(packed >> 32, docs).tolist() + [len(packed)]
            starts = (packed & 0xFFFFFFFF).tolist()

            def holds(i: int, docnum: int) -> bool:
                return literal.at_any(text_of(searcher, docnum), starts[bounds[i]:bounds[i + 1]])
        else:
            docs = self.docs(query.candidates, among)

            def holds(i: int, docnum: int) -> bool:
                return literal.in_folded(fold(text_of(searcher, docnum)))
        kept = []
        for i, docnum in enumerate(docs.tolist()):
            if i % CLOCK_EVERY == CLOCK_EVERY - 1 and time.perf_counter() > self.deadline:
                self.timed_out = True
                break
            if holds(i, docnum):
                kept.append(docnum)
        return np.array(kept, dtype=np.int64)
