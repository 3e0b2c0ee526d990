"""No searcher outlives the index version it reads: after a full rebuild or a
merging commit, a serving process holds no removed file open (issue 10, fault 6)."""
from __future__ import annotations

import json
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from indexer import SearchRequest, build, open_index
from indexer.searchers import BoundedCache

from .conftest import SEEDS

CLI = [sys.executable, "-c", "from archive.cli import main; main()"]


def held_removed_files(pid: int, root: Path) -> list[str]:
    """Files under `root` that process `pid` holds open or mapped although they are deleted."""
    held = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue   # closed while we looked
        if target.startswith(str(root)) and target.endswith("(deleted)"):
            held.append(target)
    maps = Path(f"/proc/{pid}/maps").read_text()
    held += [line for line in maps.splitlines() if str(root) in line and "(deleted)" in line]
    return held


def open_files_under(pid: int, path: Path) -> list[str]:
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(path) + "/"):
            found.append(target)
    return found


class Workers:
    """Long-lived threads that each run what they are handed, like a WSGI server's pool."""

    def __init__(self, count: int):
        self.inboxes = [queue.Queue() for _ in range(count)]
        self.threads = [threading.Thread(target=self._run, args=(inbox,), daemon=True)
                        for inbox in self.inboxes]
        for thread in self.threads:
            thread.start()

    @staticmethod
    def _run(inbox):
        while (job := inbox.get()) is not None:
            function, answer = job
            try:
                answer.put(function())
            except BaseException as exc:  # handed back to the test
                answer.put(exc)

    def run(self, worker: int, function):
        answer = queue.Queue()
        self.inboxes[worker].put((function, answer))
        result = answer.get(timeout=60)
        if isinstance(result, BaseException):
            raise result
        return result

    def stop(self):
        for inbox in self.inboxes:
            inbox.put(None)


@pytest.fixture
def own_index(tmp_path) -> Path:
    root = tmp_path / "index"
    build([SEEDS], root, workers=1)
    return root


def total(index, q="书记") -> int:
    return index.search(SearchRequest.from_params({"q": q})).total


def test_full_rebuild_leaves_no_old_generation_open_in_any_thread(own_index):
    index = open_index(own_index)
    index.warm_up()                        # the main thread, which serves nothing
    workers = Workers(3)
    try:
        expected = [workers.run(w, lambda: total(index)) for w in range(3)]
        old = own_index / "gen-000001"
        assert open_files_under(os.getpid(), old), "the workers should be reading gen-000001"
        build([SEEDS], own_index, full=True, workers=1)
        assert not old.exists()
        # One request, on one thread: every other thread's searcher is idle and must go too.
        assert workers.run(0, lambda: total(index)) == expected[0]
        assert held_removed_files(os.getpid(), own_index) == []
        assert open_files_under(os.getpid(), old) == []
        # The idle threads still answer, from the new generation.
        assert [workers.run(w, lambda: total(index)) for w in range(3)] == expected
    finally:
        workers.stop()
        index.close()


def test_merging_commits_neither_count_twice_nor_hold_merged_segments(own_index, tmp_path):
    index = open_index(own_index)
    workers = Workers(2)
    extra = tmp_path / "extra"
    extra.mkdir()
    try:
        before = [workers.run(w, lambda: total(index)) for w in range(2)]
        # Whoosh merges small segments every few commits; six commits make it merge.
        for number in range(6):
            (extra / f"{number}.txt").write_text(
                f"新桥镇党委书记张{number}主持召开会议，研究部署工作。", encoding="utf-8")
            build([extra], own_index, workers=1)
            after = workers.run(0, lambda: total(index))
            assert after == before[0] + number + 1
        assert workers.run(1, lambda: total(index)) == before[1] + 6
        assert held_removed_files(os.getpid(), own_index) == []
    finally:
        workers.stop()
        index.close()


def test_a_searcher_in_use_is_closed_when_its_operation_ends_not_before(own_index):
    index = open_index(own_index)
    inside, release = threading.Event(), threading.Event()
    slow_results = []

    def slow_operation():
        with index.shard._searchers.held() as slot:
            inside.set()
            release.wait(30)
            # Still readable although a newer generation went live meanwhile.
            slow_results.append(slot.searcher.doc_count())

    thread = threading.Thread(target=slow_operation)
    thread.start()
    assert inside.wait(30)
    build([SEEDS], own_index, full=True, workers=1)
    assert total(index) > 0            # this thread opens the new generation
    release.set()
    thread.join(30)
    assert slow_results == [5]
    assert held_removed_files(os.getpid(), own_index) == []
    index.close()


def test_an_operation_begun_before_a_rebuild_reads_all_of_its_version(own_index):
    """Whoosh opens stored fields and lengths lazily; the rebuild below deletes
    the generation before this operation first reads them, and it must still
    get whole hits, scored as before (the files were opened with the searcher)."""
    def answer(index):
        result = index.search(SearchRequest.from_params({"q": "书记"}))
        return [(hit.id, hit.title, round(hit.score, 6)) for hit in result.hits]

    expected = answer(open_index(own_index))
    index = open_index(own_index)
    inside, release, answers = threading.Event(), threading.Event(), []

    def begun_before_the_rebuild():
        with index.shard._searchers.held():
            inside.set()
            release.wait(30)
            answers.append(answer(index))   # nested: the same, now deleted, version

    thread = threading.Thread(target=begun_before_the_rebuild)
    thread.start()
    assert inside.wait(30)
    build([SEEDS], own_index, full=True, workers=1)
    assert not (own_index / "gen-000001").exists()
    release.set()
    thread.join(30)
    assert answers == [expected] and len(expected) == 4
    index.close()


def test_a_generation_losing_its_files_while_opening_is_not_served(own_index):
    """A rebuild deleting the folder while a searcher opens it: the searcher
    must not open with columns missing (hits would lose their stored fields),
    but fail with an OSError, which makes the caller read the pointer again."""
    from indexer.searchers import open_searcher

    generation = own_index / "gen-000001"
    for stored in generation.glob("*._stored.col"):
        stored.unlink()
    with pytest.raises(OSError, match="removed while opening"):
        open_searcher(generation)


def test_bounded_cache_forgets_oldest_first():
    cache = BoundedCache(3)
    for key in "abcd":
        cache[key] = key.upper()
    assert list(cache) == ["b", "c", "d"] and "a" not in cache
    cache["b"] = "again"                # replacing keeps the size
    assert len(cache) == 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _search(port: int, q: str) -> dict:
    url = f"http://127.0.0.1:{port}/api/search?q={urllib.parse.quote(q)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def test_archive_serve_lets_go_of_a_replaced_generation(tmp_path):
    root = tmp_path / "index"
    build([SEEDS], root, workers=1)
    port = _free_port()
    server = subprocess.Popen(CLI + ["serve", "--index", str(root), "--port", str(port),
                                     "--threads", "4"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        # Concurrent requests, so that several of waitress's threads open a searcher.
        with ThreadPoolExecutor(8) as pool:
            totals = set(pool.map(lambda _: _search(port, "书记")["total"], range(16)))
        assert len(totals) == 1
        assert open_files_under(server.pid, root / "gen-000001")
        build([SEEDS], root, full=True, workers=1)   # what `archive reindex --full` runs
        assert (root / "CURRENT").read_text().strip() == "gen-000002"
        assert _search(port, "书记")["total"] in totals
        assert held_removed_files(server.pid, root) == []
        assert open_files_under(server.pid, root / "gen-000001") == []
    finally:
        server.terminate()
        server.wait(timeout=10)
    shutil.rmtree(root, ignore_errors=True)
