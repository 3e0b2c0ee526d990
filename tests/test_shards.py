"""A sharded index answers as one index: the seeds and a few hundred generated
documents, built by `build_sharded` into three Whoosh shards (split by a stable
hash of their ids), answer random searches with the same totals, facet counts
and top-10 scores as one index holding them all; `archive search --json` and
the site give the same answers, pages and statistics on either."""
from __future__ import annotations

import json
import random

import pytest

from indexer import QueryError, SearchRequest, build, build_sharded, is_sharded, open_index

from .conftest import SEEDS, write_jsonl

SHARDS = 3
GENERATED = 240

PLACES = ["游仙区新桥镇", "涪城区", "江油市", "三台县芦溪镇", "平武县", "臺南市安平區", "臺南市"]
OFFICES = [("党委书记", "任俊洁"), ("镇长", "罗舒"), ("区长", "王小明"), ("市長", "黃偉哲"),
           ("县委书记", "李建国"), ("副县长", "赵卿惠")]
TOPICS = ["研究部署乡村振兴工作", "调研森林防火", "召开安全生产会议", "督导防汛备汛",
          "慰问困难群众", "推进道路建设", "检查春耕生产", "座谈招商引资"]


def generated(rng: random.Random) -> list[dict]:
    rows = []
    for i in range(GENERATED):
        place = rng.choice(PLACES)
        people = rng.sample(OFFICES, rng.randrange(0, 3))
        named = "、".join(office + name for office, name in people) or "有关部门"
        text = (f"{place}{named}{rng.choice(TOPICS)}，要求{rng.choice(TOPICS)}。"
                f"第{i}号通报。")
        row = {"id": f"gen-{i:03d}", "text": text, "title": f"{place}{rng.choice(TOPICS)}"}
        when = rng.random()
        if when < 0.7:
            row["date"] = f"{rng.randrange(2018, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        elif when < 0.85:
            row["date"] = str(rng.randrange(2018, 2025))
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def indexes(tmp_path_factory):
    root = tmp_path_factory.mktemp("shards")
    rows = generated(random.Random(14))
    sources = [SEEDS, write_jsonl(root / "all.jsonl", rows)]
    single = build(sources, root / "single")
    assert single.added == GENERATED + 5 and single.failed == 0
    sharded_build = build_sharded(sources, root / "sharded", shards=SHARDS)
    assert sharded_build.added == GENERATED + 5 and sharded_build.failed == 0
    one = open_index(root / "single")
    sharded = open_index(root / "sharded")
    yield one, sharded, rows
    one.close()
    sharded.close()


def queries(rows: list[dict], rng: random.Random) -> list[dict]:
    """Runs cut from the documents, OR, exclusions, filters, browsing, by date."""
    found = []
    for _ in range(200):
        text = rng.choice(rows)["text"]
        start = rng.randrange(len(text) - 4)
        q = text[start:start + rng.choice([1, 2, 2, 3, 4])]
        params = {"q": q}
        roll = rng.random()
        if roll < 0.15:
            params["q"] = f"{q} OR {rng.choice(OFFICES)[1]}"
        elif roll < 0.25:
            params["q"] = f"{q} -{rng.choice(TOPICS)[:2]}"
        elif roll < 0.35:
            params.update({"from": "2020", "to": "2020"})
        elif roll < 0.45:
            params["official"] = rng.choice(OFFICES)[1]
        elif roll < 0.5:
            params = {"q": ""}
        if rng.random() < 0.2:
            params["sort"] = "date"
        found.append(params)
    return found


def counts(facets) -> dict:
    return {"region": [(f.key, f.count) for f in facets.region],
            "region_trail": [(f.key, f.count) for f in facets.region_trail],
            "official": [(f.key, f.count) for f in facets.official],
            "date": [(f.key, f.count) for f in facets.date],
            "date_unit": facets.date_unit, "year_only": facets.date_year_only,
            "unknown": facets.date_unknown}


def test_shards_answer_the_same_totals_facets_and_ranking_as_one_index(indexes):
    one, sharded, rows = indexes
    assert sharded.document_count() == one.document_count() == GENERATED + 5
    assert same_answers(one, sharded, queries(rows, random.Random(7))) > 150


