"""The archive against the naive Whoosh build and tantivy, paired, on one subset.

    python -m bench.engines [--every 10] [--rounds 2] [--engines ours,naive,tantivy]
                            [--work DIR] [--out FILE] [--queries-only]

Takes every Nth line of the shared corpus (every 10th: 5,688 documents) and
builds three indexes of it, each in its own process, in turns that rotate:
ours (`archive reindex --full` with two workers), the naive Whoosh +
`ChineseAnalyzer` build (`bench/naive.py`, one process) and tantivy-py with
the same folded text cut in Python (one thread). tantivy is a reference peer
installed into the running environment when missing (`pip install tantivy`),
never a dependency of the archive.

Then 200 distinct queries in six classes (broad, single character, word,
substring across word boundaries, two terms, quoted phrase with a space) run
once each, cold, in a fresh process per engine after a warm-up on 20 other
queries; ours answers as the site does (top 10, facets, snippets), tantivy
gives its top 10 and exact count. So that the ratio also compares like with
like, ours runs a second time in a fresh process doing only tantivy's work
("ours-core": the count and the ids of the top 10 through the engine seam,
`Shard.match` and `rank`; no facets, snippets or officials' profiles); both
ratios are printed. tantivy's schema stores only `id`, so its "top 10 stored
documents" are ten ids, read from its document store; `rank` answers each of
its top k with its id, read from the id column the shard keeps in memory:
each engine's way to the same ten ids. Until session 6 ours-core also
fetched the ten whole stored documents (`Shard.fetch`: title, body and
metadata inflated and unpickled, work tantivy's schema never asks of it);
that run is kept beside it as "ours-core-docs", so figures of either
definition can be compared. Every total of ours must equal tantivy's
(the same substring semantics over the same folded text); the naive build
matches words, so its totals differ, and how often is printed.

Prints CPU seconds of each build (the process and its children), index
sizes, latency percentiles per class, the serving process's peak RSS, and
ratios, each the median over the rounds.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bench import corpus

CLASSES = ("broad", "single", "word", "across", "two", "quoted")
PER_CLASS = {"broad": 30, "single": 35, "word": 35, "across": 35, "two": 35, "quoted": 30}
WARMUP = 20
# The archive's runs: the site's work, tantivy's, and tantivy's with whole stored documents.
OURS = ("ours", "ours-core", "ours-core-docs")
_RUN = re.compile(r"[^\W_]+")


# -- the subset and its queries --------------------------------------------

def write_subset(every: int, path: Path) -> int:
    count = 0
    with gzip.open(corpus.require(), "rt", encoding="utf-8") as handle, \
            open(path, "w", encoding="utf-8") as out:
        for n, line in enumerate(handle):
            if n % every == 0:
                row = json.loads(line)
                out.write(json.dumps({"id": row["id"], "title": row.get("title") or "",
                                      "text": row["text"]}, ensure_ascii=False) + "\n")
                count += 1
    return count


def make_queries(subset: Path, seed: int = 13) -> tuple[list[dict], list[dict]]:
    """200 distinct queries in classes, and WARMUP others; deterministic."""
    from archive.script import fold
    from indexer.analysis import segmenter

    rng = random.Random(seed)
    rows = [json.loads(line) for line in open(subset, encoding="utf-8")]
    sample = rng.sample(rows, min(1500, len(rows)))
    word_df: Counter = Counter()
    char_df: Counter = Counter()
    cut: list[list[tuple[str, int, int]]] = []
    for row in sample:
        text = fold(f"{row['title']}\n{row['text']}")
        tokens = [t for t in segmenter().tokenize(text)]
        cut.append(tokens)
        word_df.update({w for w, _, _ in tokens if len(w) >= 2 and _RUN.fullmatch(w)})
        char_df.update({c for c in text if c.isalnum() and ord(c) > 0x2E80})
    seen: set[str] = set()
    queries: list[dict] = []

    def add(kind: str, q: str) -> bool:
        if q in seen or len([x for x in queries if x["class"] == kind]) >= PER_CLASS[kind] + \
                (WARMUP // len(CLASSES) + 1):
            return False
        seen.add(q)
        queries.append({"class": kind, "q": q})
        return True

    for word, _ in word_df.most_common(60):
        add("broad", word)
    chars = [c for c, _ in char_df.most_common(3000)]
    for k in range(0, len(chars), max(1, len(chars) // 45)):
        add("single", chars[k])
    middling = [w for w, df in word_df.items() if 2 <= df <= 100 and 2 <= len(w) <= 4]
    rng.shuffle(middling)
    for word in middling[:45]:
        add("word", word)
    for tokens, row in zip(cut, sample):
        if len([x for x in queries if x["class"] == "across"]) > PER_CLASS["across"] + 4:
            break
        # Start inside one word, end inside a later one.
        for i in range(len(tokens) - 2):
            w1, s1, e1 = tokens[i]
            w3, s3, e3 = tokens[i + 2]
            if len(w1) >= 2 and len(w3) >= 2 and _RUN.fullmatch(w1 + tokens[i + 1][0] + w3):
                if add("across", (w1 + tokens[i + 1][0] + w3)[1:-1]):
                    break
        words = [w for w, _, _ in tokens if len(w) >= 2 and _RUN.fullmatch(w)]
        if len(words) >= 8:
            a, b = rng.sample(words, 2)
            if a != b:
                add("two", f"{a} {b}")
    text_pairs = re.compile(r"([^\W_]{2,})[ \u3000]+([^\W_]{2,})")
    for row in rows:
        for match in text_pairs.finditer(fold(row["text"])):
            a, b = match.group(1), match.group(2)
            a, b = a[-rng.randint(2, min(4, len(a))):], b[:rng.randint(2, min(4, len(b)))]
            if add("quoted", f'"{a} {b}"'):
                break
        if len([x for x in queries if x["class"] == "quoted"]) > PER_CLASS["quoted"] + 4:
            break
    measured, warmup = [], []
    for kind in CLASSES:
        of_kind = [x for x in queries if x["class"] == kind]
        measured += of_kind[:PER_CLASS[kind]]
        warmup += of_kind[PER_CLASS[kind]:]
    return measured, warmup[:WARMUP]


# -- tantivy: the same substring semantics over the same folded text --------

def tantivy_tokens(text: str) -> tuple[str, str]:
    """Bigram-field and character-field text for tantivy's whitespace tokenizer.

    The same tokens at the same positions as the archive's bigram field; the
    two positions between runs are filled with a token saying whether only
    whitespace separated them, so a quoted phrase with a space can be asked."""
    tokens: list[str] = []
    end = 0
    for match in _RUN.finditer(text):
        if tokens:
            gap = "‖s" if text[end:match.start()].isspace() else "‖p"
            tokens += [gap, gap]
        run = match.group()
        tokens += [run[k:k + 2] for k in range(len(run) - 1)] + [run[-1]]
        end = match.end()
    chars = dict.fromkeys("".join(_RUN.findall(text)))
    return " ".join(tokens), " ".join(chars)


def ensure_tantivy():
    try:
        import tantivy  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "tantivy"], check=True)
    import tantivy
    return tantivy


def tantivy_schema(tantivy):
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("bigrams", tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("chars", tokenizer_name="whitespace", index_option="basic")
    builder.add_text_field("words", tokenizer_name="whitespace", index_option="freq")
    return builder.build()


def build_tantivy(subset: Path, directory: Path) -> None:
    import jieba

    from archive.script import fold
    tantivy = ensure_tantivy()
    jieba.setLogLevel(60)
    index = tantivy.Index(tantivy_schema(tantivy), path=str(directory))
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    for line in open(subset, encoding="utf-8"):
        row = json.loads(line)
        text = fold(f"{row['title']}\n{row['text']}" if row["title"] else row["text"])
        bigrams, chars = tantivy_tokens(text)
        words = " ".join(w for w in jieba.cut(text) if _RUN.search(w))
        writer.add_document(tantivy.Document(id=row["id"], bigrams=bigrams, chars=chars,
                                             words=words))
    writer.commit()
    writer.wait_merging_threads()


class TantivySearcher:
    def __init__(self, directory: Path):
        self.tantivy = ensure_tantivy()
        self.index = self.tantivy.Index.open(str(directory))
        self.searcher = self.index.searcher()
        self.schema = self.index.schema

    def _run(self, run: str):
        from indexer.phrase import covering_bigrams
        T = self.tantivy
        if len(run) == 1:
            return T.Query.term_query(self.schema, "chars", run)
        if len(run) == 2:
            return T.Query.term_query(self.schema, "bigrams", run)
        return T.Query.phrase_query(self.schema, "bigrams", [(k, w) for w, k in covering_bigrams(run)])

    def _quoted(self, a: str, b: str):
        from indexer.phrase import covering_bigrams
        words = [(k, w) for w, k in covering_bigrams(a)] if len(a) > 1 else []
        words += [(len(a) - 1, a[-1]), (len(a), "‖s"), (len(a) + 1, "‖s")]
        words += [(len(a) + 2 + k, w) for w, k in covering_bigrams(b)]
        return self.tantivy.Query.phrase_query(self.schema, "bigrams", words)

    def search(self, q: str) -> int:
        from archive.script import fold
        from indexer.analysis import query_runs, words
        T = self.tantivy
        must, should = [], []
        quoted = re.fullmatch(r'"(\S+) (\S+)"', q)
        if quoted:
            a, b = fold(quoted.group(1)), fold(quoted.group(2))
            must.append(self._quoted(a, b))
            runs = [a, b]
        else:
            runs = [run for part in q.split() for run in query_runs(part)]
            must += [self._run(run) for run in runs]
        for run in runs:
            should += [T.Query.term_query(self.schema, "words", w) for w in words(run) or [run]]
        query = T.Query.boolean_query([(T.Occur.Must, m) for m in must] +
                                      [(T.Occur.Should, s) for s in should])
        result = self.searcher.search(query, limit=10, count=True)
        for _score, address in result.hits:
            self.searcher.doc(address)
        return result.count


# -- one engine's cold queries, in a process of its own --------------------

def ours_runner(engine: str, directory: Path):
    """The archive's search of one query string, returning its total: "ours"
    does the site's work (count, top 10, facets, snippets); "ours-core"
    tantivy's (the count and the top 10 ids); "ours-core-docs" the count and
    the top 10 whole stored documents (title, body, metadata), which is what
    "ours-core" measured until tantivy's work was matched (see the module's
    docstring)."""
    from indexer import SearchRequest, open_index
    from indexer.search import SEARCH_SECONDS
    index = open_index(directory)
    index.warm_up()
    if engine == "ours":
        return lambda q: index.search(SearchRequest.from_params({"q": q})).total
    whole_documents = engine == "ours-core-docs"

    def core(q: str) -> int:
        request = SearchRequest.from_params({"q": q})
        with index.shard.reading() as shard:
            found = shard.match(request, SEARCH_SECONDS)
            top = shard.rank(request, found.keys, 10)
            if whole_documents:
                shard.fetch([key for _score, key, _id in top])
            # else: the ten ids are the third of each (score, key, id) `rank` answers,
            # read from the id column, as tantivy's doc() reads its one stored field.
            return len(found.keys)
    return core


def query_process(engine: str, directory: Path, queries_file: Path) -> dict:
    spec = json.loads(queries_file.read_text(encoding="utf-8"))
    if engine in OURS:
        run = ours_runner(engine, directory)
    elif engine == "naive":
        from bench import naive   # here only: it loads jieba's own dictionary a second time
        searcher = naive.Searcher(directory)
        run = searcher.search
    else:
        run = TantivySearcher(directory).search
    for item in spec["warmup"]:
        run(item["q"])
    timings, cpu_timings, totals = [], [], []
    for item in spec["queries"]:
        started, cpu_started = time.perf_counter(), time.process_time()
        totals.append(run(item["q"]))
        timings.append((time.perf_counter() - started) * 1000)
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
    return {"ms": timings, "cpu_ms": cpu_timings, "totals": totals, "rss_mb": peak_rss_mb()}


def peak_rss_mb() -> float:
    # VmHWM, not ru_maxrss: the latter survives exec, so a process started
    # from a large parent reports the parent's peak.
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the paired run ---------------------------------------------------------

def timed_process(args: list[str]) -> tuple[float, float, str]:
    """(CPU seconds of the process and its children, wall seconds, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])}… failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def build(engine: str, subset: Path, directory: Path) -> tuple[float, float]:
    shutil.rmtree(directory, ignore_errors=True)
    if engine == "ours":
        args = [sys.executable, "-c", "from archive.cli import main; main()", "reindex",
                str(subset), "--index", str(directory), "--full", "--workers", "2"]
    else:
        directory.mkdir(parents=True)
        args = [sys.executable, "-m", "bench.engines", "--_build", engine, str(subset), str(directory)]
    cpu, wall, _ = timed_process(args)
    return cpu, wall


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--every", type=int, default=10, help="take every Nth corpus line")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--engines", default="ours,naive,tantivy")
    parser.add_argument("--work", type=Path, default=Path("bench/out/engines"))
    parser.add_argument("--out", type=Path, help="also write the report here")
    parser.add_argument("--queries-only", action="store_true",
                        help="query the indexes an earlier run left in --work; build nothing")
    parser.add_argument("--_build", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--_query", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._build:
        engine, subset, directory = args._build
        if engine == "naive":
            from bench import naive
            naive.build(Path(subset), Path(directory))
        else:
            build_tantivy(Path(subset), Path(directory))
        return
    if args._query:
        engine, directory, queries_file = args._query
        print(json.dumps(query_process(engine, Path(directory), Path(queries_file))))
        return

    from bench import naive   # sizes of index folders
    engines = args.engines.split(",")
    built = engines[:]
    if "ours" in engines:   # the others query ours' index
        for n, core in enumerate(("ours-core", "ours-core-docs")):
            if core not in engines:
                engines.insert(engines.index("ours") + 1 + n, core)
    if "tantivy" in engines:
        ensure_tantivy()
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    subset = work / "subset.jsonl"
    count = write_subset(args.every, subset)
    queries, warmup = make_queries(subset)
    queries_file = work / "queries.json"
    queries_file.write_text(json.dumps({"queries": queries, "warmup": warmup}, ensure_ascii=False),
                            encoding="utf-8")
    lines: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    say(f"# bench.engines, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    say(f"# python -m bench.engines --every {args.every} --rounds {args.rounds} --engines {args.engines}"
        + (" --queries-only" if args.queries_only else ""))
    say(f"{count} documents (every {args.every}th corpus line), {len(queries)} queries: "
        + ", ".join(f"{k} {sum(q['class'] == k for q in queries)}" for k in CLASSES))
    cpu: dict[str, list[float]] = {e: [] for e in engines}
    wall: dict[str, list[float]] = {e: [] for e in engines}
    runs: dict[str, list[dict]] = {e: [] for e in engines}
    for round_number in range(args.rounds):
        order = engines[round_number % len(engines):] + engines[:round_number % len(engines)]
        for engine in [] if args.queries_only else [e for e in order if e in built]:
            c, w = build(engine, subset, work / engine)
            cpu[engine].append(c)
            wall[engine].append(w)
            say(f"round {round_number + 1}: {engine} build {c:.1f} CPU s, {w:.1f} s wall")
        for engine in order:
            directory = work / ("ours" if engine in OURS else engine)
            _, _, out = timed_process([sys.executable, "-m", "bench.engines", "--_query", engine,
                                       str(directory), str(queries_file)])
            runs[engine].append(json.loads(out))
    say()
    say("## build" + (" (not run: --queries-only)" if args.queries_only else ""))
    for engine in [] if args.queries_only else built:
        say(f"{engine:8} {statistics.median(cpu[engine]):7.1f} CPU s  "
            f"{statistics.median(wall[engine]):6.1f} s wall  "
            f"index {naive.size_of(work / engine) / 1e6:6.1f} MB")
    if "naive" in engines and "ours" in engines and not args.queries_only:
        say(f"ours/naive: CPU {statistics.median(cpu['ours']) / statistics.median(cpu['naive']):.2f}x, "
            f"size {naive.size_of(work / 'ours') / naive.size_of(work / 'naive'):.2f}x")
    if "tantivy" in engines and "ours" in engines and not args.queries_only:
        say(f"ours/tantivy: CPU {statistics.median(cpu['ours']) / statistics.median(cpu['tantivy']):.2f}x, "
            f"size {naive.size_of(work / 'ours') / naive.size_of(work / 'tantivy'):.2f}x")

    # Per query, the median over rounds of its cold time.
    per_query = {e: [statistics.median(r["ms"][i] for r in runs[e]) for i in range(len(queries))]
                 for e in engines}
    say()
    # On a busy machine wall time also waits for a core; the process's CPU time does not.
    cpu_per_query = {e: [statistics.median(r["cpu_ms"][i] for r in runs[e])
                         for i in range(len(queries))] for e in engines}
    for title, timed in (("## cold queries, ms: p50 / p95 / p99 / max "
                          "(peak RSS of the query process)", per_query),
                         (f"## the same, CPU time of the query process (load now "
                          f"{os.getloadavg()[0]:.1f})", cpu_per_query)):
        say(title)
        for engine in engines:
            ms = timed[engine]
            rss = max(r["rss_mb"] for r in runs[engine])
            say(f"{engine:14} all     {percentile(ms, 50):6.1f} / {percentile(ms, 95):6.1f} / "
                f"{percentile(ms, 99):6.1f} / {max(ms):6.1f}" +
                (f"   ({rss:.0f} MB)" if timed is per_query else ""))
            for kind in CLASSES:
                of_kind = [m for m, q in zip(ms, queries) if q["class"] == kind]
                if of_kind:
                    say(f"{'':14} {kind:7} {percentile(of_kind, 50):6.1f} / "
                        f"{percentile(of_kind, 95):6.1f} / "
                        f"{percentile(of_kind, 99):6.1f} / {max(of_kind):6.1f}")
        say()
    work_done = {"ours": "site work: count, top 10, facets, snippets",
                 "ours-core": "tantivy's work: count, top 10 ids",
                 "ours-core-docs": "count, top 10 whole stored documents"}
    for mine in OURS:
        for other in ("naive", "tantivy"):
            if other in engines and mine in engines and not (mine != "ours" and other == "naive"):
                for label, timed in (("wall", per_query), ("CPU", cpu_per_query)):
                    a, b = timed[mine], timed[other]
                    say(f"{mine}/{other} ({label}): p50 {percentile(a, 50) / percentile(b, 50):.2f}x, "
                        f"p95 {percentile(a, 95) / percentile(b, 95):.2f}x, "
                        f"p99 {percentile(a, 99) / percentile(b, 99):.2f}x   ({work_done[mine]})")
    say()
    say("## totals")
    if "ours" in engines:
        ours = runs["ours"][0]["totals"]
        for other in ("ours-core", "ours-core-docs", "tantivy", "naive"):
            if other not in engines:
                continue
            theirs = runs[other][0]["totals"]
            differ = [(q["q"], a, b) for q, a, b in zip(queries, ours, theirs) if a != b]
            say(f"ours vs {other}: {len(queries) - len(differ)} of {len(queries)} totals agree")
            for q, a, b in differ[:10] if other == "tantivy" else []:
                say(f"  {q}: ours {a}, tantivy {b}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
