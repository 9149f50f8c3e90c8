"""Book builds off the event loop: one thread per build, its phase and elapsed time read by the page."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ebookify.errors import EbookifyError
from ebookify.model import Book
from ebookify.options import WriteOptions
from ebookify.workers import die_with_parent

log = logging.getLogger("ebookify")

FORMATS = {"epub": "application/epub+zip", "pdf": "application/pdf"}


@dataclass
class BuildJob:
    """One build: what it is doing now, and the book's file once it is written."""

    build_id: str
    fmt: str
    target: Path
    download_name: str
    phase: str = "waiting"
    error: str | None = None
    done: int = 0
    """Steps done of `total` in the counted phase (reading the stories); 0 of 0 when it cannot be counted."""
    total: int = 0
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def running(self) -> bool:
        """Whether the build has not ended yet."""
        return self.finished is None

    def status(self) -> dict[str, object]:
        """The build as the page polls it."""
        end = self.finished if self.finished is not None else time.monotonic()
        return {
            "id": self.build_id,
            "format": self.fmt,
            "phase": self.phase,
            "running": self.running,
            "error": self.error,
            "seconds": round(end - self.started, 1),
            "done": self.done,
            "total": self.total,
            "ready": self.finished is not None and self.error is None,
        }


PartsDone = Callable[[int, int], None]
"""Told how many parts of the PDF are laid out, and how many there are."""


def write_book(
    book: Book, fmt: str, target: Path, options: WriteOptions, parts_done: PartsDone | None = None
) -> None:
    """Write with the library's own writers (the same checks as the CLI: the EPUB is verified)."""
    if fmt == "pdf":
        _write_pdf_apart(book, target, options, parts_done)
    else:
        from ebookify.render.epub import write_epub

        write_epub(book, target, options)


def _start_pdf_process(parent: int) -> None:
    """The PDF process ignores Ctrl-C (the server stops it) and dies with the server."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def _write_pdf_apart(book: Book, target: Path, options: WriteOptions, parts_done: PartsDone | None) -> None:
    """The PDF is laid out in a process of its own, started fresh: the PDF writer forks its workers,
    and forking this server (its event loop and request threads) could copy a lock another thread holds;
    the page also stays quick while the pages are laid out. That process tells how many parts are laid
    out through a small file beside the target, read here while waiting."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as Waiting

    counter = target.with_name(f".{target.name}.parts")
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(1, context, _start_pdf_process, (os.getpid(),)) as pool:
            future = pool.submit(_write_pdf_counting, book, target, options, counter)
            while True:
                try:
                    future.result(timeout=0.25)
                    break
                except Waiting:
                    _tell(parts_done, counter)
            _tell(parts_done, counter)  # the last note, written after the last look
    finally:
        counter.unlink(missing_ok=True)


def _tell(parts_done: PartsDone | None, counter: Path) -> None:
    """Pass the counter file's note on, if there is one."""
    if parts_done is not None and (count := read_count(counter)) is not None:
        parts_done(*count)


def _write_pdf_counting(book: Book, target: Path, options: WriteOptions, counter: Path) -> None:
    """Write the PDF (in the build's own process), noting each part laid out in the counter file."""
    from ebookify.render.pdf import write_pdf

    def note(done: int, total: int) -> None:
        draft = counter.with_name(counter.name + ".new")
        draft.write_text(f"{done} {total}")
        draft.replace(counter)  # the reader never sees half a line

    write_pdf(book, target, options, progress=note)


def read_count(counter: Path) -> tuple[int, int] | None:
    """The parts laid out and the parts in all from the counter file, or None before the first note."""
    try:
        done, total = (int(word) for word in counter.read_text().split())
    except (OSError, ValueError):
        return None
    return done, total


def _run(job: BuildJob, assemble: Callable[[], Book], options: WriteOptions) -> None:
    from ebookify.errors import one_line

    try:
        job.phase = "reading the stories"
        book = assemble()
        job.done = job.total = 0  # the EPUB writer does not report steps: the bar shows activity
        job.phase = "laying out the pages" if job.fmt == "pdf" else "writing the EPUB"

        def parts_done(done: int, total: int) -> None:
            job.done, job.total = done, total

        write_book(book, job.fmt, job.target, options, parts_done)
        job.phase = "done"
    except EbookifyError as error:
        job.error, job.phase = one_line(str(error)), "failed"
    except Exception as error:  # a bug: the page gets one line, the log the traceback
        log.exception("web build failed")
        job.error, job.phase = one_line(f"internal error ({type(error).__name__}: {error})"), "failed"
    finally:
        job.finished = time.monotonic()


def start_build(job: BuildJob, assemble: Callable[[], Book], options: WriteOptions) -> threading.Thread:
    """Run the build in a thread of its own (a PDF takes seconds to minutes); the page polls the job."""
    thread = threading.Thread(target=_run, args=(job, assemble, options), name=f"build-{job.build_id}")
    thread.daemon = True
    thread.start()
    return thread


def with_sources(book: Book, paths: list[Path]) -> Book:
    """The book's stories named by their files in the session folder: the writers' checks (never
    overwrite an input) then look only there, never at a name the browser gave."""
    stories = tuple(replace(s, source=str(p)) for s, p in zip(book.stories, paths, strict=True))
    return replace(book, stories=stories)
