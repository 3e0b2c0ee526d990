"""One segment's posting lists as numpy arrays: document numbers, weights, positions.

Whoosh walks a posting list one posting at a time through Python matcher
objects (`id()`, `next()`, `skip_to()`, `value_as()`), tens of microseconds
per document once phrases and unions are involved: a broad place name or a
long run of common bigrams cost hundreds of milliseconds on the full corpus.
Here a term's postings are decoded straight into arrays
(`lean_codec.term_blocks`), and what a search needs of them (sets,
intersections, positions lined up, scores) is array arithmetic. Given the
candidates found so far (`among`), blocks that hold none of them are not
even inflated, so intersecting from the rarest term reads little of the
common ones.

Deleted documents (replaced by an incremental reindex) are left out here,
as Whoosh's own segment reader does.
"""
from __future__ import annotations

import weakref

import numpy as np

from .hash_lookup import HashLookup
from .lean_codec import TermBlocks, entry_doc_frequency, term_blocks, term_entry
from .per_reader import PerReader

EMPTY = np.zeros(0, dtype=np.int64)
# Terms-file entries a segment keeps between searches (common words recur);
# past this many they are all forgotten, which costs only lookups again. A
# search asks for a few dozen; an entry with an inlined list can be a few
# hundred bytes, and each thread's searcher has its own readers.
ENTRIES_KEPT = 1024


class SegmentPostings:
    """Array access to the posting lists of one Whoosh segment reader.

    One per open segment reader (`segment_postings`): its match sets and
    its ranking look terms up once, and a term the searches of a thread
    keep asking for (a common word's ranking) is looked up once per segment."""

    def __init__(self, reader):
        # Weakly: this object is the reader's entry in a weak-keyed cache
        # (`segment_postings`), which a strong reference would keep forever.
        self._reader = weakref.ref(reader)
        self._schema = reader.schema
        # The segment's LeanTermsReader; an empty index's reader has none.
        self._terms = getattr(reader, "_terms", None)
        self._lookup = HashLookup.of(self._terms._tindex) if self._terms is not None else None
        deleted = reader.deleted_docs_set if reader.has_deletions() else ()
        self.deleted = np.array(sorted(deleted), dtype=np.int64) if deleted else None
        # Terms-file entries looked up so far, by the term as asked for: a
        # search asks for a term's frequency, its cost and its postings.
        self._entries: dict[tuple[str, object], bytes | None] = {}

    @property
    def reader(self):
        return self._reader()

    def to_bytes(self, fieldname: str, text) -> bytes | None:
        if fieldname not in self._schema:
            return None   # as Whoosh: no such field, no postings
        if isinstance(text, bytes):
            return text
        try:
            return self._schema[fieldname].to_bytes(text)
        except ValueError:
            return None

    def _entry(self, fieldname: str, text) -> bytes | None:
        key = (fieldname, text)
        entries = self._entries
        if key in entries:
            return entries[key]
        tbytes = self.to_bytes(fieldname, text)
        if tbytes is None or self._terms is None:
            entry = None
        elif self._lookup is not None:
            entry = self._lookup.get(self._terms._keycoder(fieldname, tbytes))
        else:
            entry = term_entry(self._terms, fieldname, tbytes)
        if len(entries) >= ENTRIES_KEPT:
            entries.clear()
        entries[key] = entry
        return entry

    def doc_frequency(self, fieldname: str, text) -> int:
        entry = self._entry(fieldname, text)
        return 0 if entry is None else entry_doc_frequency(entry)

    def blocks(self, fieldname: str, text, among: np.ndarray | None = None) -> TermBlocks | None:
        """The term's postings, or those blocks of them that can hold one of `among`."""
        if among is not None and not len(among):
            return None
        entry = self._entry(fieldname, text)
        return None if entry is None else term_blocks(self._terms, entry, among)

    def kept(self, ids: np.ndarray, among: np.ndarray | None) -> np.ndarray | None:
        """A mask of the ids that are live and in `among`; None when all are."""
        keep = None
        if among is not None:
            keep = member(ids, among)
        if self.deleted is not None:
            live = ~member(ids, self.deleted)
            keep = live if keep is None else keep & live
        return keep

    def ids(self, fieldname: str, text, among: np.ndarray | None = None,
            blocks: TermBlocks | None = None) -> np.ndarray:
        """Ascending document numbers of the term (within `among` when given)."""
        blocks = blocks or self.blocks(fieldname, text, among)
        if blocks is None:
            return EMPTY
        ids = blocks.ids()
        keep = self.kept(ids, among)
        return ids if keep is None else ids[keep]

    def weights(self, fieldname: str, text,
                among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, weights) of the term, within `among` when given."""
        blocks = self.blocks(fieldname, text, among)
        if blocks is None:
            return EMPTY, np.zeros(0)
        ids, weights = blocks.ids(), blocks.weights()
        keep = self.kept(ids, among)
        return (ids, weights) if keep is None else (ids[keep], weights[keep])

    def positions(self, blocks: TermBlocks, among: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(document number, position) of every occurrence of a term (its
        `blocks`) in the documents of `among`, ordered by document, then
        position. The field's values are CompactPositions: 32-bit deltas,
        the first absolute."""
        ids = blocks.ids()
        lengths, data = blocks.values()
        counts = lengths // 4
        deltas = np.frombuffer(data, dtype="<u4")
        keep = self.kept(ids, among)
        if keep is not None:
            starts = counts.cumsum() - counts          # each posting's first delta
            ids, counts, starts = ids[keep], counts[keep], starts[keep]
            firsts = counts.cumsum() - counts          # where each starts among those kept
            deltas = deltas[(starts - firsts).repeat(counts) + np.arange(int(counts.sum()))]
        else:
            firsts = counts.cumsum() - counts
        if not len(deltas):
            return EMPTY, EMPTY
        running = deltas.cumsum(dtype=np.int64)
        # Each posting's deltas summed from its own first: less what came before it.
        before = running[firsts] - deltas[firsts]
        return ids.repeat(counts), running - before.repeat(counts)


# The SegmentPostings of a segment reader, made once per reader; it goes with
# the reader, when its searcher is closed.
segment_postings: "PerReader[SegmentPostings]" = PerReader(SegmentPostings)


def member(values: np.ndarray, of: np.ndarray) -> np.ndarray:
    """Which of `values` are in `of`, an ascending array (a mask of `values`)."""
    if not len(of):
        return np.zeros(len(values), dtype=bool)
    at = of.searchsorted(values)
    at[at == len(of)] = 0
    return of[at] == values


def intersect(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Two ascending arrays of distinct numbers: those in both, ascending."""
    if len(a) > len(b):
        a, b = b, a
    if not len(a):
        return EMPTY
    at = b.searchsorted(a)
    at[at == len(b)] = 0
    return a[b[at] == a]


def distinct_sorted(values: np.ndarray) -> np.ndarray:
    """The distinct values of an ascending array (np.unique without its sort)."""
    if not len(values):
        return values
    first = np.empty(len(values), dtype=bool)
    first[0] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return values[first]
