"""rjieba's route against jieba, token for token, on the corpus.

    python -m bench.rjieba_identity [--every 10] [--out FILE]

Takes every Nth corpus line (every 10th: the 5,688 documents of
`bench.engines`), extracts each as a build does (`document_fields`: the
folded title and body the word fields index, and the officials' names a
build teaches jieba), and loads the archive's real user dictionary (every
gazetteer place name, then those names) into three tokenizers: jieba itself,
the archive's with its route in rjieba, and the archive's with its route in
Python (the fallback without rjieba). Every title and body is cut by all
three and through the archive's analyzer (`word_counts`), and the tokens
compared; any difference is printed. Also prints how many texts the Rust
route handed to Python, and the CPU seconds of each tokenizer.
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import json
import sys
import time
from pathlib import Path

from bench import corpus


def load_texts(every: int) -> tuple[list[str], set[str]]:
    from archive.extract import extract
    from archive.ingest import RawDocument
    from indexer.build import document_fields

    texts: list[str] = []
    names: set[str] = set()
    with gzip.open(corpus.require(), "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n % every:
                continue
            row = json.loads(line)
            raw = RawDocument(id=row["id"], text=row["text"], origin="corpus",
                              given={"title": row["title"]} if row.get("title") else {})
            fields = document_fields(extract(raw))
            texts += [t for t in (fields["title"], fields["words"]) if t]
            names.update(n for n in fields["official"].split(",") if n)
    return texts, names


def tokenizers(names: set[str]):
    import jieba

    from indexer import userdict
    from indexer.segmentation import FastTokenizer

    jieba.setLogLevel(60)
    made = {"jieba": jieba.Tokenizer(), "rust route": FastTokenizer(in_rust=True),
            "python route": FastTokenizer(in_rust=False)}
    for tokenizer in made.values():
        tokenizer.initialize()
        userdict.load_into(tokenizer)
        # As userdict.add_names teaches a build's processes the names it extracted.
        for name in sorted(names):
            if 2 <= len(name) <= 8:
                tokenizer.add_word(name, userdict._FREQUENCY)
    return made


def differing_tokens(a: list[str], b: list[str]) -> int:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=10)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    from indexer import analysis

    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    started = time.perf_counter()
    texts, names = load_texts(args.every)
    characters = sum(map(len, texts))
    say(f"{len(texts)} texts (titles and bodies of every {args.every}th corpus document), "
        f"{characters:,} characters; {len(names)} officials' names added to the "
        f"gazetteer's place names (extraction {time.perf_counter() - started:.0f} s)")
    made = tokenizers(names)
    route = made["rust route"]
    cpu = time.process_time()
    route.lcut("")   # the Rust route is made at the first cut
    cpu = time.process_time() - cpu
    if route.rust_route is None:
        say("rjieba is not installed: nothing to compare")
        return 1
    say(f"the Rust route made in {cpu:.2f} CPU s, from every word of jieba's dictionary")
    to_python = [t for t in texts if route.rust_route.cut(t, route.total) is None]
    say(f"texts the Rust route hands to the Python route: {len(to_python)} "
        f"({sum(map(len, to_python)):,} characters)")

    cuts = {}
    for name, tokenizer in made.items():
        cpu = time.process_time()
        cuts[name] = [tokenizer.lcut(t) for t in texts]
        cpu = time.process_time() - cpu
        say(f"{name:13} {cpu:6.2f} CPU s  {characters / cpu / 1e6:5.2f} M characters/s")
    counts = {}
    archive_segmenter = analysis.segmenter
    for name in ("rust route", "python route"):
        analysis.segmenter = lambda tokenizer=made[name]: tokenizer   # the analyzer through this route
        counts[name] = [analysis.word_counts(t) for t in texts]
    analysis.segmenter = archive_segmenter
    tokens = sum(map(len, cuts["jieba"]))
    failures = 0
    for name in ("rust route", "python route"):
        differing = [k for k, (a, b) in enumerate(zip(cuts[name], cuts["jieba"])) if a != b]
        wrong = sum(differing_tokens(cuts[name][k], cuts["jieba"][k]) for k in differing)
        say(f"{name} against jieba: {wrong} differing tokens of {tokens:,}, in {len(differing)} texts")
        for k in differing[:5]:
            diff = list(difflib.unified_diff(cuts["jieba"][k], cuts[name][k], lineterm="", n=1))
            say(f"  text {k}: " + " ".join(diff[2:14]))
        failures += wrong
    analyzed = sum(a != b for a, b in zip(counts["rust route"], counts["python route"]))
    say(f"word_counts (the analyzer of the word fields), rust route against python route: "
        f"{analyzed} texts differ")
    failures += analyzed
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
