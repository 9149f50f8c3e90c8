"""Writes a Book as a PDF: parts laid out in parallel by WeasyPrint, then assembled into one tagged file."""

from __future__ import annotations

import gc
import io
import logging
import os
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import BinaryIO, overload

from ebookify.errors import EbookifyError, WriterError
from ebookify.leftovers import folder_prefix, remove_leftovers
from ebookify.model import Book
from ebookify.options import WriteOptions, worker_count
from ebookify.render.files import write_atomically
from ebookify.render.pdf.geometry import PageGeometry, content_page_css, furniture_page_css, page_geometry
from ebookify.render.pdf.layout import PART_WEIGHT, BookLayout, group_sections, running_heads
from ebookify.render.pdf.schedule import BookJobs, InlineExecutor, PartsDone, run_book_jobs
from ebookify.render.pdf.sections import (
    RunningHead,
    Section,
    book_sections,
    contents_document,
    digit_anchor,
    furniture_html,
    part_html,
    title_html,
)
from ebookify.render.pdf.weasy.fetcher import INTERNAL_PREFIX
from ebookify.render.pdf.worker import CONTENTS_RUN, RenderedPart, RenderJob, fewer_collections
from ebookify.render.stylesheets import book_style
from ebookify.resources import read_print_css
from ebookify.targets import check_book_target
from ebookify.workers import die_with_parent, stop_pool

log = logging.getLogger("ebookify")

_COVER_URL = INTERNAL_PREFIX + "cover"
_STYLE_URL = INTERNAL_PREFIX + "style/"
PARTS_FOLDER_PREFIX = "ebookify-pdf-"
"""The temporary folder where the laid-out documents wait for the assembly."""


@contextmanager
def job_executor(workers: int) -> Iterator[Executor]:
    """A pool of processes, or this process alone for one worker."""
    if workers <= 1:
        yield InlineExecutor()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork starts a worker in milliseconds with WeasyPrint already imported; spawn elsewhere.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    # A forked worker shares this process's memory until it writes to it, and the garbage collector
    # writes to every object it visits: frozen objects are never visited, so the pages stay shared.
    gc.freeze()
    try:
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(method),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        )
        try:
            yield pool
        except BaseException:
            stop_pool(pool)  # a failure or a signal: the other jobs' work is lost anyway
            raise
        pool.shutdown(wait=True)
    finally:
        gc.unfreeze()


def _cover(book: Book, options: WriteOptions) -> tuple[str, bytes, str]:
    """The user's cover image (--cover) or a generated one, served to the renderer from memory."""
    from ebookify.render.cover import cover_image
    from ebookify.render.cover_file import cover_from_file, image_media_type

    data = cover_from_file(options.cover) if options.cover else cover_image(book.metadata)
    return (_COVER_URL, data, image_media_type(data))


class _TextJobs(Sequence[RenderJob]):
    """The parts' jobs, each made when it is sent: a part's HTML exists only while it is laid out
    (all of it at once was 28 MB more in the main process for a 2-million-word anthology)."""

    def __init__(
        self,
        book: Book,
        parts: list[list[Section]],
        css: tuple[str, ...],
        variant: str | None,
        served: tuple[tuple[str, bytes, str], ...] = (),
    ) -> None:
        self.book, self.parts, self.css, self.variant, self.served = book, parts, css, variant, served

    def __len__(self) -> int:
        return len(self.parts)

    @overload
    def __getitem__(self, index: int) -> RenderJob: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RenderJob]: ...
    def __getitem__(self, index: int | slice) -> RenderJob | Sequence[RenderJob]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        part = self.parts[index]
        html = part_html(self.book, part)
        # Where each section starts, and where its heading is when notes come before it.
        anchors = tuple(a for s in part for a in (s.anchor, s.heading) if a)
        return RenderJob(html, self.css, anchors, pdf_variant=self.variant, served=self.served)


