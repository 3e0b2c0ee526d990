"""Serving the app with waitress, tolerant of unencoded UTF-8 in URLs.

HTTP wants non-ASCII characters in a URL percent-encoded, and browsers send
them so, but command-line clients do not: `curl 'localhost:8000/api/search?q=杨国昕'`
sends the raw UTF-8 bytes, which waitress rejects as "Bad URI". Encoding those
bytes in the request line before waitress parses it turns the request into
exactly the one the user meant; nothing else about parsing changes.
"""
from __future__ import annotations

import re

from waitress import create_server
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def percent_encode_high_bytes(request_line: bytes) -> bytes:
    return _HIGH_BYTE.sub(lambda m: b"%%%02X" % m.group()[0], request_line)


class Utf8RequestParser(HTTPRequestParser):
    def parse_header(self, header_plus):
        end = header_plus.find(b"\r\n")
        if end > 0 and _HIGH_BYTE.search(header_plus, 0, end):
            header_plus = percent_encode_high_bytes(header_plus[:end]) + header_plus[end:]
        return super().parse_header(header_plus)


class Utf8Channel(HTTPChannel):
    parser_class = Utf8RequestParser


def bind(app, host: str, port: int, threads: int):
    """A waitress server listening on host:port, not yet serving: binding
    first lets the caller announce the address only once it is really taken
    (an OSError here: the port is in use, the host not this machine's)."""
    server = create_server(app, host=host, port=port, threads=threads, ident="archive")
    # One listening server, or several (a host name with IPv4 and IPv6
    # addresses): each makes its connections from its channel_class.
    listeners = [server] + [s for s in getattr(server, "map", {}).values() if s is not server]
    for listener in listeners:
        if hasattr(listener, "channel_class"):
            listener.channel_class = Utf8Channel
    return server
