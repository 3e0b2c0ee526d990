"""Errors answer in the form that was asked for: JSON for the API, a page otherwise.

No request ever sees a traceback: anything unexpected is logged and answered
with a plain 500 message.
"""
from __future__ import annotations

from flask import Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException


def wants_json() -> bool:
    path = request.path
    return path.startswith("/api/") or path.endswith(".json")


def wants_plain_text() -> bool:
    """CSV and feeds are read by programs that show text, not a web page."""
    return request.path.endswith((".csv", ".atom", ".xml"))


def error_response(status: int, message: str):
    if wants_plain_text():
        return Response(f"{status}: {message}\n", status=status,
                        content_type="text/plain; charset=utf-8")
    if wants_json():
        response = jsonify({"error": message, "status": status})
        response.status_code = status
        return response
    # The search box keeps what was typed, so that a bad search can be mended.
    typed = request.args.get("q", "")[:256]
    return render_template("error.html", status=status, message=message, typed=typed), status


def register(app) -> None:
    from indexer import IndexMissing, QueryError

    @app.errorhandler(QueryError)
    def bad_query(exc):
        return error_response(400, str(exc))

    @app.errorhandler(IndexMissing)
    def no_index(exc):
        return error_response(503, f"{exc}; run `archive reindex` to build it")

    @app.errorhandler(HTTPException)
    def http_error(exc):
        return error_response(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc):
        app.logger.exception("unhandled error on %s", request.path)
        return error_response(500, "the archive hit an internal error; it has been logged")
