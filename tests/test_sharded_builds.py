"""A sharded index's builds: documents routed to their shard by id, incremental
updates equal to one index's, one atomic switch for all shards, failed and
killed builds leaving the live index as it was, one lock for the whole DIR,
and build tasks that run in another process as they will on a cluster."""
from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer import (IndexBusy, IndexMissing, IndexWriteError, SearchRequest, ShardCountChanged,
                     build, build_sharded, open_index)
from indexer import manifest, store
from indexer.shard_build import ShardTask, build_shard, plan
from indexer.sharded import shard_of

from .conftest import SEEDS, write_jsonl

ROOT = Path(__file__).resolve().parent.parent


def rows(count: int, start: int = 0, topic: str = "召开安全生产会议") -> list[dict]:
    return [{"id": f"doc-{i:03d}", "title": f"第{i}号", "date": f"2021-03-{i % 28 + 1:02d}",
             "text": f"游仙区新桥镇党委书记任俊洁{topic}，第{i}号通报。"}
            for i in range(start, start + count)]


def ids_by_shard(index_dir: Path) -> dict[str, set[str]]:
    found = {}
    for live in manifest.read(index_dir):
        with whoosh_index.open_dir(str(manifest.generation_path(index_dir, live))).searcher() as s:
            found[live.folder] = {fields["id"] for fields in s.all_stored_fields()}
    return found


def search_ids(index, q: str) -> set[str]:
    result = index.search(SearchRequest.from_params({"q": q}, page_size=100))
    return {hit.id for hit in result.hits}


