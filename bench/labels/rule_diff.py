"""What a rule change does to officials on text nobody labelled.

A rule written from labelled documents must also hold on documents nobody
tuned it on. This takes the first N `xwlb-local` candidates (select_xwlb's
rule, sha1 order) of the DEV half that no label file holds, extracts their
officials with two code trees (before: e.g. `git archive main archive | tar
-x -C DIR`; after: this checkout), and prints every official one finds and the
other does not, with the text around its first mention, to be read and
judged by hand. A rule for a rare shape is better read on the stories that
have it: `--containing REGEX` keeps only candidates whose text matches.
Only the dev half is read: sealed rounds are drawn from the
test half, so this never shows a sealed document, and never opens the sealed
round's label files.

Usage: python -m bench.labels.rule_diff --before DIR [-n 300] [--skip K] [--containing REGEX]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.labels.hand_labels import SEALED_ROUND, label_files, load, split_of  # noqa: E402
from bench.labels.select_xwlb import candidates  # noqa: E402

# Run inside each code tree: read documents as JSON lines on stdin, write
# each one's officials as a JSON line.
_EXTRACT = """
import json, sys
from archive.extract import extract
from archive.ingest import RawDocument
for line in sys.stdin:
    row = json.loads(line)
    given = {"title": row["title"]} if row.get("title") else {}
    document = extract(RawDocument(id=row["id"], text=row["text"], origin="corpus", given=given))
    print(json.dumps([[o.name, o.title] for o in document.officials], ensure_ascii=False))
"""


def unlabelled_dev(count: int, skip: int = 0, containing: str | None = None) -> list[dict]:
    """The first `count` dev-half candidates after `skip` that no label file
    of a spent or dev round holds (the sealed round's files are not opened)."""
    labelled = {record["id"] for path in label_files() if not path.name.startswith(f"round{SEALED_ROUND}-")
                for record in load(path)}
    chosen = candidates(lambda doc_id: split_of(doc_id) == "dev" and doc_id not in labelled)
    if containing:
        chosen = [d for d in chosen if re.search(containing, d["text"])]
    return chosen[skip:skip + count]


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="a code tree holding archive/ to compare with")
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--containing", help="only candidates whose text matches this regex")
    args = parser.parse_args(argv)
    documents = unlabelled_dev(args.n, args.skip, args.containing)
    before = officials_with(args.before, documents)
    after = officials_with(REPO, documents)
    added = removed = changed = 0
    for document, old, new in zip(documents, before, after):
        for name in sorted(new.keys() - old.keys()):
            added += 1
            print(f"+ {document['id']} {name} [{new[name]}]  …{around(document['text'], name)}…")
        for name in sorted(old.keys() - new.keys()):
            removed += 1
            print(f"- {document['id']} {name} [{old[name]}]  …{around(document['text'], name)}…")
        for name in sorted(name for name in old.keys() & new.keys() if old[name] != new[name]):
            changed += 1
            print(f"~ {document['id']} {name} [{old[name]}] → [{new[name]}]")
    print(f"{len(documents)} unlabelled dev documents: {added} officials added, {removed} removed, "
          f"{changed} offices changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
