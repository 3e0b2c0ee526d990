"""Whoosh's W3 codec with posting lists in a lean binary form.

W3 pickles each block of postings (protocol 2, where every bytes value
becomes a call to `_codecs.encode` with its text in latin-1) and each inlined
posting list in the terms file: the bigram field's inlined lists, most of its
terms, cost about 95 bytes for one or two postings, and pickling them was a
large share of writing a segment. Here a list of postings is arrays:

    flags (1 byte), document number deltas ('H' or 'I'), weights (none when
    all 1.0, one byte each when small whole numbers, else 'f'), value
    lengths (none when there are no values, one when all have one length,
    else 'H' or 'I' each), the values one after another

little-endian, the same inline (in the terms file) and in blocks of the
postings file (deflated when that is smaller). A term's statistics keep W3's
header for lists in the postings file, and only what the postings cannot
tell for inlined ones; block headers are a fixed struct instead of a pickle. Everything else is W3's own:
the terms file, the per-document columns, the segment.

The writer takes whole posting lists (`LeanFieldWriter.add_term`, and
`add_one` for the many terms with one posting), which the in-memory pool
(`indexer.posting_pool`) holds already grouped, and writes the terms file
through `TermsTable`: W3's file, byte for byte, written in bulk.
"""
from __future__ import annotations

import hashlib
import struct
import sys
import zlib
from array import array
from collections import OrderedDict
from itertools import accumulate
from operator import sub

import numpy as np
from whoosh.codec.whoosh3 import (W3Codec, W3FieldCursor, W3FieldWriter, W3LeafMatcher,
                                  W3TermInfo, W3TermsReader)
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.matching import ListMatcher
from whoosh.reading import TermNotFound
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

_LITTLE = sys.byteorder == "little"
_HEADER = W3TermInfo._struct          # flags, weight, df, min/max length, max weight, min/max id
_POINTER = struct.Struct("<qI")        # a posting list's offset and length in the postings file
_INLINE = struct.Struct("<BBBB")       # flags, min/max length bytes, count of an inlined list
_INLINED = 2
_BLOCK = struct.Struct("<iHIfBBB")     # ±length after this int, count, max id, max weight,
                                       # min/max length bytes, deflated?
_BLOCK_AFTER_LENGTH = _BLOCK.size - 4

# flags of an encoded list of postings
_IDS_SHORT = 1          # deltas fit 'H'
_WEIGHTS_ONE = 0        # bits 1-2: every weight 1.0
_WEIGHTS_BYTE = 2       #           whole numbers 0-255, one byte each
_WEIGHTS_FLOAT = 4      #           'f' each
_VALUES_NONE = 0        # bits 3-4: no values
_VALUES_SAME = 8        #           one length ('I') for all
_VALUES_SHORT = 16      #           a length ('H') each
_VALUES_LONG = 24       #           a length ('I') each
_DEFLATE_LEVEL = 3      # W3's own


def _bytes(kind: str, numbers) -> bytes:
    packed = array(kind, numbers)
    if not _LITTLE:
        packed.byteswap()
    return packed.tobytes()


def _numbers(kind: str, data, start: int, count: int) -> tuple[array, int]:
    packed = array(kind)
    end = start + count * packed.itemsize
    packed.frombytes(data[start:end])
    if not _LITTLE:
        packed.byteswap()
    return packed, end


def encode_postings(ids, weights, values) -> bytes:
    """One list of postings: ascending document numbers, float weights, and
    bytes values, all empty or None (a format without values) or none."""
    if len(ids) == 1:  # most terms of a segment
        return _encode_one(ids[0], weights[0], values[0] if values else None)
    deltas = [ids[0], *map(sub, ids[1:], ids[:-1])]
    flags = _IDS_SHORT if max(deltas) < 0x10000 else 0
    parts = [b"", _bytes("H" if flags & _IDS_SHORT else "I", deltas)]
    if weights.count(1.0) == len(weights):
        flags |= _WEIGHTS_ONE
    elif min(weights) >= 0 and max(weights) < 256 and all(map(float.is_integer, weights)):
        flags |= _WEIGHTS_BYTE
        parts.append(bytes(map(int, weights)))
    else:
        flags |= _WEIGHTS_FLOAT
        parts.append(_bytes("f", weights))
    try:  # C loops where every value is bytes, as the pool's are
        lengths = list(map(len, values)) if values else [0]
    except TypeError:  # None among them
        lengths = [len(v) if v else 0 for v in values]
    longest = max(lengths)
    if longest == 0:
        flags |= _VALUES_NONE
    elif min(lengths) == longest:
        flags |= _VALUES_SAME
        parts.append(_bytes("I", [longest]))
    else:
        flags |= _VALUES_SHORT if longest < 0x10000 else _VALUES_LONG
        parts.append(_bytes("H" if longest < 0x10000 else "I", lengths))
    if longest:
        parts.append(b"".join([v or b"" for v in values]) if None in values
                     else b"".join(values))
    parts[0] = bytes((flags,))
    return b"".join(parts)


