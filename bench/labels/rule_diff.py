"""What a rule change does to officials on text nobody labelled.

A rule written from labelled documents must also hold on documents nobody
tuned it on. This takes the first N candidates of each kind (the selection
tools' fixed rules and sha1 order: `select_xwlb` for `xwlb-local`,
`select_tw` for the Taiwan kinds) from the DEV half that no label file holds,
extracts their officials with two code trees (before: e.g. `git archive main
archive | tar -x -C DIR`; after: this checkout, or `--after DIR`), and prints
every official one finds and the other does not, and every office that
changed, with the text around its first mention, to be read and judged by
hand ("rule X: N new hits, M right"). A rule for a rare shape is better read
on the stories that have it: `--containing REGEX` keeps only candidates whose
text matches.

Only the dev half is read: sealed rounds are drawn from the test half, so
this never shows a sealed document, and it never opens the sealed round's
label files.

Usage: python -m bench.labels.rule_diff --before DIR [--after DIR]
           [--kinds xwlb-local,tncc,...] [-n 300] [--skip K] [--containing REGEX]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.labels import select_tw, select_xwlb  # noqa: E402
from bench.labels.hand_labels import SEALED_ROUND, label_files, load, split_of  # noqa: E402

KINDS = ("xwlb-local", "tainan-city", "tainan-district", "tncc", "president")

# Run inside each code tree, so each extracts with its own archive/: reads
# documents as JSON lines on stdin, writes each one's officials as a JSON line.
_EXTRACT = """
import json, sys
from archive.extract import extract
from archive.ingest import RawDocument
for line in sys.stdin:
    row = json.loads(line)
    given = {"title": row["title"]} if row.get("title") else {}
    document = extract(RawDocument(id=row["id"], text=row["text"], origin="corpus", given=given))
    print(json.dumps([[o.name, o.title or ""] for o in document.officials], ensure_ascii=False))
"""


def unlabelled_dev(kinds: tuple[str, ...], count: int, skip: int = 0,
                   containing: str | None = None) -> list[dict]:
    """Per kind, the first `count` dev-half candidates after `skip` that no
    label file of a spent round holds (the sealed round's files are not
    opened); each document gets its "kind"."""
    labelled = {record["id"] for path in label_files() if not path.name.startswith(f"round{SEALED_ROUND}-")
                for record in load(path)}
    taiwan = select_tw.candidate_groups() if set(kinds) - {"xwlb-local"} else {}
    chosen = []
    for kind in kinds:
        if kind == "xwlb-local":
            documents = select_xwlb.candidates(lambda doc_id: split_of(doc_id) == "dev" and doc_id not in labelled)
        else:
            documents = [d for d in taiwan.get((kind, "dev"), []) if d["id"] not in labelled]
        if containing:
            documents = [d for d in documents if re.search(containing, d["text"])]
        chosen += [dict(d, kind=kind) for d in documents[skip:skip + count]]
    return chosen


def officials_with(tree: Path, documents: list[dict]) -> list[dict[str, str]]:
    """Each document's officials (name → office) as the code in `tree` finds them."""
    feed = "".join(json.dumps({"id": d["id"], "title": d["title"], "text": d["text"]}, ensure_ascii=False) + "\n"
                   for d in documents)
    done = subprocess.run([sys.executable, "-c", _EXTRACT], input=feed, capture_output=True, text=True,
                          cwd=tree, check=True)
    return [dict(map(tuple, json.loads(line))) for line in done.stdout.splitlines()]


def around(text: str, name: str, width: int = 40) -> str:
    at = text.find(name)
    if at < 0:
        return "(not written as such)"
    return text[max(0, at - width):at + len(name) + width].replace("\n", " ")


def changes(old: dict[str, str], new: dict[str, str]):
    """("+", name, office), ("-", name, office) and ("~", name, "old → new"), by name."""
    for name in sorted(old.keys() | new.keys()):
        if name not in old:
            yield "+", name, new[name]
        elif name not in new:
            yield "-", name, old[name]
        elif old[name] != new[name]:
            yield "~", name, f"{old[name]} → {new[name]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="a code tree holding archive/ to compare with")
    parser.add_argument("--after", type=Path, default=REPO, help="the code tree under test (default: this checkout)")
    parser.add_argument("--kinds", default="xwlb-local", help=f"comma-separated, of {', '.join(KINDS)}")
    parser.add_argument("-n", type=int, default=300, help="documents per kind")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--containing", help="only candidates whose text matches this regex")
    args = parser.parse_args(argv)
    kinds = tuple(args.kinds.split(","))
    if unknown := set(kinds) - set(KINDS):
        parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    documents = unlabelled_dev(kinds, args.n, args.skip, args.containing)
    before = officials_with(args.before, documents)
    after = officials_with(args.after, documents)
    counted: Counter = Counter()
    for document, old, new in zip(documents, before, after):
        for sign, name, office in changes(old, new):
            counted[document["kind"], sign] += 1
            context = "" if sign == "~" else f"  …{around(document['text'], name)}…"
            print(f"{sign} {document['id']} {name} [{office}]{context}")
    for kind in kinds:
        print(f"{kind}: {sum(d['kind'] == kind for d in documents)} unlabelled dev documents: "
              f"{counted[kind, '+']} officials added, {counted[kind, '-']} removed, "
              f"{counted[kind, '~']} offices changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
