"""Peak memory of merging a writer's spilled posting runs, chunks bounded or not.

    python -m bench.pool_merge_memory [--chunk-slots N]

Pools a character field shaped like the corpus's (9,000 documents of about
900 characters drawn by a Zipf-like weight from 6,000, about 4M postings)
in a writer's pool that spills at 24 MB, then merges it as a segment's write
does (`MemoryPostingPool.terms`), and prints the process's peak RSS before
and after the merge and the merge's CPU seconds. `--chunk-slots` sets the
postings per spilled chunk (`posting_pool._CHUNK_SLOTS`; a huge number
gives the chunks of 4,096 terms whatever their size, as before).
"""
from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time

from whoosh.filedb.filestore import FileStorage

from indexer import posting_pool
from indexer.schema import build_schema


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunk-slots", type=int, default=posting_pool._CHUNK_SLOTS)
    args = parser.parse_args()
    posting_pool._CHUNK_SLOTS = args.chunk_slots
    rng = random.Random(7)
    alphabet = [chr(0x4E00 + n) for n in range(6000)]
    weights = [1 / (n + 1) for n in range(6000)]
    with tempfile.TemporaryDirectory() as tmp:
        pool = posting_pool.MemoryPostingPool(FileStorage(tmp), 24, build_schema())
        for docnum in range(9000):
            chars = set(rng.choices(alphabet, weights, k=900))
            pool.add_pooled("char", posting_pool.DOCUMENTS, docnum, chars, 0, len(chars))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        cpu = time.process_time()
        postings = sum(len(p) for _field, _term, p in pool.terms())
        cpu = time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"chunk slots {args.chunk_slots}: {len(pool.runs)} spilled runs, {postings:,} postings; "
              f"peak RSS {before:.0f} MB before the merge, {after:.0f} MB after; "
              f"merge {cpu:.2f} CPU s")
        pool.cleanup()


if __name__ == "__main__":
    main()
