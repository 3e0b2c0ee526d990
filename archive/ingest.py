"""Reading sources: files and directories of .txt, .html/.htm, .json, .jsonl.

Reading never stops on a bad file: each problem becomes an `IngestError`
naming the file (and line), yielded in order with the documents, so that a
reindex can report it and go on.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .decode import UndecodableError, decode_bytes
from .htmltext import html_to_text

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
GIVEN_FIELDS = ("title", "date", "source", "url")
MAX_FILE_BYTES = 64 * 1024 * 1024
_ID_SAFE = re.compile(r"[^0-9A-Za-z_.\-\u3400-\u9fff]+")


@dataclass
class RawDocument:
    """A document as read: its text and whatever metadata came with it."""
    id: str
    text: str
    origin: str                    # file, or file:line for JSON Lines
    kind: str                      # 'text', 'html' or 'json'
    file: str = ""                 # the file it came from
    given: dict = field(default_factory=dict)
    raw_hash: str = ""
    html_title: str | None = None


@dataclass
class IngestError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def safe_id(value: str) -> str:
    """An id usable in a URL path segment: letters, digits, CJK, '._-'."""
    cleaned = _ID_SAFE.sub("-", value.strip()).strip("-.")
    return cleaned[:200]


def iter_source_files(sources: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Supported files under each source, in a stable (sorted) order."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path
            else:
                yield IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                  f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        else:
            yield IngestError(str(path), "no such file or directory")


def read_sources(sources: Iterable[str | Path]) -> Iterator[RawDocument | IngestError]:
    for item in iter_source_files(sources):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[RawDocument | IngestError]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield IngestError(origin, f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit "
                                      "for one document")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
        return
    try:
        text, _encoding = decode_bytes(data)
    except UndecodableError as exc:
        yield IngestError(origin, f"undecodable: {exc}")
        return
    if suffix in JSON_SUFFIXES:
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield IngestError(origin, f"invalid JSON: {exc}")
            return
        yield _from_record(record, path.stem, origin, origin)
    elif suffix in HTML_SUFFIXES:
        page = html_to_text(text)
        if not page.text.strip():
            yield IngestError(origin, "the page has no text")
            return
        yield RawDocument(safe_id(path.stem), page.text, origin, "html", file=origin,
                          raw_hash=_hash(data), html_title=page.title)
    else:
        if not text.strip():
            yield IngestError(origin, "empty file")
            return
        yield RawDocument(safe_id(path.stem), text, origin, "text", file=origin, raw_hash=_hash(data))


def _read_jsonl(path: Path) -> Iterator[RawDocument | IngestError]:
    """One document per line, streamed: a JSON Lines file may be any size.

    JSON text is UTF-8 (RFC 8259), so each line is decoded on its own and a
    bad line costs only itself. Lines are split at newlines only: JSON strings
    may legally contain U+2028 and other separators.
    """
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, raw_line in enumerate(handle, start=1):
            if number == 1 and raw_line.startswith(b"\xef\xbb\xbf"):
                raw_line = raw_line[3:]
            if not raw_line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                record = json.loads(raw_line.decode("utf-8"))
            except UnicodeDecodeError:
                yield IngestError(origin, "undecodable: JSON Lines must be UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield IngestError(origin, f"invalid JSON: {exc.msg}")
                continue
            yield _from_record(record, f"{path.stem}-{number}", origin, str(path))


def _from_record(record, fallback_id: str, origin: str, file: str) -> RawDocument | IngestError:
    if not isinstance(record, dict):
        return IngestError(origin, "expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestError(origin, "missing or empty 'text'")
    given = {k: record[k] for k in GIVEN_FIELDS
             if isinstance(record.get(k), str) and record[k].strip()}
    doc_id = safe_id(str(record["id"])) if record.get("id") not in (None, "") else ""
    doc_id = doc_id or safe_id(fallback_id)
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return RawDocument(doc_id, text, origin, "json", file=file, given=given, raw_hash=_hash(raw))


def _hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()
