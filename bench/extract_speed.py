"""Extraction speed: documents per second over corpus documents, and gazetteer load time.

Reads ../shared/corpus/news.jsonl.gz (relative to the repository); says so and
exits cleanly when it is absent. Single process, single core. Wall-clock
rates need a quiet machine; the CPU seconds (this process's alone) say more
on a shared one, though cache and core contention still inflate them.

Usage: python bench/extract_speed.py [--docs 5000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "news.jsonl.gz"
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=5000)
    args = parser.parse_args()
    from archive import gazetteer
    started = time.perf_counter()
    gazetteer.load()
    load_seconds = time.perf_counter() - started
    print(f"gazetteer load: {load_seconds:.3f} s ({len(gazetteer.load().by_key)} divisions)")
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: extraction speed needs the shared corpus; skipped.")
        return 0
    from archive.common_words import common_words
    from archive.extract import extract
    from archive.ingest import RawDocument
    started = time.perf_counter()
    common_words()
    print(f"common-word list load: {time.perf_counter() - started:.3f} s")
    # Every k-th document, so that all sources (simplified and traditional) are in.
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    step = max(1, len(rows) // args.docs)
    sample = rows[::step][:args.docs]
    raws = [RawDocument(id=r["id"], text=r["text"], origin="corpus",
                        given={"title": r["title"]} if r.get("title") else {}) for r in sample]
    characters = sum(len(r.text) for r in raws)
    started, cpu_started = time.perf_counter(), time.process_time()
    for raw in raws:
        extract(raw)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(f"extracted {len(raws)} documents ({characters:,} characters) in {seconds:.2f} s: "
          f"{len(raws) / seconds:.0f} docs/s, {characters / seconds / 1000:.0f}k chars/s; "
          f"{cpu_seconds:.2f} CPU s, {len(raws) / cpu_seconds:.0f} docs per CPU second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
