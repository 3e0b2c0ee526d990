"""Score the extractor on the DEV half of the hand labels (bench/labels/*.jsonl).

Only dev records are ever read for scoring: "set": "dev", and the sealed test
records of rounds already scored and spent (hand_labels.SPENT_ROUNDS). The
unspent sealed round is scored once, at the end of its round, by
bench/score_sealed.py, which prints totals only. There is deliberately no
option to score it here.

Texts: corpus ids come from ../shared/corpus/news.jsonl.gz; web pages only when
their text is stored as bench/pages/<id>.txt (pages whose licence does not allow
storing are counted as unscored).

Measures, per kind and overall:
- regions, F1 on the keys named (extracted regions + mentioned regions against
  the labelled keys) and F1 with every key's gazetteer parents added on both
  sides (the labels list what the text names; parents follow from the keys);
- officials, F1 on names folded to one script, and of the names found, the
  share whose office matches the label's exactly (folded);
- dates, exact matches, and wrong years: a year given that differs from the
  labelled year, or a year given where the label has none.

With --damaged, each dev document is scored as a seed-like damaged copy
(bench/damage.py) instead, after a report of how well cleaning recovers
the plain body from the copies.

With --round N, only the dev records of labelling round N are scored (round 1
is every record without a "round"): a spent sealed round is the most honest dev
there is until rules are tuned on it. An unspent round has no dev records.

Usage: python bench/labels/score_dev.py [--verbose] [--damaged] [--round N]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from archive import gazetteer as gazetteer_module  # noqa: E402
from archive.extract import extract  # noqa: E402
from archive.ingest import RawDocument  # noqa: E402
from archive.script import fold  # noqa: E402
from bench.labels.hand_labels import PAGES_DIR, half_of, label_files, load, round_of  # noqa: E402

# The shared data sits beside the main checkout; a worktree is one level deeper.
CORPUS_CANDIDATES = [base / "shared" / "corpus" / "news.jsonl.gz" for base in (REPO.parent, REPO.parent.parent)]


def dev_records(paths: list[Path]) -> list[dict]:
    return [record for path in paths for record in load(path) if half_of(record) == "dev"]


def of_round(records: list[dict], number: int) -> list[dict]:
    """The records of labelling round `number`."""
    return [record for record in records if round_of(record) == number]


def with_parents(keys: set[str], gazetteer) -> set[str]:
    expanded = set()
    for key in keys:
        division = gazetteer.get(key)
        expanded |= {d.key for d in gazetteer.lineage(division)} if division else {key}
    return expanded


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def year_of(date: dict | None) -> str | None:
    if not date or date["value"].startswith("--"):
        return None
    return date["value"][:4]


def value_of(date: dict | None) -> str | None:
    return date["value"] if date else None


def texts_for(records: list[dict]) -> dict[str, RawDocument]:
    """The raw documents the labels name, from the corpus and bench/pages/."""
    raws: dict[str, RawDocument] = {}
    wanted = {r["id"] for r in records if "url" not in r}
    corpus = next((path for path in CORPUS_CANDIDATES if path.exists()), None)
    if wanted and corpus is not None:
        with gzip.open(corpus, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row["id"] in wanted:
                    given = {"title": row["title"]} if row.get("title") else {}
                    raws[row["id"]] = RawDocument(id=row["id"], text=row["text"], origin="corpus", given=given)
    for record in records:
        page = PAGES_DIR / f"{record['id']}.txt"
        if "url" in record and page.exists():
            raws[record["id"]] = RawDocument(id=record["id"], text=page.read_text(encoding="utf-8"),
                                             origin=str(page.name))
    return raws


def score(records: list[dict], raws: dict[str, RawDocument], gazetteer, verbose: bool = False,
          half: str = "dev") -> dict:
    """Totals over `records`, all of which must be of `half` (only
    bench/score_sealed.py, run once per round, asks for "sealed", and never verbose)."""
    if half == "sealed" and verbose:
        raise ValueError("the sealed half is scored in totals only")
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    other: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for record in records:
        if half_of(record) != half:
            raise ValueError(f"this run scores {half} records only")
        raw = raws.get(record["id"])
        groups = (record["kind"], "all")
        if raw is None:
            for group in groups:
                other[group]["unscored"] += 1
            continue
        doc = extract(raw).to_dict()
        got_named = {r["key"] for r in doc["regions"] + doc["mentioned_regions"]}
        want_named = {r["key"] for r in record["regions"]}
        got_officials = {fold(o["name"]): fold(o["title"] or "") for o in doc["officials"]}
        want_officials = {fold(o["name"]): fold(o["office"]) for o in record["officials"]}
        pairs = (("regions named", got_named, want_named),
                 ("regions+parents", with_parents(got_named, gazetteer), with_parents(want_named, gazetteer)),
                 ("officials", set(got_officials), set(want_officials)))
        found = set(got_officials) & set(want_officials)
        want_date, got_date = record["date"], doc["date"]
        wrong_year = year_of(got_date) is not None and year_of(got_date) != year_of(want_date)
        for group in groups:
            for measure, got, want in pairs:
                tally = counts[(group, measure)]
                tally[0] += len(got & want)
                tally[1] += len(got - want)
                tally[2] += len(want - got)
            other[group]["documents"] += 1
            other[group]["officials found"] += len(found)
            other[group]["offices right"] += sum(1 for n in found if got_officials[n] == want_officials[n])
            other[group]["dates exact"] += int(value_of(got_date) == value_of(want_date))
            other[group]["wrong years"] += int(wrong_year)
        if verbose:
            for measure, got, want in pairs:
                if got != want:
                    print(f"{record['id']} {measure}: extra {sorted(got - want)} missing {sorted(want - got)}")
            if wrong_year or got_date != want_date:
                print(f"{record['id']} date: got {got_date} want {want_date}")
    return {"counts": dict(counts), "other": {k: dict(v) for k, v in other.items()}}


def report(result: dict) -> list[str]:
    lines = []
    groups = sorted(result["other"], key=lambda g: (g == "all", g))
    for group in groups:
        other = result["other"][group]
        lines.append(f"{group}: {other.get('documents', 0)} documents scored, "
                     f"{other.get('unscored', 0)} without stored text")
        for (g, measure), (tp, fp, fn) in sorted(result["counts"].items()):
            if g == group:
                p, r, f = prf(tp, fp, fn)
                lines.append(f"  {measure:16s} P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp}, fp {fp}, fn {fn})")
        if other.get("documents"):
            lines.append(f"  offices right    {other['offices right']}/{other['officials found']} of officials found")
            lines.append(f"  dates exact      {other['dates exact']}/{other['documents']}; "
                         f"wrong years {other['wrong years']}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print each disagreement (dev only)")
    parser.add_argument("--damaged", action="store_true", help="score damaged copies (bench/damage.py)")
    parser.add_argument("--round", type=int, help="score only the dev records of this labelling round")
    args = parser.parse_args(argv)
    records = dev_records(label_files())
    if args.round is not None:
        records = of_round(records, args.round)
        if not records:
            print(f"no dev records of round {args.round} (an unspent round has none)")
            return 0
    if not records:
        print("no dev labels found in bench/labels/*.jsonl")
        return 0
    raws = texts_for(records)
    if args.damaged:
        from bench.damage import cleaning_report, damaged_raws
        print("\n".join(cleaning_report({doc_id: raw.text for doc_id, raw in raws.items()})))
        raws = damaged_raws(raws)
    result = score(records, raws, gazetteer_module.load(), verbose=args.verbose)
    print("\n".join(report(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
