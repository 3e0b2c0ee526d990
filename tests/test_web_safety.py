"""Hostile documents and hostile query strings, in every format the site speaks.

Text from documents and queries must come out as text: escaped in HTML and
XML, inert in CSV and JSON. And no query string, however odd, answers 500.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from indexer import build

from .conftest import write_jsonl

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = '<script>alert("x")</script>'
IMG = '"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory):
    from web import create_app

    root = tmp_path_factory.mktemp("hostile")
    source = root / "docs"
    source.mkdir()
    write_jsonl(source / "hostile.jsonl", [{
        "id": "hostile-1",
        "title": f'=HYPERLINK("http://evil.example"){SCRIPT}',
        "date": "2021-05-04",
        "source": f"<b>报</b>{IMG}",
        "url": "javascript:alert(document.cookie)",
        "text": f"游仙区新桥镇党委书记任俊洁主持会议。{IMG} 又见{SCRIPT}杨国昕\x01\x0b到场。]]>&amp;",
    }])
    build([source], root / "index")
    return create_app({"INDEX_DIR": str(root / "index"), "TESTING": True}).test_client()


def test_html_pages_escape_titles_text_and_metadata(hostile_client):
    for url in ("/search?q=杨国昕", "/search?q=script", "/search?q=%3Cscript%3E", "/search?q=onerror",
                "/doc/hostile-1", "/doc/hostile-1?q=alert", "/doc/hostile-1?q=杨国昕&script=traditional",
                "/official/任俊洁", "/search?q=" + IMG):
        body = hostile_client.get(url).get_data(as_text=True)
        assert "<script>alert" not in body and "<img src=x" not in body, url
        assert "<b>报</b>" not in body, url
    doc = hostile_client.get("/doc/hostile-1").get_data(as_text=True)
    assert "&lt;script&gt;alert" in doc and "&#34;&gt;&lt;img src=x onerror" in doc
    # A stored url that is not a web address is shown, never linked.
    assert 'href="javascript:' not in doc and "javascript:alert(document.cookie)" in doc


def test_json_carries_text_as_data_and_snippets_escaped(hostile_client):
    response = hostile_client.get("/api/search?q=杨国昕")
    assert response.content_type == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    hit = response.get_json()["hits"][0]
    assert hit["title"] == f'=HYPERLINK("http://evil.example"){SCRIPT}'
    assert "<script>" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    assert "<mark>杨国昕</mark>" in hit["snippet"]
    document = hostile_client.get("/doc/hostile-1.json").get_json()
    assert document["source_url"] == "javascript:alert(document.cookie)"


def test_csv_cells_cannot_run_as_formulas(hostile_client):
    response = hostile_client.get("/search.csv?q=杨国昕")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.content_type.startswith("text/csv")
    row = next(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert row["title"] == f'\'=HYPERLINK("http://evil.example"){SCRIPT}'
    assert row["source"] == f"<b>报</b>{IMG}"   # CSV is data: kept verbatim, served as text/csv


def test_atom_escapes_and_stays_well_formed(hostile_client):
    body = hostile_client.get("/search.atom?q=杨国昕").data
    feed = ET.fromstring(body)  # raises if control characters or markup broke the XML
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == f'=HYPERLINK("http://evil.example"){SCRIPT}'
    summary = entry.find(f"{ATOM}summary").text
    # The summary is HTML carried as text: a reader renders &lt;script&gt; as text.
    assert "<script>" not in summary and "&lt;script&gt;" in summary
    assert entry.find(f"{ATOM}author/{ATOM}name").text == f"<b>报</b>{IMG}"
    assert b"<script>" not in body and b"<img" not in body


@pytest.mark.parametrize("path", ["/search", "/search.json", "/api/search", "/search.csv", "/search.atom"])
@pytest.mark.parametrize("name,value", [
    ("q", "\x00"), ("q", "%"), ("q", "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")),
    ("q", "-"), ("q", "--"), ("q", '""'), ("q", '"-"'), ("q", "“引号”"), ("q", "*"), ("q", "a" * 257),
    ("q", "书记 " * 20), ("q", "OR AND NOT"), ("q", "\u200b"), ("q", "𠀀𠀁"), ("q", "<>&'\""),
    ("region", "0"), ("region", "51" * 30), ("region", "%00"), ("region", "新桥镇"), ("official", "\u3000"),
    ("from", "2020-13"), ("from", "0000"), ("from", "9999-99-99"), ("from", "2020-2-30"), ("to", "1999"),
    ("page", "-1"), ("page", "1e3"), ("page", "１"), ("page", "99999999999999999999"),
    ("sort", "date "), ("script", "Simplified"), ("page_size", "100000"),
])
def test_no_query_string_answers_500(client, path, name, value):
    for query in ({name: value}, {"q": "书记", name: value}):
        response = client.get(path, query_string=query)
        assert response.status_code in (200, 400), (path, query, response.status_code)
        body = response.get_data(as_text=True)
        assert "Traceback" not in body
        if response.status_code == 400 and path in ("/search.json", "/api/search"):
            assert json.loads(body)["error"]


@pytest.mark.parametrize("url", [
    "/doc/%00", "/doc/" + "x" * 300, "/doc/000_13eb6cda136f1765?script=" + "x" * 100,
    "/doc/000_13eb6cda136f1765?q=%22unbalanced", "/doc/000_13eb6cda136f1765?q=" + "长" * 10_000,
    "/official/" + "名" * 40, "/official/%20", "/official/nobody", "/official/nobody.json",
    "/search?q=a&q=b&region=51&region=nowhere", "/nothing-here",
])
def test_odd_urls_answer_with_a_status_not_a_crash(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404), (url, response.status_code)
    assert "Traceback" not in response.get_data(as_text=True)


def test_exports_answer_errors_as_plain_text(client):
    for url in ("/search.csv?q=a&from=2020-02-31", "/search.atom?region=nowhere"):
        response = client.get(url)
        assert response.status_code == 400 and response.content_type == "text/plain; charset=utf-8"
        assert response.get_data(as_text=True).startswith("400: ")


def test_a_bad_search_keeps_what_was_typed_to_mend_it(client):
    response = client.get("/search", query_string={"q": '杨国昕 "主持', "region": "nowhere"})
    body = response.get_data(as_text=True)
    assert response.status_code == 400 and "请求有误" in body
    assert 'value="杨国昕 &#34;主持"' in body and "unbalanced quotes" in body
