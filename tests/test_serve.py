"""`archive serve` as a real process: what curl sends is what the user meant."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import pytest

from web.server import percent_encode_high_bytes


def test_percent_encoding_touches_only_high_bytes():
    line = "GET /api/search?q=杨国昕&page=1 HTTP/1.1".encode()
    assert percent_encode_high_bytes(line) == \
        b"GET /api/search?q=%E6%9D%A8%E5%9B%BD%E6%98%95&page=1 HTTP/1.1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, target: bytes) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.fixture(scope="module")
def server(seed_index):
    """One real `archive serve` process for the module: its tests only read, and
    each process start pays the interpreter, the imports and the dictionary."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from archive.cli import main; main()", "serve", "--index",
         str(seed_index), "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # A loaded machine can take long to start it; past the deadline the fixture
    # fails and says so, where it once fell through to "connection refused".
    deadline = time.monotonic() + 120
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode())
            if time.monotonic() > deadline:
                process.kill()
                raise AssertionError("archive serve did not listen within 120 s")
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=10)


def test_raw_utf8_query_like_curl_sends_it(server):
    status, body = _get(server, "/api/search?q=杨国昕".encode())
    assert status == 200
    assert [h["id"] for h in json.loads(body)["hits"]] == ["001_0c41b430a93a6d9e"]
    status, body = _get(server, "/api/search?q=任俊洁".encode())
    assert [h["id"] for h in json.loads(body)["hits"]] == ["000_13eb6cda136f1765"]


def test_encoded_query_and_errors_over_http(server):
    status, body = _get(server, b"/api/search?q=%E6%A5%8A%E5%9C%8B%E6%98%95")
    assert status == 200 and json.loads(body)["total"] == 1
    status, body = _get(server, b"/api/search?q=%22")
    assert status == 400 and "quotes" in json.loads(body)["error"]
