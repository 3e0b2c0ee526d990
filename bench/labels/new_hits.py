"""Generalisation check for an officials rule: what it changes on unlabelled text.

A rule written from labelled documents must also be right where nobody
labelled: this takes ~300 corpus documents of each Taiwan kind that are in no
label file, extracts their officials with two checkouts (say main and a rule
branch), and prints every official one adds or drops, with the words around
it, to be read and counted by hand ("rule X: N new hits, M right").

The sample is fixed before anything is read: `select_tw.py`'s kinds and
length limit, sha1(id) order, only ids of the dev half (so no sealed
candidate of any round, labelled or not, is ever read) and none in a label
file of a spent round. `--kinds xwlb` samples mainland 新闻联播 stories the
same way, to see what a Taiwan rule does there.

    python bench/labels/new_hits.py dump OUT.json [--repo CHECKOUT] [--per-kind 300] [--kinds tncc,president]
    python bench/labels/new_hits.py diff BEFORE.json AFTER.json
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS_CANDIDATES = [base / "shared" / "corpus" / "news.jsonl.gz" for base in (HERE.parents[2], HERE.parents[3])]
KINDS = ("tainan-city", "tainan-district", "tncc", "president")
# Mainland news (新闻联播), for a rule's side effects on the other half of the corpus.
OTHER_KINDS = ("xwlb",)
MAX_CHARS = 2500


def _split(doc_id: str) -> str:
    return "test" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 5 < 2 else "dev"


def _kind(row: dict) -> str | None:
    if row["id"].startswith("tainan-"):
        return "tainan-district" if "區公所" in row.get("label", "") else "tainan-city"
    for kind in ("tncc", "president", "xwlb"):
        if row["id"].startswith(kind + "-"):
            return kind
    return None


def _labelled_ids() -> set[str]:
    """Ids in the label files of spent rounds (never the sealed round's files)."""
    sys.path.append(str(HERE.parents[1]))
    from bench.labels.hand_labels import SEALED_ROUND
    ids = set()
    paths = [p for p in sorted(HERE.glob("*.jsonl")) if not p.name.startswith(f"round{SEALED_ROUND}")]
    for path in paths + [HERE.parent / "labels_regions_officials.jsonl"]:
        if path.exists():
            ids |= {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return ids


def sample(per_kind: int, kinds: tuple[str, ...]) -> list[dict]:
    corpus = next(path for path in CORPUS_CANDIDATES if path.exists())
    labelled = _labelled_ids()
    groups: dict[str, list[tuple[str, dict]]] = {kind: [] for kind in kinds}
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith(('{"id": "tainan-', '{"id": "tncc-', '{"id": "president-', '{"id": "xwlb-')):
                continue
            row = json.loads(line)
            kind = _kind(row)
            if kind in groups and _split(row["id"]) == "dev" and row["id"] not in labelled \
                    and len(row["text"]) <= MAX_CHARS:
                groups[kind].append((hashlib.sha1(row["id"].encode("utf-8")).hexdigest(), row))
    return [dict(row, kind=kind) for kind in kinds for _, row in sorted(groups[kind], key=lambda p: p[0])[:per_kind]]


def dump(out: Path, repo: Path, per_kind: int, kinds: tuple[str, ...]) -> None:
    sys.path.insert(0, str(repo))
    from archive.extract import extract  # the checkout's, imported before anything else is put on the path
    from archive.ingest import RawDocument
    rows = sample(per_kind, kinds)
    result = {}
    for row in rows:
        given = {"title": row["title"]} if row.get("title") else {}
        doc = extract(RawDocument(id=row["id"], text=row["text"], origin="corpus", given=given)).to_dict()
        result[row["id"]] = {"kind": row["kind"], "officials": [[o["name"], o["title"] or ""] for o in doc["officials"]]}
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    print(f"{len(result)} documents from {repo}")


def diff(before_path: Path, after_path: Path) -> None:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = {doc_id for doc_id in before if before[doc_id]["officials"] != after.get(doc_id, {}).get("officials")}
    texts = {}
    corpus = next(path for path in CORPUS_CANDIDATES if path.exists())
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            match = re.match(r'\{"id": "([^"]+)"', line)
            if match and match.group(1) in changed:
                texts[match.group(1)] = json.loads(line)["text"]
    counts = {"added": 0, "dropped": 0, "office changed": 0}
    for doc_id in sorted(changed):
        old = dict(map(tuple, before[doc_id]["officials"]))
        new = dict(map(tuple, after[doc_id]["officials"]))
        text = texts.get(doc_id, "")
        for name in sorted(set(old) | set(new)):
            if old.get(name) == new.get(name):
                continue
            what = "added" if name not in old else "dropped" if name not in new else "office changed"
            counts[what] += 1
            at = text.find(name)
            around = text[max(0, at - 40):at + len(name) + 20].replace("\n", "/") if at >= 0 else ""
            print(f"{what:15s} {doc_id[:40]} {name} | {old.get(name)} -> {new.get(name)} | {around}")
    print(f"{len(before)} documents; {len(changed)} changed; " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--repo", type=Path, default=HERE.parents[1])
    dumping.add_argument("--per-kind", type=int, default=300)
    dumping.add_argument("--kinds", default=",".join(KINDS))
    diffing = sub.add_parser("diff")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.repo.resolve(), args.per_kind, tuple(args.kinds.split(",")))
    else:
        diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
