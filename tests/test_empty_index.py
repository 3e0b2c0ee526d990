"""An index that holds no documents (a reindex of an empty folder) answers every
request, however many times it is asked: Whoosh's reader of an empty index cannot
be refreshed, and the index must not try to."""
from __future__ import annotations

import pytest

from indexer import SearchRequest, build, open_index


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
