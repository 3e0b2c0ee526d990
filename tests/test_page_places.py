"""Townships a county or township site names without their county, settled
by the page's other clues. Texts are written for these tests in the style of
such sites (story, then the site's footer)."""
from __future__ import annotations

import pytest

from archive import gazetteer
from archive.extract import extract
from archive.ingest import RawDocument
from archive.page_places import division_of_code, publisher_places, site_code_places
from archive.script import fold

STORY = ("龙门镇开展森林防火专项检查\n\n4月22日，镇安办对辖区内森林防火卡点开展专项检查，"
         "要求值守人员严格登记进出山人员，严防火源进山。\n\n下一步，龙门镇将继续加大巡查力度。")


def keys(text: str) -> set[str]:
    document = extract(RawDocument(id="t", text=text, origin="test"))
    return {r.key for r in document.regions + document.mentioned_regions}


def test_repeated_township_alone_is_not_guessed():
    assert len(gazetteer.load().lookup("龙门镇")) > 10
    assert not any(key.startswith("5") for key in keys(STORY))


@pytest.mark.parametrize("footer", [
    "使用帮助 | 网站地图\n备案号：蜀ICP备00000000号\n政府网站标识码：5118260001",
    "使用帮助 | 网站地图\n川公网安备 51182602000001号",
])
def test_site_identifier_codes_settle_the_township(footer):
    assert "511826106" in keys(STORY + "\n\n" + footer)     # 芦山县's 龙门镇


def test_codes_name_provinces_cities_and_counties_and_ignore_unknown_ones():
    gaz = gazetteer.load()
    assert division_of_code("510000", gaz).key == "51"
    assert division_of_code("511800", gaz).key == "5118"
    assert division_of_code("511826", gaz).key == "511826"
    assert division_of_code("999999", gaz) is None
    assert site_code_places(fold("政府网站标识码:9999990001 粤公网安备 4413220200000号"), gaz) == set()


def test_the_sites_name_set_aside_by_cleaning_settles_the_township():
    gaz = gazetteer.load()
    assert "511826" in publisher_places("", fold("主办：芦山县人民政府 承办：县政府办公室"), gaz)


def test_publisher_is_support_not_a_region_of_the_story():
    found = keys(STORY + "\n\n政府网站标识码：5118260001")
    assert "511826" not in found


def test_neighbouring_townships_settle_a_repeated_one():
    # 城关镇 is in 88 counties; beside 侯庙镇 and 后方乡 it is 台前县's.
    text = "9月29日，县长带队沿河巡查，先后到侯庙镇、后方乡、城关镇查看堤防险工险段。"
    assert {"410927101", "410927200", "410927100"} <= keys(text)


def test_two_repeated_townships_of_one_county_settle_each_other():
    # 双井镇 is in three counties; 牙里镇 only in 魏县, which has a 双井镇 too.
    assert "130434103" in keys("县委书记到双井镇、牙里镇检查疫情防控卡口运行情况。")


@pytest.mark.parametrize("chrome", [
    "版权所有：芦山县人民政府 蜀ICP备00000000号",          # footer, set aside by cleaning
    "当前位置：芦山县人民政府 > 乡镇动态 > 龙门镇",          # breadcrumb, set aside by cleaning
    "来源：芦山县融媒体中心",                              # source line, kept in the body
])
def test_the_sites_name_or_source_line_settles_the_township_end_to_end(chrome):
    document = extract(RawDocument(id="t", text=STORY + "\n\n" + chrome, origin="test"))
    assert [r.key for r in document.regions] == ["511826106"]
