"""The label-tw labels file is well formed and follows its own selection rule.

These checks look only at the labels (ids, keys, dates, sets), never at what
the extractor makes of the documents: the sealed test set must stay unscored
until the end of issue 11. The selection check needs the shared corpus and is
skipped where it is absent.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from archive import gazetteer
from bench.labels.select_tw import CORPUS, candidate_groups, split_of

LABELS = Path(__file__).resolve().parent.parent / "bench" / "labels" / "label-tw.jsonl"
KIND_PREFIX = {"tainan-city": "tainan-", "tainan-district": "tainan-", "tncc": "tncc-",
               "president": "president-"}
DATE_SHAPES = {"day": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "month": re.compile(r"^\d{4}-\d{2}$"),
               "year": re.compile(r"^\d{4}$"), "month-day": re.compile(r"^--\d{2}-\d{2}$")}
# Labels hold ids and short labels only; corpus text must never be copied in.
LONGEST_FIELD = 200


def records() -> list[dict]:
    with LABELS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_every_record_has_the_agreed_shape():
    seen = set()
    for rec in records():
        assert set(rec) <= {"id", "kind", "set", "regions", "officials", "date", "notes"}, rec["id"]
        assert rec["id"] not in seen, f"duplicate {rec['id']}"
        seen.add(rec["id"])
        assert rec["id"].startswith(KIND_PREFIX[rec["kind"]])
        # The set comes from the id alone, so it was fixed before the text was read.
        assert rec["set"] == split_of(rec["id"]), rec["id"]
        for region in rec["regions"]:
            assert set(region) == {"key", "name", "about"} and isinstance(region["about"], bool)
        for official in rec["officials"]:
            assert set(official) == {"name", "office"} and official["name"] and official["office"]
        strings = [rec.get("notes", "")] + [o["name"] + o["office"] for o in rec["officials"]]
        assert all(len(s) < LONGEST_FIELD for s in strings), rec["id"]


def test_region_keys_are_gazetteer_units_listed_once():
    gaz = gazetteer.load()
    for rec in records():
        keys = [region["key"] for region in rec["regions"]]
        assert len(keys) == len(set(keys)), rec["id"]
        unknown = [key for key in keys if gaz.get(key) is None]
        assert not unknown, f"{rec['id']}: {unknown}"


def test_dates_are_real_calendar_dates_at_their_precision():
    for rec in records():
        date = rec["date"]
        if date is None:
            continue
        value, precision = date["value"], date["precision"]
        assert DATE_SHAPES[precision].match(value), rec["id"]
        if precision == "day":
            dt.date.fromisoformat(value)
        elif precision == "month-day":
            dt.date.fromisoformat("2000" + value[1:])  # a leap year admits --02-29
        elif precision == "month":
            assert 1 <= int(value[5:]) <= 12, rec["id"]


def test_the_brief_counts_are_met():
    per_kind, per_set = defaultdict(int), defaultdict(int)
    for rec in records():
        per_kind[rec["kind"]] += 1
        per_set[rec["set"]] += 1
    assert per_kind["tainan-city"] >= 40 and per_kind["tainan-district"] >= 30
    assert per_kind["tncc"] >= 45 and per_kind["president"] >= 35
    assert per_set["test"] >= 60


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_labelled_documents_are_a_prefix_of_the_fixed_order():
    """No cherry-picking: each (kind, set) holds the first N candidates in sha1 order."""
    groups = candidate_groups()
    labelled = defaultdict(set)
    for rec in records():
        labelled[(rec["kind"], rec["set"])].add(rec["id"])
    for group, ids in labelled.items():
        prefix = [doc["id"] for doc in groups[group][:len(ids)]]
        assert set(prefix) == ids, group
