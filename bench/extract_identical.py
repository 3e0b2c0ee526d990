"""Does this checkout extract exactly what another commit extracts?

A speed change to extraction must not change a single output. This extracts
every 19th corpus document (about 3,000, all sources) with the working tree
and with a reference commit (default `main`, exported by `git archive` into a
temporary folder, never checked out over anything), and compares every
document's full record (`dataclasses.asdict`: body, title, script, regions,
officials with offices, reporters, date, source, damage, content hash...) as
JSON. Prints the number of differences and the first few; exits 1 if any.

Usage: python -m bench.extract_identical [--against main] [--every 19] [--show 5]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def extract_all(every: int, out: Path) -> None:
    """Extract every `every`-th corpus document with the `archive` on sys.path, one JSON line each."""
    from bench import corpus
    from archive.extract import extract
    from archive.ingest import RawDocument
    with open(out, "w", encoding="utf-8") as handle:
        for n, row in enumerate(corpus.records()):
            if n % every:
                continue
            raw = RawDocument(id=row["id"], text=row["text"], origin="corpus",
                              given={"title": row["title"]} if row.get("title") else {})
            record = dataclasses.asdict(extract(raw))
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def _run_in(tree: Path, every: int, out: Path) -> None:
    """Extract in a fresh interpreter whose `archive` and `bench` come from `tree`."""
    from bench import corpus
    env = dict(os.environ, PYTHONPATH=str(tree), ARCHIVE_CORPUS=str(corpus.CORPUS.resolve()))
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
            "from bench.extract_identical import extract_all; extract_all(int(sys.argv[2]), Path(sys.argv[3]))")
    subprocess.run([sys.executable, "-c", code, str(tree), str(every), str(out)], env=env, check=True,
                   cwd=tree)


def _export(rev: str, into: Path) -> str:
    """The tree of `rev` unpacked into `into` (this checker copied in, so that
    an older commit without it can run it); returns the full commit id."""
    commit = subprocess.run(["git", "rev-parse", rev], cwd=REPO, check=True,
                            capture_output=True, text=True).stdout.strip()
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=REPO, check=True,
                             capture_output=True).stdout
    tar_path = into / "tree.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into / "tree", filter="data")
    (into / "tree" / "bench" / "extract_identical.py").write_bytes(Path(__file__).read_bytes())
    return commit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="reference commit (default main)")
    parser.add_argument("--every", type=int, default=19, help="take every N-th corpus line (default 19)")
    parser.add_argument("--show", type=int, default=5, help="differences to print in full")
    args = parser.parse_args()
    from bench import corpus
    corpus.require()
    with tempfile.TemporaryDirectory(prefix="extract-identical-") as tmp:
        tmp_path = Path(tmp)
        commit = _export(args.against, tmp_path)
        _run_in(tmp_path / "tree", args.every, tmp_path / "reference.jsonl")
        _run_in(REPO, args.every, tmp_path / "here.jsonl")
        reference = (tmp_path / "reference.jsonl").read_text(encoding="utf-8").splitlines()
        here = (tmp_path / "here.jsonl").read_text(encoding="utf-8").splitlines()
    if len(reference) != len(here):
        print(f"different document counts: {len(reference)} against {len(here)}")
        return 1
    differing = [(a, b) for a, b in zip(reference, here) if a != b]
    print(f"{len(here)} documents (every {args.every}th corpus line), against {args.against} "
          f"({commit[:10]}): {len(differing)} differences")
    for a, b in differing[:args.show]:
        left, right = json.loads(a), json.loads(b)
        fields = sorted(k for k in left if left[k] != right.get(k))
        print(f"- {left['id']}: {', '.join(fields)}")
        for key in fields:
            print(f"    {args.against}: {json.dumps(left[key], ensure_ascii=False)[:300]}")
            print(f"    here: {json.dumps(right.get(key), ensure_ascii=False)[:300]}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
