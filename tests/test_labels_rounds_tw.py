"""The later rounds' Taiwan labels (bench/labels/roundN-tw.jsonl) were picked by the rule, not by taste.

Each kind holds exactly the first 16 sealed candidates of select_tw's sha1
order once every id labelled in earlier rounds is skipped, so nobody could
have chosen the easy documents. These checks read ids and labels only, never
the extractor's output: a round is sealed until it is scored once, then spent.
The selection check needs the shared corpus and is skipped where it is absent.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from bench.labels import hand_labels
from bench.labels.select_tw import CORPUS, labelled_before, round_candidates

LABELS = Path(__file__).resolve().parent.parent / "bench" / "labels"
ROUNDS = (2, 3, 4, 5, 6, 7)
KINDS = ("tainan-city", "tainan-district", "tncc", "president")
PER_KIND = 16
FIELDS = {"id", "kind", "set", "regions", "officials", "date", "notes", "round"}
# Labels hold ids and short labels only; corpus text must never be copied in.
LONGEST_FIELD = 200


@pytest.fixture(scope="module", params=ROUNDS, ids=lambda n: f"round{n}")
def labelled(request):
    return request.param, hand_labels.load(LABELS / f"round{request.param}-tw.jsonl")


def test_every_record_is_a_test_record_of_its_round_in_the_label_tw_shape(labelled):
    round_number, records = labelled
    for rec in records:
        assert set(rec) == FIELDS, rec["id"]
        assert rec["kind"] in KINDS and rec["id"].startswith(rec["kind"].split("-")[0] + "-"), rec["id"]
        # The set comes from the id alone, so it was fixed before the text was read.
        assert rec["round"] == round_number and rec["set"] == "test" == hand_labels.split_of(rec["id"]), rec["id"]
        for region in rec["regions"]:
            assert set(region) == {"key", "name", "about"} and isinstance(region["about"], bool), rec["id"]
        for official in rec["officials"]:
            # label-tw's convention: only people the text names with a post held now.
            assert set(official) == {"name", "office"} and official["name"] and official["office"], rec["id"]
        strings = [rec["notes"]] + [o["name"] + o["office"] for o in rec["officials"]]
        assert all(len(s) < LONGEST_FIELD for s in strings), rec["id"]


def test_a_round_counts_as_sealed_until_it_is_spent(labelled):
    """Scoring tools must treat a round as sealed while it is the sealed round, dev once spent."""
    round_number, records = labelled
    expected = "dev" if round_number in hand_labels.SPENT_ROUNDS else "sealed"
    if expected == "sealed":
        assert hand_labels.SEALED_ROUND == round_number
    assert {hand_labels.half_of(rec) for rec in records} == {expected}


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_each_kind_is_the_first_sixteen_sealed_candidates_of_its_round(labelled):
    """No cherry-picking and no gaps: the ids are the head of the round's fixed order."""
    round_number, records = labelled
    groups = round_candidates(round_number)
    by_kind = defaultdict(list)
    for rec in records:
        by_kind[rec["kind"]].append(rec["id"])
    assert sorted(by_kind) == sorted(KINDS)
    for kind in KINDS:
        head = [doc["id"] for doc in groups[(kind, "test")][:PER_KIND]]
        assert by_kind[kind] == head, kind


def test_a_round_skips_earlier_rounds_but_not_its_own_labels(tmp_path):
    """Round N's order must not shift as its own records are written (that would hide gaps)."""
    lines = [{"id": "a"}, {"id": "b", "round": 1}, {"id": "c", "round": 2}]
    (tmp_path / "some.jsonl").write_text(
        "\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert labelled_before(2, tmp_path) == {"a", "b"}
    assert labelled_before(3, tmp_path) == {"a", "b", "c"}