def _book_jobs(
    book: Book, options: WriteOptions, parts: list[list[Section]], heads: Sequence[RunningHead]
) -> tuple[BookJobs, PageGeometry]:
    """The parts' jobs, the front matter's and the furniture's, and how to make the contents'."""
    geometry = page_geometry(options.page_size)
    # The user's CSS names its imports, fonts and images by made-up URLs, served from memory.
    book_css = book_style(options.style, _STYLE_URL)
    style, layer = book_css.css, read_print_css()
    served = tuple((_STYLE_URL + f.name, f.data, f.media_type) for f in book_css.files)
    text_css = (style, layer + content_page_css(geometry))
    furniture_css = (style, layer + furniture_page_css(geometry))
    variant = options.pdf_variant
    text_jobs = _TextJobs(book, parts, text_css, variant, served)
    front = RenderJob(
        title_html(book, _COVER_URL), text_css, pdf_variant=variant, served=(_cover(book, options), *served)
    )
    # Running heads and figures in the book's fonts; no tags: they are stamped on as artifacts.
    digits = tuple(digit_anchor(d) for d in range(10))
    furniture = RenderJob(
        furniture_html(book.metadata, heads), furniture_css, digits, tagged=False, served=served
    )

    def contents_job(layout: BookLayout) -> RenderJob | None:
        contents = contents_document(book, layout.toc)
        if contents is None:
            return None
        return RenderJob(
            contents.first,
            text_css,
            pdf_variant=variant,
            served=served,
            items=contents.items,
            continued_html=contents.continued,
            items_per_document=CONTENTS_RUN,
        )

    return BookJobs(book.metadata.title, parts, text_jobs, front, furniture, contents_job), geometry


def assemble_pdf(
    book: Book,
    options: WriteOptions,
    handle: BinaryIO,
    part_weight: int = PART_WEIGHT,
    progress: PartsDone | None = None,
) -> None:
    """Lay out the book's parts in parallel, then the front matter and furniture; join them into one
    book and write it to `handle`.

    Every laid-out document is a file in a temporary folder; the assembly copies the text parts' pages
    into the book while a worker lays out the contents (merge), and writes the book once the workers
    are gone. The folder is removed on the way out."""
    from ebookify.render.pdf.furniture import Furniture
    from ebookify.render.pdf.merge import BookJoiner, read_pdf

    parts = group_sections(book_sections(book, options), part_weight)
    # The furniture document lays out these heads in this order; the assembly finds them by position.
    heads = running_heads(book.metadata.title, [s for part in parts for s in part])
    jobs, geometry = _book_jobs(book, options, parts, heads)
    workers = min(worker_count(options.jobs), max(1, len(parts)))
    temporary = Path(tempfile.gettempdir())
    remove_leftovers(temporary, PARTS_FOLDER_PREFIX, folders=True)  # from runs that were killed
    with (
        tempfile.TemporaryDirectory(prefix=folder_prefix(PARTS_FOLDER_PREFIX)) as folder,
        ExitStack() as files,
    ):
        joined: list[BookJoiner] = []

        def join_text(layout: BookLayout, text: Sequence[RenderedPart], furniture: RenderedPart) -> None:
            # Runs while a worker lays out the contents, which needed every part's page numbers.
            furniture_pdf = files.enter_context(read_pdf(Path(furniture.path)))
            furnished = Furniture.from_layout(furniture_pdf, heads, furniture)
            joiner = files.enter_context(BookJoiner(furnished, layout, geometry))
            for result in text:
                joiner.add_text(Path(result.path))
            joined.append(joiner)

        with job_executor(workers) as executor, fewer_collections():
            # One job more than workers waits in the queue, so no worker idles between two jobs.
            slots = workers + 1 if workers > 1 else 1
            results = run_book_jobs(executor, slots, jobs, Path(folder), join_text, parts_done=progress)
        front = [results.front.path, *(results.contents.paths if results.contents else ())]
        joined[0].finish([Path(path) for path in front], handle)
        log.info(
            "laid out %d pages in %d parts with %d processes", results.layout.page_count, len(parts), workers
        )


def render_pdf_bytes(book: Book, options: WriteOptions, part_weight: int = PART_WEIGHT) -> bytes:
    """The whole PDF in memory (for tests and library callers; write_pdf streams to the file)."""
    out = io.BytesIO()
    assemble_pdf(book, options, out, part_weight)
    return out.getvalue()


def write_pdf(
    book: Book, target: str | Path, options: WriteOptions = WriteOptions(), progress: PartsDone | None = None
) -> Path:
    """Write `book` to `target` as a PDF; on failure no partial file is left behind. `progress` is told
    how many of the book's parts are laid out, of how many, as each one is."""
    target = Path(target)
    check_book_target(target, book, options)  # never overwrite an input, a device or a FIFO
    try:
        write_atomically(target, lambda handle: assemble_pdf(book, options, handle, progress=progress))
    except EbookifyError:
        raise
    except Exception as exc:  # the user needs one line, whatever the renderer or the assembly raised
        raise WriterError(f"cannot render the PDF for {target}: {type(exc).__name__}: {exc}") from exc
    log.info("wrote %s (%d bytes)", target, target.stat().st_size)
    return target
