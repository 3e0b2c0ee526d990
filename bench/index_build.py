"""Full build of the corpus: the archive's index against the naive build.

    python -m bench.index_build [--limit N | --every N] [--workers N] [--no-naive]

Prints documents/second and total time for both builds on the same documents,
index sizes and peak memory: the largest of the build's processes, and each
process by role (the build's own; the extraction workers of phase 1; the
writer processes of phase 2), from their VmHWM in /proc (Linux).
Reads ../shared/corpus/news.jsonl.gz.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

from bench import corpus, naive

# How often the build's processes are looked at: VmHWM only grows, so the
# last reading of a process misses at most what it grew in its last interval.
WATCH_SECONDS = 0.05


class ProcessPeaks:
    """The peak memory (VmHWM) of a process and of every process it forks,
    with when each was first and last seen, read from /proc while it runs."""

    def __init__(self, root: int):
        self.root = root
        self.peaks: dict[int, int] = {}                  # pid -> VmHWM, kB
        self.seen: dict[int, list[float]] = {}           # pid -> [first, last] seen
        self.parents: dict[int, int] = {}
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> "ProcessPeaks":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopped.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stopped.is_set():
            now = time.monotonic()
            family, unseen = [self.root], [self.root]
            while unseen:
                parent = unseen.pop()
                for pid in _children(parent):
                    self.parents.setdefault(pid, parent)
                    family.append(pid)
                    unseen.append(pid)
            for pid in family:
                high = _vm_hwm(pid)
                if high is not None:
                    self.peaks[pid] = max(high, self.peaks.get(pid, 0))
                    self.seen.setdefault(pid, [now, now])[1] = now
            self._stopped.wait(WATCH_SECONDS)

    def by_role(self) -> list[tuple[str, list[float]]]:
        """(role, the peaks of its processes in MB): the build's own process,
        then its children in waves (a wave starts with a child first seen
        after every child of the wave before had ended): phase 1's
        extraction pool, then phase 2's writer processes."""
        roles = [("build", [self.peaks.get(self.root, 0) / 1024])]
        children = sorted((pid for pid in self.peaks if self.parents.get(pid) == self.root),
                          key=lambda pid: self.seen[pid][0])
        waves: list[list[int]] = []
        for pid in children:
            if waves and self.seen[pid][0] <= max(self.seen[p][1] for p in waves[-1]):
                waves[-1].append(pid)
            else:
                waves.append([pid])
        names = ["extract workers", "writer processes"] if len(waves) == 2 else \
            [f"children, wave {n}" for n in range(1, len(waves) + 1)]
        for name, wave in zip(names, waves):
            roles.append((name, [self.peaks[pid] / 1024 for pid in wave]))
        others = [pid for pid in self.peaks if pid != self.root and pid not in children]
        if others:
            roles.append(("grandchildren", [self.peaks[pid] / 1024 for pid in others]))
        return roles


def _children(pid: int) -> list[int]:
    """The processes `pid`'s threads have forked (/proc/PID/task/TID/children)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", "rb") as handle:
                found += map(int, handle.read().split())
    except OSError:
        pass
    return found


def _vm_hwm(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def run_archive_build(jsonl: Path, index_dir: Path, workers: int):
    """Time `archive reindex --full` in its own process (so its peak memory is
    its own): seconds, CPU seconds of all its processes, the largest
    process's peak in MB, the build's summary line, and the peaks by role
    (`ProcessPeaks.by_role`)."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(
        [sys.executable, "-c", "from archive.cli import main; main()", "reindex", str(jsonl),
         "--index", str(index_dir), "--full", "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with ProcessPeaks(process.pid) as peaks:
        stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"the build failed ({process.returncode}): {stderr.strip()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, after.ru_maxrss / 1024, stdout.strip().splitlines()[-1], peaks.by_role()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="documents (default: all)")
    parser.add_argument("--every", type=int, default=1, help="take every Nth corpus line")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep its corpus.jsonl, "
                        "index/ and naive-*/ for bench.query_latency and bench.incremental")
    args = parser.parse_args()
    corpus.require()
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        jsonl = tmp / "corpus.jsonl"
        rows = islice(corpus.records(), 0, None, args.every)
        if args.limit is not None:
            rows = islice(rows, args.limit)
        count = corpus.write_jsonl(rows, jsonl)
        print(f"{count} documents, {os.cpu_count()} cores, workers={args.workers}")
        index_dir = tmp / "index"
        seconds, cpu, peak, summary, roles = run_archive_build(jsonl, index_dir, args.workers)
        print(f"archive build: {seconds:.1f}s ({cpu:.1f} CPU s), {count / seconds:.0f} docs/s, "
              f"index {naive.size_of(index_dir) / 1e6:.0f} MB, peak RSS {peak:.0f} MB")
        print("  peak RSS by process: " + "; ".join(
            f"{role} {', '.join(f'{mb:.0f}' for mb in mbs)} MB" for role, mbs in roles))
        print(f"  ({summary})")
        if not args.no_naive:
            for procs in sorted({1, args.workers}):
                n, naive_seconds = naive.build(jsonl, tmp / f"naive-{procs}", procs=procs)
                print(f"naive build ({procs} proc): {naive_seconds:.1f}s, {n / naive_seconds:.0f} docs/s, "
                      f"index {naive.size_of(tmp / f'naive-{procs}') / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
