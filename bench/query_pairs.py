"""Cold query time of this tree against another (e.g. main), interleaved, and whether every answer is the same.

    python -m bench.query_pairs --before DIR [--work bench/out/engines] [--rounds 3]
                                [--engines ours,ours-core] [--out FILE]

DIR is a checkout of the code to compare with (`git archive main | tar -x -C DIR`).
An engine given as AFTER:BEFORE runs as AFTER in this tree and BEFORE in DIR
(`ours-core-docs:ours-core` against a tree whose ours-core still fetched
whole stored documents).
Both trees query the index and the 200 queries an earlier `python -m
bench.engines` run left in --work, each query once, cold, in a fresh process
per run exactly as bench.engines times them (`--_query`); the runs alternate
before/after, after/before round by round, so that a shared machine's load
falls on both alike. Per query the median over rounds is taken, then p50 and
p95 over the queries, in wall and CPU time.

Then each tree answers the same queries once more and writes down everything
the site shows (total, page of ids with scores, snippets, facets); the two
must be identical.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def run_in(tree: Path, args: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {' '.join(args[:3])} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def answers(index_dir: Path, queries_file: Path) -> list:
    """What the site shows for each query, as JSON-able values."""
    from indexer import SearchRequest, open_index
    index = open_index(index_dir)
    index.warm_up()
    found = []
    for item in json.loads(queries_file.read_text(encoding="utf-8"))["queries"]:
        result = index.search(SearchRequest.from_params({"q": item["q"]}))
        found.append({
            "q": item["q"], "total": result.total,
            "hits": [[hit.id, hit.score, hit.snippet_html] for hit in result.hits],
            "facets": {name: [[f.key, f.label, f.count, f.title, f.region] for f in
                              getattr(result.facets, name)]
                       for name in ("region", "region_trail", "official", "date")},
            "undated": result.facets.date_unknown,
        })
    return found


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--before", type=Path, required=False)
    parser.add_argument("--work", type=Path, default=Path("bench/out/engines"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engines", default="ours,ours-core")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--_answers", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._answers:
        print(json.dumps(answers(Path(args._answers[0]), Path(args._answers[1])), ensure_ascii=False))
        return
    if args.before is None:
        parser.error("--before DIR is required")
    work = args.work.resolve()
    index_dir, queries_file = work / "ours", work / "queries.json"
    trees = {"before": args.before.resolve(), "after": HERE}
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True,
                            text=True).stdout.strip()
    say(f"# bench.query_pairs, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; after = {commit}, "
        f"before = {trees['before']}")
    say(f"# python -m bench.query_pairs --rounds {args.rounds} --engines {args.engines}")
    runs: dict[tuple[str, str], list[dict]] = {}
    for round_number in range(args.rounds):
        for engine in args.engines.split(","):
            order = ["before", "after"] if round_number % 2 == 0 else ["after", "before"]
            for side in order:
                named = engine.split(":")[0 if side == "after" else -1]
                out = run_in(trees[side], ["-m", "bench.engines", "--_query", named,
                                           str(index_dir), str(queries_file)])
                runs.setdefault((engine, side), []).append(json.loads(out))
        say(f"round {round_number + 1} done, load {os.getloadavg()[0]:.1f}")
    say()
    say(f"{'':24} {'':7} {'wall p50':>9} {'p95':>6} {'CPU p50':>8} {'p95':>6}   ms")
    for engine in args.engines.split(","):
        medians = {}
        for side in ("before", "after"):
            done = runs[(engine, side)]
            count = len(done[0]["ms"])
            wall = [statistics.median(r["ms"][i] for r in done) for i in range(count)]
            cpu = [statistics.median(r["cpu_ms"][i] for r in done) for i in range(count)]
            medians[side] = (wall, cpu)
            say(f"{engine:24} {side:7} {percentile(wall, 50):9.2f} {percentile(wall, 95):6.2f} "
                f"{percentile(cpu, 50):8.2f} {percentile(cpu, 95):6.2f}")
        (wb, cb), (wa, ca) = medians["before"], medians["after"]
        say(f"{engine:24} {'after/before':7} p50 wall {percentile(wa, 50) / percentile(wb, 50):.2f}x, "
            f"CPU {percentile(ca, 50) / percentile(cb, 50):.2f}x")
        totals = {side: runs[(engine, side)][0]["totals"] for side in ("before", "after")}
        say(f"{engine:24} totals agree on {sum(a == b for a, b in zip(totals['before'], totals['after']))}"
            f" of {len(totals['after'])}")
    # This file as a script: the tree compared with need not have it.
    said = {side: run_in(tree, [str(Path(__file__).resolve()), "--_answers", str(index_dir),
                                str(queries_file)]) for side, tree in trees.items()}
    before, after = json.loads(said["before"]), json.loads(said["after"])
    differ = [b["q"] for b, a in zip(before, after) if a != b]
    say(f"answers (total, page ids, scores, snippets, facets) identical on "
        f"{len(after) - len(differ)} of {len(after)} queries" + (f"; differ: {differ[:10]}" if differ else ""))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
