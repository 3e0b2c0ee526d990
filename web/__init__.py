"""The search site and its JSON API (Flask application factory)."""
from __future__ import annotations

import os

from flask import Flask, request

# The read-only JSON views (their error answers too, so that a caller can read the message).
CORS_ENDPOINTS = {"archive.search_json", "archive.document_json", "archive.official_json"}


def create_app(config: dict | None = None) -> Flask:
    """Build the app. INDEX_DIR comes from `config`, else $ARCHIVE_INDEX, else ./instance/index."""
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=os.environ.get("ARCHIVE_INDEX", os.path.join("instance", "index")),
        # The public address absolute links are built from; unset: the request's Host.
        BASE_URL=os.environ.get("ARCHIVE_BASE_URL") or None,
        PAGE_SIZE=10,
        JSON_AS_ASCII=False,
    )
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False

    from . import errors, exports, views
    from .links import FixedBaseUrl

    if app.config["BASE_URL"]:
        app.wsgi_app = FixedBaseUrl(app.wsgi_app, app.config["BASE_URL"])
    app.register_blueprint(views.bp)
    app.register_blueprint(exports.bp)
    errors.register(app)

    @app.after_request
    def security_headers(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        # The JSON is read-only and public: a notebook or a page elsewhere may read it.
        if request.endpoint in CORS_ENDPOINTS:
            response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    return app
