"""Memory of a serving process over many distinct queries: does it level off?

    python -m bench.soak [--docs 3000] [--queries 20000] [--every 1000] [--keep DIR]

Builds an index of `--docs` corpus documents (a deterministic sample, in a
temporary folder that is removed afterwards unless --keep), starts
`archive serve` on 127.0.0.1 as a real subprocess (waitress, 4 threads),
and sends `--queries` distinct searches drawn from the indexed text (runs of
2-6 characters, pairs, phrases, exclusions, some sorted by date or on page
2) from two client connections. Every `--every` queries it samples the
server's resident memory (VmRSS) and open files. Prints the curve and saves
it under bench/results/ with the date, the cores and the command.

A plateau: the last half of the run adds little next to the first half.
Every response is counted by status; any 5xx is reported.
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

from . import corpus

RESULTS = Path(__file__).resolve().parent / "results"
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def distinct_queries(texts: list[str], count: int, seed: int = 20) -> list[dict]:
    """`count` different searches, each a substring or combination of the indexed text."""
    rng = random.Random(seed)
    runs = [run for text in texts for run in _CJK_RUN.findall(text)]
    if not runs:
        raise SystemExit("no Chinese text in the sample to draw queries from")

    def piece(low: int = 2, high: int = 6) -> str:
        run = rng.choice(runs)
        while len(run) < low:
            run = rng.choice(runs)
        length = rng.randint(low, min(high, len(run)))
        start = rng.randrange(len(run) - length + 1)
        return run[start:start + length]

    seen, queries = set(), []
    attempts = 0
    while len(queries) < count and attempts < count * 50:
        attempts += 1
        kind = rng.random()
        if kind < 0.55:
            q = piece()
        elif kind < 0.75:
            q = f"{piece()} {piece()}"
        elif kind < 0.9:
            q = f'"{piece(4, 8)}"'
        else:
            q = f"{piece()} -{piece(2, 3)}"
        params = {"q": q}
        if rng.random() < 0.1:
            params["sort"] = "date"
        key = tuple(sorted(params.items()))
        if key in seen:
            continue
        seen.add(key)
        queries.append(params)
    return queries


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(index_dir: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-c", "from archive.cli import main; main()", "serve",
               "--index", str(index_dir), "--host", "127.0.0.1", "--port", str(port),
               "--threads", "4"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise SystemExit("server did not start: " + server.stderr.read().decode()[-500:])
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the index here and keep it")
    args = parser.parse_args()
    if not 1 <= args.queries <= 100_000 or not 1 <= args.every <= args.queries:
        raise SystemExit("--queries must be 1..100000 and --every 1..queries")

    from indexer import build

    rows = list(corpus.records(limit=args.docs, sample_seed=7))
    work = args.keep or Path(tempfile.mkdtemp(prefix="archive-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    index_dir = work / "index"
    try:
        if not (index_dir / "CURRENT").exists():
            source = work / "sample.jsonl"
            corpus.write_jsonl(rows, source)
            started = time.monotonic()
            report = build([source], index_dir, workers=os.cpu_count() or 1)
            print(f"indexed {report.added} documents in {time.monotonic() - started:.0f} s")
        queries = distinct_queries([row["text"] for row in rows], args.queries)
        port = free_port()
        server = start_server(index_dir, port)
        try:
            curve, statuses = soak(server.pid, port, queries, args.every)
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    report_lines = summary(args, len(rows), len(queries), curve, statuses)
    print("\n".join(report_lines))
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    out = RESULTS / f"soak-{stamp}.txt"
    out.write_text("\n".join(report_lines) + "\n", encoding="utf-8")
    print(f"saved {out.relative_to(RESULTS.parent.parent)}")


def soak(pid: int, port: int, queries: list[dict], every: int):
    """Send every query once (two connections in turn), sampling the server as it goes."""
    statuses: Counter = Counter()
    curve = [(0, rss_kb(pid), open_files(pid), 0.0)]
    lock = threading.Lock()
    started = time.monotonic()
    for first in range(0, len(queries), every):
        block = queries[first:first + every]

        def send(part):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                for params in part:
                    conn.request("GET", "/api/search?" + urlencode(params))
                    response = conn.getresponse()
                    response.read()
                    with lock:
                        statuses[response.status] += 1
            finally:
                conn.close()

        threads = [threading.Thread(target=send, args=(block[i::2],)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        curve.append((first + len(block), rss_kb(pid), open_files(pid),
                      time.monotonic() - started))
        print(f"{first + len(block):>7} queries  RSS {curve[-1][1] / 1024:7.1f} MB  "
              f"open files {curve[-1][2]}", flush=True)
    return curve, statuses


def summary(args, docs: int, queries: int, curve, statuses) -> list[str]:
    first_mb = curve[1][1] / 1024 if len(curve) > 1 else curve[0][1] / 1024
    half = curve[len(curve) // 2][1] / 1024
    last = curve[-1][1] / 1024
    lines = [
        f"# bench.soak  {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC  cores={os.cpu_count()}",
        f"command: python -m bench.soak {' '.join(sys.argv[1:])}".rstrip(),
        f"index: {docs} corpus documents; {queries} distinct queries to /api/search, "
        f"two connections, server with 4 threads",
        f"statuses: {dict(sorted(statuses.items()))}; 5xx: {sum(v for k, v in statuses.items() if k >= 500)}",
        f"seconds: {curve[-1][3]:.0f}",
        "queries  RSS_MB  open_files",
    ]
    lines += [f"{n:>7}  {kb / 1024:6.1f}  {files}" for n, kb, files, _ in curve]
    lines.append(f"RSS after the first {args.every}: {first_mb:.1f} MB, at half: {half:.1f} MB, "
                 f"at the end: {last:.1f} MB; second half added {last - half:+.1f} MB, "
                 f"first half {half - first_mb:+.1f} MB")
    return lines


if __name__ == "__main__":
    main()
