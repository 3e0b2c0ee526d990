"""Round 2's sealed Taiwan labels (bench/labels/round2-tw.jsonl) were picked by the rule, not by taste.

Each kind holds exactly the first N sealed candidates of the fixed sha1 order
once every id labelled in round 1 is skipped, so nobody could have chosen the
easy documents. Like test_labels_tw.py, these checks read ids and labels
only, never the extractor's output; it was scored once at the end of its round (2026-11-30) and is now spent.
The selection check needs the shared corpus and is skipped where it is absent.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from bench.labels.select_tw import CORPUS, labelled_before, round_candidates, split_of

LABELS = Path(__file__).resolve().parent.parent / "bench" / "labels" / "round2-tw.jsonl"
KINDS = ("tainan-city", "tainan-district", "tncc", "president")
PER_KIND = 16
FIELDS = {"id", "kind", "set", "regions", "officials", "date", "notes", "round"}


def records() -> list[dict]:
    with LABELS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_every_record_is_a_sealed_round_two_record_in_the_label_tw_shape():
    for rec in records():
        assert set(rec) <= FIELDS, rec["id"]
        assert rec["round"] == 2 and rec["set"] == "test" == split_of(rec["id"]), rec["id"]
        assert rec["kind"] in KINDS
        for region in rec["regions"]:
            assert set(region) == {"key", "name", "about"} and isinstance(region["about"], bool)
        for official in rec["officials"]:
            assert set(official) == {"name", "office"} and official["name"] and official["office"]


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_each_kind_is_the_next_sixteen_sealed_candidates_after_round_one():
    """No cherry-picking and no gaps: the ids are the head of round 2's fixed order."""
    groups = round_candidates(2)
    labelled = defaultdict(list)
    for rec in records():
        labelled[rec["kind"]].append(rec["id"])
    assert sorted(labelled) == sorted(KINDS)
    for kind in KINDS:
        head = [doc["id"] for doc in groups[(kind, "test")][:PER_KIND]]
        assert labelled[kind] == head, kind


def test_a_round_skips_earlier_rounds_but_not_its_own_labels(tmp_path):
    """Round N's order must not shift as its own records are written (that would hide gaps)."""
    lines = [{"id": "a"}, {"id": "b", "round": 1}, {"id": "c", "round": 2}]
    (tmp_path / "some.jsonl").write_text(
        "\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert labelled_before(2, tmp_path) == {"a", "b"}
    assert labelled_before(3, tmp_path) == {"a", "b", "c"}
