"""Answering a `SearchRequest` from the index: hits, facets, snippets.

`open_index(dir)` gives an `Index`; it follows the live generation, so a
server keeps answering across a full rebuild and sees incremental commits.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as Q
from whoosh import sorting
from whoosh.collectors import TimeLimit, TimeLimitCollector

from archive import gazetteer
from archive.document import Document, DocDate, Official, Region

from . import store
from .analysis import query_bigrams, words
from .query import SearchRequest
from .snippets import snippet

SEARCH_SECONDS = 3.0
FIRST_DAY, LAST_DAY = 1000_01_01, 2999_12_31
FACET_OFFICIALS = 15


@dataclass
class Hit:
    id: str
    title: str | None
    date: DocDate | None
    regions: list[Region]
    officials: list[Official]
    script: str
    source: str | None
    snippet_html: str
    snippet_text: str
    score: float | None


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facets:
    region: list[FacetValue] = field(default_factory=list)
    region_trail: list[FacetValue] = field(default_factory=list)  # breadcrumb to the selection
    official: list[FacetValue] = field(default_factory=list)
    date: list[FacetValue] = field(default_factory=list)          # years, or months of one year
    date_unit: str = "year"
    date_unknown: int = 0


@dataclass
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: Facets
    seconds: float
    timed_out: bool = False

    @property
    def query_text(self) -> str:
        return self.request.q

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.page_size))


def _run_query(run: str) -> Q.Query:
    """A folded run must occur as a substring; words, title and names rank it."""
    if len(run) == 1:
        required = Q.Prefix("chars", run)
    else:
        grams = query_bigrams(run)
        required = Q.Term("chars", grams[0]) if len(grams) == 1 else Q.Phrase("chars", grams)
    boosts: list[Q.Query] = [Q.Term("place", run, boost=2.0)]
    for word in words(run) or [run]:
        boosts.append(Q.Term("words", word))
        boosts.append(Q.Term("title", word))
    return Q.AndMaybe(required, Q.Or(boosts))


def build_query(request: SearchRequest) -> Q.Query:
    positive = [_run_query(run) for t in request.terms if not t.exclude for run in t.runs]
    negative = [Q.And([_term_required(run) for run in t.runs]) for t in request.terms if t.exclude]
    query: Q.Query = Q.And(positive) if positive else Q.Every()
    if negative:
        query = Q.AndNot(query, Q.Or(negative))
    return query


def _term_required(run: str) -> Q.Query:
    if len(run) == 1:
        return Q.Prefix("chars", run)
    grams = query_bigrams(run)
    return Q.Term("chars", grams[0]) if len(grams) == 1 else Q.Phrase("chars", grams)


def build_filter(request: SearchRequest) -> Q.Query | None:
    parts: list[Q.Query] = []
    if request.region:
        parts.append(Q.Term("region", request.region))
    if request.official:
        parts.append(Q.Term("official", request.official))
    if request.script:
        parts.append(Q.Term("script", request.script))
    # A document's date is a span (a year-only date spans the year); it
    # passes when the span overlaps the requested one.
    # Both ends are explicit: Whoosh mis-handles an open end on unsigned fields.
    if request.date_to:
        parts.append(Q.NumericRange("date_start", FIRST_DAY, request.date_to.last_day))
    if request.date_from:
        parts.append(Q.NumericRange("date_end", request.date_from.first_day, LAST_DAY))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Q.And(parts)


def _facet_map() -> dict:
    return {name: sorting.FieldFacet(name, allow_overlap=True, maptype=sorting.Count)
            for name in ("region", "official", "date_bucket")}


def _decode(key) -> str:
    return key.decode("utf-8") if isinstance(key, bytes) else str(key)


class Index:
    def __init__(self, root: str | Path):
        self.root = Path(root)
        self._local = threading.local()
        store.current_generation(self.root)  # raise IndexMissing now, not on first search

    # -- plumbing -------------------------------------------------------
    def _searcher(self):
        generation = store.current_generation(self.root)
        local = self._local
        if getattr(local, "generation", None) != generation:
            if getattr(local, "searcher", None) is not None:
                local.searcher.close()
            local.searcher = whoosh_index.open_dir(str(generation)).searcher()
            local.generation = generation
        elif not local.searcher.up_to_date():
            local.searcher = local.searcher.refresh()
        return local.searcher

    # -- queries --------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        searcher = self._searcher()
        query = build_query(request)
        restriction = build_filter(request)
        if restriction is not None:
            # Filters go into the query as score-free clauses rather than
            # through Whoosh's FilterCollector, which the time limit bypasses.
            query = Q.And([query, Q.ConstantScoreQuery(restriction, 0.0)])
        sortedby = sorting.FieldFacet("date_start", reverse=True) if request.sort == "date" else None
        collector = searcher.collector(limit=request.page * request.page_size, sortedby=sortedby,
                                       groupedby=_facet_map())
        timed = TimeLimitCollector(collector, timelimit=SEARCH_SECONDS, use_alarm=False)
        timed_out = False
        try:
            searcher.search_with_collector(query, timed)
        except TimeLimit:
            timed_out = True
        results = timed.results()
        first = (request.page - 1) * request.page_size
        runs = [run for t in request.terms if not t.exclude for run in t.runs]
        hits = [self._hit(results[i], runs) for i in range(first, min(len(results.top_n), first + request.page_size))]
        facets = self._facets(results, request)
        return SearchResult(request=request, total=len(results), hits=hits, facets=facets,
                            seconds=time.perf_counter() - started, timed_out=timed_out)

    def _hit(self, hit, runs: list[str]) -> Hit:
        meta = json.loads(hit["meta"])
        doc = Document.from_dict({**meta, "body": ""}, original="")
        html, plain = snippet(hit["text"], runs)
        return Hit(id=doc.id, title=doc.title, date=doc.date, regions=doc.regions,
                   officials=doc.officials, script=doc.script, source=doc.source,
                   snippet_html=html, snippet_text=plain, score=hit.score)

    def _facets(self, results, request: SearchRequest) -> Facets:
        gaz = gazetteer.load()
        facets = Facets()
        try:
            region_counts = {_decode(k): v for k, v in results.groups("region").items() if k}
            official_counts = {_decode(k): v for k, v in results.groups("official").items() if k}
            date_counts = {_decode(k): v for k, v in results.groups("date_bucket").items() if k}
        except KeyError:
            return facets
        # Regions: the children of the selection (provinces when none).
        selected = gaz.get(request.region) if request.region else None
        if selected:
            facets.region_trail = [FacetValue(d.key, d.name, region_counts.get(d.key, 0),
                                              selected=d.key == selected.key)
                                   for d in gaz.lineage(selected)]
        children = []
        for key, count in region_counts.items():
            div = gaz.get(key)
            if div is None:
                continue
            parent = gaz.parent_of(div)
            if (selected is None and parent is None) or (selected and parent and parent.key == selected.key):
                children.append(FacetValue(key, div.name, count))
        facets.region = sorted(children, key=lambda f: (-f.count, f.key))
        facets.official = [FacetValue(name, name, count, selected=name == request.official)
                           for name, count in sorted(official_counts.items(),
                                                     key=lambda item: (-item[1], item[0]))[:FACET_OFFICIALS]]
        facets.date_unknown = date_counts.pop("unknown", 0)
        years = sorted(k for k in date_counts if len(k) == 4)
        one_year = (request.date_from and request.date_to and request.date_from.text[:4]
                    == request.date_to.text[:4] and len(years) <= 1)
        if one_year:
            year = request.date_from.text[:4]
            facets.date_unit = "month"
            facets.date = [FacetValue(k, k, v) for k, v in sorted(date_counts.items())
                           if len(k) == 7 and k.startswith(year)]
        else:
            facets.date = [FacetValue(y, y, date_counts[y]) for y in years]
        return facets

    # -- documents ------------------------------------------------------
    def get(self, doc_id: str) -> Document | None:
        searcher = self._searcher()
        stored = searcher.document(id=doc_id)
        if stored is None:
            return None
        meta = json.loads(stored["meta"])
        original = meta.pop("original", stored["text"])
        return Document.from_dict({**meta, "body": stored["text"]}, original=original)

    def related(self, doc: Document, limit: int = 8) -> list[Hit]:
        """Documents sharing an official or the most specific region, nearest in date first."""
        from archive.script import fold
        shared: list[Q.Query] = [Q.Term("official", fold(o.name)) for o in doc.officials]
        if doc.regions:
            deepest = max(doc.regions, key=lambda r: r.level)
            shared.append(Q.Term("region", deepest.key))
        if not shared:
            return []
        searcher = self._searcher()
        query = Q.AndNot(Q.Or(shared), Q.Term("id", doc.id))
        results = searcher.search(query, limit=limit)
        return [self._hit(hit, []) for hit in results]

    def stats(self) -> dict:
        searcher = self._searcher()
        reader = searcher.reader()
        count = reader.doc_count()
        scripts = {s: searcher.doc_frequency("script", s) for s in ("simplified", "traditional", "mixed")}
        dates = [d for d in reader.column_reader("date_start") if d] if count else []
        first = min(dates) if dates else None
        last = max(dates) if dates else None
        fmt = lambda n: f"{n // 10000:04d}-{n // 100 % 100:02d}-{n % 100:02d}" if n else None  # noqa: E731
        return {"documents": count, "scripts": scripts, "first_date": fmt(first),
                "last_date": fmt(last), "generation": store.current_generation(self.root).name}


def open_index(root: str | Path) -> Index:
    return Index(root)
