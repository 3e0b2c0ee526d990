"""The top of a match set in rank order, scored with arrays over the set alone.

Totals, facets and the date order need only which documents match
(`indexer.match_sets`). Relevance is computed for the match set only: each
ranking term's postings within the set are read as arrays (`indexer.postings`)
and scored with Whoosh's own formulas (BM25F for jieba words of the body and
title, a constant for a place or an official named), summed per document.
Running the ranking query through Whoosh's top-k collector instead walked
every posting of every common word in the corpus, matched or not: most of a
broad or long query's time.

Ties, and matches no ranking term reaches (score 0), are ordered by the
shard's tie order (`Shard.tie_order`: document ids), never by document
number, which depends on the build.
"""
from __future__ import annotations

from math import log

import numpy as np
from whoosh import query as Q
from whoosh import searching
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

from .per_reader import PerReader
from .postings import segment_postings

# Whoosh keeps a field length as one byte; this is the length each byte stands for.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


def ranking_terms(query: Q.Query) -> list[tuple[str, object, float | None, float]]:
    """(field, text, constant score or None, boost) of every term a ranking
    query sums: an Or of terms, any of them wrapped in a constant score."""
    if isinstance(query, Q.Term):
        return [(query.fieldname, query.text, None, query.boost)]
    if isinstance(query, Q.ConstantScoreQuery):
        return [(field, text, query.score, 1.0) for field, text, _score, _boost
                in ranking_terms(query.child)]
    if isinstance(query, Q.Or) and query.boost == 1.0:
        return [term for sub in query.subqueries for term in ranking_terms(sub)]
    raise TypeError(f"cannot score {type(query).__name__} with arrays")


def scores(searcher, ranking: Q.Query, matches: np.ndarray) -> np.ndarray:
    """Each match's score under the ranking query, as Whoosh would sum it;
    statistics (idf, average field length) from `searcher`, the top searcher."""
    weighting = searcher.weighting
    terms = ranking_terms(ranking)
    total = np.zeros(len(matches))
    segments = [(segment_postings(sub.reader()), offset)
                for sub, offset in searcher.subsearchers or [(searcher, 0)]]
    idfs: dict[tuple[str, object], float] = {}

    def idf(fieldname: str, text) -> float:
        if (fieldname, text) not in idfs:
            if type(searcher) is searching.Searcher:
                # Its statistics are its segments' (as MultiReader sums them),
                # from the terms-file entries the postings were read from.
                df = sum(postings.doc_frequency(fieldname, text) for postings, _ in segments)
                idfs[fieldname, text] = log(searcher.doc_count_all() / (df + 1)) + 1  # WeightingModel.idf
            else:   # statistics given from outside (all shards')
                idfs[fieldname, text] = searcher.idf(fieldname, segments[0][0].to_bytes(fieldname, text))
        return idfs[fieldname, text]

    for postings, offset in segments:
        reader = postings.reader
        first, last = matches.searchsorted([offset, offset + reader.doc_count_all()]).tolist()
        if first == last:
            continue
        local = matches[first:last] - offset
        for fieldname, text, constant, boost in terms:
            ids, weights = postings.weights(fieldname, text, local)
            if not len(ids):
                continue
            if constant is not None:
                score = np.full(len(ids), constant)
            elif searcher.schema[fieldname].scorable:
                term_idf = idf(fieldname, text)
                avgfl = searcher.avg_field_length(fieldname) or 1
                B = weighting._field_B.get(fieldname, weighting.B)
                K1 = weighting.K1
                fl = _LENGTH_OF_BYTE[_field_lengths(reader, fieldname)[ids]]
                # whoosh.scoring.bm25, term by term in the same order.
                score = term_idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))
            else:
                score = weights
            total[first + local.searchsorted(ids)] += score * boost if boost != 1.0 else score
    return total


# Each segment reader's length bytes per field, read once: a segment never
# changes, and its reader (the key) goes when its searcher is closed.
_LENGTH_BYTES: "PerReader[dict[str, np.ndarray]]" = PerReader(lambda _reader: {})


def _field_lengths(reader, fieldname: str) -> np.ndarray:
    """Each document's length byte of the field (0: none), as Whoosh's scorer reads it."""
    per_field = _LENGTH_BYTES(reader)
    found = per_field.get(fieldname)
    if found is None:
        # Two threads sharing a reader would read the same bytes: either copy serves.
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        found = np.zeros(reader.doc_count_all(), dtype=np.uint8)
        if column is not None:
            stored = np.frombuffer(column._dbfile.get(column._basepos, column._count),
                                   dtype=np.uint8)
            found[:len(stored)] = stored
        per_field[fieldname] = found
    return found


def top_ranked(searcher, ranking: Q.Query | None, matches: np.ndarray, k: int,
               tie_order: np.ndarray) -> list[tuple[float, int]]:
    """The first `k` of `matches` by the ranking query's score, as (score,
    docnum); ties and unranked matches (score 0) in `tie_order`, a number
    per document number that orders documents the same in every build."""
    k = min(k, len(matches))
    if k == 0:
        return []
    score = scores(searcher, ranking, matches) if ranking is not None else np.zeros(len(matches))
    if k < len(matches):
        # Only what can reach the top k: above the k-th score, or tied with it.
        kth = np.partition(score, len(score) - k)[len(score) - k]
        keep = np.flatnonzero(score >= kth)
        candidates, score = matches[keep], score[keep]
    else:
        candidates = matches
    order = np.lexsort((tie_order[candidates], -score))[:k]
    return [(float(score[i]), int(candidates[i])) for i in order]

