"""Orders the PDF writer's layout jobs so that every core stays busy until the last page is laid out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ParamSpec, TypeVar

from ebookify.errors import WriterError
from ebookify.render.pdf.layout import BookLayout, book_layout
from ebookify.render.pdf.sections import Section
from ebookify.render.pdf.worker import RenderedPart, RenderJob, render_job

_P = ParamSpec("_P")
_T = TypeVar("_T")


@dataclass(frozen=True)
class BookJobs:
    """What to lay out: the parts, two documents that need no page numbers, and the contents."""

    title: str
    parts: Sequence[Sequence[Section]]
    text_jobs: Sequence[RenderJob]
    front_job: RenderJob
    """Cover and title page."""
    furniture_job: RenderJob
    """Running heads and figures, stamped on the pages by the assembly."""
    contents_job: Callable[[BookLayout], RenderJob | None]
    """The contents page, made once every part has page numbers (None: no contents page)."""


@dataclass
class BookResults:
    """Every laid-out document, with the book's page layout."""

    layout: BookLayout
    text: list[RenderedPart]
    front: RenderedPart
    furniture: RenderedPart
    contents: RenderedPart | None


@dataclass
class _State:
    jobs: BookJobs
    text: dict[int, RenderedPart] = field(default_factory=dict)
    done: dict[str, RenderedPart] = field(default_factory=dict)
    next_part: int = 0
    sent: set[str] = field(default_factory=set)
    _layout: BookLayout | None = None

    def layout(self) -> BookLayout | None:
        """The book's layout once every part is laid out (None before); worked out once."""
        if self._layout is None and len(self.text) == len(self.jobs.parts):
            results = [self.text[i] for i in range(len(self.jobs.parts))]
            counts = [r.page_count for r in results]
            self._layout = book_layout(self.jobs.title, self.jobs.parts, counts, [r.starts for r in results])
        return self._layout


def _next_job(state: _State) -> tuple[str, int, RenderJob] | None:
    """Parts first, in book order (they gate the contents); then the furniture and the front matter,
    which need no page numbers and fill a core while the last parts finish (the furniture first: the
    text is joined with it while the contents are laid out); the contents last."""
    jobs = state.jobs
    if state.next_part < len(jobs.text_jobs):
        state.next_part += 1
        return ("text", state.next_part - 1, jobs.text_jobs[state.next_part - 1])
    for kind, job in (("furniture", jobs.furniture_job), ("front", jobs.front_job)):
        if kind not in state.sent:
            state.sent.add(kind)
            return (kind, 0, job)
    if "contents" not in state.sent and (layout := state.layout()) is not None:
        state.sent.add("contents")
        contents = jobs.contents_job(layout)
        return ("contents", 0, contents) if contents is not None else None
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


TextDone = Callable[[BookLayout, Sequence[RenderedPart], RenderedPart], None]
PartsDone = Callable[[int, int], None]
"""Told how many of the text parts are laid out, and how many there are."""
"""Called with the layout, the parts and the furniture as soon as they are all laid out."""


def run_book_jobs(
    executor: Executor,
    slots: int,
    jobs: BookJobs,
    folder: Path | None = None,
    text_done: TextDone | None = None,
    *,
    parts_done: PartsDone | None = None,
) -> BookResults:
    """Lay out every part, the front matter, the furniture and the contents, at most `slots` jobs at a
    time; with a `folder`, each job writes its PDF there (KIND-INDEX.pdf) instead of sending it back.
    `text_done` runs in this process while the last jobs (the contents) are still being laid out;
    `parts_done` each time a text part is laid out."""
    state = _State(jobs)
    running: dict[Future[RenderedPart], tuple[str, int]] = {}
    while True:
        while len(running) < slots and (picked := _next_job(state)) is not None:
            kind, index, job = picked
            if folder is not None:
                job = replace(job, target=str(folder / f"{kind}-{index:05d}.pdf"))
            running[executor.submit(render_job, job)] = (kind, index)
        if text_done is not None and (layout := state.layout()) is not None and "furniture" in state.done:
            text_done(layout, [state.text[i] for i in range(len(state.text))], state.done["furniture"])
            text_done = None
        if not running:
            break
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            kind, index = running.pop(future)
            result = _checked(future.result())
            if kind == "text":
                state.text[index] = result
                if parts_done is not None:
                    parts_done(len(state.text), len(jobs.parts))
            else:
                state.done[kind] = result
    layout = state.layout()
    if layout is None or "front" not in state.done or "furniture" not in state.done:
        raise WriterError("internal error: the PDF layout did not finish")
    return BookResults(
        layout,
        [state.text[i] for i in range(len(state.text))],
        state.done["front"],
        state.done["furniture"],
        state.done.get("contents"),
    )
