"""Round 3's sealed Taiwan labels (bench/labels/round3-tw.jsonl) were picked by the rule, not by taste.

Each kind holds exactly the first 16 sealed candidates of select_tw's sha1
order once every id labelled in rounds 1 and 2 is skipped, so nobody could
have chosen the easy documents. These checks read ids and labels only, never
the extractor's output: round 3 was sealed until it was scored once (2026-11-30).
The selection check needs the shared corpus and is skipped where it is absent.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from bench.labels import hand_labels
from bench.labels.select_tw import CORPUS, round_candidates

LABELS = Path(__file__).resolve().parent.parent / "bench" / "labels" / "round3-tw.jsonl"
KINDS = ("tainan-city", "tainan-district", "tncc", "president")
PER_KIND = 16
FIELDS = {"id", "kind", "set", "regions", "officials", "date", "notes", "round"}
# Labels hold ids and short labels only; corpus text must never be copied in.
LONGEST_FIELD = 200


@pytest.fixture(scope="module")
def records():
    return hand_labels.load(LABELS)


def test_every_record_is_a_round_three_test_record_in_the_label_tw_shape(records):
    for rec in records:
        assert set(rec) == FIELDS, rec["id"]
        assert rec["kind"] in KINDS and rec["id"].startswith(rec["kind"].split("-")[0] + "-"), rec["id"]
        # The set comes from the id alone, so it was fixed before the text was read.
        assert rec["round"] == 3 and rec["set"] == "test" == hand_labels.split_of(rec["id"]), rec["id"]
        for region in rec["regions"]:
            assert set(region) == {"key", "name", "about"} and isinstance(region["about"], bool), rec["id"]
        for official in rec["officials"]:
            # label-tw's convention: only people the text names with a post held now.
            assert set(official) == {"name", "office"} and official["name"] and official["office"], rec["id"]
        strings = [rec["notes"]] + [o["name"] + o["office"] for o in rec["officials"]]
        assert all(len(s) < LONGEST_FIELD for s in strings), rec["id"]


def test_round_three_counts_as_sealed_until_it_is_spent(records):
    """Scoring tools must treat these as sealed while round 3 is the sealed round, dev once spent."""
    expected = "dev" if 3 in hand_labels.SPENT_ROUNDS else "sealed"
    if expected == "sealed":
        assert hand_labels.SEALED_ROUND == 3
    assert {hand_labels.half_of(rec) for rec in records} == {expected}


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_each_kind_is_the_first_sixteen_sealed_candidates_of_round_three(records):
    """No cherry-picking and no gaps: the ids are the head of round 3's fixed order."""
    groups = round_candidates(3)
    labelled = defaultdict(list)
    for rec in records:
        labelled[rec["kind"]].append(rec["id"])
    assert sorted(labelled) == sorted(KINDS)
    for kind in KINDS:
        head = [doc["id"] for doc in groups[(kind, "test")][:PER_KIND]]
        assert labelled[kind] == head, kind
