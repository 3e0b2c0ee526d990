"""Running the search a request asks for, shared by the page, the API and the exports.

Validation lives in `indexer.query`: every bad parameter is a QueryError,
which the error handlers turn into a 400 with its message.
"""
from __future__ import annotations

from flask import current_app, request

from indexer import SearchRequest, open_index


def get_index():
    """One Index per app; it follows the live generation by itself."""
    index = current_app.extensions.get("archive_index")
    if index is None:
        index = open_index(current_app.config["INDEX_DIR"])
        current_app.extensions["archive_index"] = index
    return index


def run_search(default_page_size: int | None = None, **overrides):
    """(SearchRequest, SearchResult) for the request's query string, with some parameters overridden.

    A `page_size` parameter in the URL wins over `default_page_size` unless overridden.
    """
    params = {key: request.args.get(key) for key in request.args}
    params.update(overrides)
    search_request = SearchRequest.from_params(
        params, page_size=default_page_size or current_app.config["PAGE_SIZE"])
    result = get_index().search(search_request)
    search_request.check_page(result)
    return search_request, result


def hit_titles(hits) -> dict[str, str]:
    """What to call each hit: its title, else its first line."""
    untitled = [hit.id for hit in hits if not hit.title]
    first_lines = get_index().first_lines(untitled) if untitled else {}
    return {hit.id: hit.title or first_lines.get(hit.id) or hit.id for hit in hits}
