"""A key's value in a Whoosh hash file (a segment's terms table), in two reads.

Whoosh's `HashReader` looks a key up through its `StructFile`: a seek and a
buffered read for each hash slot, the key's lengths, the key and the value,
each read filling an 8 KB buffer to use a dozen bytes of it. A search looks
up some twenty terms per segment, and those lookups were a fifth of a cold
query's matching. Here the same probe reads the slots of the key's hash
table in one `os.pread` and the entry (lengths, key and value) in another;
nothing moves the file's position, so it can share the file with Whoosh's
reader.

The file format is Whoosh's own (`whoosh.filedb.filetables`), read with the
directory of hash tables its reader has already loaded: 256 tables by the
low byte of the key's hash, open addressing from (hash >> 8) % slots.
"""
from __future__ import annotations

import hashlib
import os
import struct

try:
    # CPython's own MD5: for a key of a few bytes half the time of OpenSSL's
    # through hashlib (its set-up per call is most of the cost); the same digest.
    from _md5 import md5 as _md5
except ImportError:   # a Python built without it
    def _md5(data: bytes):
        return hashlib.md5(data, usedforsecurity=False)

from whoosh.filedb import filetables

_SLOT = struct.Struct("!Iq")      # filetables._pointer: hash, entry position (0: empty)
_LENGTHS = struct.Struct("!ii")   # filetables._lengths: key length, value length
SLOTS_PER_READ = 8                # probes rarely go past the first few slots
VALUE_GUESS = 120                 # bytes of value read with the key: most entries fit


class HashLookup:
    """Lookups in one open hash file, through the file its `HashReader` holds."""

    def __init__(self, reader: filetables.HashReader):
        self._file = reader.dbfile.file
        self._tables = reader.tables

    @classmethod
    def of(cls, reader) -> "HashLookup | None":
        """A lookup for `reader`, or None when it is not a plain MD5-hashed
        Whoosh hash file on a real file (then ask the reader itself)."""
        if not isinstance(reader, filetables.HashReader) or reader.hashfn is not filetables.md5_hash:
            return None
        if getattr(reader, "startoffset", 0) or not has_descriptor(reader.dbfile.file):
            return None
        return cls(reader)

    def get(self, key: bytes) -> bytes | None:
        """The value stored under `key`, or None."""
        # filetables.md5_hash: the low 32 bits of the key's MD5.
        keyhash = int.from_bytes(_md5(key).digest()[12:], "big")
        tablestart, numslots = self._tables[keyhash & 255]
        if not numslots:
            return None
        fd = self._file.fileno()   # raises once Whoosh closed the file: never a reused number
        slot = (keyhash >> 8) % numslots
        probed = 0
        while probed < numslots:
            count = min(SLOTS_PER_READ, numslots - slot, numslots - probed)
            slots = os.pread(fd, count * _SLOT.size, tablestart + slot * _SLOT.size)
            for k in range(count):
                slothash, position = _SLOT.unpack_from(slots, k * _SLOT.size)
                if not position:
                    return None
                if slothash == keyhash:
                    value = self._value_at(fd, position, key)
                    if value is not None:
                        return value
            probed += count
            slot = (slot + count) % numslots
        return None

    @staticmethod
    def _value_at(fd: int, position: int, key: bytes) -> bytes | None:
        """The value of the entry at `position` if its key is `key`."""
        head = _LENGTHS.size + len(key)
        data = os.pread(fd, head + VALUE_GUESS, position)
        keylen, datalen = _LENGTHS.unpack_from(data)
        if keylen != len(key) or data[_LENGTHS.size:head] != key:
            return None
        if len(data) < head + datalen:
            data += os.pread(fd, head + datalen - len(data), position + len(data))
        return data[head:head + datalen]


def has_descriptor(file) -> bool:
    """Whether `file` is an open file of the operating system (an in-memory
    one, such as Whoosh's RamStorage gives, has a fileno() that raises)."""
    try:
        file.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True
