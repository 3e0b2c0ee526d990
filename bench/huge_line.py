"""Huge single-line documents: is every step linear in the input?

Issue 10 (fault 4): a 50 MB single-line .txt stalled a reindex for minutes.
This builds one-line texts of several kinds and sizes at run time (nothing
is stored) and times extraction alone, or a whole `archive reindex` of the
line beside the seeds in a fresh temporary index.

Kinds: `realistic` (corpus documents, or the seeds when the corpus is absent,
joined without newlines), `nopunct` (the same without any punctuation),
`digits`, `pinyin` (every character annotated: 区(qū)), `ascii`,
`mojibake` (UTF-8 read as GBK), `shifted` (GBK read one byte off, runs
between '?'), `places` (every division of the gazetteer, listed: ever more
distinct places), `officials` (ever more distinct names before and after 县长).

Usage:
  python -m bench.huge_line extract [--kinds K,...] [--sizes 1,2,4]   (MB of text)
  python -m bench.huge_line reindex [--kinds K,...] [--sizes 20]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = Path("/work/shared/corpus/news.jsonl.gz")
KINDS = ("realistic", "nopunct", "digits", "pinyin", "ascii", "mojibake", "shifted", "places",
         "officials")
_PUNCTUATION = set("，。、：；！？“”‘’（）《》【】…—,.:;!?()[]\"' \t\u3000")


def _sample_text(limit: int = 300_000) -> str:
    """Real news text to repeat: corpus documents, else the seeds."""
    corpus = REPO.parent / "shared" / "corpus" / "news.jsonl.gz"
    corpus = corpus if corpus.exists() else SHARED_CORPUS
    parts: list[str] = []
    if corpus.exists():
        with gzip.open(corpus, "rt", encoding="utf-8") as handle:
            size = 0
            for line in handle:
                text = json.loads(line)["text"]
                parts.append(text)
                size += len(text)
                if size >= limit:
                    break
    else:
        parts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    # One line: no newlines or blank runs; no replacement marks either, which
    # would make the whole line read as mojibake and skip the metadata steps.
    return "".join(" ".join(parts).split()).replace("\ufffd", "")


def make_line(kind: str, chars: int, sample: str | None = None) -> str:
    """A single line of about `chars` characters of the given kind.

    `sample` is the news text to repeat (default: the corpus, else the seeds).
    """
    if kind in ("realistic", "nopunct", "mojibake", "shifted"):
        sample = sample or _sample_text()
    if kind in ("realistic", "nopunct", "mojibake"):
        base = sample
        if kind == "nopunct":
            base = "".join(c for c in base if c not in _PUNCTUATION)
        if kind == "mojibake":
            base = base.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")
    elif kind == "digits":
        base = "0123456789" * 100
    elif kind == "pinyin":
        base = "区(qū)书(shū)记(jì)县(xiàn)长(zhǎng)"
    elif kind == "ascii":
        base = "The county party secretary chaired a meeting on rural revitalisation. " * 10
    elif kind == "shifted":
        real = sample[:20_000].encode("gbk", errors="ignore")
        base = "?" + real[1:].decode("gbk", errors="replace").replace("\ufffd", "?") + "?"
    elif kind == "places":
        from archive import gazetteer
        base = "，".join(d.name for d in gazetteer.load().by_key.values())
    elif kind == "officials":
        surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "国建明华伟军平志春德文海"
        base = "".join(f"{s}{a}{b}县长，县长{s}{b}{a}、" for s in surnames for a in given for b in given)
    else:
        raise SystemExit(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    repeats = chars // max(len(base), 1) + 1
    return (base * repeats)[:chars]


def time_extract(kind: str, chars: int) -> tuple[float, str]:
    sys.path.insert(0, str(REPO))
    from archive.extract import extract
    from archive.ingest import RawDocument
    from indexer.build import document_fields
    text = make_line(kind, chars)
    started = time.perf_counter()
    document_fields(extract(RawDocument(id="huge", text=text, origin="huge")))
    return time.perf_counter() - started, "extracted"


def time_reindex(kind: str, chars: int) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for seed in sorted((REPO / "seeds").glob("*.txt")):
            (folder / seed.name).write_bytes(seed.read_bytes())
        (folder / f"huge-{kind}.txt").write_text(make_line(kind, chars), encoding="utf-8")
        archive = Path(sys.executable).with_name("archive")
        command = [str(archive), "reindex", str(folder), "--index", str(Path(tmp) / "index")]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
        seconds = time.perf_counter() - started
        lines = (done.stderr + done.stdout).strip().splitlines()
        said = [l.replace(tmp, "<tmp>") for l in lines if "huge" in l or "added" in l]
        return seconds, " | ".join(said)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stage", choices=("extract", "reindex"))
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--sizes", default="1,2,4", help="millions of characters, comma-separated")
    args = parser.parse_args()
    print(f"# {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
          f"python -m bench.huge_line {' '.join(sys.argv[1:])}")
    timer = time_extract if args.stage == "extract" else time_reindex
    for kind in args.kinds.split(","):
        for size in args.sizes.split(","):
            chars = int(float(size) * 1_000_000)
            seconds, outcome = timer(kind, chars)
            print(f"{args.stage:8} {kind:10} {chars / 1e6:6.1f}M chars {seconds:8.2f} s  {outcome}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
