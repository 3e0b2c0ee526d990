"""Score the extractor on the issue-11 DEV labels only; the sealed test set is never read.

Issue 11 splits its labels into a dev set (tune freely) and a sealed test set
that is scored once, at the end. This script skips every record whose set is
not "dev" before it even looks up the document. It has no switch to do
otherwise, so a tuning loop cannot leak sealed errors.

Measures, as the issue's targets name them:
- region F1 on unit keys, and again with both sides closed under their
  parents (a label 佳里區 also stands for 臺南市);
- official F1 on names folded to one script;
- office right: matched officials whose office equals the label's, folded;
- wrong years: the extractor gives a year and the label gives another one, or
  gives none at all.

    python -m bench.labels.score_dev [--verbose]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

from archive import gazetteer
from archive.extract import extract
from archive.script import fold
from bench.extract_quality import prf, raw_from_record
from bench.labels.select_tw import CORPUS

LABEL_DIR = Path(__file__).resolve().parent


def dev_labels() -> dict[str, dict]:
    labels = {}
    for path in sorted(LABEL_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    if record.get("set") == "dev":
                        labels[record["id"]] = record
    return labels


def label_year(date: dict | None) -> str | None:
    if not date or date["precision"] == "month-day":
        return None
    return date["value"][:4]


class Tally:
    """True/false positives and negatives for one measure, per kind and overall."""

    def __init__(self):
        self.counts = defaultdict(lambda: [0, 0, 0])

    def add(self, kind: str, got: set, want: set) -> None:
        for key in (kind, "all"):
            self.counts[key][0] += len(got & want)
            self.counts[key][1] += len(got - want)
            self.counts[key][2] += len(want - got)

    def f1(self, key: str) -> tuple[float, tuple[int, int, int]]:
        tp, fp, fn = self.counts[key]
        return prf(tp, fp, fn)[2], (tp, fp, fn)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="print each disagreement")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: skipped.")
        return 0
    labels = dev_labels()
    records = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in labels:
                records[record["id"]] = record
    gaz = gazetteer.load()

    def unit(key: str) -> str:
        div = gaz.get(key)
        return div.key if div else key

    def with_parents(keys: set[str]) -> set[str]:
        closed = set()
        for key in keys:
            div = gaz.get(key)
            closed |= {d.key for d in gaz.lineage(div)} if div else {key}
        return closed

    units, parents, names = Tally(), Tally(), Tally()
    office_right = defaultdict(lambda: [0, 0])
    wrong_years = defaultdict(int)
    docs = defaultdict(int)
    for doc_id, label in labels.items():
        if doc_id not in records:
            continue
        kind = label.get("kind", "?")
        docs[kind] += 1
        doc = extract(raw_from_record(records[doc_id])).to_dict()
        got_keys = {unit(r["key"]) for r in doc["regions"] + doc["mentioned_regions"]}
        want_keys = {unit(r["key"]) for r in label["regions"]}
        units.add(kind, got_keys, want_keys)
        parents.add(kind, with_parents(got_keys), with_parents(want_keys))
        got_people = {fold(o["name"]): fold(o["title"]) for o in doc["officials"]}
        want_people = {fold(o["name"]): fold(o["office"]) for o in label["officials"]}
        names.add(kind, set(got_people), set(want_people))
        for name in set(got_people) & set(want_people):
            for key in (kind, "all"):
                office_right[key][1] += 1
                office_right[key][0] += got_people[name] == want_people[name]
        got_year = doc["date"]["value"][:4] if doc["date"] and doc["date"]["precision"] != "month-day" else None
        wrong = got_year is not None and got_year != label_year(label["date"])
        wrong_years[kind] += wrong
        if args.verbose:
            if got_keys != want_keys:
                print(f"{doc_id} regions: extra {sorted(got_keys - want_keys)} missing {sorted(want_keys - got_keys)}")
            if set(got_people) != set(want_people):
                print(f"{doc_id} officials: extra {sorted(set(got_people) - set(want_people))} "
                      f"missing {sorted(set(want_people) - set(got_people))}")
            for name in set(got_people) & set(want_people):
                if got_people[name] != want_people[name]:
                    print(f"{doc_id} office of {name}: got {got_people[name]} want {want_people[name]}")
            if wrong:
                print(f"{doc_id} wrong year: got {doc['date']} want {label['date']}")

    skipped = len(labels) - sum(docs.values())
    print(f"dev documents scored: {sum(docs.values())} (not in the corpus: {skipped})")
    for kind in sorted(docs) + ["all"]:
        n = sum(docs.values()) if kind == "all" else docs[kind]
        right, matched = office_right[kind]
        line = [f"{kind:16s} n={n:3d}"]
        for title, tally in (("region unit", units), ("region parent", parents), ("official", names)):
            f, (tp, fp, fn) = tally.f1(kind)
            line.append(f"{title} F1 {f:.3f} ({tp}/{fp}/{fn})")
        line.append(f"office right {right}/{matched}")
        line.append(f"wrong years {sum(wrong_years.values()) if kind == 'all' else wrong_years[kind]}")
        print("  ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
