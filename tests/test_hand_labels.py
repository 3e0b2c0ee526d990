"""The hand-label files (bench/labels/*.jsonl) keep their split and their keys.

A label that drifts into the other set, names a key the gazetteer lacks, or
dates itself in a shape its precision does not allow would silently corrupt a
score, so every committed file is checked, and the checker itself is shown to
catch each of those faults on a real record altered one way at a time.
"""
from __future__ import annotations

import copy

import pytest

from archive import gazetteer
from bench.labels import hand_labels, score_dev

FILES = hand_labels.label_files()


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.load()


@pytest.fixture(scope="module")
def records():
    return [record for path in FILES for record in hand_labels.load(path)]


def test_label_files_exist_and_follow_the_rules(records, gaz):
    assert FILES, "bench/labels/ holds no label file"
    assert hand_labels.problems(records, gaz) == []


def test_ids_are_unique_across_label_files(records):
    ids = [record["id"] for record in records]
    assert len(ids) == len(set(ids))


def test_every_record_has_a_known_set_and_a_sealed_test_half(records):
    sets = {record["set"] for record in records}
    assert sets == {"dev", "test"}


def _one(records, predicate):
    return copy.deepcopy(next(record for record in records if predicate(record)))


@pytest.mark.parametrize("fault, expected", [
    ("flip set", "sha1 puts it in"),
    ("unknown key", "not in the gazetteer"),
    ("bad date", "does not match its precision"),
    ("no about", "needs about"),
    ("nameless official", "needs a name"),
])
def test_checker_catches_each_fault_class(records, gaz, fault, expected):
    record = _one(records, lambda r: r["regions"] and r["officials"] and r["date"])
    if fault == "flip set":
        record["set"] = "dev" if record["set"] == "test" else "test"
    elif fault == "unknown key":
        record["regions"][0]["key"] = "999999999"
    elif fault == "bad date":
        record["date"] = {"value": record["date"]["value"], "precision": "year"}
    elif fault == "no about":
        del record["regions"][0]["about"]
    elif fault == "nameless official":
        record["officials"][0]["name"] = ""
    found = hand_labels.problems([record], gaz)
    assert len(found) == 1 and expected in found[0]


def test_checker_catches_duplicates_and_pages_without_hash(records, gaz, tmp_path):
    page = _one(records, lambda r: "url" in r)
    assert hand_labels.problems([page, copy.deepcopy(page)], gaz)[-1].endswith("id labelled twice")
    del page["sha1"]
    assert any("needs sha1" in p for p in hand_labels.problems([page], gaz, pages_dir=tmp_path))


def test_checker_notices_a_stored_page_text_that_changed(records, gaz, tmp_path):
    page = _one(records, lambda r: "url" in r)
    (tmp_path / f"{page['id']}.txt").write_text("not the text that was labelled", encoding="utf-8")
    found = hand_labels.problems([page], gaz, pages_dir=tmp_path)
    assert found == [f"record 1 ({page['id']}): stored page text no longer matches its sha1"]


def test_dev_scorer_never_reads_the_sealed_round(records):
    dev = score_dev.dev_records(FILES)
    assert dev and all(hand_labels.half_of(record) == "dev" for record in dev)
    spent = _one(records, lambda r: r["set"] == "test" and hand_labels.round_of(r) == 1)
    assert hand_labels.half_of(spent) == "dev"
    sealed = dict(spent, round=hand_labels.SEALED_ROUND)
    assert hand_labels.half_of(sealed) == "sealed"
    with pytest.raises(ValueError):
        score_dev.score([sealed], {}, None)


def test_dev_scorer_scores_one_spent_round_and_no_unspent_one():
    dev = score_dev.dev_records(FILES)
    second = score_dev.of_round(dev, 2)
    assert second and all(hand_labels.round_of(record) == 2 for record in second)
    assert score_dev.of_round(dev, hand_labels.SEALED_ROUND) == []


def test_parents_follow_from_a_township_key(gaz):
    township = next(d for d in gaz.by_key.values() if d.level == 4 and d.key.isdigit())
    expanded = score_dev.with_parents({township.key}, gaz)
    assert township.key in expanded
    assert {d.key for d in gaz.lineage(township)} == expanded
    assert len(expanded) >= 3
