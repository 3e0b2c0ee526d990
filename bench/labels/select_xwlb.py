"""Candidates for the `xwlb-local` labels, chosen by a fixed rule before reading.

Rule (written down before any text was read):
- 新闻联播 stories (`xwlb-` ids) from ../shared/corpus/news.jsonl.gz;
- whose text names a county-or-lower unit: matches `[县镇乡]|街道|区委|区长|村党`
  AND contains the full name (three characters or more) of a county-level or
  township-level division in the gazetteer (the regex alone let in 乡村振兴 and
  县域 stories with no place below the province; tightened after reading the
  first five texts, before labelling any);
- not the 国内联播快讯 / 国际联播快讯 round-ups (title check);
- of ordinary length: text at most 2,500 characters;
- not already in bench/labels_regions_officials.jsonl;
- ordered by sha1(id); set = "test" if int(sha1(id), 16) % 5 < 2 else "dev".

Sealed test documents are labelled first, in this order, then dev documents.
Round 2 (a fresh sealed set, see README "Rounds") keeps the same rule and order
and also skips every id labelled in an earlier round (any bench/labels/*.jsonl
record of a lower round), so its documents are the next ones in sha1 order.

Usage: python bench/labels/select_xwlb.py test|dev START COUNT [ROUND]  (prints texts)
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.labels.hand_labels import label_files, load, round_of, split_of  # noqa: E402

# The shared data sits beside the main checkout; a worktree is one level deeper.
CORPUS = next((base / "shared" / "corpus" / "news.jsonl.gz" for base in (REPO.parent, REPO.parent.parent)
               if (base / "shared" / "corpus" / "news.jsonl.gz").exists()),
              REPO.parent / "shared" / "corpus" / "news.jsonl.gz")
OLD_LABELS = REPO / "bench" / "labels_regions_officials.jsonl"
LOCAL_UNIT = re.compile(r"[县镇乡]|街道|区委|区长|村党")
ROUND_UPS = ("国内联播快讯", "国际联播快讯")
MAX_CHARS = 2500


@functools.lru_cache(maxsize=1)
def local_unit_names() -> tuple[frozenset[str], int]:
    """Full names (3+ characters) of county- and township-level divisions."""
    from archive import gazetteer
    names = frozenset(d.name for d in gazetteer.load().by_key.values()
                      if d.level in (3, 4) and len(d.name) >= 3 and d.name not in gazetteer.PLACEHOLDERS)
    return names, max(map(len, names))


def names_local_unit(text: str) -> bool:
    names, longest = local_unit_names()
    return any(text[i:i + n] in names for i in range(len(text)) for n in range(3, longest + 1))


def sha1_of(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode("utf-8")).hexdigest()


def candidates(keep: Callable[[str], bool] | None = None) -> list[dict]:
    """Every candidate in sha1(id) order; `keep`, a test on the id alone, is
    applied before the costly text checks and never changes which of the kept
    ids qualify (callers use it to skip the other set, or ids past a prefix)."""
    old = {json.loads(line)["id"] for line in OLD_LABELS.read_text(encoding="utf-8").splitlines()
           if line.strip()}
    found = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith('{"id": "xwlb-'):
                continue
            record = json.loads(line)
            if keep is not None and not keep(record["id"]):
                continue
            if (record["id"] in old or any(r in record["title"] for r in ROUND_UPS)
                    or len(record["text"]) > MAX_CHARS or not LOCAL_UNIT.search(record["text"])):
                continue
            if not names_local_unit(record["text"]):
                continue
            found.append(record)
    found.sort(key=lambda r: sha1_of(r["id"]))
    return found


def labelled_before(round_: int) -> frozenset[str]:
    """Ids that hand-label files (any kind) hold in rounds before `round_`."""
    return frozenset(record["id"] for path in label_files() for record in load(path)
                     if round_of(record) < round_)


def round_candidates(wanted: str, round_: int = 1, up_to: str | None = None) -> list[dict]:
    """The fixed order of one set, minus documents an earlier round labelled;
    with `up_to` (a sha1 hex digest), only the prefix of that order up to it."""
    earlier = labelled_before(round_)
    return candidates(lambda doc_id: split_of(doc_id) == wanted and doc_id not in earlier
                      and (up_to is None or sha1_of(doc_id) <= up_to))


def main(argv: list[str]) -> int:
    wanted, start, count = argv[0], int(argv[1]), int(argv[2])
    round_ = int(argv[3]) if len(argv) > 3 else 1
    chosen = round_candidates(wanted, round_)[start:start + count]
    for record in chosen:
        print(f"=== {record['id']} [{split_of(record['id'])}] {record['title']} ({len(record['text'])})")
        print(record["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
