"""Reading sources: files and directories of .txt, .html/.htm, .json, .jsonl.

Reading never stops on a bad file or record: each problem, expected (bad
JSON, a wrong type, a document over the size limit) or not (any exception
while reading one document), becomes an `IngestError` naming the file (and
line), yielded in order with the documents, so that a reindex can report it
and go on with the next document.
"""
from __future__ import annotations

import hashlib
import json
import os
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
# The largest document the archive takes, in characters after decoding (text
# and given metadata together). The largest of the 56,879 corpus documents has
# 21,444 characters. Every step is linear, so the limit bounds the time one
# document can take: at 500,000 characters the costliest text measured
# (mojibake: rare characters for jieba, a distinct bigram at every place)
# reindexes in 14 s on two cores, while a million took up to 80 s when the
# machine was shared (bench/results/huge_line.txt).
MAX_DOCUMENT_CHARS = 500_000
# Bytes read for one document (a file, or one JSON Lines record) before the
# characters can be counted. Generous enough that no document within the
# character limit is refused for its bytes (\u escapes take 6 bytes a
# character, 12 outside the BMP, and HTML carries markup), small enough that
# a huge file is refused before it is read.
MAX_FILE_BYTES = 16 * MAX_DOCUMENT_CHARS
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Control characters other than tab and line ends: no text means them, and
# they would reach a terminal (ESC starts an escape sequence `archive search`
# would print) and HTML (where NUL and the others are parse errors). Form
# feed and vertical tab separate lines; the rest are dropped.
_LINE_SEPARATING_CONTROLS = re.compile(r"[\x0b\x0c]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ID_SAFE = re.compile(r"[^0-9A-Za-z_.\-\u3400-\u9fff]+")


@dataclass
class RawDocument:
    """A document as read: its text and whatever metadata came with it."""
    id: str
    text: str
    origin: str                    # file, or file:line for JSON Lines
    file: str = ""                 # the file it came from
    given: dict = field(default_factory=dict)
    raw_hash: str = ""
    html_title: str | None = None
    # The file's absolute path, set by the index builder to find documents
    # whose file is gone; private, never published (`file` is what is shown).
    location: str = ""


@dataclass
class IngestError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def safe_id(value: str) -> str:
    """An id usable in a URL path segment: letters, digits, CJK, '._-'.

    Never ending in ".json": /doc/<id>.json is the JSON of the document <id>,
    so a document "a.json" would be unreachable and its link another's data.
    """
    cleaned = _ID_SAFE.sub("-", value.strip()).strip("-.")[:200]
    if cleaned.lower().endswith(".json"):
        cleaned = cleaned[:-5] + "-" + cleaned[-4:]
    return cleaned


def public_path(path: Path, sources: Iterable[str | Path]) -> str:
    """Where a file is, as published: relative to the SOURCE it was found
    under, led by that SOURCE's own name (scraped/2020/a.txt), never the
    indexing machine's absolute path."""
    for source in sources:
        root = Path(source)
        for inside, top in ((path, root), (path.resolve(), root.resolve())):
            if inside == top:
                return top.resolve().name
            try:
                relative = inside.relative_to(top)
            except ValueError:
                continue
            return (Path(top.resolve().name) / relative).as_posix()
    return path.name


def iter_source_files(sources: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Supported files under each source, in a stable (sorted) order."""
    for source in sources:
        path = Path(source)
        if path.is_dir():
            children, unreadable = _walk(path)
            for folder in unreadable:
                # Reported, and the builder keeps what it indexed from there:
                # a folder it cannot list is not a folder whose files are gone.
                yield IngestError(folder, f"{UNREADABLE_FOLDER}: permission denied or gone")
            for child in children:
                if child.suffix.lower() not in SUPPORTED_SUFFIXES or child.name.startswith("."):
                    continue
                if child.is_file():
                    yield child
                elif _is_special(child):  # a FIFO would block the run, a device never end
                    yield IngestError(str(child), _NOT_REGULAR)
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path
            else:
                yield IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                  f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        elif _is_special(path):
            yield IngestError(str(path), _NOT_REGULAR)
        else:
            yield IngestError(str(path), "no such file or directory")


UNREADABLE_FOLDER = "cannot read this folder"


def _walk(root: Path) -> tuple[list[Path], list[str]]:
    """Every entry under root but folders, sorted, and the folders that could not
    be listed (pathlib's rglob skips those without a word). Symlinked folders
    are not entered, as rglob did not: a link to '.' is no loop."""
    unreadable: list[str] = []
    found: list[Path] = []
    for folder, _dirs, names in os.walk(root, onerror=lambda exc: unreadable.append(exc.filename)):
        found.extend(Path(folder) / name for name in names)
    return sorted(found), sorted(str(f) for f in unreadable)


_NOT_REGULAR = "not a regular file (a pipe, socket or device); not read"


def _is_special(path: Path) -> bool:
    """There, but neither a file nor a folder: a FIFO, socket or device (symlinks followed)."""
    return path.exists() and not path.is_file() and not path.is_dir()


def read_sources(sources: Iterable[str | Path]) -> Iterator[RawDocument | IngestError]:
    for item in iter_source_files(sources):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[RawDocument | IngestError]:
    """The documents of one file, each problem an `IngestError`, never an exception."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
        return
    try:
        yield _checked(_read_single(path))
    except Exception as exc:  # the boundary: one unreadable document, not a stopped run
        yield IngestError(str(path), f"unreadable: {type(exc).__name__}: {exc}")


def _read_single(path: Path) -> RawDocument | IngestError:
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return IngestError(origin, f"file is {size:,} bytes, over the "
                                       f"{MAX_FILE_BYTES:,}-byte limit for one document")
        data = path.read_bytes()
    except OSError as exc:
        return IngestError(origin, f"cannot read: {exc.strerror or exc}")
    try:
        text, _encoding = decode_bytes(data)
    except UndecodableError as exc:
        return IngestError(origin, f"undecodable: {exc}")
    if suffix in JSON_SUFFIXES:
        return _parse_record(text, path.stem, origin, origin)
    if suffix in HTML_SUFFIXES:
        page = html_to_text(text)
        if not page.text.strip():
            return IngestError(origin, "the page has no text")
        return RawDocument(safe_id(path.stem), page.text, origin, file=origin,
                           raw_hash=_hash(data), html_title=page.title)
    if not text.strip():
        return IngestError(origin, "empty file")
    return RawDocument(safe_id(path.stem), text, origin, file=origin, raw_hash=_hash(data))


def without_controls(value: str) -> str:
    """The string with no control characters but tab, CR and LF (see _CONTROLS)."""
    return _CONTROLS.sub("", _LINE_SEPARATING_CONTROLS.sub("\n", value))


def _checked(item: RawDocument | IngestError) -> RawDocument | IngestError:
    """The document without control characters, unless it is over the size
    limit (then why, in one line). Every reader's documents pass here."""
    if isinstance(item, IngestError):
        return item
    item.text = without_controls(item.text)
    item.given = {key: without_controls(value) for key, value in item.given.items()}
    if item.html_title is not None:
        item.html_title = without_controls(item.html_title)
    if not item.text.strip():
        return IngestError(item.origin, "no text but control characters")
    size = len(item.text) + sum(len(value) for value in item.given.values())
    if size > MAX_DOCUMENT_CHARS:
        return IngestError(item.origin, f"document is {size:,} characters, over the "
                                        f"{MAX_DOCUMENT_CHARS:,}-character limit")
    return item


def _read_jsonl(path: Path) -> Iterator[RawDocument | IngestError]:
    """One document per line, streamed: a JSON Lines file may be any size.

    JSON text is UTF-8 (RFC 8259), so each line is decoded on its own and a
    bad line costs only itself. Lines are split at newlines only: JSON strings
    may legally contain U+2028 and other separators. A line is read at most
    MAX_FILE_BYTES at a time, so a huge line is refused without holding it.
    """
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        number = 0
        while True:
            try:
                raw_line = handle.readline(MAX_FILE_BYTES + 1)
            except OSError as exc:
                yield IngestError(f"{path}:{number + 1}", f"cannot read: {exc.strerror or exc}")
                return
            if not raw_line:
                return
            number += 1
            origin = f"{path}:{number}"
            if len(raw_line) > MAX_FILE_BYTES and not raw_line.endswith(b"\n"):
                _skip_rest_of_line(handle)
                yield IngestError(origin, f"record is over the {MAX_FILE_BYTES:,}-byte limit "
                                          "for one document")
                continue
            if number == 1 and raw_line.startswith(b"\xef\xbb\xbf"):
                raw_line = raw_line[3:]
            if not raw_line.strip():
                continue
            try:
                text = raw_line.decode("utf-8")
            except UnicodeDecodeError:
                yield IngestError(origin, "undecodable: JSON Lines must be UTF-8")
                continue
            try:
                yield _checked(_parse_record(text, f"{path.stem}-{number}", origin, str(path)))
            except Exception as exc:  # the boundary: one bad record, not a stopped run
                yield IngestError(origin, f"unreadable record: {type(exc).__name__}: {exc}")


def _skip_rest_of_line(handle) -> None:
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _parse_record(text: str, fallback_id: str, origin: str, file: str) -> RawDocument | IngestError:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return IngestError(origin, f"invalid JSON: {exc.msg} (line {exc.lineno} column {exc.colno})")
    except RecursionError:
        return IngestError(origin, "invalid JSON: nested too deeply")
    return _from_record(record, fallback_id, origin, file)


def _from_record(record, fallback_id: str, origin: str, file: str) -> RawDocument | IngestError:
    """A document from a JSON object, or why not: every field is checked for its type."""
    if not isinstance(record, dict):
        return IngestError(origin, f"expected a JSON object, not {_json_type(record)}")
    text = record.get("text")
    if not isinstance(text, str):
        return IngestError(origin, "missing 'text'" if text is None else
                           f"'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        return IngestError(origin, "empty 'text'")
    given = {}
    for key in GIVEN_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            # Given metadata wins over what is extracted: dropping a wrong
            # one silently would index the document with metadata nobody chose.
            return IngestError(origin, f"'{key}' must be a string, not {_json_type(value)}")
        if value and value.strip():
            given[key] = _without_lone_surrogates(value)
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        return IngestError(origin, f"'id' must be a string or an integer, not {_json_type(raw_id)}")
    # safe_id turns a lone surrogate into '-' like any other unsafe character.
    doc_id = safe_id(str(raw_id)) if raw_id not in (None, "") else ""
    doc_id = doc_id or safe_id(fallback_id)
    text = _without_lone_surrogates(text)
    # The hash covers what the archive reads from the record, canonically: a
    # change elsewhere in the record changes nothing indexed.
    used = json.dumps({"id": doc_id, "text": text, **given}, ensure_ascii=False, sort_keys=True)
    return RawDocument(doc_id, text, origin, file=file, given=given,
                       raw_hash=_hash(used.encode("utf-8")))


def _without_lone_surrogates(value: str) -> str:
    """The string with each lone surrogate replaced by U+FFFD.

    JSON may escape half of a UTF-16 pair ("\\ud83d" from an emoji cut in
    two by a scraper); Python keeps it as a lone surrogate, which no encoder
    accepts, so it would fail the document at its first write. It stands for
    a character already lost, which is exactly what U+FFFD says: the rest of
    the document is kept. (A whole escaped pair is joined by the JSON parser.)
    """
    return _LONE_SURROGATE.sub("\ufffd", value)


def _json_type(value) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


def _hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()
