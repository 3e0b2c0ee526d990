"""The later rounds' mainland labels (bench/labels/roundN-cn.jsonl) follow their own rules.

These checks look only at the labels (ids, fields, sets), never at what the
extractor makes of the documents: a round is sealed until it is scored once,
then spent and counted as dev. The selection check needs the shared corpus and
is skipped where it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.labels import hand_labels
from bench.labels.select_xwlb import CORPUS, round_candidates, sha1_of

LABELS = Path(__file__).resolve().parent.parent / "bench" / "labels"
ROUNDS = (2, 3, 4, 5, 6, 7)
FIELDS = {"id", "kind", "set", "round", "regions", "officials", "date"}
# Labels hold ids and short labels only; corpus text must never be copied in.
LONGEST_FIELD = 200


@pytest.fixture(scope="module", params=ROUNDS, ids=lambda n: f"round{n}")
def labelled(request):
    return request.param, hand_labels.load(LABELS / f"round{request.param}-cn.jsonl")


def test_every_record_is_a_test_set_xwlb_local_label_of_its_round(labelled):
    round_number, records = labelled
    assert len(records) >= 60
    # Sealed until the round is scored and added to SPENT_ROUNDS; dev after that.
    half = "dev" if round_number in hand_labels.SPENT_ROUNDS else "sealed"
    assert round_number in (*hand_labels.SPENT_ROUNDS, hand_labels.SEALED_ROUND)
    for rec in records:
        assert FIELDS <= set(rec) <= FIELDS | {"notes"}, rec["id"]
        assert rec["kind"] == "xwlb-local" and rec["id"].startswith("xwlb-"), rec["id"]
        # The set comes from the id alone, so it was fixed before the text was read.
        assert rec["set"] == "test" == hand_labels.split_of(rec["id"]), rec["id"]
        assert rec["round"] == round_number and hand_labels.half_of(rec) == half, rec["id"]
        for region in rec["regions"]:
            assert set(region) == {"key", "name", "about"} and region["name"], rec["id"]
        for official in rec["officials"]:
            # label-cn's convention: a name the text gives no office has "office": "".
            assert set(official) == {"name", "office"} and official["name"], rec["id"]
        strings = [rec.get("notes", "")] + [o["name"] + o["office"] for o in rec["officials"]]
        assert all(len(s) < LONGEST_FIELD for s in strings), rec["id"]


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_labelled_documents_are_the_next_sealed_candidates_in_the_fixed_order(labelled):
    """No cherry-picking: after the ids earlier rounds labelled, the file holds
    the first N test-set candidates of select_xwlb's rule in sha1(id) order."""
    round_number, records = labelled
    ids = [rec["id"] for rec in records]
    prefix = round_candidates("test", round_number, up_to=max(map(sha1_of, ids)))
    assert [doc["id"] for doc in prefix] == sorted(ids, key=sha1_of)
