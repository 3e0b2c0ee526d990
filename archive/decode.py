"""Bytes to text: UTF-8 (with or without BOM), GB18030/GBK or Big5.

A file whose encoding is declared (a BOM, an HTML meta charset) is decoded as
declared. Otherwise UTF-8 is tried strictly first, since a valid UTF-8 file
almost never is anything else; then the Chinese legacy codecs that decode the
bytes without error are ranked by charset-normalizer, the maintained detector,
restricted to those candidates so that it cannot wander off to a Cyrillic or
Latin code page on a short Chinese text.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

LEGACY_CANDIDATES = ("gb18030", "big5hkscs")


class UndecodableError(ValueError):
    """The bytes are not text in any encoding the archive reads."""


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "utf8": "utf-8"}


def declared_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    match = _META_CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii").lower()
        name = _ALIASES.get(name, name)
        try:
            return codecs.lookup(name).name
        except LookupError:
            return None
    return None


def _reads_as_text(text: str) -> bool:
    """No control characters but whitespace, nothing unassigned or private, no
    stray byte-order mark: any even run of bytes decodes as UTF-16, and
    binary shows itself by these."""
    return not any((unicodedata.category(c) in ("Cc", "Cn", "Co") and c not in "\t\n\r\f")
                   or c in "\ufeff\ufffe" for c in text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) or raise UndecodableError saying why."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with its byte-order mark, as Windows Notepad saves "Unicode"
        # text: full of NUL bytes, yet text; without the mark it stays binary.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
        if text is None or not _reads_as_text(text[:8192]):
            raise UndecodableError("starts with a UTF-16 byte-order mark but is not UTF-16 text")
        return text, "utf-16"
    if b"\x00" in data[:8192]:
        raise UndecodableError("binary file (contains NUL bytes)")
    declared = declared_encoding(data)
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall back to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decodable = []
    for encoding in LEGACY_CANDIDATES:
        try:
            decodable.append((encoding, data.decode(encoding)))
        except UnicodeDecodeError:
            continue
    if not decodable:
        raise UndecodableError("not valid UTF-8, GB18030 or Big5")
    if len(decodable) == 1:
        encoding, text = decodable[0]
        return text, encoding
    best = from_bytes(data, cp_isolation=[e for e, _ in decodable]).best()
    chosen = _normal(best.encoding) if best else None
    for encoding, text in decodable:
        if encoding == chosen:
            return text, encoding
    encoding, text = max(decodable, key=lambda item: _plausibility(item[1]))
    return text, encoding


def _normal(name: str) -> str:
    name = name.lower().replace("-", "").replace("_", "")
    return {"gb18030": "gb18030", "big5hkscs": "big5hkscs", "big5": "big5hkscs"}.get(name, name)


def _plausibility(text: str) -> float:
    """Share of characters in the CJK basic block or ordinary punctuation."""
    if not text:
        return 0.0
    good = sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or c in "，。、：；！？“”（）\n ")
    return good / len(text)
