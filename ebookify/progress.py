"""Progress for long work: a rich bar on a terminal, plain lines otherwise, nothing with --quiet."""

from __future__ import annotations

import os
from typing import Protocol, TextIO


class Reporter(Protocol):
    """What the build reports: a counted task, steps of it, and messages."""

    def start(self, total: int, label: str) -> None:
        """Begin a task of `total` steps."""

    def step(self, description: str) -> None:
        """One step done."""

    def note(self, text: str) -> None:
        """A message the user should see (a skipped story, a written file)."""

    def close(self) -> None:
        """End the display."""


class QuietReporter:
    """Says nothing (--quiet); errors still reach stderr through the CLI."""

    def start(self, total: int, label: str) -> None:
        """Nothing to show."""

    def step(self, description: str) -> None:
        """Nothing to show."""

    def note(self, text: str) -> None:
        """Nothing to show."""

    def close(self) -> None:
        """Nothing to close."""


class LineReporter:
    """One plain line per step, for logs and pipes (not a terminal)."""

    def __init__(self, stream: TextIO, steps: bool = True) -> None:
        self.stream = stream
        self.steps = steps
        self.total = 0
        self.done = 0

    def start(self, total: int, label: str) -> None:
        """Remember the size of the task."""
        self.total, self.done = total, 0

    def step(self, description: str) -> None:
        """Print `[n/total] description`."""
        self.done += 1
        if not self.steps:
            return
        self.stream.write(f"[{self.done}/{self.total}] {description}\n")
        self.stream.flush()

    def note(self, text: str) -> None:
        """Print the message on its own line."""
        self.stream.write(f"{text}\n")
        self.stream.flush()

    def close(self) -> None:
        """Nothing to close."""


class BarReporter:
    """A rich progress bar on a terminal; rich itself honours NO_COLOR."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")))
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task: object = None

    def start(self, total: int, label: str) -> None:
        """Show a bar for a task of `total` steps."""
        if self.task is None:
            self.progress.start()
        self.task = self.progress.add_task(label, total=total)

    def step(self, description: str) -> None:
        """Advance the bar and show what was done."""
        self.progress.update(self.task, advance=1, description=description[:60])  # type: ignore[arg-type]

    def note(self, text: str) -> None:
        """Print above the bar."""
        self.console.print(text, markup=False, highlight=False)

    def close(self) -> None:
        """Remove the bar."""
        self.progress.stop()


def make_reporter(stream: TextIO, quiet: bool, wanted: bool) -> Reporter:
    """Quiet, a bar on a terminal when the work is long (`wanted`), else plain lines."""
    if quiet:
        return QuietReporter()
    if wanted and stream.isatty() and os.environ.get("TERM") != "dumb":
        return BarReporter(stream)
    # Short work (one story to EPUB) needs no step lines: only what was written.
    return LineReporter(stream, steps=wanted)
