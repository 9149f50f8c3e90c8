"""Runs a batch: discovery, tasks on an executor, books written, state, report and catalog.

Each input gets the state's verdict, the tasks run on an executor, the client writes the books atomically and
updates the state, then writes the report and the catalog."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Protocol

from ebookify.batch.local import LocalExecutor, Outcome, Task
from ebookify.batch.plan import BatchOptions, options_hash, task_settings
from ebookify.batch.progress import BatchProgress, QuietProgress
from ebookify.batch.sources import InputFile, count_inputs, discover_inputs
from ebookify.batch.state import BatchState, BookRow, now_iso
from ebookify.batch.task import StoryJob, StoryResult, TaskSettings, convert_stories, report_line
from ebookify.errors import EbookifyError
from ebookify.render.files import write_atomically
from ebookify.targets import check_target

SUMMARY_FAILURES = 50
"""Failures kept for the summary (report.csv lists them all)."""


class Executor(Protocol):
    """Runs chunks of stories somewhere and gives back each chunk with its results."""

    def run(self, chunks: Iterator[list[StoryJob]], settings: TaskSettings) -> Iterator[Outcome]:
        """Each chunk with its results, as they finish."""

    def close(self) -> None:
        """Stop; what is in flight is lost."""


@dataclass
class BatchSummary:
    """How a run went."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    """Inputs unchanged since an earlier run (input and options), not converted again."""
    kept_failures: int = 0
    """Skipped inputs that failed before and were not retried (--retry-failed retries them)."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    stopped: bool = False
    """True when --max-failures stopped the batch early."""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every input of the run has its books."""
        return self.failed == 0 and self.kept_failures == 0 and not self.stopped

    def add_failure(self, source: str, error: str) -> None:
        """Remember a failure for the summary (the first few; the report has all)."""
        if len(self.failures) < SUMMARY_FAILURES:
            self.failures.append((source, error))


@dataclass(frozen=True)
class _InFlight:
    stem: str
    content_hash: str
    attempts: int
    previous: tuple[str, ...]


def _file_name(source: str) -> str:
    """The input's own file name (of an archive member too), for the fallback title."""
    return PurePosixPath(source.rsplit("!", 1)[-1].replace("\\", "/")).name


