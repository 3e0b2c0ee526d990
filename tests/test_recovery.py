"""A reindex killed with SIGKILL: its children die, its lock is taken over,
its partial generation removed, and the next reindex runs at once.

These run real `archive reindex` processes and real forked children, and
kill them for real.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from indexer import IndexBusy, SearchRequest, build, open_index, store

from .conftest import ROOT, SEEDS

ARCHIVE = [sys.executable, "-m", "archive.cli"]


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until_gone(pids: list[int], seconds: float = 2.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(running(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if running(p)]


def many_documents(path: Path, count: int, length: int = 400) -> Path:
    """`count` distinct documents of up to `length` characters made from the seeds."""
    from archive.ingest import read_sources

    texts = [raw.text for raw in read_sources([SEEDS])]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            out.write(json.dumps({"id": f"copy{i:04d}", "text": f"第{i}号。{texts[i % len(texts)][:length]}"},
                                 ensure_ascii=False) + "\n")
    return path


def python(script: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def test_kill_9_of_a_full_reindex_then_reindex_at_once(tmp_path):
    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    live = store.current_generation(index_dir)
    source = many_documents(tmp_path / "many.jsonl", 560)
    killed = subprocess.Popen(ARCHIVE + ["reindex", str(source), "--index", str(index_dir),
                                         "--full", "--workers", "2"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in killed.stderr:  # one line per phase when not on a terminal
            if line.startswith("reading"):
                break
        deadline = time.monotonic() + 20
        while len(children_of(killed.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # the extraction pool is up: the build is mid-run
        time.sleep(0.3)
        children = children_of(killed.pid)
        partial = [p for p in index_dir.glob("gen-*") if p != live]
        assert len(children) >= 2 and partial  # really killed mid-run, with a new generation
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait()
    finally:
        if killed.poll() is None:
            killed.kill()
    assert wait_until_gone(children) == []  # the children died with their parent

    # "At once": the lock is taken without blocking (a holder still alive
    # would make this reindex fail as busy), so success with the takeover
    # message is the proof; a stopwatch here would only time the machine.
    again = subprocess.run(ARCHIVE + ["reindex", str(SEEDS), "--index", str(index_dir)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert f"taking over the lock of reindex pid {killed.pid}, which is no longer running" \
        in again.stderr
    # The live generation never changed and answers; the partial one is gone.
    assert store.current_generation(index_dir) == live
    assert sorted(index_dir.glob("gen-*")) == [live]
    result = open_index(index_dir).search(SearchRequest.from_params({"q": "杨国昕"}))
    assert [hit.id for hit in result.hits] == ["001_0c41b430a93a6d9e"]


def test_writer_processes_die_with_a_killed_build_and_free_the_generation(tmp_path):
    """Whoosh's writer processes inherit its lock on the generation: killed
    with their parent, they must not keep it from the next writer."""
    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    generation = store.current_generation(index_dir)
    holder = python(f"""
        import sys, time
        from whoosh import index
        from indexer.processes import children_die_with_me
        from indexer.writer import open_writer
        ix = index.open_dir({str(generation)!r})
        with children_die_with_me():
            writer = open_writer(ix, 2, 64)
            for i in range(200):  # past a batch: the writer processes start
                writer.add_document(id=f"w{{i}}", text="x", chars="区长杨国昕主持会议", words="会议")
            print("ready", flush=True)
            time.sleep(60)
    """)
    try:
        assert holder.stdout.readline().strip() == "ready", holder.stderr.read()
        children = children_of(holder.pid)
        assert len(children) >= 2
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    finally:
        if holder.poll() is None:
            holder.kill()
    assert wait_until_gone(children) == []
    report = build([SEEDS], index_dir)  # Whoosh's own lock on the generation is free again
    assert report.unchanged == 5 and report.failed == 0


def test_the_lock_is_the_parents_alone_and_a_dead_holders_is_taken_over(tmp_path):
    index_dir = tmp_path / "index"
    holder = python(f"""
        import multiprocessing, time
        from pathlib import Path
        from indexer import store
        with store.write_lock(Path({str(index_dir)!r})):
            child = multiprocessing.get_context("fork").Process(target=time.sleep, args=(60,))
            child.start()  # forked while the lock is held, and not told to die with us
            print(child.pid, flush=True)
            time.sleep(60)
    """)
    child = None
    try:
        child = int(holder.stdout.readline())
        with pytest.raises(IndexBusy, match=f"reindex pid {holder.pid} is writing"):
            build([SEEDS], index_dir)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        assert running(child)  # the child outlives its parent, as orphans do ...
        heard = []
        report = build([SEEDS], index_dir, notify=heard.append)  # ... but holds no lock
        assert report.added == 5
        assert heard == [f"taking over the lock of reindex pid {holder.pid}, "
                         "which is no longer running"]
        heard.clear()
        build([SEEDS], index_dir, notify=heard.append)  # released cleanly: nothing to take over
        assert heard == []
    finally:
        if holder.poll() is None:
            holder.kill()
        if child:
            os.kill(child, signal.SIGKILL)


def test_a_second_lock_in_the_same_process_is_refused_and_keeps_the_first(tmp_path):
    # POSIX locks belong to a process: the second attempt must not succeed,
    # nor drop the first by opening and closing the file.
    index_dir = tmp_path / "index"
    with store.write_lock(index_dir):
        with pytest.raises(IndexBusy):
            build([SEEDS], index_dir)
        other = python(f"""
            from pathlib import Path
            from indexer import store, IndexBusy
            try:
                with store.write_lock(Path({str(index_dir)!r})):
                    print("acquired")
            except IndexBusy:
                print("busy")
        """)
        assert other.communicate(timeout=60)[0].strip() == "busy"
    assert build([SEEDS], index_dir).added == 5


def test_a_stray_folder_with_other_digits_does_not_stop_a_new_generation(tmp_path):
    from indexer import store

    (tmp_path / "gen-²").mkdir()        # str.isdigit() says yes, int() says no
    (tmp_path / "gen-000004").mkdir()
    assert store.new_generation(tmp_path).name == "gen-000005"
