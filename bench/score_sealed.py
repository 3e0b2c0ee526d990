"""Score the extractor on the SEALED round of the hand labels: once, at the end of that round.

The sealed round (`"set": "test"` records of `hand_labels.SEALED_ROUND` in
bench/labels/*.jsonl) was labelled blind, before the round's rules were
written, and is never tuned on. Once scored it is spent: add its number to
`hand_labels.SPENT_ROUNDS` and label a new round. This prints totals
only, per kind and overall, plain and as seed-like damaged copies, with no
per-document disagreement: reading sealed errors would make the set a dev set.
Web pages whose text could not be stored are counted as unscored.

Usage: python bench/score_sealed.py   (its output is kept in bench/results/)
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive import gazetteer  # noqa: E402
from bench.damage import cleaning_report, damaged_raws  # noqa: E402
from bench.labels.hand_labels import SEALED_ROUND, half_of, label_files, load  # noqa: E402
from bench.labels.score_dev import report, score, texts_for  # noqa: E402


def main() -> int:
    records = [r for path in label_files() for r in load(path) if half_of(r) == "sealed"]
    raws = texts_for(records)
    print(f"sealed round {SEALED_ROUND}: {len(records)} documents; with text to score: {len(raws)}")
    print("\n## plain")
    print("\n".join(report(score(records, raws, gazetteer.load(), half="sealed"))))
    print("\n## damaged copies (bench/damage.py)")
    print("\n".join(cleaning_report({doc_id: raw.text for doc_id, raw in raws.items()})))
    print("\n".join(report(score(records, damaged_raws(raws), gazetteer.load(), half="sealed"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