def _encode_one(docnum: int, weight: float, value: bytes) -> bytes:
    """What encode_postings makes of one posting, without building lists."""
    short = docnum < 0x10000
    flags = _IDS_SHORT if short else 0
    parts = [b"", (_SHORT if short else _LONG).pack(docnum)]
    if weight != 1.0:
        if weight.is_integer() and 0 <= weight < 256:
            flags |= _WEIGHTS_BYTE
            parts.append(bytes((int(weight),)))
        else:
            flags |= _WEIGHTS_FLOAT
            parts.append(_FLOAT.pack(weight))
    if value:
        flags |= _VALUES_SAME
        parts += [_LONG.pack(len(value)), value]
    parts[0] = bytes((flags,))
    return b"".join(parts)


_SHORT, _LONG, _FLOAT = struct.Struct("<H"), struct.Struct("<I"), struct.Struct("<f")
_ONE_SHORT = struct.Struct("<BBBBBH")          # _INLINE, flags, document
_ONE_SHORT_VALUE = struct.Struct("<BBBBBHI")   # _INLINE, flags, document, value length


class DecodedPostings:
    """A list of postings as `encode_postings` wrote it, decoded part by part
    (a match set reads only the document numbers)."""

    __slots__ = ("data", "count", "flags", "_after_ids", "_after_weights")

    def __init__(self, data, count: int):
        self.data, self.count, self.flags = data, count, data[0]
        self._after_ids = self._after_weights = None

    def ids(self) -> tuple[int, ...]:
        kind = "H" if self.flags & _IDS_SHORT else "I"
        deltas, self._after_ids = _numbers(kind, self.data, 1, self.count)
        return tuple(accumulate(deltas))

    def weights(self) -> array:
        if self._after_ids is None:
            self.ids()
        start, code = self._after_ids, self.flags & 6
        if code == _WEIGHTS_ONE:
            self._after_weights = start
            return array("f", [1.0]) * self.count
        if code == _WEIGHTS_BYTE:
            self._after_weights = start + self.count
            return array("f", list(self.data[start:start + self.count]))
        weights, self._after_weights = _numbers("f", self.data, start, self.count)
        return weights

    def values(self) -> tuple:
        if self._after_weights is None:
            self.weights()
        start, code, count = self._after_weights, self.flags & 24, self.count
        if code == _VALUES_NONE:
            return (None,) * count
        if code == _VALUES_SAME:
            (size,), start = _numbers("I", self.data, start, 1)
            lengths = [size] * count
        else:
            lengths, start = _numbers("H" if code == _VALUES_SHORT else "I", self.data, start,
                                      count)
        data, values = self.data, []
        for size in lengths:
            values.append(data[start:start + size])
            start += size
        return tuple(values)


