"""The work a batch sends out: the bytes of a few stories in, their books' bytes and facts out.

Pure and self-contained, so that a process pool or a Dask worker on another machine (no shared
filesystem) can run it: the stylesheet and cover travel in TaskSettings, the stories in StoryJob."""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ebookify.batch.facts import BookFacts
from ebookify.book import make_book
from ebookify.errors import EbookifyError, one_line
from ebookify.model import Book, Paragraph, Story
from ebookify.normalize import normalize_bytes
from ebookify.options import NormalizeOptions, WriteOptions

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger("ebookify")

THUMBNAIL_SIZE = (300, 480)
"""The OPDS cover thumbnail's box in pixels (the generated cover is 1600x2560, 5:8)."""


@dataclass(frozen=True)
class TaskSettings:
    """How every story of a batch is converted; the user's stylesheet and cover as content."""

    normalize: NormalizeOptions
    write: WriteOptions
    formats: tuple[str, ...]
    style_css: str | None = None
    """The user's own stylesheet text (--style my.css): the worker may not see the client's files."""
    cover: bytes | None = None
    """The user's own cover image (--cover), for every book of the batch."""


@dataclass(frozen=True)
class StoryJob:
    """One story to convert: its key, the name it came with (for a fallback title) and its bytes."""

    source: str
    name: str
    data: bytes


@dataclass(frozen=True)
class StoryResult(BookFacts):
    """What came of one story: the books' bytes and the facts the catalog shows, or a one-line error."""

    source: str
    error: str | None = None
    books: tuple[tuple[str, bytes], ...] = ()
    """(format, bytes) for each format asked for."""
    thumbnail: bytes | None = None
    seconds: float = 0.0
    """Wall time of the conversion in the worker."""
    cpu_seconds: float = 0.0
    """CPU time of the worker process for it (the cost model's unit; wall time includes waiting)."""

    @property
    def ok(self) -> bool:
        """True when every book was made."""
        return self.error is None


REPORT_LINE = 300
"""The most characters of an error in the batch's report (report.csv, index.html)."""


def report_line(message: str) -> str:
    """An error as one bounded line for the report."""
    return one_line(message, REPORT_LINE)


def _private_file(data: bytes, suffix: str) -> str:
    """`data` in a file of this machine's temp folder, named by its hash (written once per machine)."""
    digest = hashlib.sha256(data).hexdigest()[:24]
    path = Path(tempfile.gettempdir()) / f"ebookify-batch-{digest}{suffix}"
    if not path.exists():
        fd, tmp = tempfile.mkstemp(prefix=".ebookify-batch-", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    return str(path)


def worker_options(settings: TaskSettings) -> WriteOptions:
    """The write options on this machine: the user's stylesheet and cover as local files, one process
    per book (the batch's parallelism is across stories)."""
    options = replace(settings.write, jobs=1)
    if settings.style_css is not None:
        options = replace(options, style=_private_file(settings.style_css.encode("utf-8"), ".css"))
    if settings.cover is not None:
        options = replace(options, cover=_private_file(settings.cover, ".img"))
    return options


def count_words(story: Story) -> int:
    """Words of the story's text (notes left out)."""
    return sum(
        len(block.text.split())
        for chapter in story.chapters
        for block in chapter.blocks
        if isinstance(block, Paragraph)
    )


def _book_bytes(book: Book, fmt: str, options: WriteOptions) -> bytes:
    if fmt == "pdf":
        from ebookify.render.pdf import render_pdf_bytes

        return render_pdf_bytes(book, options)
    from ebookify.render.epub import epub_bytes

    return epub_bytes(book, options)


@functools.lru_cache(maxsize=4)
def _user_thumbnail(path: str) -> bytes:
    """The user's cover (--cover), made small once per worker process."""
    from PIL import Image

    from ebookify.render.cover_file import cover_from_file

    with Image.open(io.BytesIO(cover_from_file(path))) as picture:
        small = picture.convert("RGB")
        small.thumbnail(THUMBNAIL_SIZE)
        return _jpeg(small)


def _jpeg(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.convert("RGB").save(out, format="JPEG", quality=82, optimize=True)
    return out.getvalue()


def thumbnail_jpeg(book: Book, options: WriteOptions) -> bytes:
    """A small JPEG of the book's cover for OPDS readers' shelves: the generated cover is drawn again at
    thumbnail size (10-15 ms; shrinking the 1600x2560 one took 60-95 ms, as long as the EPUB itself)."""
    if options.cover:
        return _user_thumbnail(options.cover)
    from PIL import Image

    from ebookify.render.cover import cover_image

    with Image.open(io.BytesIO(cover_image(book.metadata, size=THUMBNAIL_SIZE))) as picture:
        return _jpeg(picture)


def convert_story(job: StoryJob, settings: TaskSettings, options: WriteOptions) -> StoryResult:
    """One story to its books; a user error or a crash in a rule becomes a failed result."""
    start, cpu = time.perf_counter(), time.process_time()

    def failed(message: str) -> StoryResult:
        return StoryResult(
            job.source, message, seconds=time.perf_counter() - start, cpu_seconds=time.process_time() - cpu
        )

    try:
        story = normalize_bytes(job.data, job.name, settings.normalize)
        book = make_book([story])
        books = tuple((fmt, _book_bytes(book, fmt, options)) for fmt in settings.formats)
        thumbnail = thumbnail_jpeg(book, options)
    except EbookifyError as error:
        return failed(report_line(str(error)))
    except MemoryError:
        return failed("out of memory")
    except Exception as error:  # a bug in a rule: this story fails, the batch goes on
        log.debug("internal error converting %s", job.source, exc_info=True)
        return failed(report_line(f"internal error ({type(error).__name__}: {error})"))
    meta = story.metadata
    return StoryResult(
        job.source,
        title=meta.title,
        authors=meta.authors,
        language=meta.language,
        summary=meta.summary,
        subjects=meta.tags,
        words=count_words(story),
        chapters=len(story.chapters),
        repairs=story.repairs,
        books=books,
        thumbnail=thumbnail,
        seconds=time.perf_counter() - start,
        cpu_seconds=time.process_time() - cpu,
    )


def convert_stories(jobs: Sequence[StoryJob], settings: TaskSettings) -> list[StoryResult]:
    """The task: every story of a chunk, each isolated from the others' failures."""
    options = worker_options(settings)
    return [convert_story(job, settings, options) for job in jobs]
