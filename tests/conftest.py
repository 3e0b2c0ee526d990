"""Shared fixtures: the seed documents, a real index built from them, the app."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.extract import extract
from archive.ingest import RawDocument
from archive.script import fold

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "seeds-gold.jsonl"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """A real Whoosh index of the five seeds, built once per test session."""
    from indexer import build

    index_dir = tmp_path_factory.mktemp("seed-index") / "index"
    report = build([SEEDS], index_dir, workers=1)
    assert report.added == 5 and report.failed == 0
    return index_dir


@pytest.fixture
def app(seed_index):
    from web import create_app

    return create_app({"INDEX_DIR": str(seed_index), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def seed_documents():
    """Every seed as an extracted Document, keyed by its three-digit prefix."""
    from archive.extract import extract
    from archive.ingest import read_sources

    return {raw.id[:3]: extract(raw) for raw in read_sources([SEEDS])}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return path


def site_of(tmp_path_factory, name: str, records: list[dict], **build_options):
    """The real site (a Flask test client) over a real index of `records`,
    built in a temporary folder; every record must be indexed."""
    from indexer import build
    from web import create_app

    root = tmp_path_factory.mktemp(name)
    (root / "docs").mkdir()
    write_jsonl(root / "docs" / f"{name}.jsonl", records)
    report = build([root / "docs"], root / "index", **build_options)
    assert report.added == len(records) and report.failed == 0
    return create_app({"INDEX_DIR": str(root / "index"), "TESTING": True}).test_client()


def offices(text: str) -> dict[str, str]:
    """The officials the extractor finds in `text`: folded name → folded office."""
    document = extract(RawDocument(id="t", text=text, origin="test", given={}))
    return {fold(o.name): fold(o.title or "") for o in document.officials}
