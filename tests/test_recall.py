"""Substring recall against a brute-force scan, on a few hundred documents.

The documents are made from the seeds: every sentence becomes a document,
half of them rewritten into the other script, so the index holds real
local-government prose in both scripts. For hundreds of random substrings
(1 to 8 characters, asked in either script) the index must return exactly
the documents whose folded text contains the folded query.
"""
from __future__ import annotations

import json
import random
import re

import pytest

from archive.script import fold, to_simplified, to_traditional
from indexer import SearchRequest, build, open_index

from .conftest import SEEDS


def sentence_documents() -> list[dict]:
    documents = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = [s.strip() for s in re.split(r"(?<=[。！？!?])|\n", text) if len(s.strip()) >= 8]
        for n, line in enumerate(lines):
            text = to_traditional(line) if n % 2 else to_simplified(line)
            documents.append({"id": f"{path.stem[:3]}-{n:03d}", "text": text})
    return documents


@pytest.fixture(scope="module")
def sentence_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sentences")
    documents = sentence_documents()
    source = folder / "sentences.jsonl"
    source.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in documents),
                      encoding="utf-8")
    build([source], folder / "index", workers=1)
    return open_index(folder / "index"), documents


def test_there_are_a_few_hundred_documents(sentence_index):
    index, documents = sentence_index
    assert len(documents) >= 200
    assert index.stats()["documents"] == len(documents)


def test_every_substring_finds_exactly_the_documents_containing_it(sentence_index):
    index, documents = sentence_index
    from archive.clean import clean_text
    folded = {d["id"]: fold(clean_text(d["text"]).body) for d in documents}
    rng = random.Random(20261124)
    queries = set()
    texts = [text for text in folded.values() if text]
    while len(queries) < 300:
        text = rng.choice(texts)
        start = rng.randrange(len(text))
        piece = "".join(c for c in text[start:start + rng.randint(1, 8)] if c.isalnum())
        if piece:
            queries.add(piece)
    for query in sorted(queries):
        expected = {doc_id for doc_id, text in folded.items() if _contains_run(text, query)}
        for asked in {query, to_traditional(query), to_simplified(query)}:
            result = index.search(SearchRequest.from_params({"q": f'"{asked}"'}, page_size=100))
            assert result.total == len(expected), (asked, result.total, len(expected))
            found = set()
            page = 1
            while True:
                found |= {h.id for h in result.hits}
                if page >= result.pages:
                    break
                page += 1
                result = index.search(SearchRequest.from_params(
                    {"q": f'"{asked}"', "page": str(page)}, page_size=100))
            assert found == expected, asked


def _contains_run(text: str, query: str) -> bool:
    """Whether `query` (letters, digits, CJK only) stands unbroken in `text`."""
    return any(query in run for run in "".join(c if c.isalnum() else " " for c in text).split())
