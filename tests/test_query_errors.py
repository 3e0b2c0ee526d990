"""A bad search is checked once, in the query layer, and its QueryError carries
what the callers need to offer a way out: the parameters that passed, and
the places an ambiguous region could mean. The site and the CLI read those
from the error instead of checking the request again."""
from __future__ import annotations

import pytest

from archive import gazetteer
from indexer import QueryError, SearchRequest


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
