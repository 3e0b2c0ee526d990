"""Issue 12 on the real app: date bars that stay inside the range, help for empty
results, highlights in titles and whole matches in snippets, the document's
script toggle, the phone filters control, and bilingual errors that keep what
was valid."""
from __future__ import annotations

import re
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from archive.script import to_simplified, to_traditional
from indexer.query import SearchRequest, parse_date_bound
from web import histogram
from web.histogram import WIDTH, bar_range, label_width

from .test_web_pages import links_of, page, params, total_on


# -- date bars ------------------------------------------------------------

def test_a_bar_links_to_its_span_within_the_current_range(client):
    url = "/search?q=书记&from=2021&to=2025-06"
    html = page(client, url)
    svg = html[html.index("<svg"):html.index("</svg>")]
    bars = {year: (unescape(href), int(count))
            for href, year, count in re.findall(r'<a href="([^"]+)" aria-label="(\d{4}): (\d+)">', svg)}
    assert set(bars) == {"2022", "2025"}
    assert params(bars["2025"][0]) == {"q": "书记", "from": "2025", "to": "2025-06"}
    assert params(bars["2022"][0]) == {"q": "书记", "from": "2022", "to": "2022"}
    for href, count in bars.values():
        assert total_on(page(client, href)) == count
    # The list under the chart and the JSON facet use the same narrowed links.
    listed = {link["text"]: params(link["href"]) for link in links_of(html)
              if link["section"] == "facet-date" and link["count"]}
    assert listed["2025"] == params(bars["2025"][0])
    api = client.get("/api/search?q=书记&from=2021&to=2025-06").get_json()
    assert {f["value"]: params(f["url"])["to"] for f in api["facets"]["date"]} == \
        {"2022": "2022", "2025": "2025-06"}


DATES = st.builds(lambda y, m, d: f"{y}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else ""),
                  st.integers(1990, 2030), st.one_of(st.none(), st.integers(1, 12)),
                  st.one_of(st.none(), st.integers(1, 28)))


@settings(max_examples=200, deadline=None)
@given(DATES, DATES, st.integers(1990, 2030), st.one_of(st.none(), st.integers(1, 12)))
def test_a_bar_link_never_widens_the_search(start, end, year, month):
    request = SearchRequest(date_from=parse_date_bound(start, "from"), date_to=parse_date_bound(end, "to"))
    key = f"{year}-{month:02d}" if month else str(year)
    bar = parse_date_bound(key, "bar")
    linked = bar_range(request, key)
    low, high = parse_date_bound(linked["from"], "from"), parse_date_bound(linked["to"], "to")
    assert low.first_day == max(bar.first_day, request.date_from.first_day)
    assert high.last_day == min(bar.last_day, request.date_to.last_day)


class _Facets:
    def __init__(self, years: list[int], unit="year", year=None):
        from indexer.search import FacetValue
        self.date = [FacetValue(str(y), str(y), 1 + i % 5) for i, y in enumerate(years)]
        self.date_unit, self.date_year = unit, year


def test_axis_labels_fit_inside_the_chart_and_never_touch_for_any_span():
    for first, last in [(2024, 2024), (2023, 2024), (2016, 2024), (1993, 2024), (1990, 2026),
                        (1945, 2025), (1999, 2061)]:
        drawn = histogram.bars(_Facets(list(range(first, last + 1))))
        shown = [bar for bar in drawn if bar.show_label]
        assert len(shown) >= min(2, len(drawn)), (first, last)
        # Round numbers at a regular step: the axis reads as ticks.
        steps = {int(b.label) - int(a.label) for a, b in zip(shown, shown[1:])}
        assert len(steps) <= 1 and all(int(bar.label) % min(steps | {1}) == 0 for bar in shown)
        boxes = []
        for bar in shown:
            width = label_width(bar.label)
            left = {"start": bar.label_x, "middle": bar.label_x - width / 2,
                    "end": bar.label_x - width}[bar.anchor]
            assert 0 <= left and left + width <= WIDTH, (first, last, bar)
            boxes.append((left, left + width))
        boxes.sort()
        assert all(a[1] < b[0] for a, b in zip(boxes, boxes[1:])), (first, last, boxes)
    # Beyond 80 years only the years with documents are drawn: labels still fit and never touch.
    sparse = histogram.bars(_Facets([1900, 1901, 1950, 1990, 2000, 2010, 2020, 2021, 2022, 2023, 2024]))
    shown = [bar for bar in sparse if bar.show_label]
    assert len(shown) >= 2 and all(0 <= bar.label_x <= WIDTH for bar in shown)
    months = _Facets([])
    from indexer.search import FacetValue
    months.date = [FacetValue("2022-03", "2022-03", 4)]
    months.date_unit, months.date_year = "month", "2022"
    assert [bar.label for bar in histogram.bars(months) if bar.show_label] == [str(m) for m in range(1, 13)]


