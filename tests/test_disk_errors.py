"""A full disk (or any other failure to write) while reindexing: one line,
the partial work removed, the live index untouched and answering."""
from __future__ import annotations

import errno
import os
import subprocess

import pytest

from indexer import IndexWriteError, SearchRequest, build, open_index, store

from .conftest import SEEDS
from .test_recovery import many_documents


def answers(index_dir) -> list[str]:
    result = open_index(index_dir).search(SearchRequest.from_params({"q": "杨国昕"}))
    return [hit.id for hit in result.hits]


def files_of(generation) -> list[str]:
    return sorted(p.name for p in generation.iterdir())


@pytest.fixture
def small_disk(tmp_path):
    """A real 2 MB file system (tmpfs), where mounting is allowed (root in a sandbox)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here; the injected tests below cover the rest")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def test_a_full_disk_is_one_line_and_leaves_the_live_index(small_disk, tmp_path):
    index_dir = small_disk / "index"
    build([SEEDS], index_dir)
    live = store.current_generation(index_dir)
    before = files_of(live)
    source = many_documents(tmp_path / "many.jsonl", 40, length=5000)
    for full in (True, False):
        with pytest.raises(IndexWriteError) as raised:
            build([source], index_dir, full=full)
        message = str(raised.value)
        assert message.startswith("no space left on device while writing the index in ")
        assert "\n" not in message
        assert sorted(index_dir.glob("gen-*")) == [live]  # the partial generation is gone
        assert files_of(live) == before                   # and nothing was left in the live one
        assert answers(index_dir) == ["001_0c41b430a93a6d9e"]
    assert build([SEEDS], index_dir).unchanged == 5


class DiskFull:
    """Whoosh's file writes fail with ENOSPC after `allowed` of them."""

    def __init__(self, allowed: int, code: int = errno.ENOSPC):
        self.allowed = allowed
        self.code = code

    def install(self, monkeypatch):
        from whoosh.filedb.structfile import StructFile

        original = StructFile.write

        def write(handle, data):
            self.allowed -= 1
            if self.allowed < 0:
                raise OSError(self.code, os.strerror(self.code))
            return original(handle, data)

        monkeypatch.setattr(StructFile, "write", write)


@pytest.mark.parametrize("full", [True, False], ids=["full", "incremental"])
@pytest.mark.parametrize("code, said", [(errno.ENOSPC, "no space left on device"),
                                        (errno.EIO, "input/output error")])
def test_a_failed_write_is_one_line_and_removes_the_partial_work(tmp_path, monkeypatch, full,
                                                                  code, said):
    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    live = store.current_generation(index_dir)
    before = files_of(live)
    DiskFull(allowed=40, code=code).install(monkeypatch)
    source = many_documents(tmp_path / "more.jsonl", 20)
    with pytest.raises(IndexWriteError, match=f"^{said} while writing the index in "):
        build([source], index_dir, full=full)
    monkeypatch.undo()
    assert sorted(index_dir.glob("gen-*")) == [live]
    assert files_of(live) == before
    assert answers(index_dir) == ["001_0c41b430a93a6d9e"]
    assert build([source], index_dir).added == 20  # and the next run, with room, does it all


def test_a_writer_process_that_fails_is_seen_and_nothing_is_committed(tmp_path, monkeypatch,
                                                                      capfd):
    """Whoosh's own multi-process writer would print the child's traceback and
    commit without its segment; ours raises the child's error in the parent."""
    from whoosh import index as whoosh_index
    from whoosh.multiproc import SubWriterTask

    from indexer.processes import children_die_with_me
    from indexer.writer import cancel, open_writer

    index_dir = tmp_path / "index"
    build([SEEDS], index_dir)
    ix = whoosh_index.open_dir(str(store.current_generation(index_dir)))

    def disk_full(self, filename, doc_count):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), filename)

    monkeypatch.setattr(SubWriterTask, "_process_file", disk_full)  # inherited by the fork
    with children_die_with_me():
        writer = open_writer(ix, 2, 64)
        with pytest.raises(OSError) as raised:
            for i in range(300):
                writer.add_document(id=f"w{i}", chars="区长杨国昕主持会议", words="会议")
            writer.commit()
        cancel(writer)
    assert raised.value.errno == errno.ENOSPC
    assert ix.doc_count() == 5  # nothing committed
    assert "Traceback" not in capfd.readouterr().err
    monkeypatch.undo()
    assert build([SEEDS], index_dir).unchanged == 5  # Whoosh's lock was released
