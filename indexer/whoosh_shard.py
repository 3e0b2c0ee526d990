"""A Whoosh index as a shard (`indexer.engine.Shard`): the only place a search reads Whoosh.

`WhooshStore(dir)` follows the index's live generation and gives each thread
a searcher of it (`ThreadSearchers`); `reading()` wraps that searcher as a
`WhooshShard` for one operation. Keys are Whoosh document numbers.
"""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
from whoosh import query as Q
from whoosh import searching

from . import ranking, whoosh_query
from .columns import column_values
from .engine import Keywords, Latest, Matches, StoredDoc, TermStats, Wanted
from .facets import DocIds, FacetTable
from .match_sets import match_set
from .query import SearchRequest
from .searchers import ThreadSearchers
from .stored_fields import stored_fields


# Officials' profiles match one keyword each: never near a search's time limit.
LATEST_SECONDS = 3.0


class WhooshStore:
    """One Whoosh index folder (with its generations) as a `ShardStore`."""

    def __init__(self, root: str | Path, locate: Callable[[], Path] | None = None):
        """`locate()` names the live generation folder: by default the one
        root/CURRENT names; a shard of a sharded index follows its manifest."""
        self.root = Path(root)
        self._searchers = ThreadSearchers(self.root, locate)
        self._table_lock = threading.Lock()
        self._table: FacetTable | None = None
        self._table_key = None
        self._searchers.locate()  # raise IndexMissing now, not on first search

    @contextmanager
    def reading(self, generation: Path | None = None) -> Iterator["WhooshShard"]:
        """The shard as it stands now, or at `generation` (a folder of this
        shard that a sharded index's manifest names)."""
        with self._searchers.held(generation) as slot:
            yield WhooshShard(self, slot.searcher, slot.generation.name)

    def table_for(self, shard: "WhooshShard") -> FacetTable:
        """Facet columns of the shard's index version, read once per version."""
        with self._table_lock:
            if self._table_key != shard.version:
                self._table = read_table(shard.searcher.reader())
                self._table_key = shard.version
            return self._table

    def updated_at(self) -> float:
        generation = self._searchers.locate()
        times = [generation.stat().st_mtime]
        for path in generation.iterdir():
            try:
                times.append(path.stat().st_mtime)
            except FileNotFoundError:  # a segment merged away while we looked
                pass
        return max(times)

    def release_this_thread(self) -> None:
        self._searchers.release_this_thread()

    def close(self) -> None:
        self._searchers.close()


def read_table(reader) -> FacetTable:
    """The facet and date columns, and the order of the ids, of one Whoosh index version."""
    dates = np.fromiter(column_values(reader, "date_start"), dtype=np.int64,
                        count=reader.doc_count_all())
    return FacetTable(lambda name: column_values(reader, name), dates,
                      DocIds(list(column_values(reader, "id"))))


