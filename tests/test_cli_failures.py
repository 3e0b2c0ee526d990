"""The CLI when things go wrong: one line each, never a traceback, and exit
statuses a script can act on (0 all good, 1 finished with failures, 2 usage,
3 nothing changed)."""
from __future__ import annotations

import os
import pty
import select
import shutil
import socket
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from archive.cli import cli
from indexer import store

from .conftest import ROOT, SEEDS, seed_path


def run(*args):
    return CliRunner().invoke(cli, list(args))


def one_line_error(result, text: str) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and text in errors[0], result.output


def test_reindex_exit_statuses(tmp_path):
    index_dir = str(tmp_path / "index")
    assert run("reindex", str(seed_path("001")), "--index", index_dir).exit_code == 0
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00\xff")
    failed = run("reindex", str(tmp_path / "bad.txt"), "--index", index_dir)
    assert failed.exit_code == 1 and "1 failed" in failed.stdout
    mistyped = run("reindex", str(tmp_path / "no-such-folder"), "--index", index_dir)
    assert mistyped.exit_code == 1 and "no-such-folder" in mistyped.stderr
    assert "0 added" in mistyped.stdout and "1 failed" in mistyped.stdout
    assert run("reindex", "--workers", "0", "--index", index_dir).exit_code == 2
    assert run("reindex", "--no-such-option").exit_code == 2
    with store.write_lock(tmp_path / "index"):
        busy = run("reindex", str(seed_path("001")), "--index", index_dir)
    assert busy.exit_code == 3
    one_line_error(busy, "index is busy")
    assert "Exit status" in run("reindex", "--help").stdout


def test_extract_exit_statuses(tmp_path):
    assert run("extract", str(seed_path("001"))).exit_code == 0
    assert run("extract", str(seed_path("001")), str(tmp_path / "missing.txt")).exit_code == 1
    assert run("extract").exit_code == 2
    assert "Exit status" in run("extract", "--help").stdout


