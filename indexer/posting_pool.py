"""A segment writer that pools its postings in memory, grouped by term.

Whoosh's writer puts every posting (field, term, document, weight, value) as
a tuple into an external sort: each one pickled to a run file, read back,
sorted and merged one at a time. For the bigram and character fields, a
couple of hundred postings per document, that was about half of a build's
CPU (pickle.dump and pickle.load per posting, the sort, heapq's merge).

Postings arrive in document order, so within a term they are already
sorted: only the terms need sorting, once, when the segment is written.
When the pool outgrows its memory limit it is written to a run file in
order of terms (a pickle per chunk of terms, never one per posting), and the
runs are merged by term at the end, concatenating each term's postings in run
order, which is document order.

The archive's own fields (`indexer.schema`) say how their postings are kept
(`pool_layout`), since per posting even a tuple or an array append counts:

    "documents"  the term's document numbers only (weight 1, no value):
                 the character field
    "pairs"      document number and the field's own payload, alternating in
                 one list: a frequency (words), a position or a list of them
                 (bigrams); the field turns payloads into weights and values
                 (`pooled_postings`, `pooled_posting` for one) when the
                 segment is written

Any other field keeps Whoosh's posting tuple as arrays of documents and
weights and a list of values (`_Term`).
"""
from __future__ import annotations

import gc
import pickle
from array import array
from bisect import bisect_right
from contextlib import contextmanager
from itertools import accumulate, repeat

from whoosh.util import random_name
from whoosh.writing import SegmentWriter

# Rough bytes of memory per posting (a 4-byte document number, a 4-byte
# weight, a list slot) and per term (its key, arrays and list) in the pool;
# a value's own bytes are added as they come. A list slot is 8 bytes; a
# document number is one int object shared by all its postings.
_POSTING_BYTES = 16
_VALUE_OVERHEAD = 33
_TERM_BYTES = 260
_SLOT_BYTES = 8
_EMPTY = b""
DOCUMENTS, PAIRS = "documents", "pairs"
# A spilled run's pickles hold up to _CHUNK terms and, past their first
# term, up to _CHUNK_SLOTS postings (list slots): a merge holds one chunk of
# every run at once, each posting as an unpickled int object (about 40
# bytes), so a chunk of a dense field's terms (4,096 characters, most in
# thousands of documents) would put most of that field in memory at once.
_CHUNK = 4096
_CHUNK_SLOTS = 65536


class _Term:
    __slots__ = ("ids", "weights", "values")

    def __init__(self):
        self.ids = array("I")
        self.weights = array("f")  # what Whoosh's postings writer keeps, too
        self.values: list[bytes] = []

    def extend(self, more: "_Term") -> None:
        self.ids.extend(more.ids)
        self.weights.extend(more.weights)
        self.values.extend(more.values)


def _term_from(ids: bytes, weights: bytes, values: list) -> _Term:
    term = _Term()
    term.ids.frombytes(ids)
    term.weights.frombytes(weights)
    term.values = values
    return term


class _Chunk:
    """A source's current chunk of terms in a merge, and how far it is merged."""
    __slots__ = ("fieldname", "keys", "postings", "start")

    def __init__(self, chunk):
        self.fieldname, self.keys, self.postings = chunk or (None, None, None)
        self.start = 0


def _chunk_bounds(postings: list):
    """(start, end) of each chunk of a field's sorted postings in a spilled
    run: up to _CHUNK terms, and up to _CHUNK_SLOTS postings but for a
    chunk's first term, which may hold more on its own."""
    if isinstance(postings[0], _Term):
        slots_through = list(accumulate(len(term.ids) for term in postings))
    else:
        slots_through = list(accumulate(map(len, postings)))
    count = len(postings)
    start = before = 0
    while start < count:
        end = bisect_right(slots_through, before + _CHUNK_SLOTS, start + 1,
                           min(start + _CHUNK, count))
        yield start, end
        before, start = slots_through[end - 1], end


