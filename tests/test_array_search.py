"""Match sets and scores computed with posting arrays agree with Whoosh's own
matchers and scorer, over an index of several segments with replaced
(deleted) documents and posting lists long enough to span many blocks.

`indexer.match_sets` and `indexer.ranking` read the lean codec's bytes
themselves instead of running Whoosh's matchers; this pins them to Whoosh for
every query shape that Whoosh still answers itself (terms, And, Or, numeric
date ranges, keyword fields, BM25F on words and titles, constant scores).
Substrings are checked against the folded text by the recall tests."""
from __future__ import annotations

import random

import numpy as np
import pytest
from whoosh import query as Q

from archive.script import fold
from indexer import SearchRequest, build, open_index, whoosh_query
from indexer.match_sets import match_set
from indexer.ranking import scores

from .conftest import write_jsonl

WORDS = ["会议", "招商", "防汛", "乡村振兴", "安全生产", "道路", "春耕", "群众", "调研", "部署"]
PLACES = ["涪城区", "江油市", "臺南市", "三台县", "平武县"]


def rows(rng: random.Random, first: int, count: int) -> list[dict]:
    found = []
    for n in range(first, first + count):
        words = rng.sample(WORDS, rng.randrange(1, 5)) * rng.randrange(1, 4)
        found.append({"id": f"doc-{n:04d}", "title": f"{rng.choice(PLACES)}{rng.choice(WORDS)}",
                      "text": f"{rng.choice(PLACES)}{'，'.join(words)}。第{n}号。",
                      "date": f"{rng.randrange(2018, 2025)}-{rng.randrange(1, 13):02d}-01"})
    return found


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    root = tmp_path_factory.mktemp("arrays")
    rng = random.Random(3)
    (root / "docs").mkdir()
    # 500 documents in two commits (two segments; lists of common words run
    # to several blocks of 128), then a third commit replacing some of the first.
    first = rows(rng, 0, 350)
    write_jsonl(root / "docs" / "a.jsonl", first)
    build([root / "docs"], root / "index")
    second = rows(rng, 350, 150)
    write_jsonl(root / "docs" / "b.jsonl", second)
    build([root / "docs"], root / "index")
    first = [dict(row, text=row["text"] + "已更正。") if n % 7 == 0 else row
             for n, row in enumerate(first)]
    write_jsonl(root / "docs" / "a.jsonl", first)
    report = build([root / "docs"], root / "index")
    assert report.updated == 50 and report.failed == 0
    index = open_index(root / "index")
    with index.shard.reading() as shard:
        assert shard.searcher.reader().has_deletions()
        shard.searcher.texts = [fold(f"{row['title']}\n{row['text']}") for row in first + second]
        yield shard.searcher
    index.close()


def whoosh_docs(searcher, query) -> list[int]:
    return sorted(searcher.docs_for_query(query))


QUERIES = [
    Q.Term("char", "会"), Q.Term("char", "号"), Q.Term("chars", "招商"), Q.Term("chars", "更正"),
    Q.And([Q.Term("char", "第"), Q.Term("char", "更")]),
    Q.And([Q.Term("chars", "会议"), Q.Term("chars", "防汛")]),
    Q.Or([Q.Term("chars", "春耕"), Q.Term("chars", "道路"), Q.Term("chars", "无此")]),
    Q.And([Q.Term("chars", "调研"), Q.Or([Q.Term("chars", "群众"), Q.Term("char", "振")])]),
    Q.NumericRange("date_start", 1000_01_01, 2020_06_30),
    Q.And([Q.Term("chars", "安全"), Q.NumericRange("date_end", 2021_01_01, 2999_12_31)]),
    Q.Term("words", "部署"), Q.Term("title", "会议"), Q.Term("nosuchfield", "x"),
]


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_match_sets_are_whoosh_matchers_sets(searcher, query):
    found, timed_out = match_set(searcher, query, 10.0)
    assert not timed_out
    assert found.tolist() == whoosh_docs(searcher, query)


@pytest.mark.parametrize("q", ["会议", "招商 防汛", "乡村振兴", "臺南市 会议", "春耕 OR 调研", "第1"])
def test_scores_are_whoosh_scores(searcher, q):
    request = SearchRequest.from_params({"q": q})
    ranking = whoosh_query.ranking(request)
    matches, _ = match_set(searcher, whoosh_query.match(request), 10.0)
    assert len(matches)
    mine = scores(searcher, ranking, matches)
    theirs = {docnum: score for score, docnum in
              searcher.search(ranking, limit=None, filter=set(matches.tolist())).top_n}
    expected = np.array([theirs.get(int(docnum), 0.0) for docnum in matches])
    # The same terms summed in another order: equal but for the last bits.
    assert np.allclose(mine, expected, rtol=1e-12, atol=0), q
    assert (expected > 0).any()


@pytest.mark.parametrize("q", ["号", "第1", "第12", "第123号", '"。第"', '"会议，招商"', '"已更正。"',
                               "台南市"])
def test_runs_over_many_blocks_are_found_where_the_text_has_them(searcher, q):
    # "号" and "第" stand in every document: lists of several blocks each,
    # whose positions are lined up across block boundaries.
    found, _ = match_set(searcher, whoosh_query.match(SearchRequest.from_params({"q": q})), 10.0)
    expected = sum(fold(q.strip('"')) in text for text in searcher.texts)
    assert len(found) == expected, q