class LeanTermInfo(W3TermInfo):
    """A term's statistics and where its postings are.

    A list in the postings file keeps W3's header (flags 0, total weight,
    document frequency, min/max length bytes, max weight, first and last
    document) and a pointer. An inlined list, most terms, keeps only what
    its postings cannot tell: flags 2, the min/max length bytes and the count;
    the rest is computed from the postings when read.
    """

    def to_bytes(self) -> bytes:
        minlength = 0 if self._minlength is None else length_to_byte(self._minlength)
        maxlength = length_to_byte(self._maxlength)
        if self._inlined is not None:
            return _INLINE.pack(_INLINED, minlength, maxlength, self._df) + self._inlined
        return _HEADER.pack(0, self._weight, self._df, minlength, maxlength, self._maxweight,
                            0xFFFFFFFF if self._minid is None else self._minid,
                            0xFFFFFFFF if self._maxid is None else self._maxid) \
            + _POINTER.pack(self._offset, self._length)

    @classmethod
    def from_bytes(cls, data):
        info = cls()
        if data[0] == _INLINED:
            _flags, minlength, maxlength, count = _INLINE.unpack_from(data)
            info._inlined = bytes(data[_INLINE.size:])
            info._df = count
            ids, weights, _values = info.inlined_postings()
            info._weight, info._maxweight = sum(weights), max(weights)
            info._minid, info._maxid = ids[0], ids[-1]
        else:
            (_flags, info._weight, info._df, minlength, maxlength, info._maxweight, minid,
             maxid) = _HEADER.unpack_from(data)
            info._minid = None if minid == 0xFFFFFFFF else minid
            info._maxid = None if maxid == 0xFFFFFFFF else maxid
            info._offset, info._length = _POINTER.unpack_from(data, _HEADER.size)
        info._minlength, info._maxlength = byte_to_length(minlength), byte_to_length(maxlength)
        return info

    def inlined_postings(self):
        if not isinstance(self._inlined, bytes):
            return self._inlined  # decoded already
        postings = DecodedPostings(self._inlined, self._df)
        self._inlined = (postings.ids(), postings.weights(), postings.values())
        return self._inlined


class LeanCodec(W3Codec):
    """W3 with lean posting lists; `inlinelimit`: lists shorter than this
    are kept in the terms file."""

    def __init__(self, blocklimit: int = 128, inlinelimit: int = 8):
        if not (1 <= inlinelimit <= 256 and 1 <= blocklimit < 0x10000):
            raise ValueError("an inlined list's count and a block's are kept in one and two bytes")
        super().__init__(blocklimit=blocklimit, inlinelimit=inlinelimit)

    def field_writer(self, storage, segment):
        return LeanFieldWriter(self, storage, segment)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            return ListMatcher(ids, weights, values, format_, scorer=scorer, term=term,
                               terminfo=terminfo)
        offset, length = terminfo.extent()
        return LeanLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)

    def terms_reader(self, storage, segment):
        name = segment.make_filename(self.TERMS_EXT)
        return LeanTermsReader(self, storage.open_file(name), storage.file_length(name),
                               segment.open_file(storage, self.POSTS_EXT))