class MemoryPostingPool:
    """The postings of one segment, grouped by field and term.

    Offers what Whoosh's SegmentWriter asks of its pool (`add` with a
    posting tuple, as merging a segment in does; `fieldnames`; `cleanup`),
    `add_field` for a document's field at once, `add_pooled` for a field
    with a `pool_layout`, and `terms`, every posting list in order, for
    `PooledSegmentWriter._flush_segment`.
    """

    def __init__(self, tempstore, limitmb: int, schema=None):
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.size = 0
        self.schema = schema
        self.fieldnames: set[str] = set()
        self.fields: dict[str, dict] = {}
        self.runs: list[str] = []

    def _terms(self, fieldname: str) -> dict:
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        layout = self.layout(fieldname)
        if layout is not None:  # a merged segment's posting, in the field's own layout
            key = tbytes.decode("utf-8")
            entry = self._terms(fieldname).get(key)
            if entry is None:
                entry = self.fields[fieldname][key] = []
                self.size += _TERM_BYTES + len(tbytes)
            entry.append(docnum)
            if layout == PAIRS:
                entry.append(self.schema[fieldname].pooled_payload(weight, vbytes))
            self.size += _POSTING_BYTES + _VALUE_OVERHEAD
            if self.size > self.limit:
                self._spill()
            return
        terms = self._terms(fieldname)
        term = terms.get(tbytes)
        if term is None:
            term = terms[tbytes] = _Term()
            self.size += _TERM_BYTES + len(tbytes)
        term.ids.append(docnum)
        term.weights.append(weight)
        if vbytes:
            term.values.append(vbytes)
            self.size += _POSTING_BYTES + _VALUE_OVERHEAD + len(vbytes)
        else:
            term.values.append(_EMPTY)
            self.size += _POSTING_BYTES
        if self.size > self.limit:
            self._spill()

    def layout(self, fieldname: str) -> str | None:
        if self.schema is None or fieldname not in self.schema:
            return None
        return getattr(self.schema[fieldname], "pool_layout", None)

    def add_field(self, fieldname: str, docnum: int, postings, boost: float) -> int:
        """Add one document's postings of one field: (term, freq, weight, value)
        as a field's `index` yields them. Returns the field's length (its
        total frequency). The same as `add` per posting, without a tuple each."""
        terms = self._terms(fieldname)
        size = self.size
        length = 0
        for tbytes, freq, weight, vbytes in postings:
            length += freq
            term = terms.get(tbytes)
            if term is None:
                term = terms[tbytes] = _Term()
                size += _TERM_BYTES + len(tbytes)
            term.ids.append(docnum)
            term.weights.append(weight * boost)
            if vbytes:
                term.values.append(vbytes)
                size += _POSTING_BYTES + _VALUE_OVERHEAD + len(vbytes)
            else:
                term.values.append(_EMPTY)
                size += _POSTING_BYTES
        self.size = size
        if size > self.limit:
            self._spill()
        return length

    def add_pooled(self, fieldname: str, layout: str, docnum: int, terms, payload_bytes: int,
                   length: int) -> None:
        """Add one document's terms of a field with a `pool_layout`: its
        distinct terms (DOCUMENTS), or term -> payload (PAIRS). `length`
        units of payload take `payload_bytes` each."""
        pooled = self._terms(fieldname)
        new = 0
        if layout == DOCUMENTS:
            for term in terms:
                entry = pooled.get(term)
                if entry is None:
                    pooled[term] = [docnum]
                    new += 1
                else:
                    entry.append(docnum)
            slots = len(terms)
        else:
            for term, payload in terms.items():
                entry = pooled.get(term)
                if entry is None:
                    pooled[term] = [docnum, payload]
                    new += 1
                else:
                    entry.append(docnum)
                    entry.append(payload)
            slots = 2 * len(terms)
        self.size += new * _TERM_BYTES + slots * _SLOT_BYTES + length * payload_bytes
        if self.size > self.limit:
            self._spill()

    def _sorted_terms(self):
        """(fieldname, term, postings) of the pool in memory, in order."""
        for fieldname, keys, postings in self._memory_chunks():
            yield from zip(repeat(fieldname), keys, postings)

    def _spill(self) -> None:
        # A run holds each field's terms in order, in chunks of _CHUNK terms:
        # one pickle per chunk (C loops over its lists), not one per term.
        name = f"{random_name()}.run"
        dump = pickle.dump
        with self.tempstore.create_file(name).raw_file() as handle:
            for fieldname, keys, postings in self._memory_chunks():
                for start, end in _chunk_bounds(postings):
                    part = postings[start:end]
                    if isinstance(part[0], _Term):
                        part = [(t.ids.tobytes(), t.weights.tobytes(), t.values) for t in part]
                    dump((fieldname, keys[start:end], part), handle, pickle.HIGHEST_PROTOCOL)
        self.runs.append(name)
        self.fields = {}
        self.size = 0

    def _memory_chunks(self):
        """(fieldname, sorted terms, their postings) for each field in memory, in order."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            if not terms:   # a field every document so far left empty
                continue
            # A pooled field's terms are str: in code point order, which is
            # the order of their UTF-8 bytes.
            keys = sorted(terms)
            yield fieldname, keys, list(map(terms.__getitem__, keys))

    def _read_run(self, name: str):
        """The chunks `_spill` wrote, in order."""
        with self.tempstore.open_file(name).raw_file() as handle:
            while True:
                try:
                    fieldname, keys, postings = pickle.load(handle)
                except EOFError:
                    return
                if postings and isinstance(postings[0], tuple):
                    postings = [_term_from(*parts) for parts in postings]
                yield fieldname, keys, postings

    def terms(self):
        """(fieldname, term, postings) for every term, sorted by field and
        term, each with all its postings in document order: a `_Term`, or a
        list in the field's `pool_layout` (str terms)."""
        if not self.runs:
            yield from self._sorted_terms()
            return
        # Merged a window of terms at a time: up to the smallest last term of
        # the sources' current chunks, every source's terms are at hand. The
        # window is merged with dicts and one sort (C loops); only a term in
        # several sources is touched in Python, to join its postings in
        # source order: the runs in document order, then what is in memory.
        sources = [self._read_run(name) for name in self.runs] + [self._memory_chunks()]
        heads = [_Chunk(next(source, None)) for source in sources]
        while True:
            fields = [head.fieldname for head in heads if head.keys is not None]
            if not fields:
                return
            fieldname = min(fields)
            active = [i for i, head in enumerate(heads) if head.fieldname == fieldname]
            bound = min(heads[i].keys[-1] for i in active)
            merged: dict = {}
            for i in active:
                head = heads[i]
                end = bisect_right(head.keys, bound, head.start)
                window = dict(zip(head.keys[head.start:end], head.postings[head.start:end]))
                for key in merged.keys() & window.keys():
                    earlier = merged[key]
                    earlier.extend(window[key])
                    window[key] = earlier
                merged.update(window)
                if end < len(head.keys):
                    head.start = end
                else:
                    heads[i] = _Chunk(next(sources[i], None))
            for key in sorted(merged):
                yield fieldname, key, merged[key]

    def cleanup(self) -> None:
        for name in self.runs:
            try:
                self.tempstore.delete_file(name)
            except OSError:
                pass
        self.runs = []
        self.fields = {}


