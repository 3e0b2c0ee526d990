"""A sharded index built and searched on a real Dask cluster (`indexer.cluster`):
`archive reindex --shards 3 --scheduler` builds it on a local cluster of two
worker processes, which then answer hundreds of random searches with the same
totals, facet counts and top-10 scores as one index of the same documents;
documents, trails, profiles and statistics too, and `archive search --json`
the same JSON as in process. Workers killed during searches are replaced
without a wrong answer; killed during a build, the build fails in one line
and the live index is unchanged; a shard that no worker can open is a 503
naming the shard."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time

import distributed  # the test extra installs it: without it these tests fail, never skip
import pytest

from archive.script import fold
from indexer import Index, QueryError, SearchRequest, ShardUnavailable, build, open_index
from indexer import manifest
from indexer.cluster import ClusterStore, live_shards

from .conftest import ROOT, SEEDS, write_jsonl
from .test_shards import GENERATED, OFFICES, generated, queries, same_answers

SHARDS = 3


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=40) as local:
        with distributed.Client(local, set_as_default=False) as client:
            yield local, client


@pytest.fixture(scope="module")
def indexes(tmp_path_factory, cluster):
    local, client = cluster
    root = tmp_path_factory.mktemp("cluster")
    rows = generated(random.Random(14))
    sources = [SEEDS, write_jsonl(root / "all.jsonl", rows)]
    build(sources, root / "single")
    built = archive("reindex", *map(str, sources), "--index", str(root / "sharded"),
                    "--shards", str(SHARDS), scheduler=local.scheduler_address)
    assert built.returncode == 0, built.stderr
    assert f"{GENERATED + 5} added" in built.stdout
    one = open_index(root / "single")
    on_cluster = Index(root / "sharded", shard=ClusterStore(client, lambda: live_shards(root / "sharded")))
    yield one, on_cluster, rows, live_shards(root / "sharded")
    one.close()


def archive(*args: str, scheduler: str | None = None) -> subprocess.CompletedProcess:
    """The archive command in a process of its own, given the cluster by $ARCHIVE_SCHEDULER."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if scheduler:
        env["ARCHIVE_SCHEDULER"] = scheduler
    return subprocess.run([sys.executable, "-m", "archive.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def worker_pids(client) -> dict[str, int]:
    return client.run(os.getpid)


def kill_workers(pids) -> None:
    for pid in pids:
        os.kill(pid, signal.SIGKILL)


def wait_for_new_workers(client, killed) -> None:
    """Until the nannies' new workers answer (at least one, none of the
    killed): slowly on a busy machine."""
    deadline = time.monotonic() + 120
    while True:
        try:
            alive = set(worker_pids(client).values())
        except Exception:   # a dead worker the scheduler has not yet removed
            alive = set()
        if alive and not alive & set(killed):
            return
        assert time.monotonic() < deadline, "no new worker came"
        time.sleep(0.5)


def test_archive_search_on_the_cluster_prints_what_it_prints_in_process(indexes, cluster,
                                                                        monkeypatch):
    from click.testing import CliRunner

    from archive.cli import cli
    from web import server

    _one, _on_cluster, _rows, refs = indexes
    local, _client = cluster
    root = str(manifest_root(refs))
    # The command's own process talks to the cluster; the answers it must equal,
    # and the refusals of an address that is none (before any client is made),
    # come from the command run in this process, which pays no interpreter start.
    in_process = CliRunner()
    for args in (["书记"], ["", "--sort", "date", "--page", "2"], ["镇长", "--official", "罗舒"]):
        here = in_process.invoke(cli, ["search", *args, "--index", root, "--json"],
                                 env={"ARCHIVE_SCHEDULER": None})
        there = archive("search", *args, "--index", root, "--json", "--scheduler",
                        local.scheduler_address)
        assert here.exit_code == there.returncode == 0, (here.output, there.stderr)
        a, b = json.loads(here.stdout), json.loads(there.stdout)
        a.pop("seconds"), b.pop("seconds")
        assert a == b, args
    monkeypatch.setattr(server, "bind", lambda *a, **k: pytest.fail("served without a cluster"))
    for command in (["search", "书记"], ["serve"], ["reindex", str(SEEDS)]):
        malformed = in_process.invoke(cli, [*command, "--index", root],
                                      env={"ARCHIVE_SCHEDULER": "http://nowhere"})
        assert malformed.exit_code == 1 and malformed.stderr.count("\n") == 1, command
        assert "not a Dask scheduler's address" in malformed.stderr, command
    single = archive("search", "书记", "--index", str(manifest_root(refs).parent / "single"),
                     "--scheduler", local.scheduler_address)
    assert single.returncode == 1 and "a cluster searches a sharded one" in single.stderr
    assert single.stderr.count("\n") == 1


def manifest_root(refs):
    from pathlib import Path
    return Path(refs[0].root).parent


def test_the_cluster_answers_the_same_totals_facets_and_ranking_as_one_index(indexes):
    one, on_cluster, rows, _refs = indexes
    assert on_cluster.document_count() == one.document_count() == GENERATED + 5
    assert same_answers(one, on_cluster, queries(rows, random.Random(8))) > 150


def test_deeper_pages_documents_trails_profiles_and_stats_match_one_index(indexes):
    one, on_cluster, rows, refs = indexes
    request = SearchRequest.from_params({"q": "", "page": "3"})
    assert ([h.date for h in one.search(request).hits]
            == [h.date for h in on_cluster.search(request).hits])
    for row in rows[::25]:
        assert on_cluster.get(row["id"]).body == one.get(row["id"]).body
    assert on_cluster.get("no-such-document") is None
    ids = [seed.stem for seed in SEEDS.iterdir()] + [rows[1]["id"], "no-such-document"]
    assert on_cluster.first_lines(ids) == one.first_lines(ids) and len(one.first_lines(ids)) == 6
    for _office, name in OFFICES:
        folded = fold(name)
        a, b = one.official_trail(folded), on_cluster.official_trail(folded)
        assert (a.total, a.undated, len(a.hits)) == (b.total, b.undated, len(b.hits))
        assert [h.date for h in a.hits] == [h.date for h in b.hits]
        assert one.official_profile(folded) == on_cluster.official_profile(folded)
    stats_one, stats_cluster = one.stats(), on_cluster.stats()
    for key in ("documents", "scripts", "first_date", "last_date", "undated", "officials"):
        assert stats_one[key] == stats_cluster[key], key
    assert one.examples() == on_cluster.examples()
    assert on_cluster.updated_at() == open_index(manifest_root(refs)).updated_at()   # for feeds
    doc = one.get(rows[0]["id"])
    assert ({h.id for h in one.related(doc)} == {h.id for h in on_cluster.related(doc)})


def test_a_worker_killed_during_searches_is_replaced_without_a_wrong_answer(indexes, cluster):
    one, on_cluster, rows, _refs = indexes
    _local, client = cluster
    requests = []
    for params in queries(rows, random.Random(9))[:60]:
        try:
            requests.append(SearchRequest.from_params(params))
        except QueryError:
            pass
    expected = [one.search(r).total for r in requests]
    answered, failures = [], []

    def search_all():
        for request in requests:
            try:
                answered.append(on_cluster.search(request).total)
            except Exception as exc:  # what the test asserts is absent
                failures.append(exc)
    victim = sorted(worker_pids(client).items())[0][1]
    searching = threading.Thread(target=search_all)
    searching.start()
    while not answered and searching.is_alive():
        time.sleep(0.001)
    os.kill(victim, signal.SIGKILL)   # mid-way through the searches
    searching.join(timeout=120)
    assert not failures and answered == expected
    client.wait_for_workers(2, timeout=120)   # the nanny starts a new worker


def test_a_shard_no_worker_can_open_is_a_503_naming_the_shard(indexes, cluster, tmp_path):
    from web import create_app

    _one, on_cluster, _rows, refs = indexes
    _local, client = cluster
    live = refs[1].folder()
    hidden = tmp_path / "moved-away"
    shutil.move(live, hidden)
    try:
        # Every worker killed: those the nannies start have nothing open that could still answer.
        killed = list(worker_pids(client).values())
        kill_workers(killed)
        wait_for_new_workers(client, killed)
        with pytest.raises(ShardUnavailable, match=r"shard 2 of 3 \(shard-1\) is not available: no worker could open it"):
            on_cluster.search(SearchRequest.from_params({"q": "书记"}))
        app = create_app({"INDEX_DIR": "unused", "TESTING": True})
        app.extensions["archive_index"] = on_cluster
        answer = app.test_client().get("/search.json?q=书记")
        assert answer.status_code == 503
        body = answer.get_json()
        assert "shard 2 of 3" in body["error"] and "分片" in body["error_zh"]
        assert str(live.parent) not in answer.get_data(as_text=True)
        page = app.test_client().get("/search?q=书记")
        assert page.status_code == 503 and "分片" in page.get_data(as_text=True)
    finally:
        shutil.move(hidden, live)
    on_cluster.search(SearchRequest.from_params({"q": "书记"}))   # and it answers again


def test_a_worker_killed_during_a_build_fails_it_in_one_line_and_changes_nothing(indexes, cluster,
                                                                                 tmp_path):
    one, on_cluster, rows, refs = indexes
    local, client = cluster
    root = manifest_root(refs)
    before = (root / manifest.MANIFEST).read_bytes()
    changed = write_jsonl(tmp_path / "changed.jsonl", [{**row, "text": row["text"] + "督导防汛备汛"}
                                                       for row in rows])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARCHIVE_SCHEDULER": local.scheduler_address}
    building = subprocess.Popen([sys.executable, "-m", "archive.cli", "reindex", str(changed),
                                 "--index", str(root), "--full"], stderr=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True, env=env)
    live = {ref.folder() for ref in refs}
    deadline = time.monotonic() + 120
    while not [g for g in root.glob("shard-*/gen-*") if g not in live]:   # a shard's build began
        assert building.poll() is None and time.monotonic() < deadline, building.communicate()
        time.sleep(0.01)
    killed = list(worker_pids(client).values())
    kill_workers(killed)
    out, err = building.communicate(timeout=300)
    assert building.returncode == 1, (out, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[-1].startswith("Error: the build failed on the cluster:"), err
    assert "stopped" in lines[-1] and "the live index is unchanged" in lines[-1]
    assert "Traceback" not in err
    assert (root / manifest.MANIFEST).read_bytes() == before
    assert {g for g in root.glob("shard-*/gen-*")} == live      # what the build wrote is gone
    wait_for_new_workers(client, killed)
    request = SearchRequest.from_params({"q": "督导"})
    assert on_cluster.search(request).total == one.search(request).total
