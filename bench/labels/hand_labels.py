"""Load and check the hand-label files in bench/labels/*.jsonl.

A label file is only worth anything if its split cannot drift and every key it
names exists, so `problems` checks each record against the shared rules
(bench/labels/README.md): the set follows sha1 of the id (of the URL for web
pages), region keys are gazetteer keys, dates have the labelled precision's
shape, web pages carry url, sha1 and licence, and a stored page text
(bench/pages/<id>.txt) still hashes to its sha1.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

LABELS_DIR = Path(__file__).resolve().parent
PAGES_DIR = LABELS_DIR.parent / "pages"
SETS = ("dev", "test")
# Each round of sealed test labels is scored once (bench/score_sealed.py) and
# is then spent: its records count as dev from then on, and a new round,
# labelled blind before its rules are written, is sealed in its place. A record
# without "round" belongs to round 1.
SPENT_ROUNDS = frozenset({1, 2, 3, 4, 5, 6, 7})
SEALED_ROUND = 8
DATE_SHAPES = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "month-day": re.compile(r"^--\d{2}-\d{2}$"),
}


def split_of(key: str) -> str:
    """The set a document belongs to, decided before anyone reads it."""
    return "test" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 5 < 2 else "dev"


def round_of(record: dict) -> int:
    return int(record.get("round", 1))


def half_of(record: dict) -> str:
    """"dev" (tune freely: dev records and spent sealed rounds) or "sealed"."""
    if record.get("set") == "test" and round_of(record) not in SPENT_ROUNDS:
        return "sealed"
    return "dev"


def label_files(directory: Path = LABELS_DIR) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def page_text_sha1(doc_id: str, pages_dir: Path = PAGES_DIR) -> str | None:
    """sha1 of a stored page text (trailing newline ignored), or None if not stored."""
    path = pages_dir / f"{doc_id}.txt"
    if not path.exists():
        return None
    return hashlib.sha1(path.read_text(encoding="utf-8").removesuffix("\n").encode("utf-8")).hexdigest()


def problems(records: list[dict], gazetteer, pages_dir: Path = PAGES_DIR) -> list[str]:
    """Every way these records break the shared labelling rules, one line each."""
    found: list[str] = []
    seen: set[str] = set()
    for number, record in enumerate(records, 1):
        where = f"record {number} ({record.get('id', '?')})"
        doc_id = record.get("id")
        if not doc_id:
            found.append(f"{where}: no id")
            continue
        if doc_id in seen:
            found.append(f"{where}: id labelled twice")
        seen.add(doc_id)
        is_page = "url" in record
        split_key = record["url"] if is_page else doc_id
        if record.get("set") not in SETS:
            found.append(f"{where}: set must be dev or test")
        elif record["set"] != split_of(split_key):
            found.append(f"{where}: set {record['set']} but sha1 puts it in {split_of(split_key)}")
        if round_of(record) not in (*SPENT_ROUNDS, SEALED_ROUND):
            found.append(f"{where}: round must be one of {sorted({*SPENT_ROUNDS, SEALED_ROUND})}")
        for region in record.get("regions", []):
            if gazetteer.get(str(region.get("key"))) is None:
                found.append(f"{where}: region key {region.get('key')!r} is not in the gazetteer")
            if not isinstance(region.get("about"), bool):
                found.append(f"{where}: region {region.get('key')!r} needs about true/false")
        for official in record.get("officials", []):
            if not official.get("name") or "office" not in official:
                found.append(f"{where}: an official needs a name and an office (may be empty)")
        date = record.get("date")
        if date is not None:
            shape = DATE_SHAPES.get(date.get("precision"))
            if shape is None or not shape.match(str(date.get("value"))):
                found.append(f"{where}: date {date!r} does not match its precision")
        if is_page:
            for field in ("sha1", "licence"):
                if not record.get(field):
                    found.append(f"{where}: a web page needs {field}")
            stored = page_text_sha1(doc_id, pages_dir)
            if stored is not None and stored != record.get("sha1"):
                found.append(f"{where}: stored page text no longer matches its sha1")
    return found
