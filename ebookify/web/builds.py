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


def write_book(book: Book, fmt: str, target: Path, options: WriteOptions) -> None:
    """Write with the library's own writers (the same checks as the CLI: the EPUB is verified)."""
    if fmt == "pdf":
        _write_pdf_apart(book, target, options)
    else:
        from ebookify.render.epub import write_epub

        write_epub(book, target, options)


def _start_pdf_process(parent: int) -> None:
    """The PDF process ignores Ctrl-C (the server stops it) and dies with the server."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def _write_pdf_apart(book: Book, target: Path, options: WriteOptions) -> None:
    """The PDF is laid out in a process of its own, started fresh: the PDF writer forks its workers,
    and forking this server (its event loop and request threads) could copy a lock another thread holds;
    the page also stays quick while the pages are laid out."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ebookify.render.pdf import write_pdf

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, context, _start_pdf_process, (os.getpid(),)) as pool:
        pool.submit(write_pdf, book, target, options).result()


def _run(job: BuildJob, assemble: Callable[[], Book], options: WriteOptions) -> None:
    from ebookify.cli import one_line

    try:
        job.phase = "reading the stories"
        book = assemble()
        job.done = job.total = 0  # the writers do not report their steps: the bar shows activity
        job.phase = "laying out the pages" if job.fmt == "pdf" else "writing the EPUB"
        write_book(book, job.fmt, job.target, options)
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
