"""How postings are pooled and written: what a segment holds never depends on
how often the pool ran out of memory and spilled to disk, and the lean codec
reads back exactly what was written, as Whoosh's own codec does."""
from __future__ import annotations

import re
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index

from indexer import build, store
from indexer import posting_pool

from .conftest import SEEDS, write_jsonl


def _everything(index_dir):
    """Every posting and every term's statistics of an index, in order."""
    reader = whoosh_index.open_dir(str(store.current_generation(index_dir))).reader()
    postings = list(reader.iter_postings())
    stats = []
    for field, text in reader.all_terms():
        info = reader.term_info(field, text)
        stats.append((field, text, info.weight(), info.doc_frequency(), info.min_length(),
                      info.max_length(), info.max_weight(), info.min_id(), info.max_id()))
    stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
    lengths = [(n, reader.doc_field_length(n, "words"), reader.doc_field_length(n, "title"))
               for n in range(reader.doc_count_all())]
    return postings, stats, stored, lengths


def test_spilled_runs_write_the_same_segment_as_one_pool(tmp_path, monkeypatch, seed_index):
    # seed_index is the seeds built as here (workers=1), by a pool that never
    # spills: the reference, built once for the session.
    runs: list[int] = []
    original_init, original_terms = posting_pool.MemoryPostingPool.__init__, \
        posting_pool.MemoryPostingPool.terms

    def tiny_pool(self, tempstore, limitmb, schema=None):
        original_init(self, tempstore, limitmb, schema)
        self.limit = 100_000  # bytes: the five seeds spill several times

    def counting_terms(self):
        runs.append(len(self.runs))
        return original_terms(self)

    monkeypatch.setattr(posting_pool.MemoryPostingPool, "__init__", tiny_pool)
    monkeypatch.setattr(posting_pool.MemoryPostingPool, "terms", counting_terms)
    build([SEEDS], tmp_path / "spilled", workers=1)
    assert runs and runs[0] >= 3
    whole, spilled = _everything(seed_index), _everything(tmp_path / "spilled")
    assert len(whole[0]) > 5000
    assert whole == spilled


