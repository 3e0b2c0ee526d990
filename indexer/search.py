"""Answering a `SearchRequest` from the index: hits, facets, snippets, and
what the site shows beside them (related documents, officials' profiles and
trails, statistics, examples).

Engine-neutral: everything here asks a shard (`indexer.engine.Shard`) for
match sets, columns, ranks and stored documents, and never calls Whoosh.
`open_index(dir)` gives an `Index` over the Whoosh shard of that folder; it
follows the live generation, so a server keeps answering across a full
rebuild and sees incremental commits.
"""
from __future__ import annotations

import functools
import heapq
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from archive import gazetteer
from archive.document import Document, DocDate, Official, Region

from . import trails
from .engine import Keywords, Shard, ShardStore, StoredDoc, Wanted
from .query import QueryError, SearchRequest
from .snippets import snippet
from .trails import TRAIL_PAGE_SIZE, Trail, office_of

SEARCH_SECONDS = 3.0
# Recent searches kept with their full, sorted match lists: paging through a
# result or re-running a saved search costs only the page, not the scoring
# of tens of thousands of matches again. Keyed by index version.
MATCH_CACHE_SIZE = 64
FACET_OFFICIALS = 15
# Officials' trail outlines (dates and offices of all their documents) kept per index version.
TRAIL_CACHE_SIZE = 128
EXAMPLES = 6


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
    # For related documents: what this one shares with the document shown.
    shared: list[str] = field(default_factory=list)


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool = False
    # Officials only: the office and region as written in their latest document.
    title: str | None = None
    region: str | None = None
    region_key: str | None = None


@dataclass
class Facets:
    region: list[FacetValue] = field(default_factory=list)
    region_trail: list[FacetValue] = field(default_factory=list)  # breadcrumb to the selection
    official: list[FacetValue] = field(default_factory=list)
    date: list[FacetValue] = field(default_factory=list)          # years, or months of one year
    date_unit: str = "year"
    date_year: str | None = None     # the year whose months `date` lists
    date_year_only: int = 0          # documents of that year dated only to the year
    date_unknown: int = 0            # no date, or month and day without a year


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


def _reading(method):
    """Run an Index method on the shard as it stands, passed as its first
    argument and held (nested calls see the same version) until it returns."""
    @functools.wraps(method)
    def holding(self, *args, **kwargs):
        with self.shard.reading() as shard:
            return method(self, shard, *args, **kwargs)
    return holding


