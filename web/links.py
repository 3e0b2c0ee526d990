"""Absolute links: from the configured public address, never from what a client claims.

Without BASE_URL the site builds absolute links (API, Atom, OpenSearch, CSV,
redirects) from the request's Host header, which is right for a server on
localhost and wrong behind a proxy or when a client lies about the host.
With BASE_URL set, every request is seen as addressed to it: the scheme,
host and path prefix are rewritten before Flask reads them, so `url_for(...,
_external=True)`, `request.url_root` and Werkzeug's own redirects all agree.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import request


# A host name or IPv4 address (RFC 3986 reg-name without its rarely used
# sub-delims), or an IPv6 literal; a path of URL characters. Anything else (a
# quote, <, a space: a typo or a paste) would make every absolute link wrong.
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]")
_PATH = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@%/-]*")


class BaseUrlError(ValueError):
    """A base URL that cannot be the site's public address; the message says why."""


def parse_base_url(value: str) -> tuple[str, str, str]:
    """(scheme, host[:port], path prefix without trailing slash) of a public base URL."""
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018 -- raises ValueError on a port that is not a number
    except ValueError:
        raise BaseUrlError(f"base URL {value!r} is not a URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BaseUrlError(f"base URL {value!r} must start with http:// or https:// and name a host")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise BaseUrlError(f"base URL {value!r} must not carry a query, fragment or credentials")
    host = parts.netloc.rsplit(":", 1)[0] if parts.port is not None else parts.netloc
    if not _HOST.fullmatch(host) or not _PATH.fullmatch(parts.path):
        raise BaseUrlError(f"base URL {value!r} is not a URL: its host or path has characters "
                           "no URL holds there")
    return parts.scheme, parts.netloc, parts.path.rstrip("/")


class FixedBaseUrl:
    """WSGI middleware: each request is addressed to the configured base URL."""

    def __init__(self, wsgi_app, base_url: str):
        self.wsgi_app = wsgi_app
        self.scheme, self.host, self.prefix = parse_base_url(base_url)

    def __call__(self, environ, start_response):
        environ["wsgi.url_scheme"] = self.scheme
        environ["HTTP_HOST"] = self.host
        environ["SCRIPT_NAME"] = self.prefix
        # Proxy headers would be another way to claim a host; none is trusted here.
        for header in ("HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PROTO", "HTTP_FORWARDED"):
            environ.pop(header, None)
        return self.wsgi_app(environ, start_response)


def site_url() -> str:
    """The site's absolute root without a trailing slash, e.g. https://archive.example/news."""
    return request.url_root.rstrip("/")