class LeanFieldWriter(W3FieldWriter):
    """Writes whole posting lists (`add_term`, `add_one`); Whoosh's
    posting-at-a-time calls (start_term, add, finish_term) gather one list
    and write it so."""

    def __init__(self, codec, storage, segment):
        # As W3FieldWriter's, with the terms file written by TermsTable.
        self._codec, self._storage, self._segment = codec, storage, segment
        self._fieldname = self._fieldid = self._btext = self._fieldobj = self._format = None
        self._tindex = TermsTable(self._create_file(W3Codec.TERMS_EXT))
        self._fieldmap = self._tindex.extras["fieldmap"] = {}
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def start_term(self, btext):
        self._btext = btext
        self._gathered = ([], [], [], [])

    def add(self, docnum, weight, vbytes, length):
        for column, item in zip(self._gathered, (docnum, weight, vbytes, length)):
            column.append(item)

    def finish_term(self):
        ids, weights, values, lengths = self._gathered
        self.add_term(self._btext, ids, array("f", weights), values, lengths)

    def add_one(self, btext: bytes, docnum: int, weight: float, value: bytes | None,
                length: int = 0) -> None:
        """A term with one posting (most terms of a segment): what `add_term`
        writes of it, without lists or a term info; `length` is the
        document's field length (0 for a field without lengths)."""
        if self._codec._inlinelimit <= 1:
            self.add_term(btext, [docnum], [weight], [value], [length] if length else None)
            return
        lengthbyte = length_to_byte(length) if length else 0
        if weight == 1.0 and docnum < 0x10000:
            # The commonest shapes in one pack: _INLINE, then what _encode_one makes
            if value:
                entry = _ONE_SHORT_VALUE.pack(_INLINED, lengthbyte, lengthbyte, 1,
                                              _IDS_SHORT | _VALUES_SAME, docnum, len(value)) + value
            else:
                entry = _ONE_SHORT.pack(_INLINED, lengthbyte, lengthbyte, 1, _IDS_SHORT, docnum)
        else:
            entry = _INLINE.pack(_INLINED, lengthbyte, lengthbyte, 1) \
                + _encode_one(docnum, weight, value)
        self._tindex.add(self._fieldkey + btext, entry)

    def start_field(self, fieldname, fieldobj):
        super().start_field(fieldname, fieldobj)
        self._fieldkey = pack_ushort(self._fieldid)

    def add_term(self, btext: bytes, ids, weights, values, lengths=None) -> None:
        """One term's postings, ascending by document; `lengths` are the
        documents' field lengths (None for a field without them); `values`
        None for a format without values."""
        if len(ids) < self._codec._inlinelimit:
            # What LeanTermInfo.to_bytes makes of an inlined list, without
            # the statistics only a list in the postings file keeps.
            minlength, maxlength = _length_range(lengths)
            self._tindex.add(self._fieldkey + btext,
                             _INLINE.pack(_INLINED, length_to_byte(minlength),
                                          length_to_byte(maxlength), len(ids))
                             + encode_postings(ids, weights, values))
            return
        info = LeanTermInfo()
        info._df = len(ids)
        info._weight = sum(weights)
        info._maxweight = max(weights)
        info._minid, info._maxid = ids[0], ids[-1]
        info._minlength, info._maxlength = _length_range(lengths)
        info._offset = self._postfile.tell()
        self._write_blocks(ids, weights, values, lengths)
        info._length = self._postfile.tell() - info._offset
        self._tindex.add(self._fieldkey + btext, info.to_bytes())

    def _write_blocks(self, ids, weights, values, lengths) -> None:
        size = self._codec._blocklimit
        write = self._postfile.write
        for start in range(0, len(ids), size):
            end = min(start + size, len(ids))
            block_weights = weights[start:end]
            data = encode_postings(ids[start:end], block_weights,
                                   values[start:end] if values else None)
            deflated = zlib.compress(data, _DEFLATE_LEVEL, wbits=-15)
            if len(deflated) < len(data):
                data = deflated
            minlength, maxlength = _length_range(lengths[start:end] if lengths else None)
            length = _BLOCK_AFTER_LENGTH + len(data)
            write(_BLOCK.pack(-length if end == len(ids) else length, end - start, ids[end - 1],
                              max(block_weights),
                              0 if minlength is None else length_to_byte(minlength),
                              length_to_byte(maxlength), data is deflated))
            write(data)


def _length_range(lengths) -> tuple[int | None, int]:
    """Shortest and longest field length, as W3 keeps them: zero lengths
    (fields without lengths) count for neither."""
    if not lengths:
        return None, 0
    present = [n for n in lengths if n]
    return (min(present), max(present)) if present else (None, 0)


class TermsTable(OrderedHashWriter):
    """Whoosh's ordered hash file of terms (what OrderedHashReader reads),
    byte for byte, written in bulk.

    Whoosh's writer asks the file for its position twice per term and writes
    each term in three calls: at hundreds of thousands of terms a segment,
    that was a large share of writing one. Here positions are counted, the
    entries go out in batches, and each hash table in one write.
    """

    _BATCH = 4096   # entries between writes

    def __init__(self, dbfile):
        super().__init__(dbfile)
        self._at = dbfile.tell()
        self._positions: list[int] = []
        self._pending: list[bytes] = []

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        at = self._at
        self._positions.append(at)
        self._pending.append(_ENTRY_LENGTHS.pack(len(key), len(value)) + key + value)
        self._at = at + 8 + len(key) + len(value)
        # filetables.md5_hash: the low 32 bits of the key's MD5
        h = int.from_bytes(hashlib.md5(key, usedforsecurity=False).digest()[12:], "big")
        self.buckets[h & 255].append((h, at))
        self.lastkey = key
        if len(self._pending) >= self._BATCH:
            self._write_pending()

    def tell(self) -> int:
        return self._at

    def _write_pending(self) -> None:
        self.dbfile.write(b"".join(self._pending))
        self._pending = []

    def _write_hashes(self):
        # As HashWriter._write_hashes, each table in one write.
        self._write_pending()
        dbfile, pack, null = self.dbfile, _HASH_POINTER.pack, _HASH_POINTER.pack(0, 0)
        for entries in self.buckets:
            numslots = 2 * len(entries)
            self.directory.append((dbfile.tell(), numslots))
            table = [None] * numslots
            for entry in entries:
                slot = (entry[0] >> 8) % numslots
                while table[slot] is not None:
                    slot = (slot + 1) % numslots
                table[slot] = entry
            dbfile.write(b"".join([null if entry is None else pack(*entry) for entry in table]))

    def _write_extras(self):
        # The key positions as the GrowableArray Whoosh appends them to ends up:
        # the narrowest of its types that holds the last (largest) one.
        last = self._positions[-1] if self._positions else 0
        kind = "H" if last < 2 ** 16 else "i" if last < 2 ** 31 else "I" if last < 2 ** 32 \
            else "q"
        self.index.array = array(kind, self._positions)
        super()._write_extras()