# -- highlights -------------------------------------------------------------

def hit_titles_html(html: str) -> list[str]:
    return re.findall(r"<h2><a [^>]*>(.*?)</a></h2>", html)


def test_hit_titles_are_highlighted_in_the_documents_own_script(client):
    html = page(client, "/search?q=新桥镇")
    assert any("<mark>新桥镇</mark>" in title for title in hit_titles_html(html))
    traditional = page(client, "/search?q=杨国昕")     # the document writes 楊國昕
    titles = hit_titles_html(traditional)
    assert titles and all("<mark>" not in t or "<mark>楊國昕</mark>" in t for t in titles)
    # Excluded terms are not marked; titles stay escaped.
    assert "<mark>疫情</mark>" not in "".join(hit_titles_html(page(client, "/search?q=书记 -疫情")))


ALPHABET = "台臺南市長长新桥橋镇鎮，。 a"


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, min_size=0, max_size=400),
       st.lists(st.text("台南市长新桥镇a", min_size=1, max_size=4), min_size=1, max_size=3),
       st.integers(4, 60))
def test_a_snippet_window_never_cuts_a_match_in_half(text, queries, width):
    from archive.script import fold
    from indexer.snippets import best_window, match_spans, snippet

    runs = [fold(q) for q in queries]
    folded = fold(text)
    spans = match_spans(folded, runs)
    begin, end = best_window(len(text), spans, width, [folded[s:e] for s, e in spans])
    assert not any(s < begin < e or s < end < e for s, e in spans)
    html, _plain = snippet(text, runs, width=width)
    whole = {text[s:e].replace("\n", " ") for s, e in spans}
    assert all(unescape(m) in whole for m in re.findall(r"<mark>(.*?)</mark>", html))


def test_the_script_toggle_converts_title_and_officials_too(client):
    doc = "/doc/001_0c41b430a93a6d9e"
    original = page(client, doc)
    simplified = page(client, doc + "?script=simplified&q=杨国昕")
    traditional = page(client, "/doc/000_13eb6cda136f1765?script=traditional&q=新桥镇")

    def title(html):
        return re.search(r"<h1>(.*?)</h1>", html).group(1)

    def officials(html):
        return re.findall(r'<span class="official" lang="[^"]+"><a [^>]*>([^<]+)</a> <small>([^<]*)</small>', html)

    assert "楊國昕" in [name for name, _ in officials(original)]
    assert 'id="q" name="q" type="search" value="杨国昕"' in simplified   # the search box keeps the query
    # A traditional page's own chrome is simplified, and says so (accessibility audit, item 2).
    assert '<html lang="zh-Hant">' in original and '<header class="site" lang="zh-Hans">' in original
    assert "杨国昕" in [name for name, _ in officials(simplified)]
    assert all(name == to_simplified(name) and office == to_simplified(office)
               for name, office in officials(simplified))
    assert title(simplified) == to_simplified(title(simplified)) != title(original)
    assert "<mark>新橋鎮</mark>" in title(traditional)
    assert all(name == to_traditional(name) for name, _ in officials(traditional))
    assert '<span class="official" lang="zh-Hant">' in traditional


# -- errors -------------------------------------------------------------------

