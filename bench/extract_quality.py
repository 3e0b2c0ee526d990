"""Quality of region and official extraction on hand-labelled corpus documents.

Labels (bench/labels_regions_officials.jsonl) hold document ids, the region
keys and the officials a reader found in each text; the texts themselves stay
in the shared corpus (../shared/corpus/news.jsonl.gz), never in the repo.

All of these labels are a TUNING set. Some were once marked "holdout", but
rules and tests were written from those documents after they were scored
(their officials F1 went 0.757 -> 1.000), so nothing here predicts unseen
text and the old "set" marks are ignored. For figures that do, see
bench/labels/: `python bench/labels/score_dev.py` tunes on the dev half of
labels made before any issue-11 rule was written; the sealed test half is
scored once, at the end, by nothing in this repository.

Scoring:
- regions: the set of division keys the document names (about + mentioned),
  against the labelled keys;
- officials: names folded to one script, against the labelled names;
- wrong years: for sources whose id carries the publication date, any
  extracted year that differs from it. Counted on the labelled documents and
  on a wider sample of dated documents, since a wrong year is worse than none.

Usage: python bench/extract_quality.py [--sample N] [--verbose]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "news.jsonl.gz"
LABELS = Path(__file__).resolve().parent / "labels_regions_officials.jsonl"
_ID_YEAR = re.compile(r"^(?:xwlb|tainan|tncc|president)-(\d{4})")

sys.path.insert(0, str(REPO))
from archive.extract import extract  # noqa: E402
from archive.ingest import RawDocument  # noqa: E402
from archive.script import fold  # noqa: E402


def raw_from_record(record: dict) -> RawDocument:
    given = {"title": record["title"]} if record.get("title") else {}
    return RawDocument(id=record["id"], text=record["text"], origin="corpus",
                       given=given)


def wrong_year(doc_id: str, date: dict | None) -> bool:
    match = _ID_YEAR.match(doc_id)
    if not match or not date or date["value"].startswith("--"):
        return False
    return date["value"][:4] != match.group(1)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=3000,
                        help="dated documents checked for wrong years (every k-th)")
    parser.add_argument("--verbose", action="store_true", help="print each disagreement")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: this benchmark needs the shared corpus; skipped.")
        return 0
    labels = {row["id"]: row for row in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines())}
    records: dict[str, dict] = {}
    dated: list[dict] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in labels:
                records[record["id"]] = record
            if _ID_YEAR.match(record["id"]):
                dated.append(record)
    missing = set(labels) - set(records)
    if missing:
        print(f"labelled ids not in the corpus: {sorted(missing)}")

    counts = {("tuning", kind): [0, 0, 0] for kind in ("regions", "officials")}
    title_hits = 0
    labelled_wrong_years = 0
    for doc_id, label in labels.items():
        if doc_id not in records:
            continue
        doc = extract(raw_from_record(records[doc_id])).to_dict()
        got_regions = {r["key"] for r in doc["regions"] + doc["mentioned_regions"]}
        want_regions = {r["key"] for r in label["regions"]}
        got_officials = {fold(o["name"]): fold(o["title"]) for o in doc["officials"]}
        want_officials = {fold(o["name"]): fold(o["title"]) for o in label["officials"]}
        for kind, got, want in (("regions", set(got_regions), want_regions),
                                ("officials", set(got_officials), set(want_officials))):
            tally = counts[("tuning", kind)]
            tally[0] += len(got & want)
            tally[1] += len(got - want)
            tally[2] += len(want - got)
            if args.verbose and got != want:
                print(f"{doc_id} {kind}: extra {sorted(got - want)} missing {sorted(want - got)}")
        title_hits += sum(1 for name in set(got_officials) & set(want_officials)
                          if got_officials[name] and (got_officials[name] in want_officials[name]
                                                      or want_officials[name] in got_officials[name]))
        if wrong_year(doc_id, doc["date"]):
            labelled_wrong_years += 1
            if args.verbose:
                print(f"{doc_id} wrong year: {doc['date']}")

    step = max(1, len(dated) // args.sample) if args.sample else 0
    sample = dated[::step][:args.sample] if step else []
    sample_wrong = sample_years = 0
    for record in sample:
        date = extract(raw_from_record(record)).to_dict()["date"]
        if date and not date["value"].startswith("--"):
            sample_years += 1
        if wrong_year(record["id"], date):
            sample_wrong += 1
            if args.verbose:
                print(f"{record['id']} wrong year: {date}")

    print(f"labelled documents: {len(records)} (a tuning set: these scores do not predict unseen text)")
    for (subset, kind), (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{subset:8s} {kind:9s} precision {p:.3f} recall {r:.3f} F1 {f:.3f}  "
              f"(tp {tp}, fp {fp}, fn {fn})")
    matched = counts[("tuning", "officials")][0]
    print(f"official titles agreeing (one contains the other): {title_hits}/{matched}")
    print(f"wrong years on labelled documents: {labelled_wrong_years}")
    print(f"wrong years on {len(sample)} dated documents: {sample_wrong} "
          f"(documents given a year: {sample_years})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
