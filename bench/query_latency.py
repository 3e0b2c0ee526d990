"""Warm query latency over the full index: 200 mixed queries, top 10 with facets and snippets.

    python -m bench.query_latency --index DIR [--naive DIR] [--serve]

Queries are drawn deterministically from the corpus, all different: phrases
of 2-8 characters (half rewritten into the other script), officials' names
and place names found by extraction, and a fifth of them with a filter
(region, year range or script). The timing runs in a fresh process that only
opens the index: each query once, after a warm-up on other queries, timed
in wall and CPU time (on a busy machine the wall time also waits for a
core). Its peak memory is read as VmHWM: ru_maxrss would report the peak of
this parent, which drew the queries with jieba and OpenCC loaded.

With --serve the same queries also go, one after another, to a real
`archive serve` of the index (/api/search) and the server's own peak RSS is
reported. With --naive the same query texts run against the naive build.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import statistics
import time
from pathlib import Path

from archive.extract import extract
from archive.ingest import RawDocument
from archive.script import to_simplified, to_traditional
from bench import corpus


def _runs(text: str) -> list[str]:
    return [r for r in "".join(c if c.isalnum() and ord(c) > 0x2E80 else " " for c in text).split()
            if len(r) >= 2]


def make_queries(count: int = 200, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    rows = list(corpus.records(3000, sample_seed=seed))
    queries: list[dict] = []
    phrases, names, places = [], [], []
    for row in rows:
        runs = _runs(row["text"])
        if runs:
            run = rng.choice(runs)
            length = rng.randint(2, min(8, len(run)))
            start = rng.randint(0, len(run) - length)
            phrase = run[start:start + length]
            if rng.random() < 0.5:  # ask in the other script
                phrase = to_simplified(phrase) if row["id"].startswith(("tainan", "tncc", "president")) \
                    else to_traditional(phrase)
            phrases.append(phrase)
    seen_names: set[str] = set()
    for row in rows[:1500]:
        doc = extract(RawDocument(row["id"], row["text"], row["id"], file=row["id"],
                                  given={"title": row.get("title") or ""}))
        for official in doc.officials:
            if official.name not in seen_names:
                seen_names.add(official.name)
                names.append((official.name, doc))
        for region in doc.regions + doc.mentioned_regions:
            if region.name not in seen_names:
                seen_names.add(region.name)
                places.append((region.name, doc))
    rng.shuffle(names)
    rng.shuffle(places)
    distinct_phrases = list(dict.fromkeys(phrases))
    queries += [{"q": p} for p in distinct_phrases[:80]]
    queries += [{"q": n} for n, _ in names[:40]]
    queries += [{"q": p} for p, _ in places[:40]]
    filtered = 0
    for name, doc in names[40:] + places[30:]:
        if filtered >= count - len(queries):
            break
        kind = filtered % 3
        if kind == 0 and doc.regions:
            queries.append({"q": name, "region": doc.regions[0].key})
        elif kind == 1:
            year = rng.randint(2019, 2025)
            queries.append({"q": name, "from": str(year), "to": str(year + 1)})
        else:
            queries.append({"q": name, "script": doc.script})
        filtered += 1
    # Too few names or places with a region to filter on: more phrases.
    queries += [{"q": p} for p in distinct_phrases[80:80 + count - len(queries)]]
    return queries[:count]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(label: str, timings: list[float]) -> None:
    print(f"{label}: n={len(timings)} p50 {percentile(timings, .5):.1f} ms, "
          f"p95 {percentile(timings, .95):.1f} ms, max {max(timings):.1f} ms, "
          f"mean {statistics.mean(timings):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--naive", type=Path)
    parser.add_argument("--show", type=int, default=10, help="print the N slowest queries")
    parser.add_argument("--serve", action="store_true",
                        help="also run the queries against `archive serve` and report its peak RSS")
    parser.add_argument("--queries", type=Path, help=argparse.SUPPRESS)  # the timing process
    args = parser.parse_args()
    if args.queries:
        return run_timings(args)
    with tempfile.TemporaryDirectory() as tmp:
        query_file = Path(tmp) / "queries.json"
        queries, warmup = make_queries(), make_queries(20, seed=99)
        query_file.write_text(json.dumps({"queries": queries, "warmup": warmup},
                                         ensure_ascii=False))
        command = [sys.executable, "-m", "bench.query_latency", "--index", str(args.index),
                   "--show", str(args.show), "--queries", str(query_file)]
        if args.naive:
            command += ["--naive", str(args.naive)]
        subprocess.run(command, check=True)
    if args.serve:
        serve_timings(args.index, queries, warmup)


def peak_rss_mb(pid: str = "self") -> float:
    for line in open(f"/proc/{pid}/status", encoding="ascii"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc")


def serve_timings(index: Path, queries: list[dict], warmup: list[dict]) -> None:
    """The queries over HTTP against `archive serve` of the index; its peak RSS."""
    import socket
    import urllib.parse
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c", "from archive.cli import main; main()",
                               "serve", "--index", str(index), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/api/search?"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "q=", timeout=60).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("archive serve did not answer")
                time.sleep(0.5)
        for params in warmup:
            urllib.request.urlopen(base + urllib.parse.urlencode(params), timeout=60).read()
        timings = []
        for params in queries:
            started = time.perf_counter()
            urllib.request.urlopen(base + urllib.parse.urlencode(params), timeout=60).read()
            timings.append((time.perf_counter() - started) * 1000)
        report("archive serve, /api/search over HTTP", timings)
        print(f"peak RSS of archive serve: {peak_rss_mb(str(server.pid)):.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_timings(args) -> None:
    from indexer import SearchRequest, open_index

    data = json.loads(args.queries.read_text(encoding="utf-8"))
    queries, warmup = data["queries"], data["warmup"]
    kinds = {}
    for params in queries:
        kind = "filtered" if len(params) > 1 else "query only"
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{len(queries)} distinct queries ({kinds})")
    index = open_index(args.index)
    index.warm_up()
    for params in warmup:
        index.search(SearchRequest.from_params(params))
    timings, cpu_timings, slow = [], [], []
    for params in queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        result = index.search(SearchRequest.from_params(params))
        elapsed = (time.perf_counter() - started) * 1000
        timings.append(elapsed)
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
        slow.append((elapsed, result.total, params))
    report("archive (top 10, facets, snippets)", timings)
    # On a busy machine wall time waits for a core; the CPU time does not.
    report("  the same, CPU time of the process", cpu_timings)
    for elapsed, total, params in sorted(slow, key=lambda item: item[0], reverse=True)[:args.show]:
        print(f"  {elapsed:7.1f} ms  {total:6d} hits  {params}")
    print(f"peak RSS of the timing process: {peak_rss_mb():.0f} MB")
    if args.naive:
        from bench.naive import Searcher
        searcher = Searcher(args.naive)
        for params in warmup:
            searcher.search(params["q"])
        naive_timings = []
        for params in queries:
            started = time.perf_counter()
            searcher.search(params["q"])
            naive_timings.append((time.perf_counter() - started) * 1000)
        report("naive (top 10, highlights, no facets or filters)", naive_timings)


if __name__ == "__main__":
    main()
