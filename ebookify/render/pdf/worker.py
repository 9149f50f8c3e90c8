"""Lays out one HTML document with WeasyPrint (in a worker process) and reports where things landed."""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ebookify.render.pdf.sections import ITEMS_SLOT, item_anchors

log = logging.getLogger("ebookify")

CONTENTS_RUN = 150
"""Contents entries laid out as one document (six or seven A5 pages): a worker's memory for the contents
stays the same however many stories and chapters the book has (_render_items)."""

# WeasyPrint words a resource it could not load or render this way; other warnings are advice.
_RESOURCE_PROBLEM = re.compile(
    r"failed to load|error fetching|refused|unable to|cannot be loaded|not found|no anchor", re.I
)


@dataclass(frozen=True)
class RenderJob:
    """Everything a worker needs to lay out one document (plain data: it crosses process borders)."""

    html: str
    stylesheets: tuple[str, ...]
    anchors: tuple[str, ...] = ()
    """Element ids whose first page the caller wants to know."""
    tagged: bool = True
    pdf_variant: str | None = None
    served: tuple[tuple[str, bytes, str], ...] = ()
    """In-memory resources: (made-up URL, bytes, media type)."""
    allowed_files: tuple[str, ...] = ()
    target: str = ""
    """A file to write the PDF to (its bytes then never cross the process border); empty: return them."""
    items: tuple[str, ...] = ()
    """List items laid out a run at a time (the contents): `html` is the first document, with
    sections.ITEMS_SLOT where its run goes, `continued_html` every later one."""
    continued_html: str = ""
    items_per_document: int = CONTENTS_RUN


@dataclass(frozen=True)
class RenderedPart:
    """A laid-out document: its PDF (bytes, or the job's target file), page count, the first page of
    each wanted anchor, and problems."""

    pdf: bytes
    page_count: int
    starts: dict[str, int] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    path: str = ""
    boxes: dict[str, tuple[float, ...]] = field(default_factory=dict)
    """Where each wanted anchor sits on its first page: its box (left, top, right, bottom), in points
    from the page's top left corner."""
    continued: tuple[str, ...] = ()
    """The files of the later documents of a job laid out a run of items at a time, in order."""

    @property
    def paths(self) -> tuple[str, ...]:
        """Every file this job wrote, in order."""
        return (self.path, *self.continued) if self.path else self.continued


@contextmanager
def watch_weasyprint_log() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings and errors (it logs missing resources instead of raising)."""
    problems: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage()
            if _RESOURCE_PROBLEM.search(message):
                problems.append(message)
            else:
                log.debug("weasyprint: %s", message)

    handler = Collector(level=logging.WARNING)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield problems
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while WeasyPrint works, then as before."""
    # WeasyPrint allocates millions of short-lived objects: with the default threshold the collector
    # runs every 700 allocations and takes 7-14% of a part's layout time (measured on the novel);
    # a 100,000 threshold costs ~12 MB of memory per process.
    threshold = gc.get_threshold()
    gc.set_threshold(100_000, 50, 50)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def render_job(job: RenderJob) -> RenderedPart:
    """Lay out and write one document; failures come back as problems, never as a half PDF."""
    with fewer_collections():
        result = _render(job)
    # A worker runs job after job. A laid-out document is a web of cycles that only a full collection
    # frees, and with fewer collections a full one comes seldom: without this, a worker's memory grew
    # by ~3.5 MB a job on a 100-story anthology (171 MB to 345 MB over 50 jobs). It takes ~30 ms.
    gc.collect()
    return result


