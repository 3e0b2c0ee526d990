"""A bad search is checked once, in the query layer, and its QueryError carries
what the callers need to offer a way out: the parameters that passed, and
the places an ambiguous region could mean. The site and the CLI read those
from the error instead of checking the request again."""
from __future__ import annotations

import re
from html import unescape

import pytest
from click.testing import CliRunner

from archive import gazetteer
from archive.cli import cli
from indexer import QueryError, SearchRequest

from .test_web_ui import hidden_inputs, links_of, params


def failure(values: dict) -> QueryError:
    with pytest.raises(QueryError) as caught:
        SearchRequest.from_params(values)
    return caught.value


@pytest.mark.parametrize("values, message, valid", [
    # The first problem in parameter order is reported; every other parameter is judged on its own.
    ({"q": "书记", "region": "51", "from": "2020-13", "to": "2025", "sort": "date", "page": "0"},
     "from: '2020-13' is not a valid date", {"q": "书记", "region": "51", "to": "2025", "sort": "date"}),
    ({"q": '"open', "official": "x" * 33, "script": "latin", "page_size": "5"},
     'unbalanced quotes: close the phrase with a second "', {"page_size": "5"}),
    # Two dates that are each a date but no range together both go.
    ({"q": "a", "from": "2025", "to": "2020", "script": "traditional"},
     "from (2025) is after to (2020)", {"q": "a", "script": "traditional"}),
    ({"q": "a", "page": "200", "page_size": "100"},
     "page 200 is too deep: results are listed up to 10000; narrow the search with a filter instead",
     {"q": "a", "page_size": "100"}),
    ({"q": "a", "sort": "x", "official": " 任俊洁 "}, "sort must be one of relevance, date",
     {"q": "a", "official": "任俊洁"}),
])
def test_the_error_carries_the_parameters_that_passed(values, message, valid):
    error = failure(values)
    assert str(error) == message and error.valid == valid and error.candidates == ()


def test_an_ambiguous_region_carries_each_place_it_could_mean():
    gaz = gazetteer.load()
    error = failure({"q": "书记", "region": "新桥镇"})
    assert [place.key for place in error.candidates] == [d.key for d in gaz.resolve("新桥镇")]
    assert len(error.candidates) > 8           # all of them, not only the eight the message names
    assert all(place.path[-1] == "新桥镇" for place in error.candidates)
    assert error.valid == {"q": "书记"}


def test_a_request_resolves_its_region_once(client, monkeypatch):
    """The error page's candidates and kept parameters come from the error, not a second look-up."""
    calls = []
    resolve = gazetteer.Gazetteer.resolve
    monkeypatch.setattr(gazetteer.Gazetteer, "resolve",
                        lambda self, value: calls.append(value) or resolve(self, value))
    for region, status in (("新桥镇", 400), ("游仙区", 200), ("nowhere", 400)):
        calls.clear()
        assert client.get("/search", query_string={"q": "书记", "region": region}).status_code == status
        assert calls == [region]


def test_a_page_past_the_last_reads_the_same_on_the_site_and_the_command_line(client, seed_index):
    api = client.get("/api/search?q=书记&region=51&page=9").get_json()
    assert re.fullmatch(r"page 9 is past the last page \(1\) of \d+ results", api["error"]), api
    shell = CliRunner().invoke(cli, ["search", "书记", "--region", "51", "--page", "9",
                                     "--index", str(seed_index)])
    assert shell.exit_code == 2 and "Traceback" not in shell.output
    assert shell.stderr.strip().splitlines() == [f"Error: {api['error']}"]
    # Page 1 of nothing is an empty page, not an error, in both.
    assert client.get("/api/search?q=没有这个词语&page=1").status_code == 200
    assert CliRunner().invoke(cli, ["search", "没有这个词语", "--index", str(seed_index)]).exit_code == 0


def test_a_page_past_the_last_keeps_the_rest_of_the_search_on_its_page(client):
    response = client.get("/search?q=书记&region=51&sort=date&page_size=2&page=40")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "超出了最后一页" in html
    assert hidden_inputs(html) == {"region": "51", "sort": "date", "page_size": "2"}
    again = next(link for link in links_of(html) if link["text"].startswith("用这些条件重新搜索"))
    assert params(again["href"]) == {"q": "书记", "region": "51", "sort": "date", "page_size": "2"}
    assert client.get(again["href"]).status_code == 200


def test_an_ambiguous_region_is_named_once_in_each_form(client, seed_index):
    """The page links each place and its message does not list them again; the
    JSON carries them as data; plain text and the command line, which have no
    links, spell them out in the message."""
    keys = [d.key for d in gazetteer.load().resolve("新桥镇")]
    message = f"region: '新桥镇' is ambiguous: it names {len(keys)} places; use a code"
    html = client.get("/search?q=书记&region=新桥镇").get_data(as_text=True)
    line = re.search(r'<p class="message">(.*?)</p>', html, re.DOTALL).group(1)
    assert unescape(line) == f"地区：“新桥镇” 指 {len(keys)} 个地方，请用其中一个的代码 · " \
                             f'<span lang="en">{message}</span>'
    assert [params(link["href"])["region"] for link in links_of(html)
            if "›" in link["text"]] == keys
    api = client.get("/api/search?q=书记&region=新桥镇").get_json()
    assert api["error"] == message and [c["key"] for c in api["candidates"]] == keys
    assert api["candidates"][0]["path"][-1] == "新桥镇"
    text = client.get("/search.csv?q=书记&region=新桥镇").get_data(as_text=True)
    shell = CliRunner().invoke(cli, ["search", "书记", "--region", "新桥镇", "--index", str(seed_index)])
    assert shell.exit_code == 2
    for spelled in (text.split(" · ", 1)[1].strip(), shell.stderr.strip().removeprefix("Error: ")):
        assert spelled.startswith(message + ": ") and "\n" not in spelled
        assert all(f"({key})" in spelled for key in keys[:8])
        assert spelled.count(" (") == min(len(keys), 8)
        assert spelled.endswith(f"; and {len(keys) - 8} more") == (len(keys) > 8)


def test_a_kept_region_code_reads_as_its_place(client):
    def chips(url):
        html = client.get(url).get_data(as_text=True)
        block = html[html.index('<ul class="chips">'):]
        return [" ".join(unescape(re.sub(r"<[^>]+>", "", chip)).split()).rstrip(" ✕")
                for chip in re.findall(r"<li>(.*?)</li>", block[:block.index("</ul>")], re.DOTALL)]

    assert chips("/search?q=书记&region=51&from=2020-13") == ["词语 Words: 书记", "地区 Region: 四川省 (51)"]
    assert chips("/search?q=书记&region=TW05&from=2020-13") == ["词语 Words: 书记", "地区 Region: 臺南市 (TW05)"]
    assert chips("/search?q=书记&region=绵阳市&from=2020-13") == ["词语 Words: 书记", "地区 Region: 绵阳市"]
