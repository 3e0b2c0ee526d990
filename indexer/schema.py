"""The index schema: what is searched, filtered, faceted and stored."""
from __future__ import annotations

import struct
import sys
from array import array
from itertools import accumulate
from operator import sub

from whoosh import columns, fields, formats
from whoosh.system import pack_uint, unpack_uint

from .analysis import (CharBigramTokenizer, CharSetTokenizer, bigram_occurrences,
                       bigram_positions, word_analyzer, word_chars, word_counts)
from .posting_pool import DOCUMENTS, PAIRS

# What an index generation on disk holds, as the code reads it. Raised when a
# change to the schema or the analysis makes older indexes unreadable or wrong;
# a generation of another version is rebuilt, never read (`indexer.format`).
# 2: folded text given to the analyzers; an unscored bigram field with compact
#    positions; `char`.
# 3: posting lists in the lean codec's binary form (`indexer.lean_codec`).
FORMAT_VERSION = 3


class FacetKeywords(fields.KEYWORD):
    """Comma-separated keywords, also kept as a per-document list column.

    The list column is what lets Whoosh count facets over a whole result set
    without re-reading every posting list on each search.
    """

    def __init__(self):
        super().__init__(stored=False, lowercase=False, commas=True, scorable=False)
        self.column_type = columns.VarBytesListColumn()

    def to_column_value(self, value):
        if not value:
            return []
        return [item.strip().encode("utf-8") for item in value.split(",") if item.strip()]

    def from_column_value(self, value):
        return [item.decode("utf-8") for item in value]


class CompactPositions(formats.Positions):
    """Positions as raw 32-bit deltas, not Whoosh's pickled list of them.

    Whoosh pickles each posting's positions (about 14 bytes for one position)
    and unpickles them to check adjacency: for the bigram field, two thirds of
    all postings, that was much of the index's size, of a build's time (one
    pickle.dumps per posting) and of a phrase search's. The frequency is the
    byte length over four, so nothing else is stored.
    """

    def encode(self, poslist):
        deltas = array("I", [poslist[0], *map(sub, poslist[1:], poslist[:-1])])
        if _BIG_ENDIAN:
            deltas.byteswap()
        return deltas.tobytes()

    def decode_positions(self, valuestring):
        deltas = array("I")
        deltas.frombytes(valuestring)
        if _BIG_ENDIAN:
            deltas.byteswap()
        return list(accumulate(deltas))

    def decode_frequency(self, valuestring):
        return len(valuestring) // 4

    def decode_weight(self, valuestring):
        return self.decode_frequency(valuestring) * self.field_boost

    def combine(self, vs):
        return self.encode(sorted({p for v in vs for p in self.decode_positions(v)}))


_BIG_ENDIAN = sys.byteorder == "big"  # the index is written little-endian everywhere


class BigramField(fields.FieldType):
    """Character bigrams with positions, for finding substrings only.

    Not scorable: no field lengths are written or read, since the bigrams only
    decide whether a document matches (jieba words rank). Indexed straight
    from `bigram_positions`, which yields what its analyzer would; the
    build's pool keeps each posting as its position, or list of positions
    (`pooled_terms`, `pooled_postings`: see `indexer.posting_pool`).
    """

    pool_layout = PAIRS
    payload_bytes = 36   # an int object and, when several, a list slot per position

    def __init__(self):
        super().__init__(CompactPositions(), CharBigramTokenizer(), scorable=False)

    def pooled_terms(self, value):
        return bigram_occurrences(value)

    def pooled_postings(self, payloads):
        """Weights and values of postings kept as `bigram_occurrences` gives them."""
        one, encode = _ONE_POSITION.pack, self.format.encode
        weights = array("f", [1.0 if p.__class__ is int else len(p) for p in payloads])
        return weights, [one(p) if p.__class__ is int else encode(p) for p in payloads]

    def pooled_posting(self, payload):
        if payload.__class__ is int:
            return 1.0, _ONE_POSITION.pack(payload)
        return float(len(payload)), self.format.encode(payload)

    def pooled_payload(self, weight, value):
        positions = self.format.decode_positions(value)
        return positions[0] if len(positions) == 1 else positions

    def index(self, value, **kwargs):
        encode, one = self.format.encode, _ONE_POSITION.pack
        for bigram, positions in bigram_positions(value).items():
            if len(positions) == 1:  # most bigrams of a document: no array to build
                yield bigram.encode("utf-8"), 1, 1.0, one(positions[0])
            else:
                yield bigram.encode("utf-8"), len(positions), float(len(positions)), \
                    encode(positions)


