"""Where a cold query's time goes: bench.engines' 200 queries split by phase.

    python -m bench.query_phases [--work bench/out/engines] [--engine ours|ours-core|ours-core-docs]
                                 [--profile FILE]

Runs the queries an earlier `python -m bench.engines` run left in --work
(its queries.json and its `ours` index) once each, cold, in this process,
exactly as bench.engines' query process does (warm-up on its 20 others
first), with a timer around each phase of the work. A phase is one function
of the search path, timed inclusive of what it calls, so nested phases (term
lookups happen inside the match set and the ranking) are printed indented
under the phase that calls them and are not added twice to the total.

With --profile, the same run under cProfile instead, its statistics written
to FILE (read with `python -m pstats FILE`); the timers are then off.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import json
import statistics
import time
from pathlib import Path

from bench.engines import OURS, ours_runner

# (label, module, owner class or None, function name, depth): what is timed.
# Depth 0 phases do not nest in each other; deeper ones run inside one of them.
PHASES = [
    ("parse", "indexer.query", "SearchRequest", "from_params", 0),
    ("query segmentation (jieba)", "indexer.whoosh_query", None, "words", 2),
    ("match set", "indexer.whoosh_shard", "WhooshShard", "match", 0),
    ("query tree", "indexer.whoosh_query", None, "match", 1),
    ("term lookups", "indexer.postings", "SegmentPostings", "_entry", 1),
    ("facet counts", "indexer.whoosh_shard", "WhooshShard", "counts", 0),
    ("ranking (top k)", "indexer.whoosh_shard", "WhooshShard", "rank", 0),
    ("ranking query", "indexer.whoosh_query", None, "ranking", 1),
    ("BM25F scores", "indexer.ranking", None, "scores", 1),
    ("stored fields", "indexer.whoosh_shard", "WhooshShard", "fetch", 0),
    ("hits: metadata", "archive.document", "Document", "from_dict", 0),
    ("hits: snippets", "indexer.search", None, "snippet", 0),
    ("facets: labels, officials", "indexer.search", "Index", "_facets", 0),
]


class PhaseTimer:
    """Wraps each phase's function; sums its inclusive CPU time per query.

    A phase running inside another of the same depth (a match set inside the
    officials' profiles of the facets) is counted in the outer one only; a
    depth-1 phase is counted under the depth-0 phase it runs in."""

    def __init__(self):
        self.current: dict[tuple[str, str], float] = {}
        self._active: list[str | None] = [None, None, None]   # the running phase per depth

    def install(self) -> None:
        import importlib
        for label, module_name, owner, name, depth in PHASES:
            module = importlib.import_module(module_name)
            holder = getattr(module, owner) if owner else module
            original = holder.__dict__[name] if owner else getattr(module, name)
            if isinstance(original, classmethod):
                wrapped = classmethod(self._timed(label, depth, original.__func__))
            else:
                wrapped = self._timed(label, depth, original)
            setattr(holder, name, wrapped)

    def _timed(self, label: str, depth: int, function):
        current, active = self.current, self._active
        clock = time.process_time   # on a shared machine, wall time also waits for a core

        @functools.wraps(function)
        def timed(*args, **kwargs):
            if active[depth] is not None:
                return function(*args, **kwargs)
            active[depth] = label
            started = clock()
            try:
                return function(*args, **kwargs)
            finally:
                key = (active[0] if depth else label, label)
                current[key] = current.get(key, 0.0) + clock() - started
                active[depth] = None
        return timed

    def take(self) -> dict[tuple[str, str], float]:
        taken = dict(self.current)
        self.current.clear()
        return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("bench/out/engines"))
    parser.add_argument("--engine", choices=OURS, default="ours")
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    spec = json.loads((args.work / "queries.json").read_text(encoding="utf-8"))
    timer = None if args.profile else PhaseTimer()
    if timer:
        timer.install()
    run = ours_runner(args.engine, args.work / "ours")
    for item in spec["warmup"]:
        run(item["q"])
    if timer:
        timer.take()
    profile = cProfile.Profile(time.process_time) if args.profile else None
    per_query, phases = [], []
    for item in spec["queries"]:
        if profile:
            profile.enable()
        started = time.process_time()
        run(item["q"])
        per_query.append(time.process_time() - started)
        if profile:
            profile.disable()
        if timer:
            phases.append(timer.take())
    ordered = sorted(per_query)
    print(f"# bench.query_phases --engine {args.engine}: {len(per_query)} cold queries, CPU time: "
          f"p50 {ordered[len(ordered) // 2] * 1000:.2f} ms, "
          f"mean {statistics.mean(per_query) * 1000:.2f} ms")
    if profile:
        profile.dump_stats(args.profile)
        print(f"profile written to {args.profile}")
        return
    total = sum(per_query)
    print(f"{'phase (CPU time)':40} {'mean ms':>8} {'p50 ms':>7} {'share':>6}")
    accounted = 0.0
    tops = [label for label, *_rest, depth in PHASES if depth == 0]
    inner = [label for label, *_rest, depth in PHASES if depth >= 1]
    for top in tops:
        for label in [top] + inner:
            key = (top, label)
            times = [p.get(key, 0.0) for p in phases]
            if not any(times):
                continue
            if label == top:
                accounted += sum(times)
            print(f"{label if label == top else '  ' + label:40} "
                  f"{statistics.mean(times) * 1000:8.3f} "
                  f"{statistics.median(times) * 1000:7.3f} {sum(times) / total:6.1%}")
    rest = (total - accounted) / len(per_query)
    print(f"{'rest (outside every phase)':40} {rest * 1000:8.3f} {'':7} "
          f"{(total - accounted) / total:6.1%}")


if __name__ == "__main__":
    main()
