"""The archive's person-name finder measured on NER test sets nobody here wrote.

Gold: the PER spans of ../shared/corpus/ner_test.bio (MSRA, one character and
its tag per line, TAB-separated) and ner_peoples_daily_test.bio (People's
Daily 1998, space-separated); sentences end at a blank line. The finder is the
one extraction uses: `archive.officials.extract_officials` on the folded
sentence with the gazetteer's place test, as extraction calls it; its names
are people named next to an office. Each name it returns
is placed at every span where it occurs in the sentence; a found span counts
only when it equals a gold span exactly. Recall is bounded by design (most
people in news are named without an office); precision says how often the
archive's name is a real person's whole name.

Usage: python bench/ner_names.py [--limit N] [--errors K]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SETS = {"msra": "ner_test.bio", "peoples-daily": "ner_peoples_daily_test.bio"}
CORPUS_DIRS = [base / "shared" / "corpus" for base in (REPO.parent, REPO.parent.parent)]


def sentences(path: Path):
    """(text, gold PER spans) for each sentence of a BIO file."""
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            parts = line.split("\t") if "\t" in line else line.split(" ")
            if len(parts) >= 2 and parts[0]:
                chars.append(parts[0][0])
                tags.append(parts[-1])
                continue
            if chars:
                yield "".join(chars), per_spans(tags)
            chars, tags = [], []
    if chars:
        yield "".join(chars), per_spans(tags)


def per_spans(tags: list[str]) -> set[tuple[int, int]]:
    spans, start = set(), None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and tag != "I-PER":
            spans.add((start, i))
            start = None
        if tag == "B-PER":
            start = i
    return spans


def is_place(text: str) -> bool:
    """The gazetteer test extraction passes to the finder (archive/extract.py)."""
    from archive import gazetteer
    gaz = gazetteer.load()
    return bool(gaz.lookup(text) or gaz.lookup_short(text))


def found_spans(text: str) -> set[tuple[int, int]]:
    from archive.officials import extract_officials
    from archive.script import fold
    spans = set()
    for official in extract_officials(fold(text), text, is_place=is_place):
        at = text.find(official.name)
        while at >= 0:
            spans.add((at, at + len(official.name)))
            at = text.find(official.name, at + 1)
    return spans


def measure(path: Path, limit: int | None, errors: int) -> dict:
    tp = fp = fn = chars = count = 0
    wrong: list[str] = []
    started = time.perf_counter()
    for text, gold in sentences(path):
        if limit is not None and count >= limit:
            break
        count += 1
        chars += len(text)
        got = found_spans(text)
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        if len(wrong) < errors:
            wrong += [f"  fp {text[a:b]!r} in …{text[max(0, a - 12):b + 8]}…" for a, b in sorted(got - gold)]
    seconds = time.perf_counter() - started
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"sentences": count, "chars": chars, "tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f": f,
            "chars_per_s": chars / seconds if seconds else 0.0, "wrong": wrong[:errors]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="sentences per set (default: all)")
    parser.add_argument("--errors", type=int, default=0, help="print up to K false positives per set")
    args = parser.parse_args(argv)
    corpus = next((d for d in CORPUS_DIRS if (d / SETS["msra"]).exists()), None)
    if corpus is None:
        print("NER test sets not found in ../shared/corpus: skipped.")
        return 0
    for name, filename in SETS.items():
        result = measure(corpus / filename, args.limit, args.errors)
        print(f"{name}: {result['sentences']} sentences, PER P {result['p']:.3f} R {result['r']:.3f} "
              f"F1 {result['f']:.3f} (tp {result['tp']}, fp {result['fp']}, fn {result['fn']}), "
              f"{result['chars_per_s']:,.0f} chars/s")
        for line in result["wrong"]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
