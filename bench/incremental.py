"""Incremental reindexing against a full index kept by bench.index_build --keep DIR.

    python -m bench.incremental DIR

Times, through the real command line: 100 new documents into the full
index; an unchanged rerun over the whole corpus; removing the 100 again.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path


def reindex(source: Path, index_dir: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from archive.cli import main; main()", "reindex",
                           str(source), "--index", str(index_dir)],
                          capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    corpus_file, index_dir = args.folder / "corpus.jsonl", args.folder / "index"
    if not corpus_file.exists() or not index_dir.exists():
        sys.exit(f"{args.folder} has no corpus.jsonl and index/: run bench.index_build --keep first")
    new_file = args.folder / "new-documents.jsonl"
    with open(corpus_file, encoding="utf-8") as source, open(new_file, "w", encoding="utf-8") as out:
        for n, line in zip(range(100), source):
            record = json.loads(line)
            record["id"] = f"bench-new-{n:03d}"
            record["text"] = f"{record['text']}\n（补充报道 {n}）"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    seconds, summary = reindex(new_file, index_dir)
    print(f"100 new documents: {seconds:.1f}s ({summary})")
    seconds, summary = reindex(corpus_file, index_dir)
    print(f"unchanged rerun over the corpus: {seconds:.1f}s ({summary})")
    new_file.write_text("", encoding="utf-8")
    seconds, summary = reindex(new_file, index_dir)
    print(f"100 documents removed again: {seconds:.1f}s ({summary})")
    new_file.unlink()


if __name__ == "__main__":
    main()
