"""What survives of a search whose parameters did not all pass.

Each parameter is checked on its own with the same rules the search applies
(`indexer.query`); those that pass are kept, so that the error page can offer
the search again without the one that failed.
"""
from __future__ import annotations

from typing import Mapping

from archive import gazetteer
from indexer import QueryError
from indexer.query import SCRIPTS, SORTS, parse_date_bound, parse_query, resolve_region

MAX_OFFICIAL_CHARS = 32


def _passes(check, *args) -> bool:
    try:
        check(*args)
    except QueryError:
        return False
    return True


def valid_search_params(args: Mapping[str, str]) -> dict[str, str]:
    """The parameters of a search that are valid on their own (the page is dropped)."""
    get = lambda name: (args.get(name) or "").strip()  # noqa: E731
    checks = {
        "q": lambda v: _passes(parse_query, v),
        "region": lambda v: _passes(resolve_region, v),
        "official": lambda v: len(v) <= MAX_OFFICIAL_CHARS,
        "from": lambda v: _passes(parse_date_bound, v, "from"),
        "to": lambda v: _passes(parse_date_bound, v, "to"),
        "script": lambda v: v in SCRIPTS,
        "sort": lambda v: v in SORTS and v != "relevance",
    }
    kept = {name: get(name) for name, check in checks.items() if get(name) and check(get(name))}
    if "from" in kept and "to" in kept and \
            parse_date_bound(kept["from"], "from").first_day > parse_date_bound(kept["to"], "to").last_day:
        del kept["from"], kept["to"]    # each is a date, but together they are no range
    return kept


def ambiguous_region(args: Mapping[str, str]) -> list:
    """The divisions a region name could mean, when it means more than one; else []."""
    value = (args.get("region") or "").strip()
    if not value or len(value) > 40:
        return []
    gaz = gazetteer.load()
    matches = gaz.resolve(value)
    return [gaz.region(d) for d in matches] if len(matches) > 1 else []
