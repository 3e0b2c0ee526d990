"""Turning a parsed `SearchRequest` into Whoosh queries: one that matches, one that ranks.

`match(request)` is the exact result set, never scored: each folded run of the
query must occur as a substring. A single character is one term of the
`char` field, two characters one bigram term, longer runs bigrams at fixed
offsets (`AdjacentTerms`). A quoted phrase with spaces or punctuation must
occur as written (`LiteralPhrase`). Terms joined by OR are one clause that any
of them satisfies; clauses are ANDed; filters and exclusions apply.

`ranking(request)` only orders that set: jieba words of the body and title,
places and officials named by the query's runs. Scoring is the costly part of
a broad search, so it runs over the match set for the top of the list only
(`indexer.ranking`), never to decide what matches.
"""
from __future__ import annotations

import json

from whoosh import query as Q
from whoosh.query.compound import DefaultOr

from .analysis import words
from .literal import Literal
from .phrase import AdjacentTerms, LiteralPhrase
from .query import SearchRequest, Term
from .schema import chars_text
from .stored_fields import stored_fields

FIRST_DAY, LAST_DAY = 1000_01_01, 2999_12_31


def substring_query(run: str) -> Q.Query:
    """Documents whose folded text contains `run`, exactly."""
    if len(run) == 1:
        return Q.Term("char", run)
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
    stored = stored_fields(searcher.reader())(docnum)
    return chars_text(json.loads(stored["meta"]).get("title"), stored["text"])


def match_query(term: Term) -> Q.Query:
    """Documents that contain the term: a literal phrase as written, else each of its runs."""
    if term.literal is not None:
        return LiteralPhrase("chars", "char", Literal.parse(term.literal), stored_chars_text)
    return Q.And([substring_query(run) for run in term.runs])


def exclusion(request: SearchRequest) -> Q.Query | None:
    """Documents any excluded term rules out, or None."""
    negative = [match_query(t) for t in request.terms if t.exclude]
    return Q.Or(negative) if negative else None


def match(request: SearchRequest) -> Q.Query:
    """The documents a search with terms finds before its exclusions, exactly;
    nothing in it is scored. The caller subtracts `exclusion(request)`'s
    documents: Whoosh's AndNot matcher drops or keeps the wrong documents
    (about one pair of terms in twenty), so it is never used for a match set."""
    clauses: dict[int, list[Q.Query]] = {}
    for term in request.terms:
        if not term.exclude:
            clauses.setdefault(term.group, []).append(match_query(term))
    positive = [alternatives[0] if len(alternatives) == 1 else Q.Or(alternatives)
                for alternatives in clauses.values()]
    query: Q.Query = Q.And(positive)   # a search without terms browses (the shard's _browse)
    filters = restriction(request)
    if filters is not None:
        query = Q.And([query, filters])
    return query


def ranking(request: SearchRequest) -> Q.Query | None:
    """What orders the matches: every boost of every run the search looks for.

    Run only over documents that match, so a boost of one side of an OR adds
    only where that side's words stand, and the set never changes."""
    boosts = [boost for term in request.terms if not term.exclude
              for run in term.runs for boost in rank_boosts(run)]
    # A tree of unions, which the top-k collector can skip through by block
    # quality; Whoosh's automatic choice for segments under 5,000 documents
    # preloads and scores every posting of every boost.
    return DefaultOr(boosts) if boosts else None
