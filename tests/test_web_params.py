"""Numbers in requests, page_size, CORS on the JSON, and absolute links from BASE_URL."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from indexer import QueryError, SearchRequest
from indexer.query import MAX_PAGE_SIZE, parse_number

SEARCHES = ["/search", "/search.json", "/api/search", "/search.csv"]
# Characters str.isdigit() accepts (some of which int() refuses) and other scripts' digits.
NOT_ASCII_DIGITS = ["²", "¹", "³", "⁴", "①", "١", "３", "٣", "𝟐", "1²", "²0"]


@pytest.mark.parametrize("value", NOT_ASCII_DIGITS + ["", " 1", "+1", "-1", "1.0", "0x1", "1_0", "1e2"])
def test_only_ascii_digits_are_numbers(value):
    with pytest.raises(QueryError, match="whole number from 1 to 9"):
        parse_number(value, "n", 1, 9)


@pytest.mark.parametrize("name", ["page", "page_size"])
@pytest.mark.parametrize("value", NOT_ASCII_DIGITS + ["0", "101000", "9" * 40])
@pytest.mark.parametrize("path", SEARCHES)
def test_a_number_not_written_in_ascii_digits_answers_400(client, path, name, value):
    response = client.get(path, query_string={"q": "书记", name: value})
    assert response.status_code == 400, (path, name, value)
    assert name in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["from", "to"])
@pytest.mark.parametrize("value", ["２０２０", "٢٠٢٠", "2020-０１", "2020-1-²"])
def test_dates_take_ascii_digits_only(client, name, value):
    response = client.get("/api/search", query_string={"q": "书记", name: value})
    assert response.status_code == 400 and "not a date" in response.get_json()["error"]


def test_page_size_sets_the_page_and_links_keep_it(client):
    everything = client.get("/api/search?q=书记&page_size=100").get_json()
    assert everything["total"] >= 3, "the seeds should give several hits for 书记"
    first = client.get("/api/search?q=书记&page_size=1").get_json()
    assert first["page_size"] == 1 and len(first["hits"]) == 1
    assert first["pages"] == everything["total"]
    assert first["filters"] == {}   # a page size narrows nothing
    for link in first["links"].values():
        if "search.atom" not in link:
            assert "page_size=1" in link, link
    second = client.get("/api/search?q=书记&page_size=1&page=2").get_json()
    assert [second["hits"][0]["id"]] == [h["id"] for h in everything["hits"][1:2]]
    # The HTML page honours it and its page links carry it on.
    page = client.get("/search?q=书记&page_size=1").get_data(as_text=True)
    hits = page.split('<ol class="hits"', 1)[1].split("</ol>", 1)[0]
    assert hits.count("<h2>") == 1
    assert "page_size=1&amp;page=2" in page or "page=2&amp;page_size=1" in page
    rows = client.get("/search.csv?q=书记&page_size=2").get_data(as_text=True).strip().splitlines()
    assert len(rows) == 1 + 2


def test_csv_keeps_its_own_default_page_and_the_feed_ignores_page_size(client):
    total = client.get("/api/search?q=书记").get_json()["total"]
    rows = client.get("/search.csv?q=书记").get_data(as_text=True).strip().splitlines()
    assert len(rows) == 1 + min(total, MAX_PAGE_SIZE)
    feed = client.get("/search.atom?q=书记&page_size=1").get_data()
    entries = ET.fromstring(feed).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == min(total, 30)


def test_page_size_from_params_defaults_to_the_callers():
    assert SearchRequest.from_params({"q": "a"}, page_size=25).page_size == 25
    assert SearchRequest.from_params({"q": "a", "page_size": "7"}, page_size=25).page_size == 7
    assert "page_size" not in SearchRequest.from_params({"q": "a"}).params()


JSON_URLS = ["/search.json?q=书记", "/api/search?q=书记", "/doc/001_0c41b430a93a6d9e.json",
             "/api/search?q=%22", "/doc/nothing.json"]


@pytest.mark.parametrize("url", JSON_URLS)
def test_read_only_json_may_be_read_from_anywhere(client, url):
    assert client.get(url).headers.get("Access-Control-Allow-Origin") == "*"


def test_official_json_may_be_read_from_anywhere(client):
    name = client.get("/api/search?q=杨国昕").get_json()["facets"]["official"][0]["name"]
    response = client.get(f"/official/{name}.json")
    assert response.status_code == 200
    assert response.headers.get("Access-Control-Allow-Origin") == "*"


@pytest.mark.parametrize("url", ["/", "/search?q=书记", "/search.csv?q=书记", "/search.atom?q=书记",
                                 "/doc/001_0c41b430a93a6d9e", "/opensearch.xml"])
def test_html_and_other_formats_carry_no_cors_header(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


HOSTILE = {"Host": "evil.example", "X-Forwarded-Host": "evil2.example", "Forwarded": "host=evil3.example"}
ABSOLUTE_URLS = ["/api/search?q=杨国昕", "/search.json?q=杨国昕", "/search.atom?q=杨国昕",
                 "/opensearch.xml", "/search.csv?q=杨国昕", "/doc/001_0c41b430a93a6d9e.json"]


@pytest.fixture
def public_client(seed_index):
    from web import create_app

    app = create_app({"INDEX_DIR": str(seed_index), "TESTING": True,
                      "BASE_URL": "https://archive.example.org/news/"})
    return app.test_client()


@pytest.mark.parametrize("url", ABSOLUTE_URLS)
def test_base_url_wins_over_a_hostile_host(public_client, url):
    response = public_client.get(url, headers=HOSTILE)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "evil" not in body
    assert "https://archive.example.org/news/" in body


def test_base_url_links_in_json_point_at_the_public_address(public_client):
    data = public_client.get("/api/search?q=杨国昕", headers=HOSTILE).get_json()
    assert data["hits"][0]["url"] == "https://archive.example.org/news/doc/001_0c41b430a93a6d9e"
    assert data["links"]["csv"].startswith("https://archive.example.org/news/search.csv?")
    assert all(f["url"].startswith("https://archive.example.org/news/api/search?")
               for f in data["facets"]["region"])


def test_base_url_roots_the_pages_links_at_its_path(public_client):
    page = public_client.get("/search?q=杨国昕", headers=HOSTILE).get_data(as_text=True)
    assert "evil" not in page and 'href="/news/search' in page


def test_without_base_url_links_follow_the_host(client):
    data = client.get("/api/search?q=杨国昕", headers={"Host": "localhost:8123"}).get_json()
    assert data["hits"][0]["url"].startswith("http://localhost:8123/doc/")


@pytest.mark.parametrize("value", ["archive.example.org", "ftp://archive.example.org",
                                   "https://", "https://a.example/?x=1", "http://a.example:port/"])
def test_serve_refuses_a_base_url_that_is_not_one_in_one_line(seed_index, value, monkeypatch):
    # In process: the refusal is click's parameter check, before any server
    # starts (the real process is served below); a server that did start is a failure.
    from click.testing import CliRunner

    from archive.cli import cli
    from web import server

    monkeypatch.setattr(server, "bind", lambda *a, **k: pytest.fail(f"served on {value!r}"))
    result = CliRunner().invoke(cli, ["serve", "--index", str(seed_index), "--port", "1",
                                      "--base-url", value])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "base URL" in result.stderr


def test_archive_serve_takes_its_base_url_from_the_environment(seed_index):
    import os
    import socket
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", "from archive.cli import main; main()", "serve", "--index",
         str(seed_index), "--port", str(port), "--threads", "1"],
        env={**os.environ, "ARCHIVE_BASE_URL": "https://archive.example.org"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        with conn:
            conn.sendall(b"GET /opensearch.xml HTTP/1.1\r\nHost: evil.example\r\n"
                         b"Connection: close\r\n\r\n")
            data = b""
            while chunk := conn.recv(65536):
                data += chunk
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert data.startswith(b"HTTP/1.1 200")
    assert b"evil" not in data and b'template="https://archive.example.org/search?q=' in data
