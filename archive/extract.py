"""From a raw document to a `Document`: clean, then read the metadata.

This is the one place the pieces meet; each step lives in its own module
(clean, regions, officials, dates). Extraction works on folded text (see
`archive.script`) and maps what it finds back to the original by offset.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from . import gazetteer as gazetteer_module
from .clean import clean_text
from .dates import extract_date, parse_given_date
from .document import Document
from .gazetteer import short_name
from .ingest import RawDocument
from .bylines import author_officials, extract_reporters
from .officials import extract_officials
from .regions import extract_regions
from .script import detect_script, fold

# Bump when extraction changes, so that an incremental reindex redoes
# documents whose bytes did not change but whose metadata would.
# 3: stored file/origin are relative to the SOURCE (no absolute paths).
# 4: issue 11: offices as title phrases, names outside the Han pattern, places
#    with province shorthand and page clues, Taiwan written as Taiwan writes it,
#    chrome classified by shape, event dates over publication lines.
# 5: issue 11 round 2: officials named in a given title, lists, staff titles,
#    Yi names, personnel notices, civil and past posts across the document;
#    dates (notice days, relative and bare story days, programme dates,
#    reported months, no cut-off dates); regions (lists of provinces, places
#    after their parent, 古镇, everyday-word names).
# 6: issue 11 round 3 (dates, regions, cleaning): a named gathering's year for
#    today's story, days in Chinese numerals; places in a given headline,
#    provinces before 大/中/小, namesakes settled by the next place; garbled
#    tails broken by replacement marks. Officials: national leaders past the
#    lead (named in full taking part or acting, not cited), Taiwan's Japanese
#    office holders, foreign states' offices, counted lists, court and health
#    posts with their organ, offices' extent; mainland companions of a visit,
#    deputies' seats, organ names, village posts.
# 7, 8: issue 11 rounds 4 and 5: four-character names of no Han surname,
#    offices as first written, shared organs, military and 暨-joined posts;
#    去/明(N)年 and 本(N)月 years; one 公所 places a text in Taiwan.
# 9: issue 11 round 6: dotted and Tibetan names, married names, Japanese
#    four-character names, lists closed by 等议员, names in two scripts, ward
#    offices, acronyms kept, past eras; a bare day with no month is no date;
#    pages with no sentence cleaned; Taiwan's texts read as Taiwan's. Round 7:
#    names after a collective title (党和国家领导人), foreign heads of state,
#    Taiwan organs' short forms, event roles and posts held then are none.
EXTRACTOR_VERSION = "9"

_TITLE_DATE_PREFIX = re.compile(r"^\s*\d{2}[.\-/]\d{2}\s+")
# Each with a word that it cannot match without.
_SOURCE_PATTERNS = [
    (re.compile(r"(?:来源|來源|稿源|出处)\s*[:：]\s*([^\s,，。;；)）]{2,30})"), ""),
    (re.compile(r"本文来源\s*[:：]?\s*([^,，。;；)）]{2,40}?)(?:[,，。;；)）]|$)"), "本文来源"),
    (re.compile(r"声明\s*[:：]\s*([^,，。]{2,20}?)(?:内容)?版权所有"), "版权所有"),
    (re.compile(r"([\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|商报|新闻网|网))(?:全媒体)?记者"), "记者"),
]


def content_hash(raw: RawDocument) -> str:
    """What decides whether a document must be indexed again."""
    return hashlib.sha1(f"{EXTRACTOR_VERSION}:{raw.raw_hash}".encode()).hexdigest()


def extract_title(lines: list[str], given: str | None, html_title: str | None) -> str | None:
    if given:
        return given.strip()
    if html_title:
        return html_title.strip()
    for line in lines[:3]:
        line = _TITLE_DATE_PREFIX.sub("", line.strip())
        if not line:
            continue
        # A headline is short and is not a sentence of the story.
        if 6 <= len(line) <= 40 and not line.endswith(("。", "：", ":", "，", ",")) \
                and line.count("，") + line.count(",") <= 1:
            return line
        return None
    return None


def extract_source(folded: str, original: str) -> str | None:
    for pattern, needs in _SOURCE_PATTERNS:
        # A pattern that opens on any Chinese character tries every one:
        # first a word it cannot match without.
        match = pattern.search(folded) if needs in folded else None
        if match:
            return original[match.start(1):match.end(1)].strip()
    return None


def extract(raw: RawDocument) -> Document:
    gaz = gazetteer_module.load()
    cleaned = clean_text(raw.text)
    body = cleaned.body
    folded_body = fold(body)
    # Bylines and sources often sit in the lines cleaning moved aside.
    folded_edges = fold("\n".join(cleaned.boilerplate))
    lines = body.split("\n")
    title = extract_title(lines, raw.given.get("title"), raw.html_title)
    reporters_folded = extract_reporters(folded_body + "\n" + folded_edges)
    is_place = gaz.names_a_place
    officials = extract_officials(folded_body, body, reporters_folded, is_place=is_place)
    folded_title = fold(title) if title else None
    # A given title names people too (王家贞议员「…」记者会, 议员林志展自由发言)
    # and is not in the body (a title read from the body's first line is).
    # The body's account of a person, usually the fuller, comes first; the
    # title is read ahead of the body, so that what the body says of a person
    # (退休, a temple's post) holds for the title too.
    if title and title.strip() not in body[:len(title) + 200]:
        in_body = {fold(o.name) for o in officials}
        officials += [o for o in extract_officials(folded_title + "\n" + folded_body, title + "\n" + body,
                                                   reporters_folded, is_place=is_place)
                      if fold(o.name) not in in_body and fold(o.name) in folded_title]
    anchors = [folded_title] if folded_title else []
    anchors += [fold(o.title) for o in officials]
    people = {fold(o.name) for o in officials} | set(reporters_folded)
    headline = folded_title if title and title.strip() not in body[:len(title) + 200] else None
    regions, mentioned = extract_regions(folded_body, gaz, anchors, blocked=_spans_of(people, folded_body),
                                         chrome=folded_edges, headline=headline)
    named = {fold(o.name) for o in officials}
    # Taiwan's region names are shown in traditional script: folded once, here.
    region_names = [fold(r.name) for r in regions + mentioned]
    for author in author_officials(folded_body, body, [fold(r) for r in cleaned.repaired], region_names):
        if fold(author.name) not in named and fold(author.name) not in reporters_folded:
            officials.append(author)
    places = office_places(regions + mentioned, region_names)
    officials = [replace(o, region=office_region(fold(o.title), places)) for o in officials]
    date = None
    if raw.given.get("date"):
        date = parse_given_date(raw.given["date"])
    if date is None:
        date = extract_date(folded_body, folded_title)
    source = raw.given.get("source") or extract_source(folded_body + "\n" + folded_edges,
                                                         body + "\n" + "\n".join(cleaned.boilerplate))
    return Document(
        id=raw.id, original=raw.text, body=body, title=title,
        script=detect_script(body), regions=regions, mentioned_regions=mentioned,
        officials=officials, reporters=_as_written(reporters_folded, folded_body, body),
        date=date, source=source, url=raw.given.get("url"), origin=raw.origin, file=raw.file,
        content_hash=content_hash(raw), damage=cleaned.damage, given=dict(raw.given),
    )


def office_places(regions: list, folded_names: list[str]) -> list[tuple[str, str, str | None, int]]:
    """(key, folded name, folded short name, level) of each region, worked out
    once per document rather than once per official."""
    return [(region.key, name, short_name(name, region.level), region.level)
            for region, name in zip(regions, folded_names)]


def office_region(folded_title: str, places: list[tuple[str, str, str | None, int]]) -> str | None:
    """The key of the place an office belongs to, when its title names one
    (岳池县委书记, 广安区委副书记、区长), most specific first; None for 区长.
    `places` come from `office_places`."""
    best = None
    for key, name, short, level in places:
        if name in folded_title or (short and short in folded_title):
            if best is None or level > best[1]:
                best = (key, level)
    return best[0] if best else None


def _spans_of(words: set[str], text: str) -> list[tuple[int, int]]:
    """Every occurrence of each word in the text, as (start, end), the longest
    word where several start at one point.

    Linear in the text: one `str.find` pass per word (a document names a few
    people), and one regex pass for all words when there are many, never a
    pass per word and position (a long text naming many people was quadratic).
    """
    words = {word for word in words if word}
    if len(words) > _FIND_PASSES:
        pattern = re.compile("(?=(%s))" % "|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        return [(match.start(), match.start() + len(match.group(1))) for match in pattern.finditer(text)]
    longest: dict[int, int] = {}
    for word in words:
        start = text.find(word)
        while start >= 0:
            longest[start] = max(longest.get(start, 0), len(word))
            start = text.find(word, start + 1)
    return [(start, start + length) for start, length in sorted(longest.items())]


# Up to this many words, a find pass per word beats compiling a pattern per document.
_FIND_PASSES = 16


def _as_written(folded_names: list[str], folded: str, original: str) -> list[str]:
    """Names in the document's own script (folding keeps offsets)."""
    written = []
    for name in folded_names:
        at = folded.find(name)
        written.append(original[at:at + len(name)] if at >= 0 else name)
    return written
