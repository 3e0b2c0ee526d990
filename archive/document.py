"""The document record that flows from ingest to the index and the web."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Region:
    """One administrative division, with the path from its province down.

    `code` is the official statistical code (6 digits for a county, 9 for a
    township); it is None for places the national list does not cover
    (Taiwan, Hong Kong, Macao). `key` is always set and is what the index
    files the region under.
    """
    key: str
    name: str
    level: int  # 1 province, 2 city, 3 county, 4 township
    path: tuple[str, ...]
    path_keys: tuple[str, ...]

    @property
    def code(self) -> str | None:
        return self.key if self.key.isdigit() else None

    def to_dict(self) -> dict:
        return {"name": self.name, "code": self.code, "level": self.level,
                "path": list(self.path), "key": self.key, "path_keys": list(self.path_keys)}


@dataclass(frozen=True)
class Official:
    name: str               # as written in the document
    title: str              # as written (folded to simplified for display too)
    region: str | None = None  # the region key the office belongs to, when stated

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "region": self.region}


@dataclass(frozen=True)
class DocDate:
    """A date as precise as the text makes it, never more.

    value: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or '--MM-DD' (month and day known,
    year not); precision: 'day', 'month', 'year' or 'month-day'.
    """
    value: str
    precision: str
    evidence: str = ""

    def to_dict(self) -> dict:
        return {"value": self.value, "precision": self.precision, "evidence": self.evidence}


@dataclass
class Document:
    id: str
    original: str                 # the text as read, verbatim: what pages show
    body: str                     # cleaned body derived from `original`
    title: str | None = None
    script: str = "simplified"
    regions: list[Region] = field(default_factory=list)
    mentioned_regions: list[Region] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    date: DocDate | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""              # where it was read from (path, or path:line)
    file: str = ""                # the file it was read from
    content_hash: str = ""
    damage: list[str] = field(default_factory=list)   # e.g. pinyin_annotation, mojibake
    given: dict = field(default_factory=dict)          # metadata supplied with the input

    def to_dict(self) -> dict:
        """The JSON form used by `archive extract` and the document API."""
        return {
            "id": self.id,
            "title": self.title,
            "script": self.script,
            "body": self.body,
            "regions": [r.to_dict() for r in self.regions],
            "mentioned_regions": [r.to_dict() for r in self.mentioned_regions],
            "officials": [o.to_dict() for o in self.officials],
            "reporters": list(self.reporters),
            "date": self.date.to_dict() if self.date else None,
            "source": self.source,
            "url": self.url,
            "origin": self.origin,
            "file": self.file,
            "damage": list(self.damage),
            "given": dict(self.given),
        }

    @classmethod
    def from_dict(cls, data: dict, original: str, content_hash: str = "") -> "Document":
        def region(d: dict) -> Region:
            return Region(d["key"], d["name"], d["level"], tuple(d["path"]),
                          tuple(d.get("path_keys", ())))
        date = data.get("date")
        return cls(
            id=data["id"], original=original, body=data["body"], title=data.get("title"),
            script=data.get("script", "simplified"),
            regions=[region(r) for r in data.get("regions", [])],
            mentioned_regions=[region(r) for r in data.get("mentioned_regions", [])],
            officials=[Official(o["name"], o["title"], o.get("region"))
                       for o in data.get("officials", [])],
            reporters=list(data.get("reporters", [])),
            date=DocDate(date["value"], date["precision"], date.get("evidence", "")) if date else None,
            source=data.get("source"), url=data.get("url"), origin=data.get("origin", ""),
            file=data.get("file", ""),
            content_hash=content_hash, damage=list(data.get("damage", [])),
            given=dict(data.get("given", {})),
        )

    def summary(self) -> dict:
        """Metadata without the texts, for search hits and index storage."""
        d = self.to_dict()
        d.pop("body")
        return d