def test_an_unwritable_index_is_one_line(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    result = run("reindex", str(seed_path("001")), "--index", str(tmp_path / "a-file" / "index"))
    assert result.exit_code == 3
    one_line_error(result, "not a directory while writing the index at")


def test_serve_on_a_port_in_use_is_one_line(seed_index):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--index", str(seed_index), "--port", str(port))
    assert result.exit_code == 1
    one_line_error(result, f"port {port} on 127.0.0.1 is already in use")
    assert "serving" not in result.output  # nothing claims to serve where it cannot


@pytest.mark.parametrize("host", ["nonexistent.invalid", "", "256.1.1.1"])
def test_serve_on_a_host_that_is_no_address_is_one_line(seed_index, host):
    """waitress raises ValueError, not OSError, for a host it cannot resolve: a traceback."""
    result = run("serve", "--index", str(seed_index), "--host", host, "--port", "8799")
    assert result.exit_code == 1
    one_line_error(result, "no such host name or address")
    assert "serving" not in result.output


@pytest.fixture
def damaged(tmp_path):
    """A fresh copy of a real index, to damage in the test."""
    from indexer import build

    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    return index_dir, store.current_generation(index_dir)


@pytest.mark.parametrize("damage", ["empty generation", "pointer to nothing", "missing segment"])
def test_a_damaged_index_is_one_line_and_reindex_repairs_it(damaged, damage):
    index_dir, generation = damaged
    if damage == "empty generation":
        shutil.rmtree(generation)
        generation.mkdir()
    elif damage == "pointer to nothing":
        (index_dir / store.POINTER).write_text("gen-000099\n")
    else:
        next(generation.glob("*.trm")).unlink()
    for command in (["search", "杨国昕"], ["serve"]):
        result = run(*command, "--index", str(index_dir))
        assert result.exit_code == 1
        one_line_error(result, "is damaged")
        assert "reindex" in result.stderr
    repaired = run("reindex", str(SEEDS), "--index", str(index_dir))
    assert repaired.exit_code == 0, repaired.output
    if damage == "missing segment":
        assert f"the live generation {generation.name} cannot be read" in repaired.stderr
    assert "5 added" in repaired.stdout
    found = run("search", "杨国昕", "--index", str(index_dir))
    assert found.exit_code == 0 and "001_0c41b430a93a6d9e" in found.stdout


@pytest.mark.parametrize("damage", ["none", "older format", "pointer to nothing", "missing segment"])
def test_serve_names_one_remedy_by_the_kind_of_missing_index(damaged, damage):
    """IndexMissing says whether an index is there but unreadable (`damaged`,
    whose message names `reindex --full`), and serve adds `reindex` only
    when it does not; never two remedies, never none."""
    from indexer import IndexMissing, open_index

    index_dir, generation = damaged
    if damage == "none":
        index_dir = index_dir.parent / "nothing-here"
    elif damage == "older format":
        (generation / "FORMAT").write_text("1\n")
    elif damage == "pointer to nothing":
        (index_dir / store.POINTER).write_text("gen-000099\n")
    else:
        next(generation.glob("*.trm")).unlink()
    with pytest.raises(IndexMissing) as caught:
        open_index(index_dir).warm_up()
    assert caught.value.damaged == (damage in ("pointer to nothing", "missing segment"))
    result = run("serve", "--index", str(index_dir), "--port", "8798")
    assert result.exit_code == 1
    one_line_error(result, str(caught.value))
    assert result.stderr.count("archive reindex") == 1
    if not caught.value.damaged:
        assert result.stderr.rstrip().endswith("(run `archive reindex` first)")


def test_reindex_names_each_phase_in_a_log(tmp_path):
    result = run("reindex", str(SEEDS), "--index", str(tmp_path / "index"), "--workers", "1")
    phases = [line for line in result.stderr.splitlines() if not line.startswith("skipped")]
    assert phases == ["reading 5 documents", "indexing 5 documents", "committing"]


def test_reindex_on_a_terminal_shows_the_commit_phase_with_its_time(tmp_path):
    """The commit phase, which can take as long as the rest, has its own
    labelled line: a spinner and the seconds spent, no ETA."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "reindex", str(SEEDS), "--index",
         str(tmp_path / "index"), "--workers", "1"],
        cwd=ROOT, stdin=secondary, stdout=subprocess.PIPE, stderr=secondary, close_fds=True)
    os.close(secondary)
    screen = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            screen += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    os.close(primary)
    text = screen.decode("utf-8", errors="replace")
    assert process.returncode == 0
    assert "reading" in text and "indexing" in text
    assert "committing" in text and "done in" in text.split("committing")[-1]
    assert "eta" not in text.split("committing")[-1].lower()


def test_a_folder_that_cannot_be_read_is_reported_and_its_documents_kept(tmp_path, monkeypatch):
    """A subfolder that lost its read permission was skipped without a word, and
    the next reindex deleted every document indexed from it, exiting 0."""
    source = tmp_path / "scraped"
    (source / "open").mkdir(parents=True)
    (source / "locked").mkdir()
    shutil.copy(seed_path("000"), source / "open")
    shutil.copy(seed_path("001"), source / "locked")
    index_dir = str(tmp_path / "index")
    assert "2 added" in run("reindex", str(source), "--index", index_dir).stdout

    locked = str(source / "locked")
    real_scandir = os.scandir

    def scandir(path="."):  # as for a non-root user after chmod 000 (root reads anything)
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("reindex", str(source), "--index", index_dir)
    assert result.exit_code == 1
    assert f"skipped {locked}: cannot read this folder" in result.stderr
    assert "0 deleted, 1 failed" in result.stdout
    monkeypatch.undo()
    found = run("search", "杨国昕", "--index", index_dir)
    assert "001_0c41b430a93a6d9e" in found.stdout
