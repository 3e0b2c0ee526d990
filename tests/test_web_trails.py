"""Paging, date sorting, officials' trails, related documents and the month histogram,
on a small township archive: one party secretary over two years, a colleague, a year-only
and an undated document."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import build
from web.messages import chinese

from .conftest import site_of, write_jsonl
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
    records = township_records()
    assert len(records) == 26
    return site_of(tmp_path_factory, "township", records)


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


# -- a career longer than one page ---------------------------------------------
# The district head of seed 001 (traditional script, damaged) over five years:
# 60 reports as 區長, then 40 as 區委書記 (half of them converted to simplified
# script, so the office is spelled both ways), 4 dated to the year only, 1 to a
# month and day only, and 3 undated. 108 documents: three pages of 50.

def career_records() -> list[dict]:
    from archive.script import to_simplified
    from .conftest import seed_path

    head = seed_path("001").read_text(encoding="utf-8")
    secretary = head.replace("區(qū)長楊國昕", "區(qū)委書記楊國昕")
    rows = []
    for i in range(60):
        year, month, day = 2019 + i // 24, i // 2 % 12 + 1, i % 2 * 14 + 1
        rows.append({"id": f"head-{i:02d}", "date": f"{year}-{month:02d}-{day:02d}",
                     "text": f"第{i + 1}期\n{head}"})
    for i in range(40):
        text = f"第{i + 1}期\n{secretary}"
        rows.append({"id": f"sec-{i:02d}", "date": f"{2022 + i // 12}-{i % 12 + 1:02d}",
                     "text": to_simplified(text) if i % 2 else text})
    rows += [{"id": f"year-{i}", "date": "2018", "text": f"年度{i}\n{head}"} for i in range(4)]
    rows.append({"id": "monthday", "date": "--03-02", "text": f"月日\n{head}"})
    rows += [{"id": f"undated-{i}", "text": f"无日期{i}\n{secretary}"} for i in range(3)]
    return rows


CAREER_DATED = ([f"year-{i}" for i in range(4)] + [f"head-{i:02d}" for i in range(60)]
                + [f"sec-{i:02d}" for i in range(40)])
CAREER_UNDATED = ["monthday"] + [f"undated-{i}" for i in range(3)]


@pytest.fixture(scope="module")
def career(tmp_path_factory):
    records = career_records()
    assert len(records) == 108
    return site_of(tmp_path_factory, "career", records, workers=1)


def walk_json(client, url: str) -> list[dict]:
    """Every page of a trail's JSON, following its `next` links."""
    pages = []
    while url:
        data = client.get(url).get_json()
        pages.append(data)
        url = data["links"]["next"]
    return pages


def test_every_document_of_a_long_trail_is_on_one_page_oldest_first(career):
    pages = walk_json(career, "/official/杨国昕.json")
    assert [p["page"] for p in pages] == [1, 2, 3] and {p["pages"] for p in pages} == {3}
    assert [p["shown"] for p in pages] == [50, 50, 8]
    ids = [entry["id"] for page in pages for entry in page["trail"]]
    assert ids == CAREER_DATED + CAREER_UNDATED          # all of them, once, in date order
    assert pages[0]["documents"] == 108 and pages[0]["undated"] == 4
    # Links are absolute, like the search API's, and keep the order asked for.
    assert pages[0]["links"]["prev"] is None and pages[-1]["links"]["next"] is None
    assert pages[0]["links"]["next"] == \
        "http://localhost/official/%E6%9D%A8%E5%9B%BD%E6%98%95.json?page=2"
    assert pages[1]["links"]["prev"] == "http://localhost/official/%E6%9D%A8%E5%9B%BD%E6%98%95.json"
    assert pages[1]["links"]["html"] == "http://localhost/official/%E6%9D%A8%E5%9B%BD%E6%98%95?page=2"


