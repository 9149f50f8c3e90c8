"""Writes a Book as a PDF: parts laid out in parallel by WeasyPrint, then assembled into one tagged file."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ebookify.errors import EbookifyError, WriterError
from ebookify.model import Book
from ebookify.options import WriteOptions
from ebookify.render.fetcher import INTERNAL_PREFIX
from ebookify.render.package import write_atomically
from ebookify.render.pdf_geometry import PageGeometry, content_page_css, furniture_page_css, page_geometry
from ebookify.render.pdf_html import book_sections, front_matter_html, furniture_html, part_html
from ebookify.render.pdf_layout import PART_WEIGHT, BookLayout, book_layout, group_sections
from ebookify.render.pdf_worker import RenderedPart, RenderJob, render_job
from ebookify.resources import read_print_css, read_style

log = logging.getLogger("ebookify")

Runner = Callable[[Sequence[RenderJob]], list[RenderedPart]]
_COVER_URL = INTERNAL_PREFIX + "cover"
FURNITURE_PAGES = 160
"""Pages of running heads and folios per furniture document (about 0.5 s of work each)."""


def worker_count(jobs: int) -> int:
    """Processes to use: --jobs, or one per CPU core this process may run on."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def job_runner(workers: int) -> Iterator[Runner]:
    """Run render jobs in a pool of processes (or in this process for one worker), results in order."""
    if workers <= 1:
        yield lambda jobs: [render_job(job) for job in jobs]
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork starts a worker in milliseconds with WeasyPrint already imported; spawn elsewhere.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
        yield lambda jobs: list(pool.map(render_job, jobs))


def _checked(results: list[RenderedPart]) -> list[RenderedPart]:
    for result in results:
        if result.problems:
            raise WriterError(f"the PDF renderer reported a problem: {result.problems[0][:300]}")
    return results


def _cover(book: Book, options: WriteOptions) -> tuple[str, bytes, str]:
    """The user's cover image (--cover) or a generated one, served to the renderer from memory."""
    from ebookify.render.cover import cover_from_file, cover_image, image_media_type

    data = cover_from_file(options.cover) if options.cover else cover_image(book.metadata)
    return (_COVER_URL, data, image_media_type(data))


def render_pdf_bytes(book: Book, options: WriteOptions, part_weight: int = PART_WEIGHT) -> bytes:
    """Lay out the book's parts in parallel, then the front matter and furniture, then assemble."""
    from ebookify.render.pdf_merge import assemble_pdf

    geometry = page_geometry(options.page_size)
    style, layer = read_style(options.style), read_print_css()
    text_css = (style, layer + content_page_css(geometry))
    parts = group_sections(book_sections(book, options), part_weight)
    variant = options.pdf_variant
    workers = min(worker_count(options.jobs), max(1, len(parts)))
    with job_runner(workers) as run:
        text_jobs = [
            RenderJob(part_html(book, part), text_css, tuple(s.anchor for s in part), pdf_variant=variant)
            for part in parts
        ]
        text = _checked(run(text_jobs))
        layout = book_layout(
            book.metadata.title, parts, [r.page_count for r in text], [r.starts for r in text]
        )
        front_job = RenderJob(
            front_matter_html(book, options, layout.toc, _COVER_URL),
            text_css,
            pdf_variant=variant,
            served=(_cover(book, options),),
        )
        rest = _checked(run([front_job, *_furniture_jobs(book, layout, geometry, text_css)]))
    log.info("laid out %d pages in %d parts with %d processes", layout.page_count, len(parts), workers)
    return assemble_pdf(rest[0].pdf, [r.pdf for r in text], [r.pdf for r in rest[1:]], layout, geometry)


def _furniture_jobs(
    book: Book, layout: BookLayout, geometry: PageGeometry, text_css: tuple[str, str]
) -> list[RenderJob]:
    """Running heads and folios for every text page (fonts from the style), in chunks that share the
    work between processes; the chunk size depends only on the book, so output does not depend on --jobs."""
    css = (text_css[0], text_css[1] + furniture_page_css(geometry))
    pages = layout.furniture
    size = FURNITURE_PAGES
    return [
        RenderJob(furniture_html(book.metadata, pages[i : i + size]), css, tagged=False)
        for i in range(0, len(pages), size)
    ]


def write_pdf(book: Book, target: str | Path, options: WriteOptions = WriteOptions()) -> Path:
    """Write `book` to `target` as a PDF; on failure no partial file is left behind."""
    target = Path(target)
    try:
        data = render_pdf_bytes(book, options)
    except EbookifyError:
        raise
    except Exception as exc:  # the user needs one line, whatever the renderer or the assembly raised
        raise WriterError(f"cannot render the PDF for {target}: {type(exc).__name__}: {exc}") from exc
    write_atomically(target, data)
    log.info("wrote %s (%d bytes)", target, len(data))
    return target
