"""Taiwan's places are shown as Taiwan writes them (臺灣 › 臺南市 › 東區), in
every place a reader sees a region, while the key they are filed and filtered
under stays the gazetteer's one (TW05...)."""
from __future__ import annotations

import re

import pytest

from archive import gazetteer

from .conftest import site_of

# Written for this test in the style of a Tainan district office release.
TAINAN = {"id": "tn-east", "title": "東區公所舉辦中秋關懷活動",
          "date": "2024-09-10",
          "text": "臺南市東區區公所今日舉辦中秋關懷活動，東區區長王大明與里長們一同"
                  "發送物資，並邀請里民踴躍參加。"}
MAINLAND = {"id": "mianyang", "date": "2024-03-01",
            "text": "绵阳市游仙区新桥镇党委书记任俊洁主持召开镇党委会议，研究部署春耕工作。"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return site_of(tmp_path_factory, "taiwan", [TAINAN, MAINLAND], workers=1)


def test_every_taiwan_name_is_traditional_with_tai_and_no_province():
    gaz = gazetteer.load()
    taiwan = [d for d in gaz.by_key.values() if d.key.startswith("TW")]
    assert len(taiwan) > 300
    for div in taiwan:
        shown = gaz.display_name(div)
        assert "台" not in shown and "省" not in shown, shown
        assert shown != div.name or not re.search(r"[区县乡镇湾门东]", div.name), shown
    assert gaz.region(gaz.get("TW0420")).path == ("臺灣", "臺中市", "霧峰區")   # 峰, not 峯
    assert gaz.region(gaz.get("TW1104")).name == "苑裡鎮"                       # 裡, not 裏
    # The mainland's places keep the list's names.
    assert gaz.region(gaz.get("510704102")).path == ("四川省", "绵阳市", "游仙区", "新桥镇")


def test_document_json_shows_taiwan_form_and_keeps_the_key(site):
    doc = site.get("/doc/tn-east.json").get_json()
    regions = {r["key"]: r for r in doc["regions"] + doc["mentioned_regions"]}
    assert regions["TW0503"]["name"] == "東區"
    assert regions["TW0503"]["path"] == ["臺灣", "臺南市", "東區"]
    assert regions["TW0503"]["path_keys"] == ["TW", "TW05", "TW0503"]


def test_document_page_shows_taiwan_form(site):
    page = site.get("/doc/tn-east").get_data(as_text=True)
    assert '<a href="/search?region=TW0503">臺灣 › 臺南市 › 東區</a>' in page
    assert "台湾省" not in page and "台南市" not in page


def test_facet_breadcrumb_and_hit_line_show_taiwan_form(site):
    top = site.get("/api/search?q=中秋").get_json()
    assert [(f["key"], f["name"]) for f in top["facets"]["region"]] == [("TW", "臺灣")]
    hit = top["hits"][0]
    assert any(r["path"] == ["臺灣", "臺南市", "東區"] for r in hit["regions"])
    narrowed = site.get("/api/search?region=TW05").get_json()
    assert [f["name"] for f in narrowed["facets"]["region_trail"]] == ["臺灣", "臺南市"]
    assert [(f["key"], f["name"]) for f in narrowed["facets"]["region"]] == [("TW0503", "東區")]
    page = site.get("/search?q=中秋&region=TW05").get_data(as_text=True)
    assert "臺灣 › 臺南市 › 東區" in page and "台湾省" not in page
    assert '<strong aria-current="true">臺南市</strong>' in page


@pytest.mark.parametrize("region", ["TW0503", "TW05", "TW", "臺南市", "台南", "臺灣"])
def test_filters_by_key_or_either_script_find_the_document(site, region):
    found = site.get("/api/search", query_string={"region": region}).get_json()
    assert [h["id"] for h in found["hits"]] == ["tn-east"]


def test_an_ambiguous_name_offers_taiwan_places_in_taiwan_form(site):
    answer = site.get("/search", query_string={"region": "東區"})
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert '<a href="/search?region=TW0503">臺灣 › 臺南市 › 東區</a>' in page
    assert "台湾省" not in page


def test_mainland_documents_are_unchanged(site):
    doc = site.get("/doc/mianyang.json").get_json()
    assert ["四川省", "绵阳市", "游仙区", "新桥镇"] in [r["path"] for r in doc["regions"]]


def test_home_page_examples_name_taiwan_places_as_taiwan_writes_them(site):
    page = site.get("/").get_data(as_text=True)
    assert "東區" in page and "台湾省" not in page and "东区" not in page
