"""Equal scores and equal dates come in document-id order, so a search answers
the same JSON on every build: documents given in another order (other
document numbers), one index or shards, in process or not.

Documents of the same text tie on every score; documents of the same day tie
in date order. Before, ties came in document-number order, which the order
of the sources and the shard count decide."""
from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from archive.cli import cli
from indexer import SearchRequest, build, build_sharded, open_index

from .conftest import write_jsonl

SEARCHES = [["台南"], ["会议"], ["台南市政府"], ["会议", "--page", "2", "--limit", "7"],
            ["", "--sort", "date"], ["", "--sort", "date", "--page", "3", "--limit", "5"],
            ["招商 OR 防汛"], ["会议", "--sort", "date"]]


def tied_rows() -> list[dict]:
    """Groups of documents with the same text and day; ids in no order of the file's."""
    rng = random.Random(5)
    rows = []
    for n in range(36):
        topic = ["召开会议", "招商引资会议", "防汛会议"][n % 3]
        rows.append({"id": f"doc-{rng.randrange(10**6):06d}-{n}",
                     "text": f"台南市政府{topic}，研究部署工作。",
                     "title": f"台南市政府{topic}",
                     "date": ["2021-03-04", "2022-05-06"][n % 2]})
    return rows


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("ties")
    rows = tied_rows()
    for name, given in (("forward", rows), ("backward", rows[::-1])):
        (root / name).mkdir()
        write_jsonl(root / name / "docs.jsonl", given)
    made = [build([root / "forward"], root / "forward-index"),
            build([root / "backward"], root / "backward-index"),
            build_sharded([root / "backward"], root / "two-index", shards=2),
            build_sharded([root / "forward"], root / "three-index", shards=3)]
    for report in made:
        assert report.added == len(rows) and report.failed == 0
    return root, rows


def _json(index_dir, args) -> dict:
    result = CliRunner().invoke(cli, ["search", *args, "--json", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    payload.pop("seconds")
    return payload


@pytest.mark.parametrize("args", SEARCHES, ids=" ".join)
def test_every_build_answers_the_same_json(builds, args):
    root, _rows = builds
    answers = {name: _json(root / f"{name}-index", args)
               for name in ("forward", "backward", "two", "three")}
    assert answers["forward"]["total"] > 0
    for name, answer in answers.items():
        assert answer == answers["forward"], name


def test_ties_come_in_id_order(builds):
    root, rows = builds
    index = open_index(root / "backward-index")
    try:
        everything = SearchRequest.from_params({"q": "会议", "page_size": "100"})
        hits = index.search(everything).hits
        assert len(hits) == len(rows)
        for score in {h.score for h in hits}:
            ids = [h.id for h in hits if h.score == score]
            assert ids == sorted(ids) and len(ids) > 1
        by_date = index.search(SearchRequest.from_params({"q": "", "page_size": "100"})).hits
        assert [h.date.value for h in by_date] == sorted((h.date.value for h in by_date),
                                                         reverse=True)
        for day in {h.date.value for h in by_date}:
            ids = [h.id for h in by_date if h.date.value == day]
            assert ids == sorted(ids)
    finally:
        index.close()
