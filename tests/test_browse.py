"""An empty query browses: every document that passes the filters, newest
first, with all facets; and the home page's examples come from the index."""
from __future__ import annotations

import csv
import io
import re
from xml.etree import ElementTree

import pytest

from indexer import build
from web import create_app

from .conftest import write_jsonl

ALL_SEEDS = 5


def day(hit_date) -> str | None:
    """A hit's date as the sort sees it: None when the year is unknown."""
    if not hit_date or hit_date["precision"] == "month-day":
        return None
    return hit_date["value"]


@pytest.mark.parametrize("path", ["/search.json", "/api/search"])
def test_no_query_lists_every_document_newest_first_with_facets(client, path):
    data = client.get(path).get_json()
    assert data["total"] == ALL_SEEDS and data["query"] == ""
    days = [day(hit["date"]) for hit in data["hits"]]
    dated = [d for d in days if d]
    assert dated == sorted(dated, reverse=True) and len(dated) == 3
    assert days[:len(dated)] == dated  # undated last
    facets = data["facets"]
    assert sum(f["count"] for f in facets["region"]) >= ALL_SEEDS - 1
    assert facets["official"] and all(f["count"] >= 1 for f in facets["official"])
    assert sum(f["count"] for f in facets["date"]) + facets["date_unknown"] == ALL_SEEDS
    # Nothing typed, nothing in the links but what was asked.
    assert data["links"]["html"].endswith("/search?") and data["filters"] == {}


def test_browsing_applies_filters_and_exclusions(client):
    everything = client.get("/search.json").get_json()
    sichuan = next(f for f in everything["facets"]["region"] if f["name"] == "四川省")
    narrowed = client.get("/search.json?region=51").get_json()
    assert narrowed["total"] == sichuan["count"] == 2
    assert all(any(r["path"][0] == "四川省" for r in hit["regions"]) for hit in narrowed["hits"])
    with_epidemic = client.get("/search.json?q=疫情").get_json()["total"]
    without = client.get("/search.json?q=-疫情").get_json()
    assert without["total"] == ALL_SEEDS - with_epidemic > 0
    assert client.get("/search.json?q=-疫情&region=51").get_json()["total"] <= 2


def test_browsing_is_always_by_date(client):
    newest = [h["id"] for h in client.get("/search.json").get_json()["hits"]]
    assert [h["id"] for h in client.get("/search.json?sort=relevance").get_json()["hits"]] == newest
    assert [h["id"] for h in client.get("/search.json?sort=date").get_json()["hits"]] == newest


def test_browsing_pages_exports_and_feed(client):
    html = client.get("/search").get_data(as_text=True)
    assert re.search(r"<strong>5</strong> 篇 documents\s*<small>", html)
    tools = re.search(r'<p class="tools">(.*?)</p>', html, re.S).group(1)
    assert "<strong>日期 newest</strong>" in tools and "relevance" not in tools
    response = client.get("/search.csv")
    assert response.status_code == 200 and response.headers["X-Total-Count"] == str(ALL_SEEDS)
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == ALL_SEEDS + 1
    feed = ElementTree.fromstring(client.get("/search.atom").get_data())
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == ALL_SEEDS
    assert client.get("/search?page=2").status_code == 400  # past the only page, as for any search


def test_home_examples_come_from_the_index_and_find_documents(tmp_path):
    records = [
        {"id": "a1", "text": "2023年5月4日，绵阳市涪城区区长李明华主持召开区政府常务会议，研究城市更新工作。"},
        {"id": "a2", "text": "涪城区区长李明华带队调研吴家镇乡村振兴项目。"},
        {"id": "a3", "text": "广安市岳池县县委书记王建国在九龙镇调研农业产业发展。"},
        {"id": "a4", "text": "岳池县县委书记王建国主持召开县委常委会议。"},
        {"id": "a5", "text": "吴家镇镇长赵丽君参加防汛演练。"},
    ]
    build([write_jsonl(tmp_path / "docs.jsonl", records)], tmp_path / "index", workers=1)
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    html = client.get("/").get_data(as_text=True)
    examples = re.findall(r'<a href="(/search\?q=[^"]+)">([^<]+)</a>', html)
    typed = [text for _href, text in examples]
    # The most frequent official, also in the other script, then places.
    assert typed[:3] == ["李明华", "李明華", "涪城区"], typed
    assert "王建国" in typed and "岳池县" in typed
    assert not {"杨国昕", "任俊洁", "陈涛镇"} & set(typed)  # nothing from the seeds
    for href, text in examples:
        data = client.get(href.replace("/search?", "/search.json?").replace("&amp;", "&")).get_json()
        assert data["total"] >= 1, text


def test_browsing_never_lists_deleted_or_replaced_documents(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    (source / "a.txt").write_text("绵阳市涪城区区长李明华主持会议。", encoding="utf-8")
    (source / "b.txt").write_text("涪城区区长李明华调研吴家镇。", encoding="utf-8")
    (source / "c.txt").write_text("岳池县县委书记王建国主持会议。", encoding="utf-8")
    build([source], tmp_path / "index", workers=1)
    app = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True})
    client = app.test_client()
    assert client.get("/search.json").get_json()["total"] == 3
    (source / "a.txt").unlink()
    (source / "b.txt").write_text("岳池县县委书记王建国调研九龙镇。", encoding="utf-8")
    build([source], tmp_path / "index", workers=1)
    assert {h["id"] for h in client.get("/search.json").get_json()["hits"]} == {"b", "c"}
    assert client.get("/search.json?official=李明华").get_json()["total"] == 0
    assert client.get("/search.json?official=王建国").get_json()["total"] == 2
    assert client.get("/search.json?q=-九龙镇").get_json()["total"] == 1