def test_documents_go_to_the_shard_their_id_hashes_to(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", rows(60))
    report = build_sharded([source], tmp_path / "index", shards=3)
    assert (report.added, report.failed) == (60, 0)
    placed = ids_by_shard(tmp_path / "index")
    assert set(placed) == {"shard-0", "shard-1", "shard-2"}
    for folder, ids in placed.items():
        assert ids and all(f"shard-{shard_of(i, 3)}" == folder for i in ids)
    assert sum(len(ids) for ids in placed.values()) == 60


def test_incremental_updates_route_changes_and_deletions_like_one_index(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", rows(30))
    write_jsonl(folder / "b.jsonl", rows(30, start=30))
    build([folder], tmp_path / "single")
    build_sharded([folder], tmp_path / "sharded", shards=3)
    before = {live.folder: live.generation for live in manifest.read(tmp_path / "sharded")}

    # One document changed, two new, file b gone (its 30 documents deleted).
    changed = rows(30)
    changed[4]["text"] = "涪城区区长王小明调研森林防火。"
    write_jsonl(folder / "a.jsonl", changed + rows(2, start=100))
    (folder / "b.jsonl").unlink()
    one = build([folder], tmp_path / "single")
    sharded = build_sharded([folder], tmp_path / "sharded")
    counts = lambda r: (r.added, r.updated, r.unchanged, r.deleted, r.failed)  # noqa: E731
    assert counts(sharded) == counts(one) == (2, 1, 29, 30, 0)

    after = {live.folder: live.generation for live in manifest.read(tmp_path / "sharded")}
    assert set(after) == set(before) and all(after[f] != before[f] for f in after)
    # Only the live generations are left; the replaced ones went with the switch.
    for live in manifest.read(tmp_path / "sharded"):
        assert [p.name for p in (tmp_path / "sharded" / live.folder).iterdir()] == [live.generation]
    a, b = open_index(tmp_path / "single"), open_index(tmp_path / "sharded")
    assert a.document_count() == b.document_count() == 32
    for q in ("王小明", "安全生产", "第101号", "第45号"):
        assert search_ids(a, q) == search_ids(b, q), q
    assert b.get("doc-004").body.startswith("涪城区区长王小明")
    assert b.get("doc-045") is None


def test_an_unchanged_shard_keeps_its_generation(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", rows(30))
    build_sharded([source], tmp_path / "index", shards=3)
    before = manifest.read(tmp_path / "index")
    report = build_sharded([source], tmp_path / "index")
    assert (report.unchanged, report.added) == (30, 0)
    assert manifest.read(tmp_path / "index") == before


def test_a_new_shard_count_or_sharding_a_single_index_needs_full(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", rows(20))
    build([source], tmp_path / "single")
    with pytest.raises(ShardCountChanged, match="not sharded"):
        build_sharded([source], tmp_path / "single", shards=2)
    assert open_index(tmp_path / "single").document_count() == 20   # untouched
    build_sharded([source], tmp_path / "single", shards=2, full=True)
    assert not (tmp_path / "single" / store.POINTER).exists()
    assert not list((tmp_path / "single").glob(store.PREFIX + "*"))
    with pytest.raises(ShardCountChanged, match="has 2 shards, not 3"):
        build_sharded([source], tmp_path / "single", shards=3)
    reader = open_index(tmp_path / "single")
    assert reader.document_count() == 20
    build_sharded([source], tmp_path / "single", shards=3, full=True)
    # A reader open across the change follows it; the dropped shards' folders go.
    assert reader.document_count() == 20 and len(reader.stats()["generation"].split("+")) == 3
    assert sorted(p.name for p in (tmp_path / "single").glob("shard-*")) == \
        ["shard-0", "shard-1", "shard-2"]
    # Without --shards, `build` keeps a sharded index sharded.
    build([source], tmp_path / "single", full=True)
    assert len(manifest.read(tmp_path / "single")) == 3


def test_a_failing_shard_switches_nothing_and_leaves_nothing_behind(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", rows(30))
    index_dir = tmp_path / "index"
    build_sharded([source], index_dir, shards=3)
    live = manifest.read(index_dir)
    text = (index_dir / manifest.MANIFEST).read_bytes()

    def failing_after_two(tasks):
        # As a cluster runner does when a worker dies: two shards built, then an error.
        for task in tasks[:2]:
            yield build_shard(task)
        raise IndexWriteError("worker lost while building shard-2")

    write_jsonl(tmp_path / "docs.jsonl", rows(30, topic="督导防汛备汛"))
    with pytest.raises(IndexWriteError, match="shard-2"):
        build_sharded([source], index_dir, full=True, run=failing_after_two)
    assert (index_dir / manifest.MANIFEST).read_bytes() == text
    for shard in live:   # the two generations written are gone, the live ones kept
        assert [p.name for p in (index_dir / shard.folder).iterdir()] == [shard.generation]
    assert search_ids(open_index(index_dir), "督导防汛") == set()


@pytest.mark.parametrize("kill_at", ["shard 2/3 reading", "shard 2/3 indexing"],
                         ids=["extracting", "writing"])
def test_a_killed_build_leaves_the_live_index_and_the_next_run_cleans_up(tmp_path, kill_at):
    source = write_jsonl(tmp_path / "docs.jsonl", rows(90))
    index_dir = tmp_path / "index"
    build_sharded([source], index_dir, shards=3)
    text = (index_dir / manifest.MANIFEST).read_bytes()
    write_jsonl(tmp_path / "docs.jsonl", rows(90, topic="督导防汛备汛"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "reindex", str(source), "--index", str(index_dir),
         "--full", "--workers", "1"], stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True)
    seen = []
    for line in process.stderr:   # killed in the middle of one of the two rounds of tasks
        seen.append(line)
        if line.startswith(kill_at):
            os.killpg(process.pid, signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL, seen
    assert (index_dir / manifest.MANIFEST).read_bytes() == text
    assert len(list(index_dir.glob("shard-*/gen-*"))) > 3   # what the killed build wrote
    index = open_index(index_dir)
    assert index.document_count() == 90 and search_ids(index, "督导防汛") == set()

    notes = []
    report = build_sharded([source], index_dir, notify=notes.append)
    assert report.updated == 90
    assert any("taking over the lock" in note for note in notes)
    assert len(list(index_dir.glob("shard-*/gen-*"))) == 3
    assert index.search(SearchRequest.from_params({"q": "督导防汛"})).total == 90


def test_one_lock_covers_the_whole_sharded_index(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", rows(10))
    build_sharded([source], tmp_path / "index", shards=2)
    with store.write_lock(tmp_path / "index"):
        with pytest.raises(IndexBusy):
            build_sharded([source], tmp_path / "index")
        with pytest.raises(IndexBusy):
            build([source], tmp_path / "index")
    assert not list((tmp_path / "index").glob("shard-*/gen-*.tmp"))


def test_build_tasks_are_plain_data_and_run_in_another_process(tmp_path):
    """What a cluster needs: the task and its report pickle, and `build_shard`
    run in other processes (tasks and reports cross as pickles) builds the index."""
    source = write_jsonl(tmp_path / "docs.jsonl", rows(24) + [{"id": "blank", "text": " "}])
    index_dir = tmp_path / "index"
    tasks = plan([source], index_dir, 2, full=False)
    assert pickle.loads(pickle.dumps(tasks)) == tasks
    context = multiprocessing.get_context("fork")   # spawn would load jieba again: seconds

    def on_other_processes(tasks: list[ShardTask]):
        with context.Pool(2) as pool:
            yield from pool.imap_unordered(build_shard, tasks)

    report = build_sharded([source], index_dir, shards=2, run=on_other_processes)
    # The blank record belongs to no shard: reported once, by shard 0.
    assert (report.added, report.failed) == (24, 1)
    assert [str(e) for e in report.errors] == [f"{source}:25: empty 'text'"]
    assert open_index(index_dir).document_count() == 24


def test_a_damaged_manifest_is_one_line_and_never_leads_out_of_the_index(tmp_path):
    source = write_jsonl(tmp_path / "docs.jsonl", rows(10))
    index_dir = tmp_path / "index"
    build_sharded([source], index_dir, shards=2)
    for damage in ("{", json.dumps({"shards": []}),
                   json.dumps({"shards": [{"folder": "..", "generation": "gen-000001"}]}),
                   json.dumps({"shards": [{"folder": "shard-0", "generation": "../../etc"}]})):
        (index_dir / manifest.MANIFEST).write_text(damage, encoding="utf-8")
        with pytest.raises(IndexMissing, match="damaged") as caught:
            open_index(index_dir)
        assert "\n" not in str(caught.value)
    # A full rebuild repairs it.
    build_sharded([source], index_dir, shards=2, full=True)
    assert open_index(index_dir).document_count() == 10


def test_readers_see_one_build_or_the_next_never_a_mix(tmp_path):
    """Searches running through full rebuilds (one with another shard count)
    and an update always see every shard of one manifest: the old documents or
    the new ones, never some shards of each, and never an error."""
    import threading

    index_dir = tmp_path / "index"
    source = write_jsonl(tmp_path / "docs.jsonl", rows(40))
    build_sharded([source], index_dir, shards=3)
    index = open_index(index_dir)
    seen, errors, stop = set(), [], threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                result = index.search(SearchRequest.from_params({"q": "第"}))
                seen.add((result.total, result.facets.date_unknown))
                index.shard.release_this_thread()
                time.sleep(0.005)   # leave the builds some of the interpreter
            except Exception as exc:  # noqa: BLE001 - any error is the failure
                errors.append(repr(exc))

    reader = threading.Thread(target=keep_searching)
    reader.start()
    try:
        for count, shards in ((25, 3), (40, 2), (31, None)):
            write_jsonl(tmp_path / "docs.jsonl", rows(count))
            build_sharded([source], index_dir, shards=shards, full=shards is not None)
            time.sleep(0.2)
    finally:
        stop.set()
        reader.join()
    assert not errors, errors[:3]
    assert {total for total, _ in seen} <= {40, 25, 31} and len(seen) >= 2, seen
    assert index.document_count() == 31


def test_the_command_line_shards_keeps_the_count_and_refuses_a_change_in_one_line(tmp_path):
    from click.testing import CliRunner

    from archive.cli import cli

    source = str(write_jsonl(tmp_path / "docs.jsonl", rows(12)))
    index_dir = str(tmp_path / "index")

    def reindex(*args):
        return CliRunner().invoke(cli, ["reindex", source, "--index", index_dir, "--workers", "1",
                                        *args])

    assert reindex().exit_code == 0   # a single index first
    for args, expected in ((["--shards", "2"], "not sharded; add --full"),
                           (["--shards", "0"], "0")):
        refused = reindex(*args)
        assert refused.exit_code == 2 and expected in refused.stderr
        assert "Traceback" not in refused.output
    built = reindex("--shards", "2", "--full")
    assert built.exit_code == 0 and "shard 2/2 indexing" in built.stderr
    assert "12 added" in built.stdout
    again = reindex()   # keeps its two shards
    assert again.exit_code == 0 and "shard 2/2" in again.stderr and "12 unchanged" in again.stdout
    refused = reindex("--shards", "3")
    assert refused.exit_code == 2
    assert refused.stderr.strip().splitlines()[-1] == (
        f"Error: the index at {index_dir} has 2 shards, not 3; "
        "add --full to rebuild it with another number of shards")
    assert len(manifest.read(Path(index_dir))) == 2
