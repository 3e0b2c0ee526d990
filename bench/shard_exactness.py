"""Does a sharded index answer as one index, on real documents?

Draws a sample of the corpus (`/work/shared/corpus/news.jsonl.gz`, a fixed
shuffle), builds it as one index and as 1, 2 and 4 shards, each build in a
process of its own (a build in this process would teach jieba names that a
cluster's workers would not know), then runs random searches cut from the
documents against each and counts the answers that differ from one index's:
totals, facet counts (region, official, date), top-10 scores, and top-10
ids in order (equal scores come in document-id order, so every build should
agree, sharded or not). Also the mean time per search, in process.

Usage:
  python -m bench.shard_exactness [--documents 3000] [--queries 300]
Writes bench/results/shard_exactness-<date>-<cores>cores.txt.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = Path("/work/shared/corpus/news.jsonl.gz")
SHARD_COUNTS = (1, 2, 4)


def sample(path: Path, documents: int) -> list[dict]:
    with gzip.open(SHARED_CORPUS, "rt", encoding="utf-8") as corpus:
        lines = corpus.readlines()
    random.Random(1).shuffle(lines)
    path.write_text("".join(lines[:documents]), encoding="utf-8")
    return [json.loads(line) for line in lines[:documents]]


def reindex(source: Path, index_dir: Path, *extra: str) -> float:
    """`archive reindex` in a fresh process; its wall time."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "archive.cli", "reindex", str(source),
                    "--index", str(index_dir), "--workers", str(os.cpu_count() or 1), *extra],
                   check=True, capture_output=True, cwd=REPO)
    return time.monotonic() - started


def searches(rows: list[dict], count: int):
    from indexer import QueryError, SearchRequest

    rng = random.Random(7)
    found = []
    while len(found) < count:
        text = rng.choice(rows)["text"]
        if len(text) < 10:
            continue
        start = rng.randrange(len(text) - 5)
        try:
            found.append(SearchRequest.from_params(
                {"q": text[start:start + rng.choice([2, 2, 3, 4])]}))
        except QueryError:
            continue
    return found


def facet_counts(result) -> list:
    facets = result.facets
    return [[(f.key, f.count) for f in values]
            for values in (facets.region, facets.official, facets.date)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    from indexer import open_index

    lines = [f"shard exactness, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
             f"{os.cpu_count()} cores, {args.documents} corpus documents, {args.queries} searches"]
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        rows = sample(scratch / "sample.jsonl", args.documents)
        seconds = reindex(scratch / "sample.jsonl", scratch / "single")
        lines.append(f"build one index: {seconds:.1f}s")
        for shards in SHARD_COUNTS:
            seconds = reindex(scratch / "sample.jsonl", scratch / f"shards-{shards}",
                              "--shards", str(shards))
            lines.append(f"build {shards} shards (in process): {seconds:.1f}s")
        requests = searches(rows, args.queries)
        one = open_index(scratch / "single")
        for shards in SHARD_COUNTS:
            sharded = open_index(scratch / f"shards-{shards}")
            differ = {"totals": 0, "facets": 0, "scores": 0, "ids in order": 0}
            spent = {"one": 0.0, "sharded": 0.0}
            for request in requests:
                started = time.monotonic()
                a = one.search(request)
                spent["one"] += time.monotonic() - started
                started = time.monotonic()
                b = sharded.search(request)
                spent["sharded"] += time.monotonic() - started
                differ["totals"] += a.total != b.total
                differ["facets"] += facet_counts(a) != facet_counts(b)
                differ["scores"] += [round(h.score or 0, 6) for h in a.hits] != \
                    [round(h.score or 0, 6) for h in b.hits]
                differ["ids in order"] += [h.id for h in a.hits] != [h.id for h in b.hits]
            lines.append(f"{shards} shards: differ from one index in "
                         + ", ".join(f"{what} {n}" for what, n in differ.items())
                         + f"; mean per search: one {spent['one'] / len(requests) * 1000:.1f} ms, "
                           f"sharded {spent['sharded'] / len(requests) * 1000:.1f} ms")
            sharded.close()
        one.close()
    report = "\n".join(lines) + "\n"
    print(report, end="")
    results = REPO / "bench" / "results"
    name = f"shard_exactness-{datetime.now(timezone.utc):%Y-%m-%d}-{os.cpu_count()}cores.txt"
    (results / name).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