def _render(job: RenderJob) -> RenderedPart:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from ebookify.render.pdf.weasy import compact as weasy_compact
    from ebookify.render.pdf.weasy import hyphens as weasy_hyphens
    from ebookify.render.pdf.weasy import speedups as weasy_speedups
    from ebookify.render.pdf.weasy.fetcher import DenyAllFetcher

    weasy_speedups.install()
    weasy_hyphens.install()
    weasy_compact.install()
    fetcher = DenyAllFetcher(
        allowed_files=tuple(Path(p) for p in job.allowed_files),
        served={url: (body, media) for url, body, media in job.served},
    )
    # The stylesheets' @font-face rules load through it (render() would make one of its own anyway).
    fonts = FontConfiguration()
    with watch_weasyprint_log() as problems:
        try:
            stylesheets = [
                CSS(string=text, url_fetcher=fetcher, font_config=fonts) for text in job.stylesheets
            ]

            def lay_out(page: str) -> Any:
                return HTML(string=page, url_fetcher=fetcher, base_url="about:blank").render(
                    stylesheets=stylesheets,
                    pdf_tags=job.tagged,
                    pdf_variant=job.pdf_variant,
                    font_config=fonts,
                )

            data = b""
            starts: dict[str, int] = {}
            boxes: dict[str, tuple[float, ...]] = {}
            if job.items:
                page_count, paths = _render_items(job, lay_out)
            else:
                document = lay_out(job.html)
                starts, boxes = first_pages(document.pages, job.anchors)
                pdf = document.write_pdf(job.target or None, pdf_tags=job.tagged, pdf_variant=job.pdf_variant)
                data = pdf if isinstance(pdf, bytes) else b""
                page_count, paths = len(document.pages), [job.target]
        except Exception as exc:  # WeasyPrint raises many kinds of errors; report one line
            return RenderedPart(b"", 0, {}, (f"{type(exc).__name__}: {exc}",))
    if fetcher.refused:
        problems.append(f"refused to fetch {fetcher.refused[0][:200]}")
    return RenderedPart(data, page_count, starts, tuple(problems), paths[0], boxes, tuple(paths[1:]))


def _render_items(job: RenderJob, lay_out: Callable[[str], Any]) -> tuple[int, list[str]]:
    """Lay out a long list (the contents of a big anthology) a run of items at a time, each run a
    document of its own, so that a worker holds a few pages of it, never the whole list; the pages
    written, and the files in order.

    A run's last page may be only partly filled: it is dropped, and its items start the next run, so
    the pages read as one list. The drop is made only when every kept item ends before that page (an
    item longer than a page is never cut)."""
    if not job.target:
        raise ValueError("a list laid out in runs needs a target file")
    paths: list[str] = []
    start, count, pages, size = 0, len(job.items), 0, max(1, job.items_per_document)
    while start < count:
        run = job.items[start : start + size]
        template = job.html if start == 0 else job.continued_html
        document = lay_out(template.replace(ITEMS_SLOT, "\n".join(run)))
        taken = len(run)
        if start + taken < count:
            if len(document.pages) < 2:
                size *= 2  # the run does not fill its page (big pages, small type): take more
                continue
            kept = _items_before_last_page(document.pages, start, taken)
            if kept:
                document, taken = document.copy(document.pages[:-1]), kept
        target = Path(job.target)
        path = job.target if start == 0 else str(target.with_name(f"{target.stem}-{len(paths):03d}.pdf"))
        document.write_pdf(path, pdf_tags=job.tagged, pdf_variant=job.pdf_variant)
        paths.append(path)
        pages += len(document.pages)
        start += taken
        del document  # before the next run is laid out, not after
    return pages, paths


def _items_before_last_page(pages: list[Any], first: int, count: int) -> int:
    """How many items of the run (numbered from `first`) begin and end before its last page; 0 when
    the last kept item would run onto that page, or when no item begins on it."""
    anchors = [name for index in range(first, first + count) for name in item_anchors(index)]
    starts, _ = first_pages(pages, tuple(anchors))
    last = len(pages) - 1
    kept = 0
    for index in range(first, first + count):
        begin, end = item_anchors(index)
        if begin not in starts or end not in starts:
            return 0  # an item that left no trace: keep every page rather than guess
        if starts[begin] >= last:
            break
        if starts[end] >= last:
            return 0
        kept += 1
    return kept if kept < count else 0


_PT_PER_PX = 0.75  # WeasyPrint lays out in CSS pixels (1/96 in); PDF points are 1/72 in


def first_pages(
    pages: list[object], anchors: tuple[str, ...]
) -> tuple[dict[str, int], dict[str, tuple[float, ...]]]:
    """The index of the first page on which each anchor appears, and its box there (points)."""
    wanted = set(anchors)
    starts: dict[str, int] = {}
    boxes: dict[str, tuple[float, ...]] = {}
    for index, page in enumerate(pages):
        for name, box in getattr(page, "anchors", {}).items():
            if name in wanted and name not in starts:
                starts[name] = index
                boxes[name] = tuple(value * _PT_PER_PX for value in box)
    return starts, boxes
