"""Errors answer in the form that was asked for: JSON for the API, a page otherwise.

Every message is bilingual (`web/messages.py`): the page and plain text say
Chinese first, English after; the JSON keeps `error` in English and adds
`error_zh`. A bad search keeps what was valid in it: the page's search form
and links carry the parameters that passed on their own, and an ambiguous
region lists each place it could mean as a link. No request ever sees a
traceback: anything unexpected is logged and answered with a plain 500.
"""
from __future__ import annotations

from flask import Response, jsonify, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from archive import gazetteer

from .messages import bilingual, chinese

SEARCH_PAGES = ("/search",)
MAX_CANDIDATES = 40


def wants_json() -> bool:
    path = request.path
    return path.startswith("/api/") or path.endswith(".json")


def wants_plain_text() -> bool:
    """CSV and feeds are read by programs that show text, not a web page."""
    return request.path.endswith((".csv", ".atom", ".xml"))


def shown_value(name: str, value: str) -> str:
    """A kept parameter as the page shows it: a region given by its code
    (as the facet links give it) reads as the place, 四川省 (51)."""
    if name == "region":
        gaz = gazetteer.load()
        division = gaz.get(value)
        if division is not None:
            return f"{gaz.display_name(division)} ({value})"
    return value


def error_response(status: int, message: str, valid: dict | None = None, candidates=()):
    """`valid`: the search's parameters that passed; `candidates`: the places an
    ambiguous region could mean (both from the QueryError, for the search page)."""
    if wants_plain_text():
        return Response(f"{status}: {bilingual(message, status)}\n", status=status,
                        content_type="text/plain; charset=utf-8")
    if wants_json():
        answer = {"error": message, "error_zh": chinese(message, status), "status": status}
        if candidates:
            answer["candidates"] = [{"key": place.key, "name": place.name, "path": list(place.path)}
                                    for place in candidates[:MAX_CANDIDATES]]
        response = jsonify(answer)
        response.status_code = status
        return response
    # The search box keeps what was typed, so that a bad search can be mended.
    typed = request.args.get("q", "")[:256]
    kept, links = {}, []
    if request.path in SEARCH_PAGES:
        # A new search starts on its first page, and relevance is the default order.
        kept = {name: value for name, value in (valid or {}).items()
                if name != "page" and (name, value) != ("sort", "relevance")}
        links = [(place, url_for("archive.search", **{**kept, "region": place.key}))
                 for place in candidates[:MAX_CANDIDATES]]
    return render_template("error.html", status=status, message=message,
                           message_zh=chinese(message, status), typed=typed, kept=kept,
                           shown={name: shown_value(name, value) for name, value in kept.items()},
                           candidates=links), status


def register(app) -> None:
    from indexer import IndexMissing, QueryError, ShardUnavailable

    @app.errorhandler(QueryError)
    def bad_query(exc):
        # Plain text has no links: it reads the candidates in the message.
        message = exc.spelled_out() if wants_plain_text() else str(exc)
        return error_response(400, message, valid=exc.valid, candidates=exc.candidates)

    @app.errorhandler(IndexMissing)
    def no_index(exc):
        # The exception names the folder; that is for the log, not the public.
        app.logger.error("%s", exc)
        return error_response(503, "the search index is not available; run `archive reindex` to build it")

    @app.errorhandler(ShardUnavailable)
    def shard_unavailable(exc):
        # A cluster's shard could not answer: the message names the shard, not a path.
        app.logger.error("%s", exc)
        return error_response(503, str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc):
        return error_response(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc):
        app.logger.exception("unhandled error on %s", request.path)
        return error_response(500, "the archive hit an internal error; it has been logged")