_ONE_POSITION = struct.Struct("<I")  # what CompactPositions.encode makes of [p]


class WordsField(fields.TEXT):
    """jieba words with their frequencies (no positions), for ranking.

    Indexed straight from `word_counts`, which yields what its analyzer
    would; the analyzer stays for parsing queries.
    """

    pool_layout = PAIRS   # in the build's pool: each posting's frequency
    payload_bytes = 0     # small ints are shared

    def __init__(self, field_boost: float = 1.0):
        super().__init__(analyzer=word_analyzer(), phrase=False, field_boost=field_boost)

    def pooled_terms(self, value):
        counts = word_counts(value)
        return counts, sum(counts.values())

    def pooled_postings(self, frequencies):
        """As `index`: weight = frequency x field boost, value the frequency."""
        boost = self.format.field_boost
        return array("f", [f * boost for f in frequencies]), [pack_uint(f) for f in frequencies]

    def pooled_posting(self, frequency):
        # The weight as a 4-byte float, as in pooled_postings' array("f")
        return array("f", [frequency * self.format.field_boost])[0], pack_uint(frequency)

    def pooled_payload(self, weight, value):
        return unpack_uint(value)[0]

    def index(self, value, **kwargs):
        # As formats.Frequency.word_values: weight = frequency x field boost.
        boost = self.format.field_boost
        for word, freq in word_counts(value).items():
            yield word.encode("utf-8"), freq, freq * boost, pack_uint(freq)


class CharField(fields.FieldType):
    """Which characters a document holds: one term per character, no positions.

    A one-character query is one posting list here, where in the bigram field
    it was a prefix over every bigram starting with the character (up to
    thousands of posting lists for a common one).
    """

    pool_layout = DOCUMENTS   # in the build's pool: the documents alone
    payload_bytes = 0

    def __init__(self):
        super().__init__(formats.Existence(), CharSetTokenizer(), scorable=False)

    def pooled_terms(self, value):
        chars = word_chars(value)
        return chars, len(chars)

    def index(self, value, **kwargs):
        for ch in word_chars(value):
            yield ch.encode("utf-8"), 1, 1.0, b""


def chars_text(title: str | None, body: str) -> str:
    """What the `chars` field indexes: the title, a line break, the body."""
    return f"{title}\n{body}" if title else body


def build_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        content_hash=fields.ID(stored=False, sortable=True),
        origin=fields.ID(stored=False, sortable=True),
        # Ranking: jieba words of the title and the body.
        title=WordsField(field_boost=3.0),
        words=WordsField(),
        # Recall: character bigrams of title + body with positions, and
        # the single characters of the same text.
        chars=BigramField(),
        char=CharField(),
        # Filters and facets. Region keys include every ancestor.
        region=FacetKeywords(),
        place=fields.KEYWORD(lowercase=False, commas=True, field_boost=2.0),
        official=FacetKeywords(),
        date_bucket=FacetKeywords(),
        # Undated documents read 0 from the column, so they sort last by date.
        date_start=fields.NUMERIC(numtype=int, bits=32, signed=False,
                                  sortable=columns.NumericColumn("I", default=0)),
        date_end=fields.NUMERIC(numtype=int, bits=32, signed=False),
        script=fields.ID(),
        source=fields.ID(),
        # What a hit shows: metadata as JSON and the original text.
        meta=fields.STORED(),
        text=fields.STORED(),
    )
