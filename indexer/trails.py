"""An official's trail: every document naming them in date order, a page at a time,
and the offices they held over time.

A career can run to thousands of documents, so a trail is never rendered
whole. Its outline (each document's date and the office it gives the
official) is read once per index version and official; a page then costs
only its own documents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive import gazetteer
from archive.document import DocDate
from archive.script import fold

from .query import QueryError, parse_number

TRAIL_ORDERS = ("oldest", "newest")
TRAIL_PAGE_SIZE = 50
MAX_TRAIL_PAGE = 999_999   # six digits, as before; the trail says which pages it has


def parse_trail_order(value: str | None) -> str:
    value = (value or "").strip()   # as the search reads its parameters
    if not value:
        return TRAIL_ORDERS[0]
    if value not in TRAIL_ORDERS:
        raise QueryError(f"order must be {' or '.join(TRAIL_ORDERS)} (oldest first by default)")
    return value


def parse_trail_page(value: str | None) -> int:
    """A page number as typed; whether the trail has that page is checked against the trail."""
    value = (value or "").strip()
    return parse_number(value, "page", 1, MAX_TRAIL_PAGE) if value else 1


def office_of(meta: dict, name: str) -> tuple[str, str | None, str | None, str | None] | None:
    """What a document (its stored metadata) makes the official (folded name):
    (name as written, office, region key, region name), or None if it does not name them.

    The office's region is the one stated with it; failing that, the place
    the document is about when it has one, or the level of it the post
    names: a mayor (市长) visiting a district holds the city's office, so a
    report from 东区 puts 市长 in 台南市, and a post that no place above the
    document's fits (县长 in a city's district) gets no region.
    """
    official = next((o for o in meta.get("officials", []) if fold(o["name"]) == name), None)
    if official is None:
        return None
    title = official.get("title") or None
    gaz = gazetteer.load()
    div = gaz.get(official["region"]) if official.get("region") else None
    if div is None and len(meta.get("regions", [])) == 1:
        div = _unit_of_post(fold(title or ""), gaz.get(meta["regions"][0]["key"]))
    if div is None:
        return official["name"], title, None, None
    return official["name"], title, div.key, gaz.display_name(div)


# A post named after a kind of unit (区长, 县委书记, 副市长): the unit's last character.
_UNIT_POST = re.compile(r"([省市县区镇乡])(?:长|委|人民政府|政府|党委|党工委)")


def _unit_of_post(title: str, div):
    """The document's place, or the one above it that the post is named after."""
    found = _UNIT_POST.search(title) if title else None
    if div is None or found is None:
        return div
    unit = found.group(1)
    return next((d for d in reversed(gazetteer.load().lineage(div)) if d.name.endswith(unit)), None)


def _post_in(title: str, region_key: str | None) -> str:
    """The office without the name of the region it is held in, which the
    timeline shows beside it: 台南市长, 台南市市长 and 市长 in 台南市 are one
    office (市长, 台南市), where 副市长 stays another."""
    div = gazetteer.load().get(region_key) if region_key else None
    if div is None:
        return title
    # A post is two characters at least: 台南市长 is 台南 + 市长, not 台南市 + 长.
    for prefix in (div.name, gazetteer.short_name(div.name, div.level)):
        if prefix and title.startswith(prefix) and len(title) - len(prefix) >= 2:
            return title[len(prefix):]
    return title


@dataclass
class Office:
    """One office held in one region, over the documents that give it."""
    title: str | None          # folded, so that both scripts' spellings are one office
    region: str | None
    region_key: str | None
    first: DocDate | None = None
    last: DocDate | None = None
    documents: int = 0
    _first_day: int = 0
    _last_day: int = 0

    def add(self, date: DocDate | None, day: int) -> None:
        self.documents += 1
        if day:
            if not self._first_day or day < self._first_day:
                self.first, self._first_day = date, day
            if day >= self._last_day:
                self.last, self._last_day = date, day

    def to_dict(self) -> dict:
        return {"office": self.title, "region": self.region, "region_key": self.region_key,
                "first": self.first.to_dict() if self.first else None,
                "last": self.last.to_dict() if self.last else None,
                "documents": self.documents}


@dataclass
class TrailOutline:
    """The whole trail of one official, without the documents' text.

    `dated` holds document numbers oldest first (ties by id); `undated` those
    with no year (no date, or a month and day only), by id. Whatever the
    order asked for, undated documents come after the dated ones: they
    cannot be placed in time.
    """
    dated: list[int]
    undated: list[int]
    timeline: list[Office]

    @property
    def total(self) -> int:
        return len(self.dated) + len(self.undated)

    def in_order(self, order: str) -> list[int]:
        dated = self.dated if order == "oldest" else self.dated[::-1]
        return dated + self.undated


def outline(entries, name: str) -> TrailOutline:
    """Build the outline from (docnum, date_start, stored meta) of every document naming `name`.

    date_start is the first day (YYYYMMDD) a document's date can mean, 0 when
    its year is unknown.
    """
    dated, undated = [], []
    offices: dict[tuple, Office] = {}
    for docnum, day, meta in entries:
        raw_date = meta.get("date")
        date = DocDate(**raw_date) if raw_date else None
        day = day if date and date.precision != "month-day" else 0
        (dated if day else undated).append((day, meta.get("id", ""), docnum))
        found = office_of(meta, name)
        if found is None:  # indexed under the name, but no office read with it
            continue
        _, title, region_key, region_name = found
        key = (_post_in(fold(title), region_key) if title else None, region_key)
        office = offices.get(key)
        if office is None:
            office = offices[key] = Office(key[0], region_name, region_key)
        office.add(date if day else None, day)
    timeline = sorted(offices.values(),
                      key=lambda o: (o._first_day == 0, o._first_day, o._last_day,
                                     -o.documents, o.title or "", o.region_key or ""))
    return TrailOutline(dated=[d for *_, d in sorted(dated)],
                        undated=[d for *_, d in sorted(undated)], timeline=timeline)


@dataclass
class Trail:
    """One page of an official's trail, with the timeline of the whole."""
    name: str                       # folded
    order: str
    page: int
    page_size: int
    total: int
    undated: int
    hits: list = field(default_factory=list)
    timeline: list[Office] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def first_rank(self) -> int:
        return (self.page - 1) * self.page_size + 1