class PooledSegmentWriter(SegmentWriter):
    """Whoosh's SegmentWriter with postings pooled in memory by term.

    Field lengths, which Whoosh looked up once per posting as it wrote it,
    are read once per document and scored field. Documents and fields carry
    no boosts of their own (the archive gives none; the schema's field
    boosts apply as usual).
    """

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        for name, field in self.schema.items():
            # What add_document below leaves out; the archive's schema has neither.
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r} has vectors or spelling, which this writer "
                                 "does not write")
        self.pool = MemoryPostingPool(self._tempstorage, limitmb, self.schema)

    def add_document(self, **fields):
        # As SegmentWriter.add_document, without vectors and spelling words,
        # and adding each field's postings to the pool in one call.
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        if len(fieldnames) < len(fields) and any(name.endswith("boost") for name in fields):
            raise ValueError("this writer takes no document or field boosts")
        self._check_fields(schema, fieldnames)
        pool = self.pool
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    layout = getattr(field, "pool_layout", None)
                    if layout is None:
                        total = pool.add_field(fieldname, docnum, field.index(value), 1.0)
                    else:
                        terms, total = field.pooled_terms(value)
                        pool.add_pooled(fieldname, layout, docnum, terms, field.payload_bytes,
                                        total)
                    if field.scorable:
                        length = total
                customval = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, customval if field.stored else None,
                                       length)
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(fieldname, column,
                                                  field.to_column_value(customval))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            with without_cyclic_gc():
                write_postings(self.fieldwriter, self.schema, lengths, self.pool.terms())
        finally:
            lengths.close()
        self.fieldwriter.close()


