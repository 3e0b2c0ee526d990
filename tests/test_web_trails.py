"""Paging, date sorting, officials' trails, related documents and the month histogram,
on a small township archive: one party secretary over two years, a colleague, a year-only
and an undated document."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from indexer import build

from .conftest import write_jsonl
from .test_web_pages import links_of, params, total_on

ATOM = "{http://www.w3.org/2005/Atom}"


def township_records() -> list[dict]:
    rows = []
    for i in range(24):
        year, month, day = 2021 + i // 12, i % 12 + 1, i % 27 + 1
        text = (f"{month}月{day}日，游仙区新桥镇党委书记任俊洁主持召开第{i + 1}次镇党委会议，"
                "研究部署乡村振兴工作。")
        if i == 5:
            text += "镇长罗舒参加会议。"
        rows.append({"id": f"town-{i:02d}", "title": f"新桥镇党委会议第{i + 1}次",
                     "date": f"{year}-{month:02d}-{day:02d}", "text": text})
    rows.append({"id": "town-year", "date": "2020",
                 "text": "游仙区新桥镇党委书记任俊洁到村里调研乡村振兴。镇长罗舒陪同。"})
    rows.append({"id": "town-undated", "text": "游仙区新桥镇党委书记任俊洁看望老党员。"})
    return rows


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    from web import create_app

    root = tmp_path_factory.mktemp("township")
    (root / "docs").mkdir()
    write_jsonl(root / "docs" / "town.jsonl", township_records())
    report = build([root / "docs"], root / "index")
    assert report.added == 26 and report.failed == 0
    return create_app({"INDEX_DIR": str(root / "index"), "TESTING": True}).test_client()


def test_pages_link_forward_and_back_and_stop_at_the_last(town):
    first = town.get("/search?q=任俊洁&sort=date").get_data(as_text=True)
    assert total_on(first) == 26 and "第 1 / 3 页" in first
    following = next(link for link in links_of(first) if link["text"] == "下一页 →")
    assert params(following["href"]) == {"q": "任俊洁", "sort": "date", "page": "2"}
    second = town.get(following["href"]).get_data(as_text=True)
    assert '<ol class="hits" start="11">' in second
    back = next(link for link in links_of(second) if link["text"] == "← 上一页")
    assert params(back["href"]) == {"q": "任俊洁", "sort": "date"}
    last = town.get("/search?q=任俊洁&sort=date&page=3").get_data(as_text=True)
    assert "下一页" not in last
    # Newest first, the year-only document before the undated one at the very end.
    assert re.findall(r'href="/doc/(town-[\w-]+)', last)[-2:] == ["town-year", "town-undated"]
    past = town.get("/search?q=任俊洁&page=4")
    assert past.status_code == 400 and "past the last page (3)" in past.get_data(as_text=True)


def test_official_trail_runs_oldest_first_with_the_office_each_time(town):
    trail = town.get("/official/任俊潔.json").get_json()   # traditional spelling of the name
    ids = [entry["id"] for entry in trail["trail"]]
    assert ids == ["town-year"] + [f"town-{i:02d}" for i in range(24)] + ["town-undated"]
    assert trail["documents"] == 26
    assert {entry["office"] for entry in trail["trail"]} == {"游仙区新桥镇党委书记"}
    assert trail["profile"]["region"] == "新桥镇"
    page = town.get("/official/任俊洁").get_data(as_text=True)
    assert "26 documents" in page and page.index("town-year") < page.index("town-00")
    assert town.get("/official/王五").status_code == 404


def test_related_documents_share_most_then_lie_nearest_in_date(town):
    page = town.get("/doc/town-05").get_data(as_text=True)
    related = page[page.index('id="related-heading"'):]
    ids = re.findall(r'href="/doc/(town-[\w-]+)"', related)
    assert len(ids) == 8 and "town-05" not in ids
    # town-year shares both officials and the township; then the secretary's
    # meetings a month before and after.
    assert ids[0] == "town-year" and set(ids[1:3]) == {"town-04", "town-06"}
    assert "同: 任俊洁、罗舒、新桥镇" in related


def test_year_bars_then_months_with_year_only_dates_apart(town):
    years = town.get("/api/search?official=任俊洁").get_json()["facets"]
    assert [(d["value"], d["count"]) for d in years["date"]] == [("2020", 1), ("2021", 12), ("2022", 12)]
    assert years["date_unknown"] == 1
    months = town.get("/api/search?official=任俊洁&from=2021&to=2021").get_json()["facets"]
    assert [d["value"] for d in months["date"]] == [f"2021-{m:02d}" for m in range(1, 13)]
    html = town.get("/search?official=任俊洁&from=2021&to=2021").get_data(as_text=True)
    assert len(re.findall(r'aria-label="2021-\d\d: 1"', html)) == 12
    one_month = town.get("/search?official=任俊洁&from=2021-06&to=2021-06").get_data(as_text=True)
    assert total_on(one_month) == 1
    back_to_year = next(link for link in links_of(one_month) if link["text"] == "← 2021")
    assert params(back_to_year["href"]) == {"official": "任俊洁", "from": "2021", "to": "2021"}
    year_only = town.get("/api/search?official=任俊洁&from=2020&to=2020").get_json()["facets"]
    assert year_only["date"] == [] and year_only["date_year_only"] == 1


def test_township_is_the_bottom_of_the_region_tree(town):
    html = town.get("/search?q=任俊洁&region=510704102").get_data(as_text=True)
    crumbs = [link["text"] for link in links_of(html) if link["section"] == "facet-region"]
    assert crumbs == ["全部", "四川省", "绵阳市", "游仙区"]
    assert "no finer division" in html and "<strong aria-current=\"true\">新桥镇</strong>" in html


def test_feed_and_csv_cover_the_township(town):
    feed = ET.fromstring(town.get("/search.atom?region=510704102").data)
    ids = [e.find(f"{ATOM}id").text.rsplit("/", 1)[1] for e in feed.findall(f"{ATOM}entry")]
    assert len(ids) == 26 and ids[0] == "town-23" and ids[-1] == "town-undated"
    response = town.get("/search.csv?region=510704102&sort=date")
    assert response.headers["X-Total-Count"] == "26"
    assert len(response.get_data(as_text=True).strip().splitlines()) == 27
