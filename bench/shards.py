"""Sharding on one machine: build and query times for 1, 2 and 4 shards, in
process and on a local Dask cluster, against one unsharded index.

    python -m bench.shards [--docs 1000] [--queries 100] [--workers 2] [--keep DIR]

A sample of the corpus is built once as a single index, then as 1, 2 and 4
shards in process (`build_sharded`, one task after another) and on a
`distributed.LocalCluster` of `--workers` worker processes with one thread
each (`run_builds`: one task per shard, spread over the workers). The same
queries (`bench.query_latency.make_queries`: phrases, officials, places,
filters) then run on each, warm, top 10 with facets and snippets, each query
once; every total is checked against the single index. The merge's overhead
per query is a sharded index's time less the single index's (in process: the
shards asked one after another; on the cluster: Dask's round trips, four per
search). Results go to bench/results/shards-DATE-Ncores.txt.
"""
from __future__ import annotations

import argparse
import datetime
import io
import os
import shutil
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

from bench import corpus
from bench.query_latency import make_queries, percentile

SHARD_COUNTS = (1, 2, 4)
RESULTS = Path(__file__).resolve().parent / "results"


def resident_bytes() -> int:
    """This process's resident memory now (run on each worker)."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def timed_queries(index, requests) -> tuple[list[float], list[int]]:
    """Milliseconds per search, and each search's total."""
    for request in requests[:5]:   # warm: jieba, columns, every shard opened
        index.search(request)
    index._cache = type(index._cache)(index._cache.size)   # each timed search from scratch
    timings, totals = [], []
    for request in requests:
        started = time.perf_counter()
        result = index.search(request)
        timings.append((time.perf_counter() - started) * 1000)
        totals.append(result.total)
    return timings, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--keep", type=Path, help="build here and keep the indexes")
    args = parser.parse_args()

    import distributed

    from indexer import Index, QueryError, SearchRequest, build, build_sharded, open_index
    from indexer.cluster import ClusterStore, live_shards, run_builds

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-shards-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / "sample.jsonl"
    documents = corpus.write_jsonl(corpus.records(args.docs, sample_seed=14), source)
    requests = []
    for params in make_queries(args.queries):
        try:
            requests.append(SearchRequest.from_params(params))
        except QueryError:
            pass
    lines = [f"bench.shards {datetime.date.today()} on {os.cpu_count()} cores (shared): "
             f"{documents} corpus documents, {len(requests)} queries, "
             f"LocalCluster of {args.workers} worker processes x 1 thread"]

    def say(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    def build_time(target: Path, **kwargs) -> float:
        shutil.rmtree(target, ignore_errors=True)
        started = time.perf_counter()
        with redirect_stdout(io.StringIO()):
            (build_sharded if "shards" in kwargs else build)([source], target, workers=1, **kwargs)
        return time.perf_counter() - started

    def query_line(label: str, index, baseline=None) -> tuple[float, list[int]]:
        timings, totals = timed_queries(index, requests)
        p50, p95 = percentile(timings, .5), percentile(timings, .95)
        extra = ""
        if baseline is not None:
            p50_single, totals_single = baseline
            wrong = sum(a != b for a, b in zip(totals, totals_single))
            extra = f"; merge overhead p50 {p50 - p50_single:+.1f} ms; totals differ: {wrong}"
        say(f"  {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms{extra}")
        return p50, totals

    say(f"single index: build {build_time(work / 'single'):.1f} s (workers=1), "
        f"{sum(f.stat().st_size for f in (work / 'single').rglob('*') if f.is_file()) / 1e6:.1f} MB")
    single = open_index(work / "single")
    baseline = query_line("single index queries", single)
    for shards in SHARD_COUNTS:
        target = work / f"shards-{shards}"
        say(f"{shards} shard(s) in process: build {build_time(target, shards=shards):.1f} s")
        query_line("queries in process", open_index(target), baseline)

    with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=50) as cluster, \
            distributed.Client(cluster, set_as_default=False) as client:
        for shards in SHARD_COUNTS:
            target = work / f"cluster-{shards}"
            seconds = build_time(target, shards=shards, run=lambda tasks: run_builds(client, tasks))
            say(f"{shards} shard(s) on the cluster: build {seconds:.1f} s")
            index = Index(target, shard=ClusterStore(client, lambda t=target: live_shards(t)))
            query_line("queries on the cluster", index, baseline)
            say("  workers' memory after the queries: " + ", ".join(
                f"{rss / 1e6:.0f} MB" for rss in client.run(resident_bytes).values()))
        sizes = {shards: sum(f.stat().st_size for f in (work / f"cluster-{shards}").rglob("*")
                             if f.is_file()) for shards in SHARD_COUNTS}
    say("index size on disk: " + ", ".join(f"{n} shard(s) {size / 1e6:.1f} MB"
                                           for n, size in sizes.items()))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"shards-{datetime.date.today()}-{os.cpu_count()}cores.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"-> {out}", file=sys.stderr)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
