"""A segment writer that pools its postings in memory, grouped by term.

Whoosh's writer puts every posting (field, term, document, weight, value) as
a tuple into an external sort: each one pickled to a run file, read back,
sorted and merged one at a time. For the bigram and character fields, a
couple of hundred postings per document, that was about half of a build's
CPU (pickle.dump and pickle.load per posting, the sort, heapq's merge).

Postings arrive in document order, so within a term they are already
sorted: only the terms need sorting, once, when the segment is written.
Here each term keeps arrays of its document numbers and weights and a list
of its values. When the pool outgrows its memory limit it is written to a
run file term by term (one pickle per term, not per posting), and the runs
are merged by term at the end, concatenating each term's postings in run
order, which is document order.
"""
from __future__ import annotations

import heapq
import pickle
from array import array
from itertools import groupby
from operator import itemgetter

from whoosh.util import random_name
from whoosh.writing import SegmentWriter

# Rough bytes of memory per posting (a 4-byte document number, a 4-byte
# weight, a list slot) and per term (its key, arrays and list) in the pool;
# a value's own bytes are added as they come.
_POSTING_BYTES = 16
_VALUE_OVERHEAD = 33
_TERM_BYTES = 260
_EMPTY = b""


class _Term:
    __slots__ = ("ids", "weights", "values")

    def __init__(self):
        self.ids = array("I")
        self.weights = array("f")  # what Whoosh's postings writer keeps, too
        self.values: list[bytes] = []


class MemoryPostingPool:
    """The postings of one segment, grouped by field and term.

    Offers what Whoosh's SegmentWriter asks of its pool (`add` with a
    posting tuple, as merging a segment in does; `fieldnames`; `cleanup`),
    `add_field` for a document's field at once, and `terms`, every posting
    list in order, for `PooledSegmentWriter._flush_segment`.
    """

    def __init__(self, tempstore, limitmb: int):
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.size = 0
        self.fieldnames: set[str] = set()
        self.fields: dict[str, dict[bytes, _Term]] = {}
        self.runs: list[str] = []

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
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

    def add_field(self, fieldname: str, docnum: int, postings, boost: float) -> int:
        """Add one document's postings of one field: (term, freq, weight, value)
        as a field's `index` yields them. Returns the field's length (its
        total frequency). The same as `add` per posting, without a tuple each."""
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
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

    def _sorted_terms(self):
        """(fieldname, term bytes, _Term) of the pool in memory, in order."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for tbytes in sorted(terms):
                yield fieldname, tbytes, terms[tbytes]

    def _spill(self) -> None:
        name = f"{random_name()}.run"
        with self.tempstore.create_file(name).raw_file() as handle:
            for fieldname, tbytes, term in self._sorted_terms():
                pickle.dump((fieldname, tbytes, term.ids.tobytes(), term.weights.tobytes(),
                             term.values), handle, pickle.HIGHEST_PROTOCOL)
        self.runs.append(name)
        self.fields = {}
        self.size = 0

    def _read_run(self, name: str):
        with self.tempstore.open_file(name).raw_file() as handle:
            while True:
                try:
                    fieldname, tbytes, ids, weights, values = pickle.load(handle)
                except EOFError:
                    return
                term = _Term()
                term.ids.frombytes(ids)
                term.weights.frombytes(weights)
                term.values = values
                yield fieldname, tbytes, term

    def terms(self):
        """(fieldname, term bytes, _Term) for every term, sorted by field and
        term, each with all its postings in document order."""
        if not self.runs:
            yield from self._sorted_terms()
            return
        # Runs are in document order, then what is still in memory: equal keys
        # come out of the merge in that order (heapq.merge is stable).
        sources = [self._read_run(name) for name in self.runs] + [self._sorted_terms()]
        merged = heapq.merge(*sources, key=itemgetter(0, 1))
        for _key, group in groupby(merged, key=itemgetter(0, 1)):
            fieldname, tbytes, term = next(group)
            for _f, _t, more in group:
                term.ids.extend(more.ids)
                term.weights.extend(more.weights)
                term.values.extend(more.values)
            yield fieldname, tbytes, term

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
    are read once per document and scored field.
    """

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        for name, field in self.schema.items():
            # What add_document below leaves out; the archive's schema has neither.
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r} has vectors or spelling, which this writer "
                                 "does not write")
        self.pool = MemoryPostingPool(self._tempstorage, limitmb)

    def add_document(self, **fields):
        # As SegmentWriter.add_document, without vectors and spelling words,
        # and adding each field's postings to the pool in one call.
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, fieldname, docboost)
                    total = self.pool.add_field(fieldname, docnum, field.index(value), boost)
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
            write_postings(self.fieldwriter, self.schema, lengths, self.pool.terms())
        finally:
            lengths.close()
        self.fieldwriter.close()


def write_postings(fieldwriter, schema, lengths, terms) -> None:
    """Write grouped posting lists through a Whoosh field writer: whole lists
    where it takes them (`LeanFieldWriter.add_term`), else a posting at a time."""
    doccount = lengths.doc_count_all()
    add_term = getattr(fieldwriter, "add_term", None)
    current = None
    for fieldname, tbytes, term in terms:
        if fieldname != current:
            if current is not None:
                fieldwriter.finish_field()
            current = fieldname
            field = schema[fieldname]
            fieldwriter.start_field(fieldname, field)
            field_lengths = None
            if field.scorable:
                field_lengths = [lengths.doc_field_length(d, fieldname) for d in range(doccount)]
        if add_term is not None:
            add_term(tbytes, term.ids, term.weights, term.values,
                     None if field_lengths is None else [field_lengths[d] for d in term.ids])
            continue
        fieldwriter.start_term(tbytes)
        add = fieldwriter.add
        if field_lengths is None:
            for docnum, weight, value in zip(term.ids, term.weights, term.values):
                add(docnum, weight, value, 0)
        else:
            for docnum, weight, value in zip(term.ids, term.weights, term.values):
                add(docnum, weight, value, field_lengths[docnum])
        fieldwriter.finish_term()
    if current is not None:
        fieldwriter.finish_field()
