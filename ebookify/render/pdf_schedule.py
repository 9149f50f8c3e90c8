"""Orders the PDF writer's layout jobs so that every core stays busy until the last page is laid out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ParamSpec, TypeVar

from ebookify.errors import WriterError
from ebookify.render.pdf_html import FurniturePage, Section
from ebookify.render.pdf_layout import BookLayout, book_layout
from ebookify.render.pdf_worker import RenderedPart, RenderJob, render_job

_P = ParamSpec("_P")
_T = TypeVar("_T")

FURNITURE_PAGES = 160
"""Pages of running heads and folios per furniture document (about 0.5 s of work each). Chunks are
fixed runs of the book's pages, so the PDF does not depend on --jobs."""


@dataclass(frozen=True)
class BookJobs:
    """What to lay out: the parts' jobs, and how to make the jobs that need page numbers."""

    title: str
    parts: Sequence[Sequence[Section]]
    text_jobs: Sequence[RenderJob]
    furniture_job: Callable[[Sequence[FurniturePage]], RenderJob]
    front_job: Callable[[BookLayout], RenderJob]


@dataclass
class BookResults:
    """Every laid-out document, with the book's page layout."""

    layout: BookLayout
    text: list[RenderedPart]
    furniture: list[RenderedPart]
    front: RenderedPart


@dataclass
class _State:
    jobs: BookJobs
    text: dict[int, RenderedPart] = field(default_factory=dict)
    furniture: dict[int, RenderedPart] = field(default_factory=dict)
    front: RenderedPart | None = None
    next_part: int = 0
    next_chunk: int = 0
    front_sent: bool = False

    def prefix(self) -> BookLayout | None:
        """The layout of the longest run of finished parts from the start (None before part 0)."""
        count = 0
        while count in self.text:
            count += 1
        if count == 0:
            return None
        results = [self.text[i] for i in range(count)]
        parts = self.jobs.parts[:count]
        counts = [r.page_count for r in results]
        return book_layout(self.jobs.title, parts, counts, [r.starts for r in results])

    @property
    def all_parts_done(self) -> bool:
        return len(self.text) == len(self.jobs.parts)


def _next_job(state: _State) -> tuple[str, int, RenderJob] | None:
    """Parts first (they gate everything else); then the front matter once every part is laid out (the
    biggest job that must wait for the end), else furniture whose folios are known: that work fills a
    core while the last parts finish."""
    jobs = state.jobs
    if state.next_part < len(jobs.text_jobs):
        state.next_part += 1
        return ("text", state.next_part - 1, jobs.text_jobs[state.next_part - 1])
    layout = state.prefix()
    if layout is None:
        return None
    if state.all_parts_done and not state.front_sent:
        state.front_sent = True
        return ("front", 0, jobs.front_job(layout))
    start = state.next_chunk * FURNITURE_PAGES
    end = start + FURNITURE_PAGES
    if start < layout.page_count and (end <= layout.page_count or state.all_parts_done):
        state.next_chunk += 1
        return ("furniture", state.next_chunk - 1, jobs.furniture_job(layout.furniture[start:end]))
    return None


class InlineExecutor(Executor):
    """Runs each job at once in this process (one worker: no pool to start, nothing to pickle)."""

    def submit(self, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> Future[_T]:
        future: Future[_T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # the caller sees it through the future, as with a pool
            future.set_exception(exc)
        return future


def _checked(result: RenderedPart) -> RenderedPart:
    if result.problems:
        raise WriterError(f"the PDF renderer reported a problem: {result.problems[0][:300]}")
    return result


def run_book_jobs(executor: Executor, slots: int, jobs: BookJobs, folder: Path | None = None) -> BookResults:
    """Lay out every part, the furniture and the front matter, at most `slots` jobs at a time; with a
    `folder`, each job writes its PDF there (KIND-INDEX.pdf) instead of sending it back."""
    state = _State(jobs)
    running: dict[Future[RenderedPart], tuple[str, int]] = {}
    while True:
        while len(running) < slots and (picked := _next_job(state)) is not None:
            kind, index, job = picked
            if folder is not None:
                job = replace(job, target=str(folder / f"{kind}-{index:05d}.pdf"))
            running[executor.submit(render_job, job)] = (kind, index)
        if not running:
            break
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            kind, index = running.pop(future)
            result = _checked(future.result())
            if kind == "text":
                state.text[index] = result
            elif kind == "furniture":
                state.furniture[index] = result
            else:
                state.front = result
    layout = state.prefix()
    if layout is None or state.front is None or not state.all_parts_done:
        raise WriterError("internal error: the PDF layout did not finish")
    return BookResults(
        layout,
        [state.text[i] for i in range(len(state.text))],
        [state.furniture[i] for i in range(len(state.furniture))],
        state.front,
    )
