"""Full build of the corpus: the archive's index against the naive build.

    python -m bench.index_build [--limit N] [--workers N] [--no-naive]

Prints documents/second and total time for both builds on the same documents,
index sizes and peak memory. Reads ../shared/corpus/news.jsonl.gz.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import corpus, naive


def run_archive_build(jsonl: Path, index_dir: Path, workers: int) -> tuple[float, float, str]:
    """Time `archive reindex --full` in its own process (so its peak memory is its own)."""
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-c", "from archive.cli import main; main()", "reindex", str(jsonl),
         "--index", str(index_dir), "--full", "--workers", str(workers)],
        capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, process.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="documents (default: all)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep its corpus.jsonl, "
                        "index/ and naive-*/ for bench.query_latency and bench.incremental")
    args = parser.parse_args()
    corpus.require()
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        jsonl = tmp / "corpus.jsonl"
        count = corpus.write_jsonl(corpus.records(args.limit), jsonl)
        print(f"{count} documents, {os.cpu_count()} cores, workers={args.workers}")
        index_dir = tmp / "index"
        seconds, peak, summary = run_archive_build(jsonl, index_dir, args.workers)
        print(f"archive build: {seconds:.1f}s, {count / seconds:.0f} docs/s, "
              f"index {naive.size_of(index_dir) / 1e6:.0f} MB, peak RSS {peak:.0f} MB")
        print(f"  ({summary})")
        if not args.no_naive:
            for procs in sorted({1, args.workers}):
                n, naive_seconds = naive.build(jsonl, tmp / f"naive-{procs}", procs=procs)
                print(f"naive build ({procs} proc): {naive_seconds:.1f}s, {n / naive_seconds:.0f} docs/s, "
                      f"index {naive.size_of(tmp / f'naive-{procs}') / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
