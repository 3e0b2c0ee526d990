"""Fixed selection rule for the label-tw labels (Taiwan kinds of issue 11).

The rule is decided before any document is read, so the labelled sample is
not chosen by taste: candidates of each kind, ordered by sha1(id), skipping
ids labelled earlier in bench/labels_regions_officials.jsonl and texts longer
than 2,500 characters. A document's set comes from its id alone, so it is
fixed before the text is seen: 40% sealed test.

A later round of labels continues the same order: it skips every id labelled
in an earlier round (any file in bench/labels/), so round 2's sealed set is
the next N sealed candidates of each kind, not a fresh pick.

    python -m bench.labels.select_tw KIND SET N [SKIP]   # print candidates
    python -m bench.labels.select_tw --round 2 KIND SET N [SKIP]
"""
import functools
import gzip
import hashlib
import json
import sys
from pathlib import Path

CORPUS = Path("/work/shared/corpus/news.jsonl.gz")
LABELS_DIR = Path(__file__).resolve().parent
OLD_LABELS = LABELS_DIR.parent / "labels_regions_officials.jsonl"
MAX_CHARS = 2500


def split_of(doc_id: str) -> str:
    """The set a document belongs to, from its id only (40% sealed test)."""
    return "test" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 5 < 2 else "dev"


def kind_of(doc: dict) -> str | None:
    """The Taiwan kind a corpus document belongs to, or None."""
    doc_id = doc["id"]
    if doc_id.startswith("tainan-"):
        # The source's own department label says who issued the release.
        return "tainan-district" if "區公所" in doc["label"] else "tainan-city"
    if doc_id.startswith("tncc-"):
        return "tncc"
    if doc_id.startswith("president-"):
        return "president"
    return None


def candidate_groups(corpus: Path = CORPUS) -> dict[tuple[str, str], list[dict]]:
    """Every candidate by (kind, set), each list in sha1(id) order: the fixed rule.

    One pass over the gzip, so a caller that wants several groups pays once.
    """
    seen = set()
    if OLD_LABELS.exists():
        with OLD_LABELS.open(encoding="utf-8") as fh:
            seen = {json.loads(line)["id"] for line in fh if line.strip()}
    groups: dict[tuple[str, str], list[tuple[str, dict]]] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            # Cheap prefix test first: most of the corpus is not a Taiwan source.
            if not line.startswith(('{"id": "tainan-', '{"id": "tncc-', '{"id": "president-')):
                continue
            doc = json.loads(line)
            kind = kind_of(doc)
            if kind is None or doc["id"] in seen or len(doc["text"]) > MAX_CHARS:
                continue
            digest = hashlib.sha1(doc["id"].encode("utf-8")).hexdigest()
            groups.setdefault((kind, split_of(doc["id"])), []).append((digest, doc))
    return {group: [doc for _, doc in sorted(pairs, key=lambda pair: pair[0])]
            for group, pairs in groups.items()}


def labelled_before(round_number: int, labels_dir: Path = LABELS_DIR) -> set[str]:
    """Ids labelled in rounds before round_number, in any bench/labels/*.jsonl file.

    A record without "round" belongs to round 1 (as in hand_labels.round_of).
    """
    ids = set()
    for path in sorted(labels_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    if int(record.get("round", 1)) < round_number:
                        ids.add(record["id"])
    return ids


def round_candidates(round_number: int, corpus: Path = CORPUS) -> dict[tuple[str, str], list[dict]]:
    """candidate_groups without the ids earlier rounds labelled: round N's fixed order."""
    done = labelled_before(round_number)
    return {group: [doc for doc in docs if doc["id"] not in done]
            for group, docs in candidate_groups(corpus).items()}


def main(argv: list[str]) -> None:
    groups = candidate_groups
    if argv[:1] == ["--round"]:
        round_number, argv = int(argv[1]), argv[2:]
        groups = functools.partial(round_candidates, round_number)
    kind, wanted_set, count = argv[0], argv[1], int(argv[2])
    skip = int(argv[3]) if len(argv) > 3 else 0
    for doc in groups().get((kind, wanted_set), [])[skip:skip + count]:
        print(f"=== {doc['id']} | {kind} | {wanted_set} | {doc['label']}")
        print(f"TITLE: {doc['title']}")
        print(doc["text"])
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