def same_answers(one, other, searches: list[dict]) -> int:
    """Assert that `other` answers each search as `one` does; how many were searches."""
    searched = 0
    for params in searches:
        try:
            request = SearchRequest.from_params(params)
        except QueryError:   # a run of punctuation: no search, in either
            continue
        searched += 1
        a, b = one.search(request), other.search(request)
        assert a.total == b.total, params
        assert counts(a.facets) == counts(b.facets), params
        # Newest first, or by score against the shards' summed statistics
        # (one index's scores); equals by document id, so the same documents
        # in the same order, though sharding changes every document number.
        assert [h.id for h in a.hits] == [h.id for h in b.hits], params
        if request.sort != "date" and not request.browsing:
            assert [round(h.score, 6) for h in a.hits] == [round(h.score, 6) for h in b.hits], params
    return searched


def test_documents_profiles_and_trails_are_found_across_shards(indexes):
    one, sharded, rows = indexes
    for row in rows[::20]:
        assert sharded.get(row["id"]).body == one.get(row["id"]).body
    for _office, name in OFFICES:
        from archive.script import fold
        folded = fold(name)
        assert sharded.official_trail(folded).total == one.official_trail(folded).total
        assert sharded.official_profile(folded)["documents"] == one.official_profile(folded)["documents"]
    stats_one, stats_sharded = one.stats(), sharded.stats()
    for key in ("documents", "scripts", "first_date", "last_date", "undated", "officials"):
        assert stats_one[key] == stats_sharded[key], key


def test_an_exclusion_removes_exactly_the_documents_containing_it(indexes):
    """Whoosh's AndNot matcher kept or dropped the wrong documents for about one
    pair of terms in twenty; exclusions are now a difference of match sets."""
    from archive.script import fold
    from indexer.schema import chars_text

    one, _sharded, _rows = indexes
    with one.shard.reading() as shard:
        texts = {doc.meta["id"]: fold(chars_text(doc.meta.get("title"), doc.text))
                 for doc in shard.fetch(shard.live())}
    pairs = [text[i:i + 2] for text in texts.values() for i in range(len(text) - 1)]
    runs = [run for run in pairs if all("\u4e00" <= c <= "\u9fff" for c in run)]
    rng = random.Random(20)   # runs drawn as often as they occur: common ones, long postings
    with one.shard.reading() as shard:
        for _ in range(100):
            wanted, unwanted = rng.sample(runs, 2)
            request = SearchRequest.from_params({"q": f"{wanted} -{unwanted}"})
            expected = {i for i, text in texts.items() if wanted in text and unwanted not in text}
            found = {doc.meta["id"] for doc in shard.fetch(shard.match(request, 10).keys)}
            assert found == expected, (wanted, unwanted)
            assert one.search(request).total == len(expected)


@pytest.fixture(scope="module")
def seed_indexes(tmp_path_factory):
    """The seeds indexed by the command line, once as one index and once as three shards."""
    from click.testing import CliRunner

    from archive.cli import cli

    root = tmp_path_factory.mktemp("cli-shards")
    runner = CliRunner()
    for name, extra in (("single", []), ("sharded", ["--shards", "3"])):
        result = runner.invoke(cli, ["reindex", str(SEEDS), "--index", str(root / name),
                                     "--workers", "1", *extra])
        assert result.exit_code == 0, result.output
    assert "shard 3/3" in result.output and is_sharded(root / "sharded")
    return root / "single", root / "sharded"


SEED_SEARCHES = [["书记"], ["杨国昕"], ["楊國昕"], [""], ["", "--sort", "date"], ["镇 OR 市"],
                 ["书记", "--from", "2020", "--to", "2021"], ["会议", "--script", "traditional"],
                 ["工作 -会议"], ["书记", "--page", "2", "--limit", "2"], ["", "--region", "绵阳市"]]