def test_newest_first_reverses_the_dated_and_keeps_the_undated_last(career):
    pages = walk_json(career, "/official/楊國昕.json?order=newest")
    ids = [entry["id"] for page in pages for entry in page["trail"]]
    assert ids == CAREER_DATED[::-1] + CAREER_UNDATED
    assert all(p["order"] == "newest" for p in pages)
    assert pages[0]["links"]["next"].endswith(".json?order=newest&page=2")


def test_timeline_lists_each_office_once_with_its_first_and_last_date(career):
    data = career.get("/official/杨国昕.json?page=3").get_json()   # any page: the whole career
    timeline = [(o["office"], o["region"], o["first"] and o["first"]["value"],
                 o["last"] and o["last"]["value"], o["documents"]) for o in data["timeline"]]
    assert timeline == [
        ("区长", "丰泽区", "2018", "2021-06-15", 65),       # 60 dated, 4 year-only, 1 month-day
        ("区委书记", "丰泽区", "2022-01", "2025-04", 43),   # both scripts, and the 3 undated
    ]
    assert data["timeline"][0]["region_key"] == "350503"


def test_trail_page_pages_with_headings_per_year_and_stays_light(career):
    first = career.get("/official/杨国昕")
    html = first.get_data(as_text=True)
    assert html.count('<li>') == 50 and len(first.data) < 80_000
    assert "第 1 / 3 页" in html and "4 篇年份不详" in html
    years = re.findall(r'<h3 class="trail-year">([^<]+)</h3>', html)
    assert years == ["2018", "2019", "2020"]
    following = next(link for link in links_of(html) if link["text"] == "下一页 →")
    assert params(following["href"]) == {"page": "2"}
    last = career.get("/official/杨国昕?page=3").get_data(as_text=True)
    assert "下一页" not in last and "年份不详 year unknown" in last
    assert re.findall(r'<h3 class="trail-year">([^<]+)</h3>', last)[-1] == "年份不详 year unknown"
    # The timeline is above the documents, on every page.
    assert last.index("区委书记</td>") < last.index('class="trail-list"')
    newest = career.get("/official/杨国昕?order=newest").get_data(as_text=True)
    to_second = next(link for link in links_of(newest) if link["text"] == "下一页 →")
    assert params(to_second["href"]) == {"order": "newest", "page": "2"}
    assert re.findall(r'<h3 class="trail-year">([^<]+)</h3>', newest)[0] == "2025"


@pytest.mark.parametrize("query, message", [
    ("page=0", "page must be a whole number"),
    ("page=abc", "page must be a whole number"),
    ("page=-1", "page must be a whole number"),
    ("page=4", "page 4 is past the last page (3); this trail has 108 documents"),
    ("page=99999999999", "page must be a whole number"),
    ("order=sideways", "order must be oldest or newest"),
])
def test_bad_trail_parameters_answer_400_with_a_message(career, query, message):
    for path in ("/official/杨国昕", "/official/杨国昕.json"):
        response = career.get(f"{path}?{query}")
        assert response.status_code == 400
        body = response.get_data(as_text=True)
        assert message in body and "Traceback" not in body
    # Chinese first, its own reading, not the status's fallback, as every search error
    data = career.get(f"/official/杨国昕.json?{query}").get_json()
    assert data["status"] == 400 and data["error_zh"] != "请求有误"
    assert chinese(data["error"]) == data["error_zh"] and data["error"].isascii()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.one_of(st.none(), st.integers(-5, 10).map(str), st.text(max_size=12),
                     st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=3)),
       order=st.one_of(st.none(), st.sampled_from(["oldest", "newest", "Newest", ""]),
                       st.text(max_size=12)))
def test_any_page_or_order_is_a_page_or_a_400_never_a_500(career, page, order):
    query = urlencode({k: v for k, v in (("page", page), ("order", order)) if v is not None})
    response = career.get(f"/official/杨国昕.json?{query}")
    data = response.get_json()
    if response.status_code == 200:
        assert 1 <= data["page"] <= 3 and data["order"] in ("oldest", "newest")
        assert len(data["trail"]) == (8 if data["page"] == 3 else 50)
    else:
        assert response.status_code == 400 and data["error"]


