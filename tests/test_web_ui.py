"""Issue 12 on the real app: date bars that stay inside the range, help for empty
results, highlights in titles and whole matches in snippets, the document's
script toggle, the phone filters control, and bilingual errors that keep what
was valid."""
from __future__ import annotations

import re
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

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
                        (1945, 2025), (1900, 2025)]:
        drawn = histogram.bars(_Facets(list(range(first, last + 1, 1 if last - first < 90 else 7))))
        shown = [bar for bar in drawn if bar.show_label]
        assert shown[-1] is drawn[-1] and len(shown) >= min(2, len(drawn)), (first, last)
        boxes = []
        for bar in shown:
            width = label_width(bar.label)
            left = {"start": bar.label_x, "middle": bar.label_x - width / 2,
                    "end": bar.label_x - width}[bar.anchor]
            assert 0 <= left and left + width <= WIDTH, (first, last, bar)
            boxes.append((left, left + width))
        boxes.sort()
        assert all(a[1] < b[0] for a, b in zip(boxes, boxes[1:])), (first, last, boxes)
    months = _Facets([])
    from indexer.search import FacetValue
    months.date = [FacetValue("2022-03", "2022-03", 4)]
    months.date_unit, months.date_year = "month", "2022"
    assert [bar.label for bar in histogram.bars(months) if bar.show_label] == [str(m) for m in range(1, 13)]
