"""Progress of a batch: done / failed / skipped counts and the rate, as a rich bar or plain lines."""

from __future__ import annotations

import os
import time
from typing import Protocol, TextIO

STATUSES = ("done", "failed", "skipped")


class BatchProgress(Protocol):
    """What a batch reports as it goes."""

    def start(self, total: int | None) -> None:
        """Begin; `total` is the number of inputs when known."""

    def advance(self, status: str, source: str, error: str | None = None) -> None:
        """One input finished with `status` (done, failed or skipped)."""

    def note(self, text: str) -> None:
        """A message for the user (the dashboard address, a warning)."""

    def close(self) -> None:
        """End the display."""


class Counts:
    """The counts and the rate every display shows."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(STATUSES, 0)
        self.started = time.monotonic()
        self.total: int | None = None

    def add(self, status: str) -> None:
        """Count one finished input."""
        self.counts[status] += 1

    def rate(self) -> float:
        """Converted stories (done and failed, not skipped) per second."""
        elapsed = max(time.monotonic() - self.started, 1e-6)
        return (self.counts["done"] + self.counts["failed"]) / elapsed

    def line(self) -> str:
        """`done 12, failed 1, skipped 40, 3.1 stories/s`."""
        parts = ", ".join(f"{status} {self.counts[status]}" for status in STATUSES)
        return f"{parts}, {self.rate():.1f} stories/s"


class QuietProgress(Counts):
    """Says nothing (--quiet)."""

    def start(self, total: int | None) -> None:
        """Remember the total."""
        self.total = total

    def advance(self, status: str, source: str, error: str | None = None) -> None:
        """Count it."""
        self.add(status)

    def note(self, text: str) -> None:
        """Nothing to show."""

    def close(self) -> None:
        """Nothing to close."""


class LineProgress(Counts):
    """Plain lines for logs and pipes: each failure, and the counts every `every` seconds."""

    def __init__(self, stream: TextIO, every: float = 5.0) -> None:
        super().__init__()
        self.stream, self.every, self.last = stream, every, time.monotonic()

    def start(self, total: int | None) -> None:
        """Say how many inputs there are."""
        self.total = total
        if total is not None:
            self.note(f"{total} inputs")

    def advance(self, status: str, source: str, error: str | None = None) -> None:
        """Print a failure at once, the counts now and then."""
        self.add(status)
        if error:
            self.note(f"failed: {source}: {error}")
        if time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            done = sum(self.counts.values())
            self.note(f"[{done}/{self.total if self.total is not None else '?'}] {self.line()}")

    def note(self, text: str) -> None:
        """Print the message on its own line."""
        self.stream.write(f"{text}\n")
        self.stream.flush()

    def close(self) -> None:
        """Nothing to close."""


class BarProgress(Counts):
    """A rich bar on a terminal with the counts and the rate; failures are printed above it."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")))
        self.progress = Progress(
            TextColumn("converting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("", total=None)

    def start(self, total: int | None) -> None:
        """Show the bar."""
        self.total = total
        self.progress.update(self.task, total=total)
        self.progress.start()

    def advance(self, status: str, source: str, error: str | None = None) -> None:
        """Advance the bar; show the counts and the rate."""
        self.add(status)
        if error:
            self.note(f"failed: {source}: {error}")
        self.progress.update(self.task, advance=1, description=self.line())

    def note(self, text: str) -> None:
        """Print above the bar."""
        self.console.print(text, markup=False, highlight=False)

    def close(self) -> None:
        """Remove the bar."""
        self.progress.stop()


def make_progress(stream: TextIO, quiet: bool) -> BatchProgress:
    """Quiet, a bar on a terminal, else plain lines."""
    if quiet:
        return QuietProgress()
    if stream.isatty() and os.environ.get("TERM") != "dumb":
        return BarProgress(stream)
    return LineProgress(stream)
