"""An index kept open, as a serving process keeps it, while the index changes or
holds nothing: every answer reflects the index as it is now.

Whoosh's refresh() reuses the reader of a segment whose deletions changed (so
replaced and removed documents were still found) and cannot refresh an empty
index at all (every request but the first answered 500); the index reopens
instead.
"""
from __future__ import annotations

import pytest

from indexer import SearchRequest, build, open_index

from .conftest import write_jsonl


@pytest.fixture(scope="module")
def empty_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("empty")
    (root / "nothing").mkdir()
    report = build([root / "nothing"], root / "index", workers=1)
    assert report.added == 0 and report.failed == 0
    return root / "index"


def test_empty_index_answers_again_and_again(empty_index):
    index = open_index(empty_index)
    for _ in range(3):
        assert index.search(SearchRequest.from_params({"q": "杨国昕"})).total == 0
        assert index.document_count() == 0 and index.stats()["documents"] == 0
        assert index.official_profile("杨国昕") is None


def test_site_on_an_empty_index_never_answers_500(empty_index):
    from web import create_app

    client = create_app({"INDEX_DIR": str(empty_index), "TESTING": True}).test_client()
    for _ in range(2):
        assert client.get("/").status_code == 200
        assert client.get("/search?q=杨国昕").status_code == 200
        assert client.get("/api/search?q=杨国昕").get_json()["total"] == 0
        assert client.get("/official/杨国昕.json").status_code == 404


def test_open_index_forgets_replaced_and_removed_documents(tmp_path):
    rows = [{"id": f"m-{i}", "date": f"202{i}-05-01" if i else "2020",
             "text": f"第{i}次\n游仙区新桥镇党委书记任俊洁主持召开镇党委会议。"} for i in range(4)]
    (tmp_path / "docs").mkdir()
    source = write_jsonl(tmp_path / "docs" / "m.jsonl", rows)
    build([tmp_path / "docs"], tmp_path / "index", workers=1)
    index = open_index(tmp_path / "index")
    newest = SearchRequest.from_params({"q": "任俊洁", "sort": "date"})
    assert [hit.id for hit in index.search(newest).hits] == ["m-3", "m-2", "m-1", "m-0"]
    assert (index.stats()["first_date"], index.stats()["last_date"]) == ("2020", "2023-05-01")
    rows[0]["date"], rows[0]["text"] = "2029-05-01", rows[0]["text"] + "改。"
    del rows[2]
    write_jsonl(source, rows)
    report = build([tmp_path / "docs"], tmp_path / "index", workers=1)
    assert (report.updated, report.deleted) == (1, 1)
    after = index.search(newest)
    assert after.total == 3 and [hit.id for hit in after.hits] == ["m-0", "m-3", "m-1"]
    stats = index.stats()
    assert index.document_count() == 3 and stats["documents"] == 3
    assert sum(stats["scripts"].values()) == 3 and stats["undated"] == 0
    assert (stats["first_date"], stats["last_date"]) == ("2021-05-01", "2029-05-01")
    assert index.official_profile("任俊洁")["documents"] == 3
