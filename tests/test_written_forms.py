"""What a reader sees is written as the documents write it, while what the
index files things under stays one folded key: an official of a traditional
document reads 市長 黃偉哲 in the hit, the facet and the trail, and links to
the one key 黄伟哲; a hit's places are the most specific ones it names (臺灣 ›
臺南市 › 東區 already says 臺南市)."""
from __future__ import annotations

import re
from html import unescape

import pytest


from .conftest import site_of
from .test_web_ui import links_of, params

# Written for these tests in the style of a Tainan city release and a county report.
TAINAN = {"id": "tn-east", "title": "東區中秋活動", "date": "2024-09-10",
          "text": "臺南市東區區公所今日舉辦中秋關懷活動，臺南市長黃偉哲出席致詞，"
                  "臺南市議員曾培雅也到場，與里民一同歡度佳節。"}
MIANYANG = {"id": "mianyang", "title": "新桥镇中秋慰问", "date": "2024-09-12",
            "text": "绵阳市游仙区新桥镇党委书记任俊洁带队开展中秋慰问活动，走访困难群众。"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return site_of(tmp_path_factory, "written", [TAINAN, MIANYANG], workers=1)


def hit_block(html: str, doc_id: str) -> str:
    start = html.index(f'href="/doc/{doc_id}')
    return html[start:html.index("</li>", start)]


def officials_line(block: str) -> tuple[str, str]:
    lang, inner = re.search(r'<p class="officials" lang="([^"]+)">(.*?)</p>', block, re.DOTALL).groups()
    return lang, unescape(re.sub(r"<[^>]+>", "", inner))


def test_a_hit_shows_offices_in_its_documents_script(site):
    html = site.get("/search?q=中秋").get_data(as_text=True)
    assert officials_line(hit_block(html, "tn-east")) == ("zh-Hant", "臺南市長 黃偉哲、臺南市議員 曾培雅")
    assert officials_line(hit_block(html, "mianyang")) == ("zh-Hans", "绵阳市游仙区新桥镇党委书记 任俊洁")
    # The links filter by the one folded key, whichever script the page shows.
    for link in links_of(hit_block(html, "tn-east")):
        if link["text"] == "黃偉哲":
            found = site.get(link["href"].replace("/search?", "/api/search?")).get_json()
            assert [hit["id"] for hit in found["hits"]] == ["tn-east"]


def test_a_hit_names_only_its_most_specific_places(site):
    html = site.get("/search?q=中秋").get_data(as_text=True)
    places = re.findall(r'<a class="region"[^>]*>([^<]+)</a>', hit_block(html, "tn-east"))
    assert places == ["臺灣 › 臺南市 › 東區"]
    # The data keeps every region the document is filed under.
    api = site.get("/api/search?q=中秋").get_json()
    tainan = next(hit for hit in api["hits"] if hit["id"] == "tn-east")
    assert {region["key"] for region in tainan["regions"]} == {"TW05", "TW0503"}


def test_the_official_facet_shows_each_official_as_written_and_keeps_the_folded_key(site):
    html = site.get("/search?q=中秋").get_data(as_text=True)
    facet = html[html.index('id="facet-official"'):]
    facet = facet[:facet.index("</section>")]
    entries = re.findall(r'<li class="official" lang="([^"]+)"><a href="([^"]+)">([^<]+)</a>.*?'
                         r'<small>([^<]*)</small>', facet, re.DOTALL)
    shown = {name: (lang, params(unescape(href))["official"], unescape(office))
             for lang, href, name, office in entries}
    assert shown["黃偉哲"] == ("zh-Hant", "黄伟哲", "臺南市長 · 臺南市")
    # A name the same in both scripts: the office in Taiwan says how it is written.
    assert shown["曾培雅"] == ("zh-Hant", "曾培雅", "臺南市議員 · 臺南市")
    assert shown["任俊洁"] == ("zh-Hans", "任俊洁", "绵阳市游仙区新桥镇党委书记 · 新桥镇")
    assert "黄伟哲" not in {name for name in shown}


@pytest.mark.parametrize("typed", ["黃偉哲", "黄伟哲"])
def test_the_trail_is_headed_and_its_offices_written_as_the_documents_write_them(site, typed):
    html = site.get(f"/official/{typed}").get_data(as_text=True)
    assert re.search(r'<h1><span lang="zh-Hant">黃偉哲</span> <small>', html)
    offices = re.findall(r'<tr><td lang="zh-Hant">([^<]+)</td>', html)
    assert offices == ["市長"]
    mainland = site.get("/official/任俊洁").get_data(as_text=True)
    assert re.search(r'<h1><span lang="zh-Hans">任俊洁</span> <small>', mainland)
    assert re.findall(r'<tr><td lang="zh-Hans">([^<]+)</td>', mainland) == ["绵阳市游仙区新桥镇党委书记"]


def test_counts_read_in_the_singular_for_one(site):
    def summary(url):
        html = site.get(url).get_data(as_text=True)
        heading = re.search(r'<h1 id="summary" class="summary">(.*?)<small>', html, re.DOTALL).group(1)
        return " ".join(unescape(re.sub(r"<[^>]+>", "", heading)).split())

    assert summary("/search?q=任俊洁") == "1 篇 document matches 任俊洁"
    assert summary("/search?q=中秋") == "2 篇 documents match 中秋"
    assert summary("/search?region=TW") == "1 篇 document"
    trail = site.get("/official/任俊洁").get_data(as_text=True)
    assert "· 1 document\n" in trail and "1 documents" not in trail
