"""The naive baseline the issue measures against: Whoosh + jieba's ChineseAnalyzer, one field.

Kept in bench/ on purpose: it is what the archive must beat, not part of it.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from jieba.analyse import ChineseAnalyzer
from whoosh import fields, index
from whoosh.qparser import QueryParser


def schema() -> fields.Schema:
    return fields.Schema(id=fields.ID(stored=True, unique=True),
                         content=fields.TEXT(analyzer=ChineseAnalyzer(), stored=True))


def build(jsonl: Path, directory: Path, procs: int = 1) -> tuple[int, float]:
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    ix = index.create_in(str(directory), schema())
    started = time.perf_counter()
    writer = ix.writer(procs=procs, multisegment=True, limitmb=128) if procs > 1 \
        else ix.writer(limitmb=256)
    count = 0
    with open(jsonl, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            writer.add_document(id=record["id"], content=f"{record['title']}\n{record['text']}")
            count += 1
    writer.commit()
    return count, time.perf_counter() - started


class Searcher:
    def __init__(self, directory: Path):
        self.ix = index.open_dir(str(directory))
        self.searcher = self.ix.searcher()
        self.parser = QueryParser("content", self.ix.schema)

    def search(self, text: str) -> int:
        results = self.searcher.search(self.parser.parse(text), limit=10)
        for hit in results:
            hit.highlights("content")
        return len(results)


def size_of(directory: Path) -> int:
    return sum(f.stat().st_size for f in Path(directory).rglob("*") if f.is_file())


def peak_rss_mb() -> float:
    import resource
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


__all__ = ["build", "Searcher", "size_of", "peak_rss_mb", "os"]