# One bad request for each message the site can give (each entry of the catalogue).
BAD_REQUESTS = [
    "/search?q=a&page=0", "/search?q=a&page=1000", "/search?q=书记&page=999", "/search?q=书记&page=5",
    "/search?q=" + "长" * 300, "/search?q=" + "+".join("词" + str(i) for i in range(20)),
    '/search?q="open', "/search?q=", "/search?q=-疫情", "/search?q=a&from=someday",
    "/search?q=a&to=2020-02-31", "/search?q=a&from=2022&to=2020", "/search?q=a&region=" + "地" * 41,
    "/search?q=a&region=nowhere", "/search?q=a&region=朝阳区", "/search?official=" + "x" * 40,
    "/search?q=a&script=latin", "/search?q=a&sort=x", "/doc/nothing", "/doc/" + "x" * 300,
    "/doc/000_13eb6cda136f1765?script=latin", "/official/" + "名" * 40, "/official/nobody",
    "/official/杨国昕?page=0", "/official/杨国昕?page=9", "/official/杨国昕?order=sideways",
    "/nothing-here", "/search?q=%E3%80%82%E3%80%82", "/search?q=-a+OR+b", "/search?q=OR+a",
]


def test_every_error_message_is_chinese_first_then_english(client):
    from web.messages import CATALOGUE, STATUS_NAMES, chinese

    used = set()
    for url in BAD_REQUESTS:
        response = client.get(url)
        if response.status_code == 200:
            continue     # the site came to accept it; the coverage check below still holds
        assert response.status_code in (400, 404), url
        html = response.get_data(as_text=True)
        zh, en = re.search(r'<p class="message">(.*?) · <span lang="en">(.*?)</span></p>', html).groups()
        en = unescape(en)
        assert zh != STATUS_NAMES[response.status_code], (url, en)   # a reading, not the fallback
        assert re.search(r"[\u4e00-\u9fff]", zh) and re.search("[a-z]{3}", en), url
        used |= {pattern for pattern, _ in CATALOGUE if re.fullmatch(pattern, en, re.DOTALL)}
        if url.startswith("/search?"):
            api = client.get(url.replace("/search?", "/api/search?")).get_json()
            assert api["error"] == en and api["error_zh"] == chinese(en, response.status_code)
            # CSV pages hold 100 rows, so its page errors may differ: each still reads both ways.
            text = client.get(url.replace("/search?", "/search.csv?")).get_data(as_text=True)
            csv_zh, csv_en = text.removeprefix("400: ").rstrip("\n").split(" · ", 1)
            assert csv_zh == chinese(csv_en, 400) != STATUS_NAMES[400], url
            used |= {pattern for pattern, _ in CATALOGUE if re.fullmatch(pattern, csv_en, re.DOTALL)}
    # Every message the code can raise was met by some request (bar those no URL reaches).
    internal = {p for p, _ in CATALOGUE if p.startswith(("the search index", "the archive hit",
                                                           "The method", "page size", "shard "))}
    live = {pattern for pattern, _ in CATALOGUE for message in raised_messages()
            if re.fullmatch(pattern, message, re.DOTALL)}
    assert live - internal <= used, live - internal - used


