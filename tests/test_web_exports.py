"""The same search as JSON, CSV, Atom; and the OpenSearch description."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlparse

ATOM = "{http://www.w3.org/2005/Atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def office_of(document, name: str) -> str:
    """The office the extracted document gives an official: what the site must show for them."""
    return next(o.title for o in document.officials if o.name == name)


def test_json_has_hits_facets_and_links_to_the_other_formats(client, seed_documents):
    data = client.get("/search.json?q=书记&region=51").get_json()
    assert data["total"] == 2 and data["filters"] == {"region": "51"}
    assert {f["name"] for f in data["facets"]["region"]} == {"绵阳市", "广安市"}
    assert [f["name"] for f in data["facets"]["region_trail"]] == ["四川省"]
    assert data["links"]["csv"].endswith("/search.csv?q=%E4%B9%A6%E8%AE%B0&region=51")
    official = next(f for f in data["facets"]["official"] if f["name"] == "任俊洁")
    office = office_of(seed_documents["000"], "任俊洁")
    assert official["title"] == office and official["region_key"] == "510704102"
    trail = client.get(official["trail"].replace("http://localhost", "")).get_json()
    assert [entry["id"] for entry in trail["trail"]] == ["000_13eb6cda136f1765"]
    assert trail["trail"][0]["office"] == office


def test_csv_is_one_row_per_hit_with_metadata(client, seed_documents):
    response = client.get("/search.csv?q=书记&sort=date")
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")  # spreadsheets then read UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert response.headers["X-Total-Count"] == "4" and len(rows) == 4
    first = rows[1]
    assert first["id"] == "000_13eb6cda136f1765"
    assert first["date"] == "2022-09-25" and first["date_precision"] == "day"
    assert first["regions"] == "四川省 > 绵阳市 > 游仙区 > 新桥镇" and first["region_codes"] == "510704102"
    assert f"任俊洁 ({office_of(seed_documents['000'], '任俊洁')})" in first["officials"]
    assert first["url"] == "http://localhost/doc/000_13eb6cda136f1765"
    assert "书记" in first["snippet"] and "<mark>" not in first["snippet"]
    assert rows[0]["date"] == "2025" and rows[0]["date_precision"] == "year"
    # A cell starting with "-" would be a formula in a spreadsheet: it is quoted.
    assert rows[3]["date_precision"] == "month-day" and rows[3]["date"] == "'--03-02"


def test_atom_feed_lists_newest_first_and_is_valid_xml(client):
    response = client.get("/search.atom?q=书记")
    assert response.content_type == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text.rsplit("/", 1)[1] for e in entries] == [
        "003_338d0cae8ab6b9f3", "000_13eb6cda136f1765", "002_67be057462c6ef43", "004_e1d971ffbbe87bc6"]
    assert entries[1].find(f"{ATOM}updated").text == "2022-09-25T12:00:00Z"
    # The undated document has no published date; its updated time is the index's.
    assert entries[3].find(f"{ATOM}published") is None
    assert feed.find(f"{ATOM}updated").text == max(e.find(f"{ATOM}updated").text for e in entries)
    summary = entries[1].find(f"{ATOM}summary")
    assert summary.get("type") == "html" and "<mark>书记</mark>" in summary.text
    self_link = next(link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert parse_qs(urlparse(self_link.get("href")).query) == {"q": ["书记"]}
    # The feed of an official, the way a researcher would follow them.
    official = ET.fromstring(client.get("/search.atom?official=楊國昕").data)
    assert len(official.findall(f"{ATOM}entry")) == 1


def test_search_page_links_its_feed_and_exports(client):
    html = client.get("/search?q=书记&region=51").get_data(as_text=True)
    assert ('<link rel="alternate" type="application/atom+xml" title="新文章 / New documents: 书记" '
            'href="/search.atom?q=%E4%B9%A6%E8%AE%B0&amp;region=51">') in html
    assert 'href="/search.csv?q=%E4%B9%A6%E8%AE%B0&amp;region=51"' in html


def test_opensearch_description_points_at_the_search(client):
    response = client.get("/opensearch.xml")
    assert response.content_type == "application/opensearchdescription+xml; charset=utf-8"
    description = ET.fromstring(response.data)
    templates = {u.get("type"): u.get("template") for u in description.findall(f"{OPENSEARCH}Url")}
    assert templates["text/html"] == "http://localhost/search?q={searchTerms}"
    assert description.find(f"{OPENSEARCH}InputEncoding").text == "UTF-8"
    # The template, filled in, is a working search.
    filled = templates["text/html"].replace("{searchTerms}", "任俊潔").replace("http://localhost", "")
    assert client.get(filled).status_code == 200
