"""Turning a parsed `SearchRequest` into a Whoosh query.

Each folded run of the query must occur as a substring: a single character
is a prefix of the bigram field (every character starts one token there), two
characters are one bigram term, longer runs are bigrams at fixed offsets
(`AdjacentTerms`). A quoted phrase with spaces or punctuation must occur as
written (`LiteralPhrase`). Terms joined by OR are one clause that any of them
satisfies; clauses are ANDed. jieba words, the title and place names only add
to the score (`AndMaybe`), so they change the order, never the result set.
"""
from __future__ import annotations

import json

from whoosh import query as Q

from .analysis import words
from .literal import Literal
from .phrase import AdjacentTerms, LiteralPhrase
from .query import SearchRequest, Term
from .schema import chars_text

FIRST_DAY, LAST_DAY = 1000_01_01, 2999_12_31


def substring_query(run: str) -> Q.Query:
    """Documents whose folded text contains `run`, exactly."""
    if len(run) == 1:
        return Q.Prefix("chars", run)
    if len(run) == 2:
        return Q.Term("chars", run)
    return AdjacentTerms.for_run("chars", run)


# What a match is worth beyond being one: keyword fields carry no term
# statistics, so their matches add a constant.
PLACE_BONUS = 4.0
OFFICIAL_BONUS = 6.0


def rank_boosts(run: str) -> list[Q.Query]:
    """What makes a document that contains `run` rank higher: the run as a
    place, an official, jieba words of the body and of the title."""
    boosts: list[Q.Query] = [Q.ConstantScoreQuery(Q.Term("place", run), PLACE_BONUS),
                             Q.ConstantScoreQuery(Q.Term("official", run), OFFICIAL_BONUS)]
    for word in words(run) or [run]:
        boosts.append(Q.Term("words", word))
        boosts.append(Q.Term("title", word))
    return boosts


def ranked_run_query(run: str) -> Q.Query:
    return Q.AndMaybe(substring_query(run), Q.Or(rank_boosts(run)))


def restriction(request: SearchRequest) -> Q.Query | None:
    """The filters as one query, or None."""
    parts: list[Q.Query] = []
    if request.region:
        parts.append(Q.Term("region", request.region))
    if request.official:
        parts.append(Q.Term("official", request.official))
    if request.script:
        parts.append(Q.Term("script", request.script))
    # A document's date is a span (a year-only date spans its year); it passes
    # when its span overlaps the requested one. Both ends are explicit: Whoosh
    # mis-handles an open end on an unsigned numeric field.
    if request.date_to:
        parts.append(Q.NumericRange("date_start", FIRST_DAY, request.date_to.last_day))
    if request.date_from:
        parts.append(Q.NumericRange("date_end", request.date_from.first_day, LAST_DAY))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Q.And(parts)


def stored_chars_text(searcher, docnum: int) -> str:
    """The text the `chars` field indexed for a document, rebuilt from what is stored."""
    stored = searcher.stored_fields(docnum)
    return chars_text(json.loads(stored["meta"]).get("title"), stored["text"])


def match_query(term: Term) -> Q.Query:
    """Documents that contain the term: a literal phrase as written, else each of its runs."""
    if term.literal is not None:
        return LiteralPhrase("chars", Literal.parse(term.literal), stored_chars_text)
    return Q.And([substring_query(run) for run in term.runs])


def ranked_term_query(term: Term) -> Q.Query:
    if term.literal is not None:
        # The phrase already pins its runs down: rank by their words only (a
        # single character's prefix query would cost more than the phrase).
        return Q.AndMaybe(match_query(term), Q.Or([b for run in term.runs for b in rank_boosts(run)]))
    return Q.And([ranked_run_query(run) for run in term.runs])


def exclusion(request: SearchRequest) -> Q.Query | None:
    """Documents any excluded term rules out, or None."""
    negative = [match_query(t) for t in request.terms if t.exclude]
    return Q.Or(negative) if negative else None


def build(request: SearchRequest) -> Q.Query:
    clauses: dict[int, list[Q.Query]] = {}
    for term in request.terms:
        if not term.exclude:
            clauses.setdefault(term.group, []).append(ranked_term_query(term))
    positive = [alternatives[0] if len(alternatives) == 1 else Q.Or(alternatives)
                for alternatives in clauses.values()]
    query: Q.Query = Q.And(positive) if positive else Q.Every()
    excluded = exclusion(request)
    if excluded is not None:
        query = Q.AndNot(query, excluded)
    filters = restriction(request)
    if filters is not None:
        # Filters join the query as score-free clauses rather than going
        # through Whoosh's FilterCollector, which the time limit bypasses.
        query = Q.And([query, Q.ConstantScoreQuery(filters, 0.0)])
    return query
