"""The search site and its JSON API (Flask application factory)."""
from __future__ import annotations

import os

from flask import Flask


def create_app(config: dict | None = None) -> Flask:
    """Build the app. INDEX_DIR comes from `config`, else $ARCHIVE_INDEX, else ./instance/index."""
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=os.environ.get("ARCHIVE_INDEX", os.path.join("instance", "index")),
        PAGE_SIZE=10,
        JSON_AS_ASCII=False,
    )
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False

    from . import errors, exports, views
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
        return response

    return app
