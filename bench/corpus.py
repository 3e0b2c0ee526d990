"""Access to the shared benchmark corpus (never copied into the repository).

The corpus lives at ../shared/corpus/news.jsonl.gz beside the repository, or
where $ARCHIVE_CORPUS says (a git worktree sits elsewhere).
Benchmarks that need it call `require()`, which says so and exits cleanly when
it is absent.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARCHIVE_CORPUS") or REPO.parent / "shared" / "corpus" / "news.jsonl.gz")


def require() -> Path:
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: this benchmark needs the shared corpus; skipped.")
        sys.exit(0)
    return CORPUS


def records(limit: int | None = None, sample_seed: int | None = None):
    """Corpus records in file order, or a deterministic sample across all sources."""
    with gzip.open(require(), "rt", encoding="utf-8") as handle:
        rows = (json.loads(line) for line in handle)
        if sample_seed is None:
            for n, row in enumerate(rows):
                if limit is not None and n >= limit:
                    return
                yield row
            return
        everything = list(rows)
    random.Random(sample_seed).shuffle(everything)
    yield from everything[:limit]


def write_jsonl(rows, path: Path) -> int:
    """Write records as archive JSONL input (id, title, text; date from the id when present)."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({"id": row["id"], "title": row.get("title") or "",
                                  "text": row["text"]}, ensure_ascii=False) + "\n")
            count += 1
    return count
