"""What `archive reindex` shows while it works.

A build reports `(stage, done, total)`: "reading" and "indexing" count
documents, "committing" has no count (the writer processes finish and write
their segments, which can take as long as the rest). On a terminal a counted
stage is a bar, and an uncounted one a labelled spinner with the time spent
in it, never an ETA it cannot know. Elsewhere (a log, a pipe) each stage is
one line as it starts.
"""
from __future__ import annotations

import itertools
import threading
import time
from typing import TextIO

import click

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
SPIN_SECONDS = 0.1


class ReindexProgress:
    def __init__(self, stream: TextIO, terminal: bool):
        self.stream = stream
        self.terminal = terminal
        self.stage: str | None = None
        self.finished: set[str] = set()
        self._bar = None
        self._spinner: _Spinner | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            if stage in self.finished:
                return  # a late count for a stage already shown as over
            self._end_stage()
            self.stage = stage
            self._begin_stage(stage, total)
        if self._bar is not None:
            self._bar.update(min(done, self._bar.length) - self._bar.pos)

    def close(self, completed: bool = True) -> None:
        """End the last stage's line; `completed=False` when the build failed in it."""
        self._end_stage(completed)

    def _begin_stage(self, stage: str, total: int) -> None:
        if not self.terminal:
            counted = f" {total} documents" if total else ""
            click.echo(f"{stage}{counted}", file=self.stream)
            return
        if total:
            self._bar = click.progressbar(length=total, label=f"{stage:10}", file=self.stream,
                                          show_pos=True)
            self._bar.render_progress()
        else:
            self._spinner = _Spinner(stage, self.stream)

    def _end_stage(self, completed: bool = True) -> None:
        if self.stage is not None:
            self.finished.add(self.stage)
        if self._bar is not None:
            self._bar.render_finish()
            self._bar = None
        if self._spinner is not None:
            self._spinner.stop(completed)
            self._spinner = None


class _Spinner:
    """`committing  ⠋ 12s`, redrawn in place until stopped, from a thread of its own
    (the build is busy waiting on its writer processes meanwhile)."""

    def __init__(self, label: str, stream: TextIO):
        self.label = label
        self.stream = stream
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _line(self, frame: str) -> str:
        return f"\r{self.label:10}  {frame} {time.monotonic() - self.started:.0f}s"

    def _run(self) -> None:
        for frame in itertools.cycle(SPINNER):
            self.stream.write(self._line(frame))
            self.stream.flush()
            if self._stop.wait(SPIN_SECONDS):
                return

    def stop(self, completed: bool = True) -> None:
        self._stop.set()
        self._thread.join()
        seconds = time.monotonic() - self.started
        outcome = "done in" if completed else "stopped after"
        self.stream.write(f"\r{self.label:10}  {outcome} {seconds:.1f}s\n")
        self.stream.flush()
