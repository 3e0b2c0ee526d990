"""Where a sharded index lives on disk: shard folders and the one manifest.

    <root>/MANIFEST.json    for every shard, its folder and its live generation
    <root>/shard-0/gen-000003/
    <root>/shard-1/gen-000002/
    <root>/write.lock       the one lock of the whole sharded index (`store.write_lock`)

Each shard folder holds generations as `store` makes them, but no CURRENT:
readers follow the manifest alone, so that every shard switches at once. A
reindex writes a new generation in every shard, then replaces the manifest
(temporary file, fsync, `os.replace`, fsync of the folder); a reader sees the
old shards or the new ones, never some of each, and a build that fails or is
killed before the switch changes nothing live.
"""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import store

MANIFEST = "MANIFEST.json"
SHARD_FOLDER = re.compile(r"shard-[0-9]+")
GENERATION = re.compile(re.escape(store.PREFIX) + r"[0-9]+")


@dataclass(frozen=True)
class LiveShard:
    folder: str       # e.g. "shard-0", inside the sharded root
    generation: str   # e.g. "gen-000003", inside the folder


def is_sharded(root: str | Path) -> bool:
    """Whether `root` holds a sharded index (a manifest), not a single one."""
    return (Path(root) / MANIFEST).is_file()


def shard_folder(i: int) -> str:
    return f"shard-{i}"


def read(root: Path) -> list[LiveShard]:
    """The live shards, in shard order; IndexMissing when there is no sharded
    index at `root`, or its manifest names something that is not there."""
    root = Path(root)
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise store.IndexMissing(f"no index at {root}") from None
    damaged = store.IndexMissing(f"the index at {root} is damaged: its {MANIFEST} cannot be "
                                 "read (run `archive reindex --full`)", damaged=True)
    try:
        entries = json.loads(text)["shards"]
        shards = [LiveShard(entry["folder"], entry["generation"]) for entry in entries]
    except (ValueError, KeyError, TypeError):
        raise damaged from None
    # Names only, never paths: a manifest must not lead a reader out of its root.
    if not shards or not all(isinstance(s.folder, str) and SHARD_FOLDER.fullmatch(s.folder)
                             and isinstance(s.generation, str)
                             and GENERATION.fullmatch(s.generation) for s in shards):
        raise damaged
    return shards


def generation_path(root: Path, shard: LiveShard) -> Path:
    return Path(root) / shard.folder / shard.generation


def write(root: Path, shards: list[LiveShard]) -> None:
    """Switch every shard at once: replace the manifest atomically and durably."""
    text = json.dumps({"shards": [{"folder": s.folder, "generation": s.generation}
                                  for s in shards]}, indent=1) + "\n"
    store.replace_file(Path(root) / MANIFEST, text)


def remove_unlisted(root: Path) -> None:
    """Delete every shard folder and generation the manifest does not name (with
    the lock held): partial generations of a failed or killed build, the
    generations a switch replaced, the shards of an earlier shard count, and
    a single index's generations once the folder became sharded. Open readers
    keep working: on POSIX their files stay readable until closed, the rule
    of the single store (`store.remove_stale_generations`)."""
    root = Path(root)
    try:
        live = {(s.folder, s.generation) for s in read(root)}
    except store.IndexMissing:
        live = set()
    folders = {folder for folder, _ in live}
    for path in root.glob("shard-*"):
        if not path.is_dir() or not SHARD_FOLDER.fullmatch(path.name):
            continue
        if path.name not in folders:
            shutil.rmtree(path, ignore_errors=True)
            continue
        for generation in path.glob(store.PREFIX + "*"):
            if generation.is_dir() and (path.name, generation.name) not in live:
                shutil.rmtree(generation, ignore_errors=True)
    if live:
        # A single index this folder held before it was sharded.
        (root / store.POINTER).unlink(missing_ok=True)
        for generation in root.glob(store.PREFIX + "*"):
            if generation.is_dir():
                shutil.rmtree(generation, ignore_errors=True)
    (root / (MANIFEST + ".tmp")).unlink(missing_ok=True)