def raised_messages() -> list[str]:
    """Every error message the code can raise, placeholders filled with 1 (read with ast)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    messages = []
    # Every module that raises: a message outside these would reach a page in English only.
    for path in [*sorted((root / "indexer").glob("*.py")), *sorted((root / "web").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            position = {"QueryError": 0, "ShardUnavailable": 0, "abort": 1,
                        "error_response": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                messages.append(arg.value)
            elif isinstance(arg, ast.JoinedStr):
                messages.append("".join(part.value if isinstance(part, ast.Constant) else "1"
                                        for part in arg.values))
    return messages


def test_every_message_in_the_code_has_a_chinese_reading():
    from web.messages import CATALOGUE

    messages = raised_messages()
    assert len(messages) > 20
    missing = [m for m in messages
               if not any(re.fullmatch(pattern, m, re.DOTALL) for pattern, _ in CATALOGUE)]
    assert not missing, f"add these to web/messages.py: {missing}"


def test_an_unknown_message_still_gets_a_chinese_line():
    from web.messages import bilingual
    assert bilingual("something new went wrong", 400) == "请求有误 · something new went wrong"
    assert bilingual("x", 418).startswith("出错了 · ")


def hidden_inputs(html: str) -> dict:
    form = html[html.index('<form class="searchbox"'):html.index("</form>")]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))


def test_an_error_page_keeps_the_filters_that_were_valid(client):
    response = client.get("/search?q=书记&region=51&from=2020-13&to=2025&sort=date&page=0")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert hidden_inputs(html) == {"region": "51", "to": "2025", "sort": "date"}
    assert 'value="书记"' in html
    again = next(link for link in links_of(html) if link["text"].startswith("用这些条件重新搜索"))
    assert params(again["href"]) == {"q": "书记", "region": "51", "to": "2025", "sort": "date"}
    assert total_on(page(client, again["href"])) >= 1
    removers = [params(link["href"]) for link in links_of(html) if (link["label"] or "").startswith("✕")]
    assert {"q": "书记", "to": "2025", "sort": "date"} in removers
    # A range whose two ends are each a date but not in order is dropped as a pair.
    html = client.get("/search?q=书记&from=2025&to=2020&script=traditional").get_data(as_text=True)
    assert hidden_inputs(html) == {"script": "traditional"}


def test_an_ambiguous_region_lists_each_place_as_a_link(client):
    from archive import gazetteer

    gaz = gazetteer.load()
    expected = {d.key for d in gaz.resolve("新桥镇")}
    response = client.get("/search?q=书记&region=新桥镇&official=任俊洁")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "您指的是哪一个" in html
    candidates = [link for link in links_of(html) if params(link["href"]).get("region")
                  and "›" in link["text"]]
    assert {params(link["href"])["region"] for link in candidates} == expected and len(expected) > 2
    for link in candidates:
        assert params(link["href"]) == {"q": "书记", "official": "任俊洁", "region": params(link["href"])["region"]}
        assert link["text"].endswith("新桥镇")
    youxian = next(link for link in candidates if params(link["href"])["region"] == "510704102")
    assert youxian["text"] == "四川省 › 绵阳市 › 游仙区 › 新桥镇"
    assert total_on(page(client, youxian["href"])) == 1


# -- zero results ---------------------------------------------------------------

def suggestions_on(client, url: str) -> list[dict]:
    html = page(client, url)
    assert total_on(html) == 0
    block = html[html.index('<section class="wider"'):]
    block = block[:block.index("</section>")]
    return [{**link, "count": int(count)} for link, count in
            zip(links_of(block), re.findall(r'<span class="count">(\d+)</span>', block))]


def test_no_results_offers_each_filter_removed_with_its_count(client):
    found = suggestions_on(client, "/search?official=任俊洁&from=2024&sort=date")
    by_text = {link["text"]: link for link in found}
    # With no query a search browses, always newest first, so its links carry no sort.
    assert params(by_text["去掉官员筛选 without the official filter"]["href"]) == {"from": "2024"}
    assert params(by_text["去掉日期筛选 without the date filter"]["href"]) == {"official": "任俊洁"}
    for link in found:
        assert total_on(page(client, link["href"])) == link["count"] >= 1


def test_no_results_offers_the_other_script_and_shorter_queries(client):
    found = suggestions_on(client, "/search?q=书记 不存在&region=51")
    queries = {params(link["href"])["q"]: link for link in found if "q" in params(link["href"])}
    assert "書記 不存在" in queries                      # the other script, filters kept
    assert params(queries["書記 不存在"]["href"])["region"] == "51"
    assert queries["书记"]["count"] == 2 and params(queries["书记"]["href"]) == {"q": "书记", "region": "51"}
    # One long term: its words apart find what the run as a whole does not.
    long = suggestions_on(client, "/search?q=任俊洁主持召开防汛会议")
    apart = next(link for link in long if params(link["href"])["q"] == "任俊洁 主持 召开 防汛 会议")
    assert apart["count"] == 1 == total_on(page(client, apart["href"]))
    # Phrase conversion reaches words that folding does not: 软件 → 軟體.
    script = suggestions_on(client, "/search?q=软件")
    assert [params(link["href"])["q"] for link in script] == ["軟體"]


def test_suggestions_are_escaped(client):
    html = page(client, '/search?q=书记 "<img src=x>"')
    assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert any(params(link["href"]).get("q") == "书记" for link in suggestions_on(client, '/search?q=书记 "<img src=x>"'))