@contextmanager
def without_cyclic_gc():
    """Python's cycle collector off for a while, as it was after.

    A pool is millions of lists that never form cycles, and writing a
    segment makes hundreds of thousands of tuples more; each full collection
    walked them all for nothing: a quarter of writing a segment's CPU, and a
    spilled run's chunks (loaded whole) three times slower to read. Plain
    reference counting still frees everything as it goes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_postings(fieldwriter, schema, lengths, terms) -> None:
    """Write grouped posting lists through a Whoosh field writer: whole lists
    where it takes them (`LeanFieldWriter.add_term`, `add_one`), else a
    posting at a time."""
    doccount = lengths.doc_count_all()
    lean = hasattr(fieldwriter, "add_term")
    current = None
    for fieldname, key, postings in terms:
        if fieldname != current:
            if current is not None:
                fieldwriter.finish_field()
            current = fieldname
            field = schema[fieldname]
            fieldwriter.start_field(fieldname, field)
            field_lengths = None
            if field.scorable:
                field_lengths = [lengths.doc_field_length(d, fieldname) for d in range(doccount)]
            layout = getattr(field, "pool_layout", None)
        if layout is None:
            tbytes, ids, weights, values = key, postings.ids, postings.weights, postings.values
        else:
            tbytes = key.encode("utf-8")
            if layout == DOCUMENTS:
                if lean and len(postings) == 1:  # most terms: no lists to build
                    fieldwriter.add_one(tbytes, postings[0], 1.0, None)
                    continue
                ids, weights, values = postings, array("f", [1.0]) * len(postings), None
            else:
                if lean and len(postings) == 2:
                    docnum = postings[0]
                    weight, value = field.pooled_posting(postings[1])
                    fieldwriter.add_one(tbytes, docnum, weight, value,
                                        field_lengths[docnum] if field_lengths else 0)
                    continue
                ids = postings[0::2]
                weights, values = field.pooled_postings(postings[1::2])
        if lean:
            fieldwriter.add_term(tbytes, ids, weights, values,
                                 None if field_lengths is None else [field_lengths[d] for d in ids])
            continue
        fieldwriter.start_term(tbytes)
        add = fieldwriter.add
        values = values or [_EMPTY] * len(ids)
        if field_lengths is None:
            for docnum, weight, value in zip(ids, weights, values):
                add(docnum, weight, value, 0)
        else:
            for docnum, weight, value in zip(ids, weights, values):
                add(docnum, weight, value, field_lengths[docnum])
        fieldwriter.finish_term()
    if current is not None:
        fieldwriter.finish_field()
