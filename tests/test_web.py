"""The web app through Flask's test client, on a real seed index."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from indexer import build


def test_home_shows_stats_and_working_examples(client):
    page = client.get("/").get_data(as_text=True)
    assert "<html lang=\"zh-Hans\">" in page
    assert "5" in page and 'href="/search?q=' in page


def test_api_search_finds_seed_in_other_script(client):
    data = client.get("/api/search?q=杨国昕").get_json()
    assert [h["id"] for h in data["hits"]] == ["001_0c41b430a93a6d9e"]
    assert "<mark>楊國昕</mark>" in data["hits"][0]["snippet"]
    assert client.get("/api/search?q=任俊洁").get_json()["hits"][0]["id"] == "000_13eb6cda136f1765"
    assert client.get("/search.json?q=任俊洁").get_json()["total"] == 1


def test_search_page_highlights_in_document_script(client):
    page = client.get("/search?q=杨国昕").get_data(as_text=True)
    assert "<mark>楊國昕</mark>" in page
    assert 'lang="zh-Hant"' in page


def test_facet_links_round_trip(client):
    data = client.get("/api/search?q=书记").get_json()
    sichuan = next(f for f in data["facets"]["region"] if f["name"] == "四川省")
    narrowed = client.get(sichuan["url"].replace("http://localhost", "")).get_json()
    assert narrowed["total"] == sichuan["count"]
    assert narrowed["filters"]["region"] == "51"
    html = client.get("/search?q=书记&region=51").get_data(as_text=True)
    assert "绵阳市" in html and "广安市" in html


def test_document_page_and_json(client):
    page = client.get("/doc/001_0c41b430a93a6d9e?q=杨国昕").get_data(as_text=True)
    assert "<mark>楊國昕</mark>" in page and "350503" in page
    simplified = client.get("/doc/001_0c41b430a93a6d9e?q=杨国昕&script=simplified")
    assert "<mark>杨国昕</mark>" in simplified.get_data(as_text=True)
    data = client.get("/doc/001_0c41b430a93a6d9e.json").get_json()
    assert data["id"] == "001_0c41b430a93a6d9e" and data["regions"][0]["code"] == "350503"
    assert client.get("/doc/unknown").status_code == 404
    assert client.get("/doc/unknown.json").get_json()["status"] == 404


@pytest.mark.parametrize("query", [
    "q=%EF%BC%8C", "q=OR", "q=" + "长" * 10_000, "q=%22open", "q=a&page=0", "q=a&page=1000000000",
    "q=a&page=abc", "q=a&from=2020-02-31", "q=a&to=someday", "q=a&region=nowhere",
    "q=书记&page=999", "q=a&sort=x", "q=a&script=latin", "official=" + "x" * 100,
])
def test_bad_parameters_answer_400_with_message(client, query):
    for prefix in ("/search?", "/api/search?"):
        response = client.get(prefix + query)
        assert response.status_code == 400, (prefix, query)
        body = response.get_data(as_text=True)
        assert "Traceback" not in body
        if prefix.startswith("/api"):
            assert response.get_json()["error"]


def test_security_headers(client):
    response = client.get("/search?q=书记")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_hostile_documents_render_as_text(tmp_path):
    from web import create_app

    source = tmp_path / "docs"
    source.mkdir()
    (source / "xss.txt").write_text(
        '"><img src=x onerror=alert(1)> 标题\n区长<script>alert("镇长")</script>杨国昕主持会议。',
        encoding="utf-8")
    build([source], tmp_path / "index")
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    for url in ("/search?q=杨国昕", "/search?q=script", "/doc/xss?q=alert", "/search?q=%3Cscript%3E"):
        body = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in body and "<img src=x" not in body, url
    assert "&lt;script&gt;" in client.get("/doc/xss").get_data(as_text=True)


def test_missing_index_is_a_clear_503(tmp_path):
    from web import create_app

    client = create_app({"INDEX_DIR": str(tmp_path / "none"), "TESTING": True}).test_client()
    response = client.get("/api/search?q=x")
    assert response.status_code == 503 and "archive reindex" in response.get_json()["error"]


def test_paging_links_keep_the_query(client):
    response = client.get("/search?q=书记&region=51&sort=date")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    link = next(part for part in page.split('href="') if part.startswith("/api/search") or
                part.startswith("/search.json"))
    params = parse_qs(urlparse(link.split('"')[0].replace("&amp;", "&")).query)
    assert params == {"q": ["书记"], "region": ["51"], "sort": ["date"]}


def test_a_document_whose_id_ends_in_json_has_its_own_page(tmp_path):
    """Ids 'dup' and 'dup.json' (a record's id, or a file dup.json.txt): /doc/dup.json
    is dup's JSON, so the second is read as dup-json, reachable as page and data."""
    from archive.ingest import safe_id
    from indexer import build
    from web import create_app

    from .conftest import write_jsonl

    assert safe_id("dup.json") == "dup-json" and safe_id("A.JSON") == "A-JSON"
    (tmp_path / "src").mkdir()
    write_jsonl(tmp_path / "src" / "ids.jsonl", [{"id": "dup", "text": "第一篇 甲"},
                                                  {"id": "dup.json", "text": "第二篇 乙"}])
    (tmp_path / "src" / "report.json.txt").write_text("第三篇 丙", encoding="utf-8")
    build([tmp_path / "src"], tmp_path / "index")
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    assert client.get("/doc/dup.json").get_json()["id"] == "dup"
    assert "第二篇" in client.get("/doc/dup-json").get_data(as_text=True)
    assert client.get("/doc/dup-json.json").get_json()["id"] == "dup-json"
    assert "第三篇" in client.get("/doc/report-json").get_data(as_text=True)