_ENTRY_LENGTHS = struct.Struct("!ii")   # filetables._lengths
_HASH_POINTER = struct.Struct("!Iq")    # filetables._pointer


class LeanTermsReader(W3TermsReader):
    # W3 reads these at fixed offsets of its header, which inlined lists
    # lack. A missing term raises KeyError, as there: readers answer it with 0.
    def frequency(self, fieldname, tbytes):
        return LeanTermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)]).weight()

    def doc_frequency(self, fieldname, tbytes):
        data = self._tindex[self._keycoder(fieldname, tbytes)]
        return data[3] if data[0] == _INLINED else LeanTermInfo.from_bytes(data).doc_frequency()

    def term_info(self, fieldname, tbytes):
        try:
            return LeanTermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)])
        except KeyError:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}") from None

    def items(self):
        decode = self._keydecoder
        return ((decode(key), LeanTermInfo.from_bytes(value))
                for key, value in self._tindex.items())

    def items_from(self, fieldname, prefix):
        decode = self._keydecoder
        return ((decode(key), LeanTermInfo.from_bytes(value))
                for key, value in self._tindex.items_from(self._keycoder(fieldname, prefix)))

    def cursor(self, fieldname, fieldobj):
        return LeanFieldCursor(self._tindex, fieldname, self._keycoder, self._keydecoder,
                               fieldobj)


class LeanFieldCursor(W3FieldCursor):
    def term_info(self):
        if self._pos is None:
            return None
        return LeanTermInfo.from_bytes(self._tindex.dbfile.get(self._datapos, self._datalen))


class LeanLeafMatcher(W3LeafMatcher):
    """W3's block-by-block matcher over lean blocks (no magic before the first)."""

    def _read_header(self):
        self._baseoffset = self._startoffset

    def _goto(self, position):
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        head = self._postfile.get(position, _BLOCK.size)
        (length, self._blocklength, self._maxid, self._maxweight, minlength, maxlength,
         self._compression) = _BLOCK.unpack(head)
        self._lastblock = length < 0
        self._nextoffset = position + 4 + abs(length)
        self._dataoffset = position + _BLOCK.size
        self._minlength, self._maxlength = byte_to_length(minlength), byte_to_length(maxlength)

    def _read_data(self):
        data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        if self._compression:
            data = zlib.decompress(data, wbits=-15)
        self._data = DecodedPostings(data, self._blocklength)

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = self._data.ids()

    def _read_weights(self):
        if self._data is None:
            self._read_data()
        self._weights = self._data.weights()

    def _read_values(self):
        if self._data is None:
            self._read_data()
        self._values = self._data.values()


# -- whole posting lists as arrays (the search side's fast path) -------------