@pytest.mark.parametrize("page", ["²", "٣", "１", "1.0", "+1", "1e3", "0x1"])
def test_page_numbers_are_ascii_digits_everywhere(town, page):
    """str.isdigit() takes "²" (which int() refuses: a 500) and "٣" (read as 3): both are 400."""
    for path in ("/search?q=任俊洁&", "/api/search?q=任俊洁&", "/search.csv?q=任俊洁&",
                 "/official/任俊洁?", "/official/任俊洁.json?"):
        response = town.get(f"{path}{urlencode({'page': page})}")
        assert response.status_code == 400, (path, page)
        assert "page must be a whole number" in response.get_data(as_text=True)


def test_trail_follows_the_index_when_documents_change(tmp_path):
    """A trail's outline is kept per index version: a reindex that changes a date,
    adds a document or drops one is seen on the next request."""
    from web import create_app

    rows = [{"id": f"t-{i}", "date": f"202{i}-01-01",
             "text": f"第{i}次\n游仙区新桥镇党委书记任俊洁主持召开镇党委会议。"} for i in range(4)]
    (tmp_path / "docs").mkdir()
    source = write_jsonl(tmp_path / "docs" / "t.jsonl", rows)
    build([tmp_path / "docs"], tmp_path / "index", workers=1)
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    ids = lambda: [e["id"] for e in client.get("/official/任俊洁.json").get_json()["trail"]]  # noqa: E731
    assert ids() == ["t-0", "t-1", "t-2", "t-3"]
    rows[0]["date"] = "2029-01-01"                          # moved to the end
    rows.append({"id": "t-new", "text": "游仙区新桥镇党委书记任俊洁看望老党员。"})  # undated
    del rows[2]
    write_jsonl(source, rows)
    report = build([tmp_path / "docs"], tmp_path / "index", workers=1)
    assert (report.added, report.updated, report.deleted) == (1, 1, 1)
    assert ids() == ["t-1", "t-3", "t-0", "t-new"]
    data = client.get("/official/任俊洁.json").get_json()
    assert data["documents"] == 4 and data["undated"] == 1
    assert [(o["first"]["value"], o["last"]["value"], o["documents"]) for o in data["timeline"]] == \
        [("2021-01-01", "2029-01-01", 4)]


def test_an_office_written_with_or_without_its_place_is_one_office():
    from indexer.trails import outline

    def meta(doc_id, title, date):
        return {"id": doc_id, "date": {"value": date, "precision": "day"},
                "officials": [{"name": "黃偉哲", "title": title, "region": "TW05"}], "regions": []}

    entries = [(1, 20200101, meta("a", "台南市长", "2020-01-01")),
               (2, 20210101, meta("b", "臺南市市長", "2021-01-01")),
               (3, 20220101, meta("c", "市长", "2022-01-01")),
               (4, 20230101, meta("d", "副市长", "2023-01-01"))]
    timeline = [(o.title, o.region_key, o.documents) for o in outline(entries, "黄伟哲").timeline]
    assert timeline == [("市长", "TW05", 3), ("副市长", "TW05", 1)]


def test_an_office_without_its_own_region_is_placed_at_the_level_its_post_names():
    from archive import gazetteer
    from indexer.trails import office_of

    east = next(d for d in gazetteer.load().by_key.values() if d.parent == "TW05" and d.name == "东区")

    def held(title: str, key: str) -> tuple:
        meta = {"officials": [{"name": "黃偉哲", "title": title}], "regions": [{"key": key, "name": ""}]}
        return office_of(meta, "黄伟哲")[2:]

    assert held("市长", east.key) == ("TW05", "臺南市")       # a mayor visiting a district
    assert held("区长", east.key) == (east.key, "東區")
    assert held("县长", east.key) == (None, None)               # no county above a city's district
    assert held("市委副书记、市长", "510704102") == ("5107", "绵阳市")
    assert held("镇党委书记", "510704102") == ("510704102", "新桥镇")
    assert held("秘书长", east.key) == (east.key, "東區")      # a post named after no unit
