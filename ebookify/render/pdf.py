"""Writes a Book as a PDF through WeasyPrint, with a fetcher that can read nothing but our styles."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path

from ebookify.errors import WriterError
from ebookify.model import Book
from ebookify.options import WriteOptions
from ebookify.render import html
from ebookify.render.documents import plan_book
from ebookify.render.package import write_atomically
from ebookify.resources import read_print_css, read_style

log = logging.getLogger("ebookify")

# WeasyPrint words a resource it could not load or render this way; other warnings are advice.
_RESOURCE_PROBLEM = re.compile(
    r"failed to load|error fetching|refused|cannot|unable to|not found|ignored", re.I
)

PAGE_SIZES = {"a5": "A5", "a4": "A4", "letter": "letter", "6x9": "6in 9in"}


def page_size_css(size: str) -> str:
    """The CSS `size` value for a --page-size name or a CSS size such as "140mm 216mm"."""
    return PAGE_SIZES.get(size.lower().replace("×", "x"), size)


def book_html(book: Book, options: WriteOptions) -> str:
    """The whole book as one HTML document for WeasyPrint; every text goes through html.text_html."""
    meta = book.metadata
    head = [
        '<meta charset="utf-8"/>',
        f"<title>{html.text_html(meta.title)}</title>",
        *(f'<meta name="author" content="{html.attr_text(a)}"/>' for a in meta.authors),
    ]
    if meta.summary:
        head.append(f'<meta name="description" content="{html.attr_text(meta.summary)}"/>')
    if meta.tags:
        head.append(f'<meta name="keywords" content="{html.attr_text(", ".join(meta.tags))}"/>')
    body = [f'<div class="book-title-string">{html.text_html(meta.title)}</div>']
    for plan in plan_book(book):
        story = plan.story
        body.append(html.cover_page_html(story, heading="h1", break_long_words=True))
        if options.include_notes and story.front_notes:
            body.append(html.notes_html(story.front_notes, "front", break_long_words=True))
        for index, ref in enumerate(plan.chapters):
            chapter = html.chapter_html(ref.chapter, heading="h2", break_long_words=True)
            if options.include_notes and story.end_notes and index == len(plan.chapters) - 1:
                chapter += "\n" + html.notes_html(story.end_notes, "end", break_long_words=True)
            body.append(f'<section class="chapter" id="{ref.doc_id}">\n{chapter}\n</section>')
    lang = escape(meta.language, quote=True)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head>{"".join(head)}</head>\n<body>\n'
        + "\n".join(body)
        + "\n</body></html>"
    )


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


def render_pdf_bytes(book: Book, options: WriteOptions) -> bytes:
    """Lay out the book and return the PDF bytes."""
    from weasyprint import CSS, HTML

    from ebookify.render.fetcher import DenyAllFetcher

    fetcher = DenyAllFetcher()
    page_css = f"@page {{ size: {page_size_css(options.page_size)}; }}"
    stylesheets = [
        CSS(string=read_style(options.style), url_fetcher=fetcher),
        CSS(string=read_print_css() + page_css, url_fetcher=fetcher),
    ]
    with watch_weasyprint_log() as problems:
        document = HTML(string=book_html(book, options), url_fetcher=fetcher, base_url="about:blank")
        pdf = document.write_pdf(stylesheets=stylesheets, pdf_tags=True, pdf_variant=options.pdf_variant)
    if problems:
        raise WriterError(f"the PDF renderer reported a problem: {problems[0]}")
    if not isinstance(pdf, bytes):
        raise WriterError("the PDF renderer produced nothing")
    return pdf


def write_pdf(book: Book, target: str | Path, options: WriteOptions = WriteOptions()) -> Path:
    """Write `book` to `target` as a PDF; on failure no partial file is left behind."""
    target = Path(target)
    try:
        data = render_pdf_bytes(book, options)
    except WriterError:
        raise
    except Exception as exc:  # WeasyPrint raises many kinds of errors; the user needs one line
        raise WriterError(f"cannot render the PDF for {target}: {type(exc).__name__}: {exc}") from exc
    write_atomically(target, data)
    log.info("wrote %s (%d bytes)", target, len(data))
    return target