class TermBlocks:
    """A term's encoded postings (its inlined list, or the blocks of the
    postings file that were asked for) decoded into numpy arrays across all
    blocks at once: ids, weights and values, each part only when asked for.

    A deflated block is inflated only as far as the parts asked for need:
    the ids and weights come first, and the values behind them (a bigram's
    positions) are most of a block's bytes, which a match set never reads."""

    def __init__(self, blocks: list[tuple[bytes, int, int, bool]]):
        """`blocks`: (bytes, count, last id, deflated) of each, in document order."""
        self.count = sum(count for _data, count, _last, _deflated in blocks)
        self._counts = [count for _data, count, _last, _deflated in blocks]
        self._last_ids = [last for _data, _count, last, _deflated in blocks]
        self._inflaters = [zlib.decompressobj(wbits=-15) if deflated else None
                           for _data, _count, _last, deflated in blocks]
        self._data = [inflater.decompress(data, 1 + 4 * count) if inflater else data
                      for (data, count, _last, _deflated), inflater in zip(blocks, self._inflaters)]
        self._ids = None

    def _inflate(self, i: int, size: int | None = None) -> bytes:
        """Block i inflated to at least `size` bytes (None: all of it)."""
        inflater, data = self._inflaters[i], self._data[i]
        if inflater is None or (size is not None and len(data) >= size):
            return data
        if size is None:
            data += inflater.decompress(inflater.unconsumed_tail) + inflater.flush()
            self._inflaters[i] = None
        else:
            data += inflater.decompress(inflater.unconsumed_tail, size - len(data))
        self._data[i] = data
        return data

    def _id_size(self, i: int) -> int:
        return 2 if self._data[i][0] & _IDS_SHORT else 4

    def ids(self) -> np.ndarray:
        """Ascending document numbers (int64)."""
        if self._ids is not None:
            return self._ids
        counts = self._counts
        if len(counts) == 1:
            # One block (an inlined list, or one block asked for): its first
            # delta is its first id, and the sum runs in int64 as it goes.
            kind = "<u2" if self._data[0][0] & _IDS_SHORT else "<u4"
            self._ids = np.frombuffer(self._data[0], kind, counts[0], 1).cumsum(dtype=np.int64)
            return self._ids
        sizes = [self._id_size(i) for i in range(len(counts))]
        if len(set(sizes)) == 1:
            joined = b"".join(data[1:1 + count * sizes[0]]
                              for data, count in zip(self._data, counts))
            deltas = np.frombuffer(joined, "<u2" if sizes[0] == 2 else "<u4").astype(np.int64)
        else:
            deltas = np.concatenate([np.frombuffer(data, "<u2" if size == 2 else "<u4", count, 1)
                                     .astype(np.int64)
                                     for data, count, size in zip(self._data, counts, sizes)])
        # Each block's first delta is its first id: make it the step from
        # the last id of the block before (its header's), then sum once.
        firsts = np.cumsum(counts[:-1], dtype=np.int64)
        deltas[firsts] -= np.array(self._last_ids[:-1], dtype=np.int64)
        self._ids = np.cumsum(deltas)
        return self._ids

    def _weights_at(self, i: int) -> int:
        return 1 + self._counts[i] * self._id_size(i)

    def weights(self) -> np.ndarray:
        """Float64 weights, one per posting."""
        parts = []
        for i, count in enumerate(self._counts):
            at, code = self._weights_at(i), self._data[i][0] & 6
            if code == _WEIGHTS_ONE:
                parts.append(np.ones(count))
            elif code == _WEIGHTS_BYTE:
                data = self._inflate(i, at + count)
                parts.append(np.frombuffer(data, np.uint8, count, at).astype(np.float64))
            else:
                data = self._inflate(i, at + 4 * count)
                parts.append(np.frombuffer(data, "<f4", count, at).astype(np.float64))
        return np.concatenate(parts) if parts else np.zeros(0)

    def values(self) -> tuple[np.ndarray, bytes]:
        """Each posting's value length in bytes, and all values one after another."""
        lengths, values = [], []
        for i, count in enumerate(self._counts):
            data = self._inflate(i)
            at, code = self._weights_at(i), data[0] & 6
            at += 0 if code == _WEIGHTS_ONE else count if code == _WEIGHTS_BYTE else 4 * count
            code = data[0] & 24
            if code == _VALUES_NONE:
                lengths.append(np.zeros(count, dtype=np.int64))
            elif code == _VALUES_SAME:
                size = _LONG.unpack_from(data, at)[0]
                lengths.append(np.full(count, size, dtype=np.int64))
                values.append(data[at + 4:at + 4 + size * count])
            else:
                kind = "<u2" if code == _VALUES_SHORT else "<u4"
                each = np.frombuffer(data, kind, count, at).astype(np.int64)
                at += count * (2 if code == _VALUES_SHORT else 4)
                lengths.append(each)
                values.append(data[at:at + int(each.sum())])
        return (np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64),
                b"".join(values))