POOLED_DOCUMENTS = st.lists(st.tuples(
    st.dictionaries(st.text(alphabet="abcdefg", min_size=1, max_size=3),
                    st.one_of(st.integers(0, 9), st.lists(st.integers(0, 9), min_size=2,
                                                          max_size=3)), max_size=12),
    st.lists(st.sampled_from("甲乙丙丁戊己"), unique=True, max_size=4),
    st.lists(st.sampled_from([b"x", b"y", b"z"]), unique=True, max_size=2)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(POOLED_DOCUMENTS, st.integers(1, 4), st.integers(1, 8), st.integers(200, 3000))
def test_a_pool_spilled_anywhere_yields_the_terms_of_one_that_never_spilled(
        tmp_path_factory, documents, chunk, chunk_slots, limit):
    # Runs written in chunks of any size (in terms and in postings), spilled after any document, and
    # fields a run lacks: the merge gives every term once, in order, with
    # its postings in document order, as a pool that held everything.
    from whoosh.filedb.filestore import FileStorage

    from indexer.schema import build_schema

    schema = build_schema()
    runs = FileStorage(str(tmp_path_factory.mktemp("runs")))

    def pooled(limit_bytes):
        pool = posting_pool.MemoryPostingPool(runs, 1, schema)
        pool.limit = limit_bytes
        for docnum, (bigrams, chars, ids) in enumerate(documents):
            pool.add_pooled("chars", posting_pool.PAIRS, docnum, bigrams, 36, len(bigrams))
            pool.add_pooled("char", posting_pool.DOCUMENTS, docnum, chars, 0, len(chars))
            pool.add_field("id", docnum, [(t, 1, 1.0, b"") for t in ids], 1.0)
        spilled = len(pool.runs)
        terms = [(f, k, list(p) if isinstance(p, list) else
                  (list(p.ids), list(p.weights), p.values)) for f, k, p in pool.terms()]
        pool.cleanup()
        return terms, spilled

    whole, never = pooled(10 ** 9)
    assert never == 0
    defaults = posting_pool._CHUNK, posting_pool._CHUNK_SLOTS
    posting_pool._CHUNK, posting_pool._CHUNK_SLOTS = chunk, chunk_slots
    try:
        merged, _ = pooled(limit)
    finally:
        posting_pool._CHUNK, posting_pool._CHUNK_SLOTS = defaults
    assert merged == whole


def test_a_spilled_run_is_read_back_a_bounded_number_of_postings_at_a_time(tmp_path):
    # A merge holds the current chunk of every run at once: a chunk of a
    # dense field's terms (characters in most documents) must not be most
    # of the field. Past its first term, no chunk holds more than
    # _CHUNK_SLOTS postings, whatever the field's layout.
    from whoosh.filedb.filestore import FileStorage

    from indexer.schema import build_schema

    pool = posting_pool.MemoryPostingPool(FileStorage(str(tmp_path)), 1, build_schema())
    pool.limit = 10 ** 9
    characters = [chr(0x4E00 + n) for n in range(300)]
    for docnum in range(2_000):   # every document holds every character: 600,000 postings
        pool.add_pooled("char", posting_pool.DOCUMENTS, docnum, characters, 0, len(characters))
        pool.add_field("id", docnum, [(b"%d" % (docnum % 50), 1, 1.0, b"")], 1.0)
    pool._spill()
    chunks = list(pool._read_run(pool.runs[0]))
    for _fieldname, keys, postings in chunks:
        sizes = [len(p.ids) if isinstance(p, posting_pool._Term) else len(p) for p in postings]
        assert len(keys) == len(postings) <= posting_pool._CHUNK
        assert sum(sizes[1:]) <= posting_pool._CHUNK_SLOTS
    assert [key for f, keys, _ in chunks if f == "char" for key in keys] == characters
    assert len([c for c in chunks if c[0] == "char"]) >= 600_000 // posting_pool._CHUNK_SLOTS
    pool.cleanup()


def test_the_lean_codec_reads_back_what_whoosh_s_own_codec_does(tmp_path, monkeypatch, seed_index):
    # Every posting, term statistic, stored field and length of the seeds,
    # written once in W3's pickled form and once in the lean one (seed_index:
    # the seeds built as here, with the archive's codec, once for the session).
    from whoosh.codec.whoosh3 import W3Codec

    from indexer import writer

    monkeypatch.setattr(writer, "CODEC", W3Codec())
    build([SEEDS], tmp_path / "w3", workers=1)
    lean = whoosh_index.open_dir(str(store.current_generation(seed_index)))
    assert type(lean.reader().segment().codec()).__name__ == "LeanCodec"
    assert _everything(seed_index) == _everything(tmp_path / "w3")


POSTINGS = st.integers(min_value=1, max_value=300).flatmap(lambda n: st.tuples(
    st.lists(st.integers(min_value=0, max_value=200_000), min_size=n, max_size=n, unique=True)
    .map(sorted),
    st.one_of(st.just([1.0] * n),
              st.lists(st.integers(min_value=0, max_value=255).map(float), min_size=n, max_size=n),
              st.lists(st.floats(min_value=0, max_value=1e6, width=32), min_size=n, max_size=n)),
    st.one_of(st.just([b""] * n),
              st.lists(st.binary(min_size=4, max_size=4), min_size=n, max_size=n),
              st.lists(st.binary(min_size=1, max_size=70), min_size=n, max_size=n))))


@settings(max_examples=100, deadline=None)
@given(POSTINGS)
def test_lean_posting_lists_round_trip_inline_and_in_blocks(tmp_path_factory, postings):
    # Any list: all weights one, small whole numbers or floats; no values,
    # values of one length or of many lengths; short enough to inline or spanning
    # blocks. What a matcher reads is what was written, and the term's
    # statistics are its postings'.
    from whoosh import fields
    from whoosh.filedb.filestore import RamStorage

    from indexer.lean_codec import LeanCodec

    ids, weights, values = postings
    storage = RamStorage()
    schema = fields.Schema(f=fields.TEXT(phrase=False))
    storage.create_index(schema)
    codec = LeanCodec(blocklimit=16)
    segment = codec.new_segment(storage, "MAIN")
    fieldwriter = codec.field_writer(storage, segment)
    fieldwriter.start_field("f", schema["f"])
    fieldwriter.add_term(b"t", ids, array("f", weights), values)
    fieldwriter.finish_field()
    fieldwriter.close()
    terms = codec.terms_reader(storage, segment)
    info = terms.term_info("f", b"t")
    assert info.doc_frequency() == terms.doc_frequency("f", b"t") == len(ids)
    assert terms.frequency("f", b"t") == info.weight()
    assert info.weight() == pytest.approx(sum(array("f", weights)), rel=1e-6)
    assert (info.min_id(), info.max_id()) == (ids[0], ids[-1])
    matcher = terms.matcher("f", b"t", schema["f"].format)
    read = []
    while matcher.is_active():
        read.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    assert [r[0] for r in read] == ids
    assert [r[1] for r in read] == list(array("f", weights))
    # A format has values for every posting or for none (Existence: None
    # each, as W3's blocks read).
    assert [r[2] for r in read] == (values if values[0] else [None] * len(values))


WORDY = st.text(alphabet=st.sampled_from(list("新闻國际关係台南市长书記会议招商引资工作ab9０Ａ _-，。\n、")),
                max_size=80)


@settings(max_examples=150, deadline=None)
@given(WORDY)
def test_fast_field_postings_equal_their_analyzers(text):
    # The word and bigram fields index straight from jieba and the bigram
    # scan; what they post must be what Whoosh's own path makes of their
    # analyzers.
    from whoosh import fields

    from indexer.schema import build_schema

    schema = build_schema()
    for name in ("title", "words"):
        field = schema[name]
        generic = fields.TEXT(analyzer=field.analyzer, phrase=False,
                              field_boost=field.format.field_boost)
        assert sorted(field.index(text)) == sorted(generic.index(text))
    chars = schema["chars"]
    generic = sorted(fields.FieldType.index(chars, text))
    assert sorted(chars.index(text)) == generic


def _by_id(index_dir):
    """Every posting and stored document of an index, named by document id."""
    reader = whoosh_index.open_dir(str(store.current_generation(index_dir))).reader()
    ids = {n: reader.stored_fields(n)["id"] for n in range(reader.doc_count_all())}
    postings = sorted((field, text, ids[n], weight, value)
                      for field, text, n, weight, value in reader.iter_postings())
    return postings, {ids[n]: reader.stored_fields(n) for n in ids}


def test_a_parallel_build_indexes_what_a_serial_one_does(tmp_path, monkeypatch, seed_index):
    # In parallel the first document is extracted before the pool forks and
    # the rest by the pool, and a writer process fills the segment; seed_index
    # is the serial build (workers=1), made once for the session.
    import importlib

    build_module = importlib.import_module("indexer.build")
    monkeypatch.setattr(build_module, "PARALLEL_AFTER", 2)
    report = build([SEEDS], tmp_path / "parallel", workers=2)
    assert report.added == 5
    assert _by_id(tmp_path / "parallel") == _by_id(seed_index)


def _segment_files(index_dir) -> list[dict[str, bytes]]:
    """The bytes of every file of each segment of an index, in the index's
    order, by file name less the segment's random id."""
    generation = store.current_generation(index_dir)
    segments = []
    for segment in whoosh_index.open_dir(str(generation))._segments():
        prefix = f"MAIN_{segment.segment_id().split('_', 1)[1]}."
        segments.append({path.name[len(prefix):]: path.read_bytes()
                         for path in generation.glob(prefix + "*")})
    return segments


def test_the_pooled_writer_writes_the_bytes_whoosh_s_own_writer_does(tmp_path, monkeypatch):
    # Whoosh's SegmentWriter sends each posting through its external sort and
    # the codec's posting-at-a-time calls; the pooled writer keeps fields'
    # postings in its own shapes and writes whole lists. Phrases of the seeds
    # as documents, so that common terms fill several blocks: every segment
    # file must come out byte for byte the same, for a first build, a second
    # segment beside it, and one segment merged from both.
    from whoosh.writing import SegmentWriter

    from indexer import writer

    phrases = [s.strip() for path in sorted(SEEDS.glob("*.txt"))
               for s in re.split(r"[。，,；\n]", path.read_text(encoding="utf-8"))
               if len(s.strip()) >= 4]
    records = [{"id": f"s{n}", "text": s} for n, s in enumerate(phrases)]
    assert len(records) > 300
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_jsonl(first, records[:-20])
    write_jsonl(second, records[-20:])

    def built(name):
        build([first], tmp_path / name, workers=1)
        build([first, second], tmp_path / name, workers=1)
        two = _segment_files(tmp_path / name)
        ix = whoosh_index.open_dir(str(store.current_generation(tmp_path / name)))
        writer.PooledSegmentWriter(ix, codec=writer.CODEC, compound=False).commit(optimize=True)
        return two, _segment_files(tmp_path / name)

    pooled = built("pooled")
    monkeypatch.setattr(writer, "PooledSegmentWriter", SegmentWriter)
    whoosh_s = built("whoosh")
    assert [len(segments) for segments in pooled] == [2, 1]
    assert set(pooled[0][0]) >= {"trm", "pst", "_stored.col", "_words_len.col"}
    assert pooled == whoosh_s