@pytest.mark.parametrize("args", SEED_SEARCHES, ids=" ".join)
def test_archive_search_json_is_the_same_on_shards(seed_indexes, args):
    from click.testing import CliRunner

    from archive.cli import cli

    answers = []
    for index_dir in seed_indexes:
        result = CliRunner().invoke(cli, ["search", *args, "--json", "--index", str(index_dir)])
        assert result.exit_code == 0, result.output
        payload = json.loads(result.stdout)
        payload.pop("seconds")
        answers.append(payload)
    assert answers[0] == answers[1]
    assert answers[0]["total"]   # each search finds something: hits and facets compared


def test_the_site_answers_the_same_on_shards(seed_indexes):
    from web import create_app

    single, sharded = (create_app({"INDEX_DIR": str(d), "TESTING": True}).test_client()
                       for d in seed_indexes)
    ids = [hit["id"] for hit in single.get("/api/search?q=").get_json()["hits"]]
    officials = {o["name"] for doc_id in ids
                 for o in single.get(f"/doc/{doc_id}.json").get_json()["officials"]}
    urls = [f"/doc/{doc_id}.json" for doc_id in ids] + \
        [f"/official/{name}.json" for name in sorted(officials)] + \
        ["/api/search?q=书记&official=杨国昕", "/search.csv?q=书记", "/doc/no-such.json",
         "/official/无此人.json"]
    assert len(urls) > 20
    for url in urls:
        a, b = single.get(url), sharded.get(url)
        assert a.status_code == b.status_code, url
        if a.is_json:
            a, b = a.get_json(), b.get_json()
            for payload in (a, b):
                payload.pop("seconds", None)
            assert a == b, url
        else:
            assert a.data == b.data, url
    stats = [open_index(d).stats() for d in seed_indexes]
    for found in stats:
        assert found.pop("generation")
    assert stats[0] == stats[1]
    for url in ("/", "/doc/" + ids[0]):   # pages: the same HTML
        assert single.get(url).data == sharded.get(url).data, url


def test_every_shard_cuts_words_with_every_shards_names(tmp_path):
    """An official's name extracted from a document of one shard is one word in
    the documents of every shard that mention it, as in one index: a shard's
    words (which rank results) must not depend on which documents it holds.
    Built by `archive reindex` in fresh processes, so that nothing this
    process's jieba has learnt hides a difference."""
    import os
    import subprocess
    import sys

    from whoosh import index as whoosh_index

    from indexer import manifest, store
    from indexer.sharded import shard_of

    rows = [{"id": "def-0", "title": "游仙区新桥镇召开安全生产会议",
             "text": "游仙区新桥镇党委书记周天然主持召开安全生产会议。"}]
    rows += [{"id": f"men-{i}", "text": f"会上，周天然同志指出，要抓好第{i}项工作。"}
             for i in range(12)]
    assert {shard_of(row["id"], SHARDS) for row in rows[1:]} - {shard_of("def-0", SHARDS)}
    source = write_jsonl(tmp_path / "docs.jsonl", rows)
    env = {**os.environ, "PYTHONPATH": str(SEEDS.parent)}
    for name, extra in (("single", []), ("sharded", ["--shards", str(SHARDS)])):
        subprocess.run([sys.executable, "-m", "archive.cli", "reindex", str(source),
                        "--index", str(tmp_path / name), "--workers", "1", *extra],
                       check=True, capture_output=True, env=env)

    def documents_with_the_word(generations) -> int:
        found = 0
        for generation in generations:
            with whoosh_index.open_dir(str(generation)).searcher() as searcher:
                found += searcher.doc_frequency("words", "周天然")
        return found

    sharded = tmp_path / "sharded"
    assert documents_with_the_word([store.current_generation(tmp_path / "single")]) == \
        documents_with_the_word([manifest.generation_path(sharded, live)
                                 for live in manifest.read(sharded)]) == len(rows)
    request = SearchRequest.from_params({"q": "周天然 工作"})
    one, many = open_index(tmp_path / "single"), open_index(sharded)
    assert sorted(round(h.score, 6) for h in one.search(request).hits) == \
        sorted(round(h.score, 6) for h in many.search(request).hits)