def term_entry(terms_reader: "LeanTermsReader", fieldname: str, tbytes: bytes) -> bytes | None:
    """A term's entry in the terms file (None when the segment lacks the term):
    what `entry_doc_frequency` and `term_blocks` read."""
    try:
        return terms_reader._tindex[terms_reader._keycoder(fieldname, tbytes)]
    except KeyError:
        return None


def entry_doc_frequency(data: bytes) -> int:
    return data[3] if data[0] == _INLINED else _HEADER.unpack_from(data)[2]


# A term with this many blocks keeps where they are (its block index) for as
# long as its segment is open, up to this many terms per segment: walking the
# block headers of a common term (several hundred) cost more than reading the
# few blocks that hold a rare phrase's candidates.
_INDEXED_BLOCKS = 8
_BLOCK_INDEXES = 512


class _BlockIndex:
    """Where a term's blocks are in the postings file and what each holds
    (about 30 bytes a block, kept per open segment). Lists, not arrays: a
    term has a few blocks, and a search picks some of them by position; only
    the last ids are an array, to place a search's candidates among them."""

    __slots__ = ("starts", "ends", "counts", "last_ids", "last_id_array", "deflated")

    def __init__(self, raw: bytes, offset: int):
        starts, ends, counts, last_ids, deflated = [], [], [], [], []
        position = 0
        unpack = _BLOCK.unpack_from
        while True:
            size, count, last, _weight, _minl, _maxl, packed = unpack(raw, position)
            end = position + 4 + abs(size)
            starts.append(offset + position + _BLOCK.size)
            ends.append(offset + end)
            counts.append(count)
            last_ids.append(last)
            deflated.append(bool(packed))
            position = end
            if size < 0:
                break
        self.starts, self.ends, self.counts, self.deflated = starts, ends, counts, deflated
        self.last_ids = last_ids
        self.last_id_array = np.array(last_ids, dtype=np.int64)


def _block_index(terms_reader: "LeanTermsReader", offset: int,
                 length: int) -> tuple[_BlockIndex, bytes | None]:
    """The term's block index, and the term's bytes when they had to be read for it."""
    cache = terms_reader.__dict__.get("_block_indexes")
    if cache is None:
        cache = terms_reader._block_indexes = OrderedDict()
    index = cache.get(offset)
    if index is not None:
        cache.move_to_end(offset)
        return index, None
    raw = terms_reader._postfile.get(offset, length)
    index = _BlockIndex(raw, offset)
    if len(index.counts) >= _INDEXED_BLOCKS:
        cache[offset] = index
        if len(cache) > _BLOCK_INDEXES:
            cache.popitem(last=False)
    return index, raw


def term_blocks(terms_reader: "LeanTermsReader", data: bytes,
                among: np.ndarray | None = None) -> TermBlocks | None:
    """The postings of a term (its entry, `data`). Given `among` (ascending
    document numbers), a block of the postings file none of them can be in
    is skipped undecoded: the block index says each block's last document.
    None when no block is left."""
    if data[0] == _INLINED:
        inlined = bytes(data[_INLINE.size:])
        count = data[3]
        # The last id is only needed of blocks before another: none here.
        return TermBlocks([(inlined, count, 0, False)])
    offset, length = _POINTER.unpack_from(data, _HEADER.size)
    index, raw = _block_index(terms_reader, offset, length)
    if among is None:
        chosen = range(len(index.counts))
    else:
        reached = among.searchsorted(index.last_id_array, side="right")
        reached[1:] -= reached[:-1].copy()   # candidates in each block (np.diff's wrapper costs more)
        chosen = np.flatnonzero(reached).tolist()
        if not chosen:
            return None
    starts, ends = index.starts, index.ends
    if raw is None and 4 * len(chosen) >= len(index.counts):
        raw = terms_reader._postfile.get(offset, length)
    if raw is None:  # a few blocks of many: read only those
        get = terms_reader._postfile.get
        blocks = [get(starts[i], ends[i] - starts[i]) for i in chosen]
    else:
        blocks = [raw[starts[i] - offset:ends[i] - offset] for i in chosen]
    counts, last_ids, deflated = index.counts, index.last_ids, index.deflated
    return TermBlocks([(block, counts[i], last_ids[i], deflated[i])
                       for block, i in zip(blocks, chosen)])
