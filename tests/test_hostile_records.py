"""Hostile input (issue 10, fault 1): one bad record must cost only itself.

Hypothesis writes JSON Lines files that mix good records (some carrying lone
surrogates, control characters, NUL, odd separators, long strings, integer
ids, nulls and nested junk in fields the archive ignores) with bad ones
(arbitrary JSON values, wrong types for every field, blank or missing text,
documents over the size limit, broken JSON, deep nesting, invalid UTF-8).
Each file goes through the real `archive reindex` and `archive extract`;
every good record must be indexed and findable, every bad one reported by
file and line, and nothing may raise.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive import ingest
from archive.cli import cli
from indexer import SearchRequest, open_index

# A small limit, so that "over the limit" costs kilobytes, not megabytes: the
# check is the same code whatever the number.
LIMIT = 3_000

HOSTILE_CHARS = ["\ud800", "\udfff", "\ud83d", "\x00", "\x01", "\x1b", "\x7f", "\u2028", "\u2029",
                 "\x85", "\ufeff", "\ufffd", "\uffff", "\U0001f600", "\t", "\r", "\\", '"', "<", "&"]
hostile_text = st.text(alphabet=st.one_of(st.characters(blacklist_categories=()),
                                          st.sampled_from(HOSTILE_CHARS + list("区长杨国昕主持會議"))),
                       max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=6)
not_a_string = json_values.filter(lambda v: v is not None and not isinstance(v, str))
GIVEN = ("title", "date", "source", "url")
# What no document keeps: control characters but tab, CR and LF.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Batch:
    lines: list[bytes] = field(default_factory=list)
    good: dict[str, str] = field(default_factory=dict)    # id -> a marker in its text
    bad_lines: list[int] = field(default_factory=list)


@st.composite
def good_record(draw, number: int) -> tuple[dict, str]:
    marker = f"qz{number}x"
    text = f"{draw(hostile_text)} {marker} {draw(hostile_text)}"
    if draw(st.booleans()):
        text += "县委书记" * draw(st.integers(0, (LIMIT - len(text) - 100) // 4))
    record = {"id": draw(st.sampled_from([f"good-{number}", 10_000 + number])), "text": text}
    for key in GIVEN:
        record[key] = draw(st.none() | hostile_text | st.just(None))
    record["extra"] = draw(json_values)  # ignored fields may hold anything
    return record, marker


@st.composite
def bad_line(draw, number: int) -> bytes | dict:
    kind = draw(st.sampled_from(["value", "text", "blank", "given", "id", "huge", "broken"]))
    record = {"id": f"bad-{number}", "text": f"区长主持会议 bad{number}"}
    if kind == "value":
        return draw(json_values.filter(lambda v: not isinstance(v, dict)))
    if kind == "text":
        record["text"] = draw(not_a_string | st.none())
    elif kind == "blank":
        record["text"] = draw(st.text(alphabet=" \t\r\u3000\n", max_size=5))
    elif kind == "given":
        record[draw(st.sampled_from(GIVEN))] = draw(not_a_string)
    elif kind == "id":
        record["id"] = draw(not_a_string.filter(lambda v: isinstance(v, bool) or not isinstance(v, int)))
    elif kind == "huge":
        record["text"] = draw(hostile_text) + "镇" * (LIMIT + 1)
    else:
        return draw(st.sampled_from([b"{", b'{"text": "\\ud800', b"[" * 100_000 + b"]" * 100_000,
                                     b'{"text": "\xff\xfe bytes"}', b"nul\x00", b'{"text": 1,}']))
    return record


def _encode(value) -> bytes:
    if isinstance(value, bytes):
        return value
    # ensure_ascii escapes lone surrogates as \ud800, as scraped JSON has them.
    return json.dumps(value, ensure_ascii=True).encode("ascii")


@st.composite
def batches(draw) -> Batch:
    batch = Batch()
    for number in range(1, draw(st.integers(2, 8)) + 1):
        if draw(st.booleans()):
            record, marker = draw(good_record(number))
            batch.good[ingest.safe_id(str(record["id"]))] = marker
            batch.lines.append(_encode(record))
        else:
            batch.lines.append(_encode(draw(bad_line(number))))
            batch.bad_lines.append(number)
    return batch


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_DOCUMENT_CHARS", LIMIT)
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 16 * LIMIT)


def _write(tmp_path, batch: Batch):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    path = folder / "hostile.jsonl"
    path.write_bytes(b"\n".join(batch.lines) + b"\n")
    return path


def _assert_bad_lines_reported(output: str, batch: Batch) -> None:
    for number in batch.bad_lines:
        assert f"hostile.jsonl:{number}: " in output, (number, output)
    assert "Traceback" not in output


SETTINGS = settings(max_examples=12, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(batch=batches())
def test_reindex_indexes_every_good_record_and_reports_each_bad_one(tmp_path_factory, small_limit,
                                                                     batch):
    tmp_path = tmp_path_factory.mktemp("hostile")
    path = _write(tmp_path, batch)
    index_dir = tmp_path / "index"
    result = CliRunner().invoke(cli, ["reindex", str(path.parent), "--index", str(index_dir),
                                      "--workers", "1"], catch_exceptions=False)
    _assert_bad_lines_reported(result.output, batch)
    assert f"{len(batch.good)} added, 0 updated, 0 unchanged, 0 deleted, " \
           f"{len(batch.bad_lines)} failed" in result.output, result.output
    if not batch.good:
        return
    index = open_index(index_dir)
    for doc_id, marker in batch.good.items():
        document = index.get(doc_id)
        assert document is not None and marker in document.original
        assert not CONTROLS.search(document.original + (document.title or "")), doc_id
        found = index.search(SearchRequest.from_params({"q": marker}))
        assert doc_id in {hit.id for hit in found.hits}, (doc_id, marker)


@SETTINGS
@given(batch=batches())
def test_extract_prints_every_good_record_and_reports_each_bad_one(tmp_path_factory, small_limit,
                                                                    batch):
    path = _write(tmp_path_factory.mktemp("hostile"), batch)
    result = CliRunner().invoke(cli, ["extract", str(path)], catch_exceptions=False)
    _assert_bad_lines_reported(result.output, batch)
    # JSON Lines are split at newlines only: a document may hold U+0085 or U+2028.
    printed = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert [record["id"] for record in printed] == list(batch.good)
    assert not any(CONTROLS.search(json.dumps(record, ensure_ascii=False)[1:-1].replace("\\n", ""))
                   for record in printed)
    assert result.exit_code == (1 if batch.bad_lines else 0)


def test_a_lone_surrogate_keeps_the_document_with_a_replacement_mark(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "emoji", "text": "区长主持会议\\ud83d", "title": "\\udc00标题"}\n'
                    '{"id": "next", "text": "镇长讲话"}\n', encoding="utf-8")
    docs = list(ingest.read_sources([path]))
    assert [d.id for d in docs] == ["emoji", "next"]
    assert docs[0].text == "区长主持会议\ufffd" and docs[0].given["title"] == "\ufffd标题"


def test_a_document_over_the_size_limit_is_skipped_in_one_line(tmp_path, small_limit):
    (tmp_path / "big.txt").write_text("镇" * (LIMIT + 1), encoding="utf-8")
    (tmp_path / "small.txt").write_text("镇长讲话", encoding="utf-8")
    (tmp_path / "bigger.txt").write_bytes(b"a" * (16 * LIMIT + 1))  # refused unread
    items = list(ingest.read_sources([tmp_path]))
    assert [i.id for i in items if isinstance(i, ingest.RawDocument)] == ["small"]
    errors = {i.origin.rsplit("/", 1)[-1]: i.message for i in items
              if isinstance(i, ingest.IngestError)}
    assert f"over the {LIMIT:,}-character limit" in errors["big.txt"]
    assert "byte limit" in errors["bigger.txt"]
    assert all("\n" not in message for message in errors.values())


def test_a_json_lines_record_over_the_byte_limit_is_skipped_unread(tmp_path, small_limit):
    path = tmp_path / "long.jsonl"
    path.write_bytes(b'{"text": "' + b"a" * (16 * LIMIT * 3) + b'"}\n' + '{"id": "after", "text": "镇长讲话"}\n'.encode())
    items = list(ingest.read_sources([path]))
    assert [i.id for i in items if isinstance(i, ingest.RawDocument)] == ["after"]
    (error,) = [i for i in items if isinstance(i, ingest.IngestError)]
    assert error.origin.endswith("long.jsonl:1") and "byte limit" in error.message


def test_control_characters_never_reach_a_terminal_or_a_page(tmp_path, seed_index):
    """ESC from a document would be an escape sequence in the operator's
    terminal (`archive search`), NUL a parse error in HTML: every reader (text,
    HTML and its title, JSON Lines text and given title) drops control
    characters, keeps tab and line ends, and reads form feed as a line end.
    (A text file with NUL bytes is refused as binary before this.)"""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "esc.txt").write_text("区长\x1b]0;owned\x07杨国昕 txtmark\x0c下一行\x08", encoding="utf-8")
    (folder / "page.html").write_text("<title>标题&#x1b;[31m红</title><p>htmlmark 镇长&#27;讲话</p>",
                                      encoding="utf-8")
    (folder / "rec.jsonl").write_text(json.dumps({"id": "rec", "title": "题\x9b2J目",
                                                  "text": "jsonmark\t县委\x01书记\r\n会议"}) + "\n"
                                      + json.dumps({"id": "only", "text": "\x00\x1b \x7f"}) + "\n",
                                      encoding="utf-8")
    index_dir = str(tmp_path / "index")
    result = CliRunner().invoke(cli, ["reindex", str(folder), "--index", index_dir])
    assert "3 added" in result.stdout and "rec.jsonl:2: no text but control characters" in result.stderr
    index = open_index(index_dir)
    assert index.get("esc").original == "区长]0;owned杨国昕 txtmark\n下一行"
    assert index.get("rec").original == "jsonmark\t县委书记\r\n会议" and index.get("rec").title == "题2J目"
    assert index.get("page").title == "标题[31m红"
    for query in ("txtmark", "htmlmark", "jsonmark"):
        printed = CliRunner().invoke(cli, ["search", query, "--index", index_dir]).stdout
        assert query in printed and not CONTROLS.search(printed.replace("\n", "")), printed
