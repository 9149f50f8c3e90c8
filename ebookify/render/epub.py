"""Writes a Book as an EPUB 3 (with an EPUB 2 NCX) through ebooklib, safely and reproducibly."""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
from datetime import UTC, datetime
from pathlib import Path

from ebooklib import epub

from ebookify.errors import WriterError
from ebookify.model import Book
from ebookify.options import WriteOptions
from ebookify.render import html
from ebookify.render.documents import StoryPlan, plan_book
from ebookify.render.package import build_timestamp, rezip_reproducibly, write_atomically
from ebookify.render.verify import verify_epub_text
from ebookify.resources import read_style

log = logging.getLogger("ebookify")


def book_identifier(book: Book) -> str:
    """A stable identifier derived from the content: the same story gives the same id."""
    digest = hashlib.sha256()
    for story in book.stories:
        digest.update(story.metadata.title.encode("utf-8", "surrogatepass"))
        for chapter in story.chapters:
            for block in chapter.blocks:
                digest.update(repr(block).encode("utf-8", "surrogatepass"))
    return f"urn:uuid:{uuid.UUID(bytes=digest.digest()[:16], version=5)}"


def _document(doc_id: str, title: str, body: str, lang: str, css: epub.EpubItem) -> epub.EpubHtml:
    doc = epub.EpubHtml(uid=doc_id, file_name=f"{doc_id}.xhtml", title=title, lang=lang)
    doc.content = f"<body>\n{body}\n</body>" if body else "<body><p></p></body>"
    doc.add_item(css)
    return doc


def _story_documents(
    plan: StoryPlan, lang: str, css: epub.EpubItem, options: WriteOptions
) -> tuple[list[epub.EpubHtml], list[epub.Link]]:
    story = plan.story
    title_body = html.cover_page_html(story)
    if options.include_notes and story.front_notes:
        title_body += "\n" + html.notes_html(story.front_notes, "front")
    docs = [_document(plan.titlepage_id, story.metadata.title, title_body, lang, css)]
    links = []
    for index, ref in enumerate(plan.chapters):
        body = html.chapter_html(ref.chapter, heading="h2")
        if options.include_notes and story.end_notes and index == len(plan.chapters) - 1:
            body += "\n" + html.notes_html(story.end_notes, "end")
        docs.append(_document(ref.doc_id, ref.toc_title, body, lang, css))
        links.append(epub.Link(f"{ref.doc_id}.xhtml", ref.toc_title, ref.doc_id))
    return docs, links


def build_epub_book(book: Book, options: WriteOptions) -> epub.EpubBook:
    """The ebooklib book: metadata, stylesheet, documents, spine, nav and NCX."""
    meta = book.metadata
    out = epub.EpubBook()
    out.set_identifier(book_identifier(book))
    out.set_title(meta.title)
    out.set_language(meta.language)
    for number, author in enumerate(meta.authors, 1):
        out.add_author(author, uid=f"creator{number:02d}")
    if meta.summary:
        out.add_metadata("DC", "description", meta.summary)
    for tag in meta.tags:
        out.add_metadata("DC", "subject", tag)
    css = epub.EpubItem(
        uid="style", file_name="styles/book.css", media_type="text/css", content=read_style(options.style)
    )
    out.add_item(css)
    spine: list[object] = []
    toc: list[object] = []
    for plan in plan_book(book):
        docs, links = _story_documents(plan, meta.language, css, options)
        for doc in docs:
            out.add_item(doc)
        spine += docs
        if book.is_anthology:
            toc.append((epub.Section(plan.story.metadata.title, f"{plan.titlepage_id}.xhtml"), links))
        else:
            toc.append(epub.Link(f"{plan.titlepage_id}.xhtml", "Title page", plan.titlepage_id + "-toc"))
            toc += links
    out.toc = toc
    out.add_item(epub.EpubNcx())
    out.add_item(epub.EpubNav())
    out.spine = [spine[0], "nav", *spine[1:]]
    return out


def write_epub(book: Book, target: str | Path, options: WriteOptions = WriteOptions()) -> Path:
    """Write `book` to `target` as an EPUB; on failure no partial file is left behind."""
    target = Path(target)
    epub_book = build_epub_book(book, options)
    buffer = io.BytesIO()
    stamp = build_timestamp()
    try:
        epub.write_epub(
            buffer, epub_book, {"raise_exceptions": True, "mtime": datetime.fromtimestamp(stamp, UTC)}
        )
    except Exception as exc:  # ebooklib raises whatever lxml or zipfile raised
        raise WriterError(f"cannot build the EPUB for {target}: {exc}") from exc
    data = rezip_reproducibly(buffer.getvalue(), stamp)
    verify_epub_text(data, book, options)
    write_atomically(target, data)
    log.info("wrote %s (%d bytes)", target, len(data))
    return target
