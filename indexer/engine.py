"""The seam between the archive's search logic and a search engine: the shard interface.

`indexer.search.Index` (facets, drill-down, related documents, officials'
profiles and trails, statistics, examples) asks a shard only what any
full-text engine can answer, so that a Whoosh shard on this machine, shards
spread over a cluster, or another engine can stand behind the same web and
command line:

    match(what, seconds)          -> Matches: the exact set of document keys
    counts(keys)                  -> FacetCounts of a match set (or of every document)
    by_date(keys, k, newest)      -> the first k of a match set by date
    latest(wanted list)           -> per search, its size and newest document
    dates(keys)                   -> each key's first day
    term_stats(request)           -> TermStats: what ranking needs to know of the whole
    rank(what, keys, k, stats)    -> the top k of those keys by score
    fetch(keys) / find(doc_id)    -> stored documents (find_each: of several ids at once)

A key is a shard-local document number. The search logic never reads a whole
column or every key: it asks for counts, the first k, and the documents of a
page, which is all a cluster's shards need to answer without sending their
columns or match sets to the serving process. Totals and facet counts are
computed from match sets, so that shards' counts add up exactly; scores are
computed against `TermStats` that can be summed over shards (`TermStats.__add__`),
so that ranking several shards with their sum orders documents as one index
holding them all would. Equals (same score, same day) are ordered by document
id, never by key: keys depend on the build and the shard count, so an order
by key would give the same search different pages on different builds.
"""
from __future__ import annotations

from collections import Counter
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Hashable, Protocol, Union

import numpy as np

from .facets import FacetCounts, date_order
from .query import SearchRequest


@dataclass(frozen=True)
class Keywords:
    """Documents carrying any of these keyword values, e.g. ("official", folded
    name), ("region", key), ("script", "traditional"); never the one `except_id`."""
    any_of: tuple[tuple[str, str], ...]
    except_id: str | None = None


# What a shard matches and ranks: a parsed search, or a set of keyword values.
Wanted = Union[SearchRequest, Keywords]


@dataclass
class Matches:
    # The match set as the shard keeps it: a local shard's ascending document
    # keys (int64); a cluster's own handle on sets its workers keep. Either
    # way len() is the number of matches, and the search logic only passes it
    # back (to counts, by_date, dates, rank, fetch).
    keys: np.ndarray
    timed_out: bool = False  # then `keys` holds what was found until the time ran out


@dataclass
class StoredDoc:
    key: int
    meta: dict              # the document's metadata as stored (id, title, date, regions, ...)
    text: str               # the cleaned body


@dataclass
class Latest:
    """The newest document a search finds: its first day (0 when undated) and
    the document; among equals, the first by document id."""
    day: int
    doc: StoredDoc

    def sort_key(self, newest: bool = True) -> tuple:
        return (*date_order(self.day, newest), self.doc.meta.get("id", ""))


def merged_latest(answers: list[list[tuple[int, Latest | None]]]) -> list[tuple[int, Latest | None]]:
    """Several shards' `latest` answers (their keys made global) as one index's:
    the counts add up, and the newest is the newest of the shards' newest."""
    merged = []
    for per_shard in zip(*answers):
        newest = min((latest for _count, latest in per_shard if latest is not None),
                     key=Latest.sort_key, default=None)
        merged.append((sum(count for count, _latest in per_shard), newest))
    return merged


def merged_ranks(ranked: list[tuple[float, int, str]], k: int) -> list[tuple[float, int, str]]:
    """Shards' top k by score (their keys made global) as one index's top k:
    highest score first, ties by document id, as `Shard.rank` orders them."""
    return sorted(ranked, key=lambda found: (-found[0], found[2]))[:k]


def merged_by_date(dated: list[tuple[int, int, str]], k: int,
                   newest: bool) -> list[tuple[int, int, str]]:
    """Shards' `by_date` answers (their keys made global) as one index's first k."""
    return sorted(dated, key=lambda found: (*date_order(found[0], newest), found[2]))[:k]


@dataclass
class TermStats:
    """Collection statistics of the terms a ranking uses. Shards' statistics add up."""
    doc_count: int = 0                                        # documents, deleted ones included
    doc_frequency: Counter = field(default_factory=Counter)  # (field, term) -> documents
    field_length: Counter = field(default_factory=Counter)   # field -> total length

    def __add__(self, other: "TermStats") -> "TermStats":
        return TermStats(self.doc_count + other.doc_count,
                         self.doc_frequency + other.doc_frequency,
                         self.field_length + other.field_length)


class ShardUnavailable(Exception):
    """A shard could not answer (its workers stopped, none could open it, none
    answered in time). The message names the shard, never a server path."""


class Shard(Protocol):
    """One shard as it stands for one operation: every call sees one index version."""

    @property
    def version(self) -> Hashable:
        """Changes whenever the shard's documents do (keys caches of match sets)."""

    @property
    def generation(self) -> str:
        """The name of the index generation, for the archive's statistics."""

    def doc_count(self) -> int:
        """Documents the shard holds (not counting replaced or removed ones)."""

    def warm_up(self) -> None:
        """Load what the first search would otherwise pay for (facet and date columns)."""

    def match(self, wanted: Wanted, seconds: float) -> Matches:
        """Exactly the documents a search or a set of keywords finds, unscored."""

    def counts(self, keys=None) -> FacetCounts:
        """Facet counts over a match set; None: over every document the shard holds."""

    def by_date(self, keys, k: int, newest: bool = True) -> list[tuple[int, int, str]]:
        """The first `k` of a match set (None: every document) by date, newest
        or oldest first, as (first day YYYYMMDD, key, document id); undated
        documents (0) last in either order, ties by document id."""

    def dates(self, keys) -> np.ndarray:
        """Each key's first day (YYYYMMDD, 0 when undated), in the order given."""

    def latest(self, wanted: list[Wanted]) -> list[tuple[int, "Latest | None"]]:
        """For each of several searches at once (officials' profiles), how many
        documents it finds and the newest of them; None when it finds none."""

    def term_stats(self, wanted: Wanted) -> TermStats:
        """This shard's statistics of the terms `rank` scores `wanted` with."""

    def rank(self, wanted: Wanted, keys: np.ndarray, k: int,
             stats: TermStats | None = None) -> list[tuple[float, int, str]]:
        """The first `k` of `keys` by score, as (score, key, document id); ties
        and documents no ranking term reaches (score 0) by document id. Scored
        against `stats` when given (all shards' sum), else the shard's own."""

    def fetch(self, keys) -> list[StoredDoc]:
        """The stored documents of these keys (a page, or a whole match set), in the same order."""

    def find(self, doc_id: str) -> StoredDoc | None:
        """The stored document with this id, if the shard holds it."""

    def find_each(self, doc_ids: list[str]) -> list[StoredDoc | None]:
        """`find` of several ids at once (a page's untitled hits: one question, not ten)."""


class ShardStore(Protocol):
    """Where a shard lives: hands out consistent views of it and follows its updates."""

    def reading(self) -> AbstractContextManager[Shard]:
        """The shard as it stands now, kept at that version until the block ends;
        nested blocks in one thread see the same version."""

    def updated_at(self) -> float:
        """When the shard last changed, in seconds since the epoch."""

    def release_this_thread(self) -> None:
        """Let go of what this thread holds open: for a thread that serves no request."""

    def close(self) -> None:
        """Let go of everything held open."""