class Index:
    def __init__(self, root: str | Path, shard: ShardStore | None = None):
        from .whoosh_shard import WhooshStore
        self.root = Path(root)
        self.shard: ShardStore = shard if shard is not None else WhooshStore(self.root)
        self._cache = _MatchCache(MATCH_CACHE_SIZE)
        # Per index version: archive statistics, examples, and officials' profiles.
        self._stats_cache: dict = {}
        self._examples_cache: dict = {}
        self._profile_cache: dict = {}
        self._trail_cache = _MatchCache(TRAIL_CACHE_SIZE)

    # -- queries --------------------------------------------------------
    def warm_up(self) -> None:
        """Load what the first search would otherwise pay for: jieba, facet columns.

        The calling thread (a server's main thread) serves no request, so its
        searcher is closed afterwards rather than kept on a version that nothing
        would ever move on from.
        """
        from .analysis import segmenter
        segmenter()
        with self.shard.reading() as shard:
            shard.warm_up()
        self.shard.release_this_thread()

    def close(self) -> None:
        self.shard.close()

    @_reading
    def search(self, shard: Shard, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        key = (shard.version, request.cache_key())
        matched = self._cache.get(key)
        if matched is None:
            matched = self._match(shard, request)
            if not matched.timed_out:
                self._cache.put(key, matched)
        first = (request.page - 1) * request.page_size
        page = matched.head(shard, first + request.page_size)[first:]
        runs = [run for t in request.terms if not t.exclude for run in t.runs]
        stored = shard.fetch([key for _, key in page])
        hits = [self._hit(doc, runs, score) for (score, _), doc in zip(page, stored)]
        facets = self._facets(matched.counts, request)
        return SearchResult(request=request, total=len(matched.docnums), hits=hits, facets=facets,
                            seconds=time.perf_counter() - started, timed_out=matched.timed_out)

    def _match(self, shard: Shard, request: SearchRequest) -> "_Matched":
        """The exact match set, unscored (totals and facets need no more); its
        order is worked out as far as pages ask for it (`_Matched.head`)."""
        found = shard.match(request, SEARCH_SECONDS)
        return _Matched(found.keys, shard.counts(found.keys), found.timed_out,
                        by_date=request.sort == "date", wanted=request)

    @staticmethod
    def _hit(doc: StoredDoc, runs: list[str], score: float | None) -> Hit:
        meta = Document.from_dict({**doc.meta, "body": ""}, original="")
        html, plain = snippet(doc.text, runs)
        return Hit(id=meta.id, title=meta.title, date=meta.date, regions=meta.regions,
                   officials=meta.officials, script=meta.script, source=meta.source,
                   snippet_html=html, snippet_text=plain, score=score)

    def _facets(self, results, request: SearchRequest) -> Facets:
        gaz = gazetteer.load()
        facets = Facets()
        region_counts = results.groups("region")
        official_counts = results.groups("official")
        date_counts = dict(results.groups("date_bucket"))  # popped below
        # Regions: the children of the selection (provinces when none).
        selected = gaz.get(request.region) if request.region else None
        if selected:
            facets.region_trail = [FacetValue(d.key, gaz.display_name(d), region_counts.get(d.key, 0),
                                              selected=d.key == selected.key)
                                   for d in gaz.lineage(selected)]
        # A broad result names thousands of regions: their parents are looked
        # up once per process, not walked in the gazetteer on every search.
        under = selected.key if selected else None
        children = [FacetValue(key, gaz.display_name(gaz.get(key)), count)
                    for key, count in region_counts.items() if _parent_key(key) == under]
        facets.region = sorted(children, key=lambda f: (-f.count, f.key))
        # Officials: the most frequent in the result, each with the office and
        # region of their latest document, so that namesakes can be told apart.
        top = _most_counted(official_counts, FACET_OFFICIALS)
        if request.official and request.official not in dict(top):
            top.append((request.official, official_counts.get(request.official, 0)))
        profiles = self.official_profiles([name for name, _count in top])
        for name, count in top:
            value = FacetValue(name, name, count, selected=name == request.official)
            profile = profiles[name]
            if profile:
                value.title, value.region, value.region_key = (
                    profile["title"], profile["region"], profile["region_key"])
            facets.official.append(value)
        # Dates: years, or the months of one year when the range lies in one.
        # A date counts only at its own precision: a year-only date is in its
        # year's bar but in no month's.
        facets.date_unknown = date_counts.pop("unknown", 0)
        years = sorted(k for k in date_counts if len(k) == 4)
        one_year = (request.date_from and request.date_to and request.date_from.text[:4]
                    == request.date_to.text[:4] and len(years) <= 1)
        if one_year:
            year = request.date_from.text[:4]
            facets.date_unit, facets.date_year = "month", year
            facets.date = [FacetValue(k, k, v) for k, v in sorted(date_counts.items())
                           if len(k) == 7 and k.startswith(year)]
            facets.date_year_only = max(0, date_counts.get(year, 0) - sum(f.count for f in facets.date))
        else:
            facets.date = [FacetValue(y, y, date_counts[y]) for y in years]
        return facets

    # -- documents ------------------------------------------------------
    @_reading
    def get(self, shard: Shard, doc_id: str) -> Document | None:
        stored = shard.find(doc_id)
        if stored is None:
            return None
        meta = dict(stored.meta)
        original = meta.pop("original", stored.text)
        return Document.from_dict({**meta, "body": stored.text}, original=original)

    @_reading
    def related(self, shard: Shard, doc: Document, limit: int = 8) -> list[Hit]:
        """Documents sharing officials or the most specific region; most shared, then nearest in date."""
        from archive.script import fold
        names = {fold(o.name): o.name for o in doc.officials}
        shared = [("official", name) for name in names]
        deepest = max(doc.regions, key=lambda r: r.level) if doc.regions else None
        if deepest is not None:
            shared.append(("region", deepest.key))
        if not shared:
            return []
        wanted = Keywords(tuple(shared), except_id=doc.id)
        # A wider pool than shown, so that ordering by date picks from enough.
        pool = shard.rank(wanted, shard.match(wanted, SEARCH_SECONDS).keys, limit * 6)
        stored = shard.fetch([key for _score, key, _id in pool])
        candidates = [self._hit(found, [], score) for (score, _key, _id), found in zip(pool, stored)]

        def day_number(date: DocDate | None) -> int | None:
            if date is None or date.precision == "month-day":
                return None  # the year is unknown: no distance can be told
            value = date.value
            month = int(value[5:7]) if len(value) >= 7 else 1
            day = int(value[8:10]) if len(value) >= 10 else 1
            return int(value[:4]) * 372 + (month - 1) * 31 + day

        here = day_number(doc.date)
        for hit in candidates:
            hit.shared = [names[fold(o.name)] for o in hit.officials if fold(o.name) in names]
            hit.shared = list(dict.fromkeys(hit.shared))
            if deepest is not None and any(deepest.key in r.path_keys for r in hit.regions):
                hit.shared.append(deepest.name)

        def order(hit: Hit):
            there = day_number(hit.date)
            distance = abs(there - here) if here is not None and there is not None else 10 ** 9
            return (-len(hit.shared), distance, hit.id)
        return sorted(candidates, key=order)[:limit]

    @_reading
    def stats(self, shard: Shard) -> dict:
        """What the archive holds; computed once per index state, since it scans columns."""
        key = shard.version
        cache = self._stats_cache
        if key in cache:
            return cache[key]
        count = shard.doc_count()
        # Every document the index holds now (not those a reindex replaced or removed).
        everything = shard.counts()
        scripts = {s: len(shard.match(Keywords((("script", s),)), SEARCH_SECONDS).keys)
                   for s in ("simplified", "traditional", "mixed")}

        def written_date(newest: bool) -> str | None:
            """The earliest or latest date as written, at its own precision."""
            found = shard.by_date(None, 1, newest=newest)
            if not found or not found[0][0]:
                return None   # nothing is dated (undated documents come last)
            day, key, _id = found[0]
            date = shard.fetch([key])[0].meta.get("date")
            return date["value"] if date else f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"

        stats = {"documents": count, "scripts": scripts,
                 "first_date": written_date(newest=False), "last_date": written_date(newest=True),
                 "undated": everything.groups("date_bucket").get("unknown", 0),
                 "officials": len(everything.groups("official")),
                 "generation": shard.generation}
        cache.clear()
        cache[key] = stats
        return stats

    @_reading
    def document_count(self, shard: Shard) -> int:
        """How many documents the live index holds."""
        return shard.doc_count()

    @_reading
    def examples(self, shard: Shard) -> list[str]:
        """Searches that find documents in this index, for the home page: its
        most frequent officials and places (counties and below where it has
        them), the first official also in the other script, which finds the
        same documents. Counted from the facet columns already in memory, once
        per index version; each is kept only if it finds something as a search."""
        from archive.script import to_traditional
        key = shard.version
        if key in self._examples_cache:
            return self._examples_cache[key]
        counts = shard.counts()
        officials = _most_frequent(counts.groups("official"), 4)
        gaz = gazetteer.load()
        regions = {gaz.get(k): n for k, n in counts.groups("region").items() if gaz.get(k)}
        local = {d: n for d, n in regions.items() if d.level >= 3} or regions
        places = [gaz.display_name(d) for d in _most_frequent(local, 4)]
        candidates = [*officials[:1], *(to_traditional(name) for name in officials[:1]), *places[:1],
                      *officials[1:2], *places[1:2],
                      *([f"{officials[2]} OR {officials[3]}"] if len(officials) >= 4 else []),
                      *officials[2:], *places[2:]]
        examples: list[str] = []
        for q in dict.fromkeys(candidates):
            if len(examples) < EXAMPLES and self._finds_any(shard, q):
                examples.append(q)
        self._examples_cache.clear()
        self._examples_cache[key] = examples
        return examples

    @staticmethod
    def _finds_any(shard: Shard, q: str) -> bool:
        try:
            request = SearchRequest.from_params({"q": q})
        except QueryError:
            return False
        return _count(shard, request) > 0

    @_reading
    def count(self, shard: Shard, request: SearchRequest) -> int:
        """How many documents a search finds (its total), without ordering,
        facets, a page or a place in the match cache."""
        return _count(shard, request)

    # -- officials ------------------------------------------------------
    def official_profile(self, name: str) -> dict | None:
        """An official (folded name) as their latest document presents them:
        the name as written, the office, the region, and how many documents name them."""
        return self.official_profiles([name])[name]

    @_reading
    def official_profiles(self, shard: Shard, names: list[str]) -> dict[str, dict | None]:
        """The profiles of several officials, those not known yet asked of the
        shard at once (a facet lists fifteen: one question, not fifteen)."""
        cache = self._profile_cache
        missing = [name for name in dict.fromkeys(names) if (shard.version, name) not in cache]
        if missing:
            if len(cache) > 50_000:
                cache.clear()
            found = shard.latest([Keywords((("official", name),)) for name in missing])
            for name, (documents, latest) in zip(missing, found):
                office = office_of(latest.doc.meta, name) if latest else None
                profile = None
                if office:
                    written, title, region_key, region_name = office
                    profile = {"name": written, "title": title, "region": region_name,
                               "region_key": region_key, "documents": documents}
                cache[(shard.version, name)] = profile
        return {name: cache[(shard.version, name)] for name in names}

    @_reading
    def official_trail(self, shard: Shard, name: str, page: int = 1, order: str = "oldest",
                       page_size: int = TRAIL_PAGE_SIZE) -> Trail:
        """One page of the documents naming an official (folded name), with the
        timeline of their offices. Raises QueryError for a page the trail lacks."""
        key = (shard.version, name)
        whole = self._trail_cache.get(key)
        if whole is None:
            keys = shard.match(Keywords((("official", name),)), SEARCH_SECONDS).keys
            documents = shard.fetch(keys)
            days = shard.dates([doc.key for doc in documents]).tolist()
            whole = trails.outline(((doc.key, day, doc.meta)
                                    for doc, day in zip(documents, days)), name)
            self._trail_cache.put(key, whole)
        trail = Trail(name=name, order=order, page=page, page_size=page_size, total=whole.total,
                      undated=len(whole.undated), timeline=whole.timeline)
        if page > trail.pages:
            raise QueryError(f"page {page} is past the last page ({trail.pages}); "
                             f"this trail has {trail.total} documents")
        first = (page - 1) * page_size
        trail.hits = [self._hit(doc, [name], None)
                      for doc in shard.fetch(whole.in_order(order)[first:first + page_size])]
        return trail

    @_reading
    def first_lines(self, shard: Shard, doc_ids: list[str], width: int = 60) -> dict[str, str]:
        """The first non-blank line of each document's text, cut to `width`: a title for untitled hits."""
        lines = {}
        for doc_id, stored in zip(doc_ids, shard.find_each(doc_ids)):
            if stored is None:
                continue
            line = next((part.strip() for part in stored.text.split("\n") if part.strip()), "")
            lines[doc_id] = line if len(line) <= width else line[:width] + "…"
        return lines

    def updated_at(self) -> float:
        """When the live index last changed, in seconds since the epoch (for feeds)."""
        return self.shard.updated_at()


class _Matched:
    """One search's match set (ascending document numbers) and facet counts,
    with its order: by date, whole, or by relevance, ranked as far as asked."""

    def __init__(self, docnums, counts, timed_out: bool, by_date: bool, wanted: Wanted):
        self.docnums = docnums                # the match set, as the shard keeps it
        self.counts = counts                  # facet counts (FacetCounts)
        self.timed_out = timed_out
        self._by_date = by_date
        self._wanted = wanted
        self._ordered: list[tuple[float | None, int]] = []

    def head(self, shard: Shard, k: int) -> list[tuple[float | None, int]]:
        """The first `k` matches in result order, as (score, docnum); by date, no score."""
        if len(self._ordered) < min(k, len(self.docnums)):
            # Deeper than ordered so far: order again, a few pages ahead.
            deeper = max(k, 2 * len(self._ordered))
            self._ordered = ([(None, key) for _day, key, _id in shard.by_date(self.docnums, deeper)]
                             if self._by_date else
                             [(score, key) for score, key, _id in
                              shard.rank(self._wanted, self.docnums, deeper)])
        return self._ordered[:k]


class _MatchCache:
    """A small thread-safe LRU: match lists of searches, outlines of trails."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _count(shard: Shard, request: SearchRequest) -> int:
    return len(shard.match(request, SEARCH_SECONDS).keys)


_NO_DIVISION = object()


@functools.lru_cache(maxsize=None)
def _parent_key(key: str):
    """The key of a region's parent (None for a province); a key the gazetteer
    lacks has no place in the tree at all."""
    gaz = gazetteer.load()
    div = gaz.get(key)
    if div is None:
        return _NO_DIVISION
    parent = gaz.parent_of(div)
    return parent.key if parent else None


def _most_counted(counts: dict[str, int], number: int) -> list[tuple[str, int]]:
    """The `number` (value, count) pairs with the highest counts, ties by value.
    Only those at or above the number-th highest count are sorted: a broad
    result names thousands of officials."""
    if len(counts) > number:
        floor = heapq.nlargest(number, counts.values())[-1]
        counts = {value: count for value, count in counts.items() if count >= floor}
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:number]


def _most_frequent(counts: dict, number: int) -> list:
    """The `number` keys with the highest counts; ties in key order, so the choice is stable."""
    return [key for key, _ in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))][:number]


def open_index(root: str | Path, scheduler: str | None = None) -> Index:
    """The index at `root`: one Whoosh index, or the shards its manifest names,
    searched in this process or, given a Dask scheduler's address, on its workers."""
    if scheduler:
        from .cluster import open_cluster_index
        return open_cluster_index(root, scheduler)
    from . import manifest
    if manifest.is_sharded(Path(root)):
        from .sharded import ShardedStore
        return Index(root, shard=ShardedStore(root))
    return Index(root)
