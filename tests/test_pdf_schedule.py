"""The PDF writer's job order: parts first, furniture once its folios are known, front matter at the end."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pytest

from ebookify.errors import WriterError
from ebookify.render.pdf import schedule as pdf_schedule
from ebookify.render.pdf.layout import BookLayout
from ebookify.render.pdf.schedule import BookJobs, InlineExecutor, run_book_jobs
from ebookify.render.pdf.sections import Section
from ebookify.render.pdf.worker import RenderedPart, RenderJob


def _section(anchor: str) -> Section:
    return Section(anchor, "chapter", 0, f"Title {anchor}", f"head {anchor}", f"<p>{anchor}</p>")


class FakeLayout(Executor):
    """Lays out nothing: a text job of part `n` has n+2 pages; records what was submitted, in order."""

    def __init__(self, fail: str | None = None) -> None:
        self.submitted: list[str] = []
        self.targets: list[str] = []
        self.fail = fail

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        job: RenderJob = args[0]
        self.submitted.append(job.html)
        self.targets.append(job.target)
        pages = len(job.anchors) + 1 if job.anchors else 1
        problems = ("failed to load image",) if job.html == self.fail else ()
        future: Future[Any] = Future()
        future.set_result(RenderedPart(b"", pages, {a: i for i, a in enumerate(job.anchors)}, problems))
        return future


def _jobs(parts: list[list[Section]], contents: bool = True) -> BookJobs:
    text = [RenderJob(f"part {i}", (), tuple(s.anchor for s in p)) for i, p in enumerate(parts)]

    def contents_job(layout: BookLayout) -> RenderJob | None:
        return RenderJob(f"contents {','.join(e.folio for e in layout.toc)}", ()) if contents else None

    return BookJobs("Book", parts, text, RenderJob("front", ()), RenderJob("furniture", ()), contents_job)


def test_parts_first_then_what_needs_no_page_numbers_then_the_contents(tmp_path: Path) -> None:
    # Parts of 2, 3 and 4 sections: 3 + 4 + 5 = 12 pages.
    parts = [[_section(f"{p}{i}") for i in range(p + 2)] for p in range(3)]
    executor = FakeLayout()
    results = run_book_jobs(executor, 1, _jobs(parts), tmp_path)
    # The contents carry the real page numbers, so they wait for every part.
    assert executor.submitted == [
        "part 0",
        "part 1",
        "part 2",
        "furniture",
        "front",
        "contents 1,2,4,5,6,8,9,10,11",
    ]
    assert results.layout.page_count == 12 and results.contents is not None
    # Each job writes its PDF to a file of its own in the folder.
    names = ["text-00000", "text-00001", "text-00002", "furniture-00000", "front-00000", "contents-00000"]
    assert executor.targets == [str(tmp_path / f"{name}.pdf") for name in names]


def test_a_book_without_contents_sends_no_contents_job() -> None:
    executor = FakeLayout()
    results = run_book_jobs(executor, 2, _jobs([[_section("a")]], contents=False))
    assert executor.submitted == ["part 0", "furniture", "front"] and results.contents is None
    assert executor.targets == ["", "", ""]  # without a folder the PDFs come back as bytes


def test_the_contents_wait_for_the_last_part() -> None:
    parts = [[_section("a"), _section("b")], [_section("c")], [_section("d")]]
    state = pdf_schedule._State(_jobs(parts), next_part=3, sent={"furniture", "front"})
    state.text[0] = RenderedPart(b"", 3, {"a": 0, "b": 1})
    state.text[2] = RenderedPart(b"", 2, {"d": 0})
    assert pdf_schedule._next_job(state) is None  # part 1 is missing: no page number after it is known
    state.text[1] = RenderedPart(b"", 2, {"c": 0})
    picked = pdf_schedule._next_job(state)
    assert picked is not None and picked[2].html == "contents 1,2,4,6"
    assert pdf_schedule._next_job(state) is None  # sent once


def test_the_text_is_handed_over_once_the_contents_are_on_their_way() -> None:
    parts = [[_section("a"), _section("b")], [_section("c")]]
    executor = FakeLayout()
    calls: list[tuple[int, list[int], int, list[str]]] = []

    def text_done(layout: BookLayout, text: Any, furniture: RenderedPart) -> None:
        counts = [part.page_count for part in text]
        calls.append((layout.page_count, counts, furniture.page_count, list(executor.submitted)))

    run_book_jobs(executor, 3, _jobs(parts), None, text_done)
    # Called once, with every part and the furniture, after the contents were sent to a worker.
    assert calls == [(5, [3, 2], 1, ["part 0", "part 1", "furniture", "front", "contents 1,2,4"])]


def test_progress_is_told_of_each_part_as_it_is_laid_out() -> None:
    # The progress bar moves during the layout: once per text part, never for the furniture or contents.
    parts = [[_section("a")], [_section("b")], [_section("c")]]
    told: list[tuple[int, int]] = []
    run_book_jobs(FakeLayout(), 2, _jobs(parts), parts_done=lambda done, total: told.append((done, total)))
    assert told == [(1, 3), (2, 3), (3, 3)]
    run_book_jobs(FakeLayout(), 2, _jobs(parts))  # and nothing is told without a listener


def test_a_renderer_problem_is_one_writer_error() -> None:
    with pytest.raises(WriterError, match="failed to load image"):
        run_book_jobs(FakeLayout(fail="part 1"), 2, _jobs([[_section("a")], [_section("b")]]))


def test_inline_executor_returns_results_and_exceptions() -> None:
    executor = InlineExecutor()
    assert executor.submit(len, "abc").result() == 3
    with pytest.raises(ZeroDivisionError):
        executor.submit(lambda: 1 / 0).result()


def test_the_pool_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    from ebookify.render.pdf.writer import job_executor

    before = gc.get_freeze_count()
    with job_executor(2) as executor:
        assert gc.get_freeze_count() > before  # objects shared with the workers are not visited
        assert executor.submit(len, "abcd").result() == 4
    assert gc.get_freeze_count() == before


def test_layout_runs_the_collector_less_often_and_restores_its_setting() -> None:
    import gc

    from ebookify.render.pdf.worker import fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] > before[0]
    assert gc.get_threshold() == before