class WhooshShard:
    """A Whoosh searcher of one index version, answering the shard interface."""

    def __init__(self, owner: WhooshStore, searcher, generation: str):
        self._owner = owner
        self.searcher = searcher
        self.generation = generation

    @property
    def version(self) -> tuple:
        """Generation folder, Whoosh commit, size. The folder matters: a full
        rebuild starts Whoosh's count again, so two generations can share a
        commit number and a document count."""
        return (self.generation, self.searcher.reader().generation(),
                self.searcher.doc_count_all())

    def doc_count(self) -> int:
        return self.searcher.doc_count()

    def live(self) -> np.ndarray:
        return np.fromiter(self.searcher.reader().all_doc_ids(), dtype=np.int64)

    def columns(self) -> FacetTable:
        """Facet and date columns by key: this shard's own, behind `counts`,
        `by_date` and `dates` (the search logic never reads them whole)."""
        return self._owner.table_for(self)

    def warm_up(self) -> None:
        self.columns()

    def counts(self, keys=None):
        return self.columns().counts(self.live() if keys is None else keys)

    def by_date(self, keys, k: int, newest: bool = True) -> list[tuple[int, int, str]]:
        found = self.columns().by_date(self.live() if keys is None else keys, k, newest)
        ids = self.doc_ids([key for _day, key in found])
        return [(day, key, doc_id) for (day, key), doc_id in zip(found, ids)]

    def doc_ids(self, keys: list[int]) -> list[str]:
        """The document ids of these keys (no stored document is read)."""
        ids = self.columns().ids
        return [ids[key] for key in keys]

    def dates(self, keys) -> np.ndarray:
        return self.columns().date_start[np.asarray(keys, dtype=np.int64)]

    def latest(self, wanted: list[Wanted]) -> list[tuple[int, Latest | None]]:
        found = []
        for one in wanted:
            keys = self.match(one, LATEST_SECONDS).keys
            newest = self.by_date(keys, 1) if len(keys) else []
            found.append((len(keys), Latest(newest[0][0], self.fetch([newest[0][1]])[0])
                          if newest else None))
        return found

    # -- matching -------------------------------------------------------
    def match(self, wanted: Wanted, seconds: float) -> Matches:
        if isinstance(wanted, Keywords):
            return self._match_keywords(wanted, seconds)
        if wanted.browsing:
            return self._browse(wanted, seconds)
        keys, timed_out = match_set(self.searcher, whoosh_query.match(wanted), seconds)
        excluded = whoosh_query.exclusion(wanted)
        if excluded is not None and len(keys):
            # A set difference, not Whoosh's AndNot (see whoosh_query.match). It
            # gets a time of its own: a partial exclusion would list excluded documents.
            ruled_out, late = match_set(self.searcher, excluded, seconds)
            keys, timed_out = np.setdiff1d(keys, ruled_out, assume_unique=True), timed_out or late
        return Matches(keys, timed_out)

    def _match_keywords(self, wanted: Keywords, seconds: float) -> Matches:
        terms = [Q.Term(fieldname, value) for fieldname, value in wanted.any_of]
        keys, timed_out = match_set(self.searcher, terms[0] if len(terms) == 1
                                    else Q.Or(terms), seconds)
        if wanted.except_id is not None:
            keys = keys[keys != self.searcher.document_number(id=wanted.except_id)]
        return Matches(keys, timed_out)

    def _browse(self, request: SearchRequest, seconds: float) -> Matches:
        """The documents a search without terms lists: every live one, or those
        the filters pass, less those an excluded term rules out."""
        filters = whoosh_query.restriction(request)
        keys, timed_out = (self.live(), False) if filters is None else \
            match_set(self.searcher, filters, seconds)
        excluded = whoosh_query.exclusion(request)
        if excluded is not None and len(keys):
            ruled_out, late = match_set(self.searcher, excluded, seconds)
            keys, timed_out = np.setdiff1d(keys, ruled_out, assume_unique=True), timed_out or late
        return Matches(keys, timed_out)

    # -- ranking --------------------------------------------------------
    def term_stats(self, wanted: Wanted) -> TermStats:
        searcher = self.searcher
        stats = TermStats(doc_count=searcher.doc_count_all())
        query = _ranking_query(wanted)
        if query is None:
            return stats
        for fieldname, text in query.iter_all_terms():
            if searcher.schema[fieldname].scorable:
                stats.doc_frequency[(fieldname, text)] = searcher.doc_frequency(fieldname, text)
                stats.field_length[fieldname] = searcher.field_length(fieldname)
        return stats

    def rank(self, wanted: Wanted, keys: np.ndarray, k: int,
             stats: TermStats | None = None) -> list[tuple[float, int, str]]:
        query = _ranking_query(wanted)
        keys = np.asarray(keys, dtype=np.int64)
        tie_order = self.columns().tie_order
        if stats is None or query is None:
            found = ranking.top_ranked(self.searcher, query, keys, k, tie_order)
        else:
            scoring = _GlobalStatsSearcher(self.searcher, stats)
            try:
                found = ranking.top_ranked(scoring, query, keys, k, tie_order)
            finally:
                scoring.close()
        ids = self.doc_ids([key for _score, key in found])
        return [(score, key, doc_id) for (score, key), doc_id in zip(found, ids)]

    # -- documents ------------------------------------------------------
    def fetch(self, keys) -> list[StoredDoc]:
        fields = stored_fields(self.searcher.reader())
        return [_stored(int(key), fields(int(key))) for key in keys]

    def find(self, doc_id: str) -> StoredDoc | None:
        key = self.searcher.document_number(id=doc_id)
        return None if key is None else self.fetch([key])[0]

    def find_each(self, doc_ids: list[str]) -> list[StoredDoc | None]:
        return [self.find(doc_id) for doc_id in doc_ids]


def _stored(key: int, fields: dict) -> StoredDoc:
    return StoredDoc(key=key, meta=json.loads(fields["meta"]), text=fields["text"])


def _ranking_query(wanted: Wanted) -> Q.Query | None:
    if isinstance(wanted, Keywords):
        return Q.Or([Q.Term(fieldname, value) for fieldname, value in wanted.any_of])
    return whoosh_query.ranking(wanted)


class _GlobalStatsSearcher(searching.Searcher):
    """A searcher over the same reader that scores with statistics given from
    outside (all shards' sum): Whoosh's BM25F reads the document count, a term's
    document frequency and a field's length from the top searcher only."""

    def __init__(self, searcher, stats: TermStats):
        super().__init__(searcher.reader(), weighting=searcher.weighting, closereader=False)
        self._stats = stats
        self._doccount = stats.doc_count
        # Searcher.__init__ copies doc_frequency from the reader onto the
        # instance, where it would hide a method of this class.
        self._own_doc_frequency = self.doc_frequency
        self.doc_frequency = self._global_doc_frequency

    def _subsearcher(self, reader):
        # A segment's searcher (an index of several segments) is a plain one:
        # Whoosh's scorers take every statistic from the top searcher, this one.
        return searching.Searcher(reader, fromindex=self._ix, weighting=self.weighting, parent=self)

    def _global_doc_frequency(self, fieldname, text):
        # Matchers ask with the term as Whoosh stores it (UTF-8 bytes); the
        # statistics are keyed by the text, as any engine would give it.
        word = text.decode("utf-8") if isinstance(text, bytes) else text
        found = self._stats.doc_frequency.get((fieldname, word))
        return self._own_doc_frequency(fieldname, text) if found is None else found

    def field_length(self, fieldname):
        found = self._stats.field_length.get(fieldname)
        return super().field_length(fieldname) if found is None else found
