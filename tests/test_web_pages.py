"""The search pages on the seed index: what each hit shows, the facets, and their links.

Every facet link is followed: the page it opens must count what the link said.
"""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlparse

import pytest


class Links(HTMLParser):
    """Anchors on a page with their text, the element they sit in, and the count beside them."""

    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self._open: dict | None = None
        self._sections: list[str] = []
        self._in_count = False
        self._last_in_item: dict | None = None   # a count belongs to a link in its own <li>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li":
            self._last_in_item = None
        if tag == "section" and attrs.get("aria-labelledby"):
            self._sections.append(attrs["aria-labelledby"])
        if tag == "a" and attrs.get("href"):
            self._open = {"href": attrs["href"], "text": "", "section": self._sections[-1]
                          if self._sections else None, "count": None,
                          "label": attrs.get("aria-label")}
            self.links.append(self._open)
        if tag == "span" and attrs.get("class") == "count":
            self._in_count = True

    def handle_endtag(self, tag):
        if tag == "a":
            if self._last_in_item is None:
                self._last_in_item = self._open
            self._open = None
        if tag == "section" and self._sections:
            self._sections.pop()

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data
        elif self._in_count:
            if self._last_in_item is not None and self._last_in_item["count"] is None:
                self._last_in_item["count"] = int(data.strip())
            self._in_count = False


def links_of(html: str) -> list[dict]:
    parser = Links()
    parser.feed(html)
    return parser.links


def total_on(html: str) -> int:
    return int(re.search(r'<h1 id="summary" class="summary">\s*<strong>(\d+)</strong>', html).group(1))


def params(href: str) -> dict:
    """The query parameters of a link (as the parser gives it: entities already decoded)."""
    return {k: v[0] for k, v in parse_qs(urlparse(href).query).items()}


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.get_data(as_text=True)[:500])
    return response.get_data(as_text=True)


def test_home_has_stats_examples_that_find_something_and_opensearch(client):
    html = page(client, "/")
    assert '<html lang="zh-Hans">' in html
    assert re.search(r"<dt>文章 Documents</dt><dd>5</dd>", html)
    # 2020-06-24 is the earliest day; the latest document is known only to the year.
    assert "2020-06-24 … 2025" in html
    assert "简体 2 · 繁體 3" in html
    assert 'rel="search" type="application/opensearchdescription+xml"' in html
    examples = [link["href"] for link in links_of(html) if link["href"].startswith("/search?q=")]
    assert len(examples) >= 5
    for href in examples:
        assert total_on(page(client, href)) >= 1, href


def test_each_hit_shows_title_date_at_its_precision_regions_officials_and_snippet(client):
    html = page(client, "/search?q=书记&sort=date")
    assert total_on(html) == 4
    # Dates as precise as the documents allow, never more.
    assert '<time class="date" datetime="2022-09-25"' in html
    assert '<time class="date" datetime="2025"' in html and ">2025</time>" in html
    assert "3月2日 <small>(year unknown)</small>" in html
    # An untitled document is named by its first line.
    assert ">9月25日下午,新桥镇传达学习区" in html
    assert "四川省 › 绵阳市 › 游仙区 › 新桥镇" in html
    assert "任俊洁" in html
    # Highlighted in each document's own script, marked with its language.
    assert "<mark>書記</mark>" in html and "<mark>书记</mark>" in html
    assert html.count('<li lang="zh-Hant">') == 2 and html.count('<li lang="zh-Hans">') == 2
    assert re.search(r"<small>· \d+ ms</small>", html)


def test_sort_by_date_lists_newest_first_and_undated_last(client):
    data = client.get("/api/search?q=书记&sort=date").get_json()
    assert [h["date"]["value"] if h["date"] else None for h in data["hits"]][:3] == \
        ["2025", "2022-09-25", "2020-06-24"]


def test_every_facet_link_round_trips_to_its_count(client):
    for url in ("/search?q=书记", "/search?q=书记&region=51", "/search?q=书记&region=5116",
                "/search?q=书记&from=2022&to=2022", "/search?official=任俊洁"):
        html = page(client, url)
        facet_links = [link for link in links_of(html)
                       if link["section"] and link["section"].startswith("facet-") and link["count"]
                       and "remove" not in (link["label"] or "")]
        assert facet_links, url
        for link in facet_links:
            assert total_on(page(client, link["href"])) == link["count"], (url, link)


def test_region_facet_drills_down_and_the_breadcrumb_steps_back_up(client):
    def region_values(url):
        return {link["text"]: link for link in links_of(page(client, url))
                if link["section"] == "facet-region"}

    top = region_values("/search?q=书记")
    assert {"四川省", "江苏省", "广东省"} <= set(top) and top["四川省"]["count"] == 2
    cities = region_values(top["四川省"]["href"])
    assert {"绵阳市", "广安市", "全部"} <= set(cities)
    counties = region_values(cities["绵阳市"]["href"])
    assert "游仙区" in counties and "四川省" in counties    # child, and the crumb above
    townships = region_values(counties["游仙区"]["href"])
    assert townships["新桥镇"]["count"] == 1
    # Every step back up is a link that removes or widens the one filter.
    assert params(townships["绵阳市"]["href"]) == {"q": "书记", "region": "5107"}
    assert params(townships["全部"]["href"]) == {"q": "书记"}


