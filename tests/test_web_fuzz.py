"""Every endpoint, fuzzed: no request, however odd, answers 5xx, shows a traceback or a server path.

Generated requests mix the parameters the site knows with arbitrary names,
and values that have broken it before or could: digits of other scripts
(² ① ３ ٣, which str.isdigit() accepts), huge numbers, 10,000-character
strings, lone surrogates and percent-encoded garbage, repeated and empty
parameters. They go through the real app on a real index of the seeds.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .conftest import ROOT

EXAMPLES_PER_ENDPOINT = 100
# Every rule in the app's URL map, as fuzzed here; a new route must be added (test below).
ENDPOINTS = {
    "/": "/", "/favicon.ico": "/favicon.ico", "/search": "/search",
    "/search.json": "/search.json", "/api/search": "/api/search", "/search.csv": "/search.csv",
    "/search.atom": "/search.atom", "/opensearch.xml": "/opensearch.xml",
    "/doc/<doc_id>": "/doc/{}", "/doc/<doc_id>.json": "/doc/{}.json",
    "/official/<name>": "/official/{}", "/official/<name>.json": "/official/{}.json",
}
KNOWN_NAMES = ["q", "region", "official", "from", "to", "script", "sort", "page", "page_size"]
REAL_VALUES = ["杨国昕", "楊國昕", "书记", '"主持召开"', "书记 -疫情", "35", "3505", "泉州市", "2020",
               "2020-03", "2020-03-02", "date", "relevance", "simplified", "traditional", "1", "2",
               "100", "001_0c41b430a93a6d9e", "000_13eb6cda136f1765"]
ODD_DIGITS = "²¹³⁴①⑳١٢٣３９𝟐𝟗〇零一"
SURROGATES = ["\ud800", "\udfff", "\udc80"]

requests_tried: Counter = Counter()
statuses: Counter = Counter()

numbers = st.one_of(
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.text(alphabet="0123456789" + ODD_DIGITS, min_size=1, max_size=12),
    st.sampled_from(["1e3", "0x10", "1_000", "+1", " 2", "2 ", "1.0", "NaN", "inf", "-0", "00001",
                     "9" * 400, "٣", "²", "①", "１"]),
)
values = st.one_of(
    st.sampled_from(REAL_VALUES),
    numbers,
    st.just(""),
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=20),
    st.lists(st.sampled_from(SURROGATES + ["a", "书", "%", "\x00"]), max_size=6).map("".join),
    st.sampled_from(["%", "%%", "%zz", "%E6%9D", "%ff%fe", "%00", "%u4e66", "%C0%AF", "&", "=", "+", ";",
                     "../../etc/passwd", "/etc/passwd", "<script>x</script>", "\r\nSet-Cookie: a=b"]),
)
names = st.one_of(st.sampled_from(KNOWN_NAMES), st.text(max_size=12))
# Overlong values cost the most to parse, so one request in eight carries one.
overlong = st.tuples(st.integers(min_value=9_000, max_value=10_500), st.sampled_from("长a%²"))\
    .map(lambda spec: spec[1] * spec[0])


def encode(text: str, raw: bool) -> str:
    """Percent-encode as a browser would (lone surrogates as their bytes), or pass `%` garbage through."""
    if raw and all(ord(c) < 128 and c not in "&#= \r\n" for c in text):
        return text
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


@st.composite
def query_strings(draw) -> str:
    pairs = draw(st.lists(st.tuples(names, values, st.booleans()), max_size=6))
    if draw(st.booleans()):   # the same parameter again, with another value
        pairs += [(name, draw(values), raw) for name, _v, raw in pairs[:2]]
    if draw(st.integers(min_value=0, max_value=7)) == 0:
        pairs.append((draw(names), draw(overlong), draw(st.booleans())))
    parts = [f"{encode(name, raw)}={encode(value, raw)}" if value or draw(st.booleans())
             else encode(name, raw) for name, value, raw in pairs]
    return "&".join(parts)


REAL_SEGMENTS = ["001_0c41b430a93a6d9e", "000_13eb6cda136f1765", "杨国昕", "楊國昕", "任俊洁"]
path_values = st.one_of(st.sampled_from(REAL_SEGMENTS), st.sampled_from(REAL_VALUES), values, overlong)


@pytest.fixture(scope="module")
def fuzz_client(seed_index):
    from web import create_app

    app = create_app({"INDEX_DIR": str(seed_index), "TESTING": False})
    yield app.test_client(), [str(seed_index), str(ROOT), sys.prefix, str(Path.home())]
    print(f"\nfuzzed {sum(requests_tried.values())} requests over {len(requests_tried)} endpoints; "
          f"statuses {dict(sorted(statuses.items()))}")


def test_document_json_shows_no_server_path(client, seed_index):
    # Found by the fuzzer: `origin` and `file` carried the path the server read the seed from.
    # They now name the file under the SOURCE the reindex was given, never a server path.
    data = client.get("/doc/001_0c41b430a93a6d9e.json").get_json()
    assert data["file"] == data["origin"] == "seeds/001_0c41b430a93a6d9e.txt"
    assert str(ROOT) not in json.dumps(data, ensure_ascii=False)


def test_every_route_is_fuzzed(seed_index):
    from web import create_app

    rules = {rule.rule for rule in create_app({"INDEX_DIR": str(seed_index)}).url_map.iter_rules()
             if rule.endpoint != "static"}
    assert rules == set(ENDPOINTS)


@pytest.mark.parametrize("rule", sorted(ENDPOINTS))
def test_no_request_answers_5xx_or_shows_internals(fuzz_client, rule):
    client, internals = fuzz_client
    template = ENDPOINTS[rule]

    @settings(max_examples=EXAMPLES_PER_ENDPOINT, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    # Real documents and officials every run: what a page holds matters as much as odd input.
    @example(segment=REAL_SEGMENTS[0], raw_segment=False, query="q=杨国昕", method="GET")
    @example(segment=REAL_SEGMENTS[1], raw_segment=False, query="", method="GET")
    @example(segment=REAL_SEGMENTS[2], raw_segment=False, query="page=²&page_size=①", method="GET")
    @given(segment=path_values, raw_segment=st.booleans(), query=query_strings(),
           method=st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "OPTIONS"]))
    def check(segment, raw_segment, query, method):
        path = template.format(encode(segment, raw_segment)) if "{}" in template else template
        url = f"{path}?{query}" if query else path
        response = client.open(url, method=method)
        requests_tried[rule] += 1
        statuses[response.status_code] += 1
        body = response.get_data(as_text=True)
        assert response.status_code < 500, (url, method, response.status_code, body[:300])
        assert "Traceback" not in body and 'File "' not in body, url
        for internal in internals:
            assert internal not in body, (url, internal)
        for header, value in response.headers.items():
            assert "\n" not in value and "\r" not in value, (url, header)

    check()
