"""The in-memory posting pool: what a segment holds never depends on how often
the pool ran out of memory and spilled to disk."""
from __future__ import annotations

from whoosh import index as whoosh_index

from indexer import build, store
from indexer import posting_pool

from .conftest import SEEDS


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


def test_spilled_runs_write_the_same_segment_as_one_pool(tmp_path, monkeypatch):
    build([SEEDS], tmp_path / "whole", workers=1)
    runs: list[int] = []
    original_init, original_terms = posting_pool.MemoryPostingPool.__init__, \
        posting_pool.MemoryPostingPool.terms

    def tiny_pool(self, tempstore, limitmb):
        original_init(self, tempstore, limitmb)
        self.limit = 20_000  # bytes: the five seeds spill many times

    def counting_terms(self):
        runs.append(len(self.runs))
        return original_terms(self)

    monkeypatch.setattr(posting_pool.MemoryPostingPool, "__init__", tiny_pool)
    monkeypatch.setattr(posting_pool.MemoryPostingPool, "terms", counting_terms)
    build([SEEDS], tmp_path / "spilled", workers=1)
    assert runs and runs[0] >= 5
    whole, spilled = _everything(tmp_path / "whole"), _everything(tmp_path / "spilled")
    assert len(whole[0]) > 5000
    assert whole == spilled