def test_filter_chips_remove_exactly_one_filter(client):
    html = page(client, "/search?q=书记&region=51&from=2022&to=2022&script=simplified&sort=date")
    removers = {link["label"]: params(link["href"]) for link in links_of(html)
                if "remove" in (link["label"] or "")}
    everything = {"q": "书记", "region": "51", "from": "2022", "to": "2022",
                  "script": "simplified", "sort": "date"}
    assert removers["去掉地区筛选 · remove region filter"] == {k: v for k, v in everything.items() if k != "region"}
    assert removers["去掉日期筛选 · remove date filter"] == {k: v for k, v in everything.items()
                                              if k not in ("from", "to")}
    assert removers["去掉字体筛选 · remove script filter"] == {k: v for k, v in everything.items() if k != "script"}
    # Removing the only filter of a search without words leads home, not to a 400.
    alone = links_of(page(client, "/search?official=任俊洁&sort=date"))
    assert next(link for link in alone if link["label"] == "去掉官员筛选 · remove official filter")["href"] == "/"


def test_official_facet_shows_office_region_and_trail(client, seed_documents):
    def office_of(prefix, name):
        return next(o.title for o in seed_documents[prefix].officials if o.name == name)

    html = page(client, "/search?q=任俊洁")
    assert f"<small>{office_of('000', '任俊洁')} · 新桥镇</small>" in html
    trail = next(link for link in links_of(html) if link["text"] == "时间线")
    assert trail["href"] == "/official/%E4%BB%BB%E4%BF%8A%E6%B4%81"
    assert "2022-09-25" in page(client, trail["href"])
    # A traditional spelling filters the same official.
    data = client.get("/api/search?official=楊國昕").get_json()
    assert [h["id"] for h in data["hits"]] == ["001_0c41b430a93a6d9e"]
    facet = next(f for f in data["facets"]["official"] if f["selected"])
    assert facet["name"] == "杨国昕" and facet["region"] == "丰泽区"
    assert facet["title"] == office_of("001", "楊國昕")


def test_date_histogram_is_svg_with_a_link_per_bar(client):
    html = page(client, "/search?q=书记")
    svg = html[html.index("<svg"):html.index("</svg>")]
    bars = re.findall(r'<a href="([^"]+)" aria-label="(\d{4}): (\d+)">', svg)
    assert [(year, int(count)) for _href, year, count in bars] == [("2020", 1), ("2022", 1), ("2025", 1)]
    # Empty years between keep their slot, labelled but not linked.
    assert ">2021</text>" in svg and "<script" not in svg
    for href, year, count in bars:
        href = unescape(href)
        assert params(href)["from"] == params(href)["to"] == year
        assert total_on(page(client, href)) == int(count)
    assert "year unknown" in html


def test_one_year_shows_its_months_and_counts_year_only_dates_apart(client):
    months = page(client, "/search?q=书记&from=2022&to=2022")
    assert 'aria-label="2022-09: 1"' in months and "日期 Date · 2022" in months
    year_only = client.get("/api/search?q=书记&from=2025&to=2025").get_json()
    assert year_only["total"] == 1
    # The 2025 document is dated only to the year: it is in no month's bar.
    assert year_only["facets"]["date"] == [] and year_only["facets"]["date_year_only"] == 1
    assert "2025, month unknown" in page(client, "/search?q=书记&from=2025&to=2025")


def test_document_page_metadata_toggle_and_language(client):
    html = page(client, "/doc/001_0c41b430a93a6d9e?q=杨国昕")
    assert '<html lang="zh-Hant">' in html and "<mark>楊國昕</mark>" in html
    assert "福建省 › 泉州市 › 丰泽区" in html and "<code>350503</code>" in html
    toggles = {link["text"]: link["href"] for link in links_of(html)}
    simplified = page(client, toggles["简体"])
    assert '<html lang="zh-Hans">' in simplified and "<mark>杨国昕</mark>" in simplified
    dated = page(client, "/doc/000_13eb6cda136f1765")
    assert "precision: day; evidence: 9月25日" in dated
    assert client.get("/doc/001_0c41b430a93a6d9e?script=latin").status_code == 400


@pytest.mark.parametrize("url", ["/", "/search?q=书记", "/doc/000_13eb6cda136f1765", "/official/任俊洁"])
def test_pages_are_labelled_and_keyboard_reachable(client, url):
    html = page(client, url)
    assert 'class="skip" href="#main"' in html and 'id="main"' in html
    # Every form field has a label that names it.
    for field_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
        assert f'for="{field_id}"' in html, field_id
    assert "<script>" not in html  # scripts come only from /static


def test_a_search_cut_short_by_the_time_limit_says_so(client, monkeypatch):
    import indexer.search

    monkeypatch.setattr(indexer.search, "SEARCH_SECONDS", 0.0)
    response = client.get("/search?q=书记")
    assert response.status_code == 200
    assert "results may be incomplete" in response.get_data(as_text=True)
    assert client.get("/api/search?q=书记").get_json()["timed_out"] is True


def test_regions_and_officials_on_a_hit_are_links_adding_that_filter(client):
    html = page(client, "/search?q=书记&sort=date")
    hit_links = [link for link in links_of(html) if link["section"] == "summary"]
    region = next(link for link in hit_links if link["text"] == "四川省 › 绵阳市 › 游仙区 › 新桥镇")
    assert params(region["href"]) == {"q": "书记", "sort": "date", "region": "510704102"}
    official = next(link for link in hit_links if link["text"] == "楊國昕" or link["text"] == "任俊洁")
    narrowed = page(client, official["href"])
    assert params(official["href"])["official"] == official["text"] and total_on(narrowed) == 1
