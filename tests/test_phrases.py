"""Literal phrases and OR against a brute-force scan of the indexed text.

The documents are the seeds' sentences (half in the other script) with
separators put between some of their characters: spaces, runs of spaces and
line breaks, ideographic spaces, ASCII and full-width hyphens, commas. A
quoted phrase must find exactly the documents whose folded text holds it as
written, a run of whitespace in the phrase matching any run of whitespace in
the text; `A OR B C` must find (A or B) and C. The expected sets come from a
plain scan that never touches the index's code paths: whitespace runs are
squeezed to one space on both sides and the phrase looked for with `in`.
"""
from __future__ import annotations

import random
import re

import pytest

from archive.script import fold, to_simplified, to_traditional
from indexer import QueryError, SearchRequest, build, open_index
from indexer.query import parse_query
from indexer.schema import chars_text

from .conftest import SEEDS, write_jsonl

SEPARATORS = [" ", "  ", "\n", " \n ", "\u3000", "-", "－", " - ", "，", "·"]

# Near misses the issue reported, and their literal forms.
HANDMADE = {
    "tainan-apart": "台南的代表团会见了市长和议员。",
    "tainan-space": "台南 市长黄伟哲出席活动。",
    "tainan-lines": "記者會上，台南\n\n市長表示將加強防疫。",
    "tainan-glued": "台南市长黄伟哲出席活动。",
    "tainan-comma": "来自台南，市长随后致辞。",
    "covid-hyphen": "全镇开展COVID-19疫苗接种。",
    "covid-wide": "全镇开展ＣＯＶＩＤ－１９疫苗接种。",
    "covid-team": "The covid team 19 met the mayor.",
    "covid-space": "covid 19 testing centre opened.",
}


def separated_documents() -> list[dict]:
    rng = random.Random(20261130)
    documents = [{"id": key, "text": text} for key, text in HANDMADE.items()]
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = [s.strip() for s in re.split(r"(?<=[。！？!?])|\n", text) if len(s.strip()) >= 8]
        for n, line in enumerate(lines[:40]):
            line = to_traditional(line) if n % 2 else to_simplified(line)
            chars = list(line)
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(1, len(chars))
                chars.insert(at, rng.choice(SEPARATORS))
            documents.append({"id": f"{path.stem[:3]}-{n:03d}", "text": "".join(chars)})
    return documents


@pytest.fixture(scope="module")
def phrase_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phrases")
    source = write_jsonl(folder / "docs.jsonl", separated_documents())
    build([source], folder / "index", workers=1)
    index = open_index(folder / "index")
    # The scan reads the text exactly as the index holds it (title line included).
    texts = {}
    for record in separated_documents():
        doc = index.get(record["id"])
        texts[doc.id] = fold(chars_text(doc.title, doc.body))
    return index, texts


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def holds_phrase(text: str, phrase: str) -> bool:
    return squeezed(fold(phrase).strip()) in squeezed(text)


def holds_word(text: str, word: str) -> bool:
    """An unquoted word: each of its runs somewhere, never across punctuation."""
    runs = "".join(c if c.isalnum() else " " for c in text).split()
    return all(any(piece in run for run in runs)
               for piece in "".join(c if c.isalnum() else " " for c in fold(word)).split())


def found(index, q: str) -> set[str]:
    ids, page = set(), 1
    while True:
        result = index.search(SearchRequest.from_params({"q": q, "page": str(page)}, page_size=100))
        ids |= {hit.id for hit in result.hits}
        if page >= result.pages:
            return ids
        page += 1


def test_the_reported_near_misses(phrase_index):
    index, _texts = phrase_index
    assert found(index, '"台南 市长"') == {"tainan-space", "tainan-lines"}
    assert found(index, '"台南市长"') == {"tainan-glued"}
    assert found(index, '"台南，市长"') == {"tainan-comma"}
    assert {"tainan-apart", "tainan-glued", "tainan-comma"} <= found(index, "台南 市长")
    assert found(index, '"covid-19"') == {"covid-hyphen", "covid-wide"}
    assert found(index, '"covid 19"') == {"covid-space"}
    assert "covid-team" in found(index, "covid 19")
    assert found(index, '-"covid-19" covid') == {"covid-team", "covid-space"}


def test_quoted_phrases_with_spaces_and_punctuation_match_as_written(phrase_index):
    index, texts = phrase_index
    rng = random.Random(7)
    separated = [t for t in texts.values() if re.search(r"\w[^\w\"“”]+\w", t)]
    queries: set[str] = set()
    while len(queries) < 150:
        text = rng.choice(separated)
        spot = rng.choice([m.start() for m in re.finditer(r"[^\w\"“”]+", text) if m.start() > 0])
        start = max(0, spot - rng.randint(1, 4))
        piece = text[start:spot + rng.randint(2, 6)].strip()
        if '"' in piece or "“" in piece or "”" in piece or not any(c.isalnum() for c in piece):
            continue
        queries.add(piece)
        # The same runs with other separators: mostly near misses.
        queries.add(re.sub(r"[^\w]+", lambda _m: rng.choice(SEPARATORS), piece).strip())
    for phrase in sorted(queries):
        if not any(c.isalnum() for c in phrase):
            continue
        expected = {doc_id for doc_id, text in texts.items() if holds_phrase(text, phrase)}
        for asked in {phrase, to_traditional(phrase)}:
            assert found(index, f'"{asked}"') == expected, asked


def test_or_binds_tighter_than_and(phrase_index):
    index, texts = phrase_index
    rng = random.Random(11)
    words = sorted({text[i:i + n] for text in texts.values() for n in (1, 2, 3)
                    for i in range(0, len(text) - n, 7) if text[i:i + n].isalnum()})
    for _ in range(60):
        a, b, c = rng.sample(words, 3)
        expected = {doc_id for doc_id, text in texts.items()
                    if (holds_word(text, a) or holds_word(text, b)) and holds_word(text, c)}
        assert found(index, f"{a} OR {b} {c}") == expected, (a, b, c)
        either = {doc_id for doc_id, text in texts.items() if holds_word(text, a) or holds_word(text, c)}
        assert found(index, f"{to_traditional(a)} OR {c}") == either, (a, c)


def test_or_groups_and_lowercase_or_is_a_word():
    terms = parse_query('杨国昕 OR 楊國昕 "主持 会议" OR 招商 -疫情 or')
    assert [(t.text, t.group, t.exclude) for t in terms] == [
        ("杨国昕", 0, False), ("楊國昕", 0, False), ('"主持 会议"', 1, False),
        ("招商", 1, False), ("-疫情", 2, True), ("or", 3, False)]
    assert terms[2].literal == "主持 会议" and terms[0].literal is None
    (quoted,) = parse_query('"OR"')
    assert quoted.runs == ("or",)
    with pytest.raises(QueryError, match="OR goes between"):
        parse_query("OR")