class _Batch:
    """One run's bookkeeping between discovery, the executor and the state."""

    def __init__(
        self, options: BatchOptions, state: BatchState, digest: str, run: int, progress: BatchProgress
    ) -> None:
        self.options, self.state, self.digest, self.run = options, state, digest, run
        self.progress, self.summary = progress, BatchSummary()
        self.inflight: dict[str, _InFlight] = {}
        self.stems: set[str] = set()

    def _fresh(self, item: InputFile, content_hash: str, row: BookRow | None) -> bool:
        """True when the input needs converting; counts it as skipped otherwise."""
        if item.source in self.inflight:
            return False  # the same input given twice: converted once
        if row is None or row.content_hash != content_hash or row.options_hash != self.digest:
            return True
        if row.status == "done" and all((self.options.outdir / name).is_file() for name in row.outputs):
            self.summary.skipped += 1
            self.progress.advance("skipped", item.source)
            return False
        if row.status == "failed" and not self.options.retry_failed:
            self.summary.skipped += 1
            self.summary.kept_failures += 1
            self.summary.add_failure(item.source, row.error or "failed")
            self.progress.advance("skipped", item.source)
            return False
        return True

    def chunks(self) -> Iterator[list[StoryJob]]:
        """The inputs that need converting, in chunks of a few stories (see BatchOptions.chunk_stories)."""
        chunk: list[StoryJob] = []
        size = 0
        found = discover_inputs(self.options.sources, self.options.pattern, exclude=self.options.outdir)
        for item in found:
            content_hash = hashlib.sha256(item.data).hexdigest()
            row = self.state.get(item.source)
            if not self._fresh(item, content_hash, row):
                continue
            stem = row.stem if row else self.state.claim_stem(item.source, item.stem, self.stems)
            same = row is not None and row.content_hash == content_hash and row.options_hash == self.digest
            attempts = row.attempts + 1 if row and same else 1
            flight = _InFlight(stem, content_hash, attempts, row.outputs if row else ())
            if item.error:
                self.record_unread(item.source, flight, item.error)
                continue
            self.inflight[item.source] = flight
            self.stems.add(stem)
            chunk.append(StoryJob(item.source, _file_name(item.source), item.data))
            size += len(item.data)
            if len(chunk) >= self.options.chunk_stories or size >= self.options.chunk_bytes:
                yield chunk
                chunk, size = [], 0
        if chunk:
            yield chunk

    def _write_books(self, source: str, stem: str, result: StoryResult) -> tuple[str, ...]:
        """Write the books and the thumbnail under OUTDIR, each atomically; never over an input."""
        outdir = self.options.outdir
        inputs = [] if "!" in source else [Path(source)]
        files = [(f"{stem}.{fmt}", data) for fmt, data in result.books]
        if result.thumbnail:
            files.append((f"{stem}.cover.jpg", result.thumbnail))
        for name, data in files:
            target = outdir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            check_target(target, inputs)
            write_atomically(target, data)
        return tuple(name for name, _ in files)

    def _remove_stale(self, previous: tuple[str, ...], kept: tuple[str, ...]) -> None:
        """Books of an earlier run that this run did not write again (a story that now fails)."""
        for name in set(previous) - set(kept):
            (self.options.outdir / name).unlink(missing_ok=True)

    def _make_row(self, source: str, flight: _InFlight, result: StoryResult) -> BookRow:
        """Write a result's books (if any) and describe the input's new state."""
        outputs: tuple[str, ...] = ()
        error = result.error
        if error is None:
            try:
                outputs = self._write_books(source, flight.stem, result)
            except EbookifyError as exc:
                error = report_line(str(exc))
        self._remove_stale(flight.previous, outputs)
        books = tuple(name for name in outputs if not name.endswith(".cover.jpg"))
        return BookRow(
            source=source,
            stem=flight.stem,
            content_hash=flight.content_hash,
            options_hash=self.digest,
            status="done" if error is None else "failed",
            error=error,
            outputs=books,
            thumbnail=next((name for name in outputs if name.endswith(".cover.jpg")), None),
            seconds=result.seconds,
            cpu_seconds=result.cpu_seconds,
            attempts=flight.attempts,
            updated=now_iso(),
            run=self.run,
            **result.fact_fields(),
        )

    def _count(self, row: BookRow) -> None:
        if row.status == "done":
            self.summary.done += 1
        else:
            self.summary.failed += 1
            self.summary.add_failure(row.source, row.error or "failed")
        self.progress.advance(row.status, row.source, row.error)

    def record_unread(self, source: str, flight: _InFlight, error: str) -> None:
        """An input that could not be read (too large, unreadable): failed without a task."""
        row = self._make_row(source, flight, StoryResult(source, error))
        self.state.save([row])
        self._count(row)

    def finish(self, results: list[StoryResult]) -> None:
        """Write a finished chunk's books, then record them all in one transaction."""
        rows = []
        for result in results:
            flight = self.inflight.pop(result.source)
            self.stems.discard(flight.stem)
            rows.append(self._make_row(result.source, flight, result))
        self.state.save(rows)
        for row in rows:
            self._count(row)


def remove_partial_files(outdir: Path) -> None:
    """Temporary files of books a killed run was writing (`.NAME.xxxx.part`): never a finished book."""
    for root, _dirs, files in os.walk(outdir):
        for name in files:
            if name.startswith(".") and name.endswith(".part"):
                (Path(root) / name).unlink(missing_ok=True)


def _executor(options: BatchOptions, task: Task, progress: BatchProgress) -> Executor:
    """The local process pool, or the Dask cluster named by --scheduler / DASK_SCHEDULER_ADDRESS."""
    if options.scheduler:
        from ebookify.batch.cluster import dask_executor

        return dask_executor(options.scheduler, task, progress.note)
    from ebookify.options import worker_count

    return LocalExecutor(worker_count(options.jobs), task=task)


def run_batch(
    options: BatchOptions, progress: BatchProgress | None = None, task: Task = convert_stories
) -> BatchSummary:
    """Convert every input that is new or changed since the last run into OUTDIR; write report.csv,
    index.html and the OPDS catalog. A failed story is recorded and the batch goes on."""
    from ebookify.batch.report import write_reports

    progress = progress or QuietProgress()
    started = time.monotonic()
    settings = task_settings(options)
    digest = options_hash(settings)
    try:
        options.outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EbookifyError(f"cannot create {options.outdir}: {exc.strerror or exc}") from None
    remove_partial_files(options.outdir)
    state = BatchState(options.outdir)
    try:
        batch = _Batch(options, state, digest, state.start_run(digest), progress)
        progress.start(count_inputs(options.sources, options.pattern, options.outdir))
        executor = _executor(options, task, progress)
        try:
            for _chunk, results in executor.run(batch.chunks(), settings):
                batch.finish(results)
                if options.max_failures and batch.summary.failed >= options.max_failures:
                    batch.summary.stopped = True
                    break
        finally:
            executor.close()
        summary = batch.summary
        summary.seconds = time.monotonic() - started
        state.finish_run(batch.run, summary.done, summary.failed, summary.skipped, summary.seconds)
        write_reports(state, options.outdir)
    finally:
        state.close()
    return summary
