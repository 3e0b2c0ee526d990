"""Term lookups and stored fields read directly give exactly what Whoosh's readers give.

`indexer.hash_lookup` probes Whoosh's hash files itself (the terms table of
every segment a search reads); these tests hold it to Whoosh's `HashReader`
for every key of a real index's terms tables, for keys that are not there,
and for a hash file built to stress the probe: tables with long runs of
colliding slots that wrap around, and values longer than one read."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import HashReader, HashWriter

from indexer import open_index
from indexer.hash_lookup import HashLookup


def test_every_term_of_the_seed_index_reads_as_whoosh_reads_it(seed_index):
    index = open_index(seed_index)
    try:
        with index.shard.reading() as shard:
            reader = shard.searcher.reader()
            segments = [leaf for leaf, _offset in reader.leaf_readers()] if not reader.is_atomic() \
                else [reader]
            checked = 0
            for segment in segments:
                table = segment._terms._tindex
                lookup = HashLookup.of(table)
                assert lookup is not None
                for key, value in table.items():
                    assert lookup.get(key) == value
                    # The same key one byte longer or shorter is not there (to either).
                    for other in (key + b"\x00", key[:-1]):
                        assert lookup.get(other) == table.get(other)
                    checked += 1
            assert checked > 1000
    finally:
        index.close()


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """A hash file of 3,000 keys, some with values of several kilobytes."""
    storage = FileStorage(str(tmp_path_factory.mktemp("hash")))
    rng = random.Random(5)
    values = {}
    for n in range(3000):
        key = f"k{n}".encode() * rng.randrange(1, 4)
        values[key] = bytes(rng.randrange(256) for _ in range(rng.choice([0, 1, 7, 119, 120, 121,
                                                                          500, 4000])))
    writer = HashWriter(storage.create_file("crowded.hsh"))
    for key, value in values.items():
        writer.add(key, value)
    writer.close()
    reader = HashReader.open(storage, "crowded.hsh")
    yield reader, HashLookup.of(reader), values
    reader.close()


def test_a_crowded_hash_file_reads_as_whoosh_reads_it(crowded):
    reader, lookup, values = crowded
    for key, value in values.items():
        assert lookup.get(key) == value == reader[key]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=12))
def test_any_key_reads_as_whoosh_reads_it(crowded, key):
    reader, lookup, _values = crowded
    assert lookup.get(key) == reader.get(key)


def test_stored_fields_read_directly_are_whoosh_s(seed_index):
    from indexer.stored_fields import stored_fields
    index = open_index(seed_index)
    try:
        with index.shard.reading() as shard:
            reader = shard.searcher.reader()
            read = stored_fields(reader)
            for docnum in range(reader.doc_count_all()):
                assert read(docnum) == shard.searcher.stored_fields(docnum)
    finally:
        index.close()


def test_what_a_search_keeps_of_a_segment_goes_with_its_reader(seed_index):
    """The per-reader caches (term lookups, stored fields) hold their readers
    weakly: a closed searcher's readers, and the files they held, are not
    kept alive by them."""
    import gc
    import weakref

    from indexer import SearchRequest
    index = open_index(seed_index)
    result = index.search(SearchRequest.from_params({"q": "会议"}))
    assert result.total and result.hits
    with index.shard.reading() as shard:
        reader = shard.searcher.reader()
        leaves = [reader] if reader.is_atomic() else [leaf for leaf, _ in reader.leaf_readers()]
        gone = [weakref.ref(leaf) for leaf in leaves]
        del reader, leaves, shard
    index.close()
    del index, result
    gc.collect()
    assert all(ref() is None for ref in gone)


def test_a_hash_file_in_memory_is_left_to_whoosh():
    from whoosh.filedb.filestore import RamStorage
    storage = RamStorage()
    writer = HashWriter(storage.create_file("mem.hsh"))
    writer.add(b"key", b"value")
    writer.close()
    reader = HashReader.open(storage, "mem.hsh")
    assert HashLookup.of(reader) is None and reader[b"key"] == b"value"


def test_what_is_read_of_a_segment_is_kept_once_per_reader_and_goes_with_it(seed_index):
    """Postings, stored fields and field lengths keep their segment objects
    per open reader: the same object for the same reader (one thread's
    searches share it), a new one for a new reader, and none kept alive once
    the reader's searcher is closed."""
    import gc
    import weakref

    from indexer.postings import segment_postings
    from indexer.ranking import _field_lengths
    from indexer.stored_fields import _segment

    index = open_index(seed_index)
    try:
        with index.shard.reading() as shard:
            leaf = next(iter(shard.searcher.reader().leaf_readers()))[0]
            postings, stored = segment_postings(leaf), _segment(leaf)
            assert segment_postings(leaf) is postings and _segment(leaf) is stored
            assert _field_lengths(leaf, "words") is _field_lengths(leaf, "words")
            assert postings.reader is leaf
            gone = [weakref.ref(leaf), weakref.ref(postings), weakref.ref(stored)]
            del postings, stored
    finally:
        index.close()
    del leaf, shard, index
    gc.collect()
    assert [ref() for ref in gone] == [None, None, None]
