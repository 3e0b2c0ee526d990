"""What is published names a file relative to its SOURCE, never the machine's
absolute path; deletions are still found on the next incremental reindex."""
from __future__ import annotations

import json

from click.testing import CliRunner

from archive.cli import cli
from indexer import build, open_index
from web import create_app

from .conftest import write_jsonl


def test_public_json_has_no_absolute_path_and_deleted_files_still_go(tmp_path):
    source = tmp_path / "scraped"
    (source / "2020").mkdir(parents=True)
    (source / "2020" / "a.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    (source / "b.txt").write_text("镇长罗舒参加会议。", encoding="utf-8")
    write_jsonl(source / "batch.jsonl", [{"id": "j1", "text": "乡长讲话。"}])
    index_dir = tmp_path / "index"
    assert build([source], index_dir).added == 3

    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    published = {}
    for doc_id in ("a", "b", "j1"):
        response = client.get(f"/doc/{doc_id}.json")
        assert response.status_code == 200
        assert str(tmp_path) not in response.get_data(as_text=True)
        published[doc_id] = (response.get_json()["file"], response.get_json()["origin"])
    assert published == {"a": ("scraped/2020/a.txt", "scraped/2020/a.txt"),
                         "b": ("scraped/b.txt", "scraped/b.txt"),
                         "j1": ("scraped/batch.jsonl", "scraped/batch.jsonl:1")}
    searched = CliRunner().invoke(cli, ["search", "会议", "--json", "--index", str(index_dir)])
    assert searched.exit_code == 0 and json.loads(searched.stdout)["total"] == 2
    assert str(tmp_path) not in searched.stdout  # stderr names the index the user gave

    # Deletion detection compares the private absolute paths, whatever the cwd.
    (source / "2020" / "a.txt").unlink()
    again = build([source], index_dir)
    assert (again.deleted, again.unchanged) == (1, 2)
    index = open_index(index_dir)
    assert index.get("a") is None and index.get("b") is not None


def test_a_file_given_alone_is_published_by_its_name(tmp_path):
    (tmp_path / "one.txt").write_text("区长杨国昕主持会议。", encoding="utf-8")
    index_dir = tmp_path / "index"
    build([tmp_path / "one.txt"], index_dir)
    document = open_index(index_dir).get("one")
    assert (document.file, document.origin) == ("one.txt", "one.txt")
