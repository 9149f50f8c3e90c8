"""Writes a Book as an EPUB 3.3 (with an EPUB 2 NCX and guide) through ebooklib, safely and reproducibly."""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ebooklib import epub

from ebookify.errors import WriterError
from ebookify.model import COLOPHON_TITLE, Book, Story
from ebookify.options import WriteOptions
from ebookify.render import html
from ebookify.render.blank_metadata import showable_book
from ebookify.render.cover import cover_image
from ebookify.render.cover_file import cover_from_file, image_media_type
from ebookify.render.cover_fonts import prefetch_cover_fonts
from ebookify.render.documents import ContentsLine, StoryPlan, plan_book, story_contents
from ebookify.render.epub.navigation import Landmark, NavEntry, nav_document, ncx_document
from ebookify.render.epub.opf import book_identifier, language_tag, package_metadata
from ebookify.render.epub.package import build_timestamp, zip_epub, zip_parts
from ebookify.render.epub.split import split_blocks
from ebookify.render.epub.verify import verify_epub
from ebookify.render.epub.xhtml import cover_document, section, xhtml_document
from ebookify.render.files import write_atomically
from ebookify.render.stylesheets import MAIN_NAME, book_style
from ebookify.targets import check_book_target

log = logging.getLogger("ebookify")

GENERATOR = "ebookify"
NAV_FILE = "nav.xhtml"


@dataclass(frozen=True)
class ContentDocument:
    """One XHTML file of the spine, already serialized."""

    doc_id: str
    title: str
    data: bytes
    properties: tuple[str, ...] = ()

    @property
    def file_name(self) -> str:
        """The file name inside the EPUB's content folder."""
        return f"{self.doc_id}.xhtml"


@dataclass
class EpubLayout:
    """The documents in reading order, the contents and the landmarks of one EPUB."""

    documents: list[ContentDocument] = field(default_factory=list)
    toc: list[NavEntry] = field(default_factory=list)
    landmarks: list[Landmark] = field(default_factory=list)
    nav_position: int | None = None
    """Where the contents page goes in the spine (None: only in the reader's menu)."""


def _chapter_documents(plan: StoryPlan, lang: str, options: WriteOptions) -> list[ContentDocument]:
    story = plan.story
    docs = []
    for index, ref in enumerate(plan.chapters):
        if ref.part and ref.opens_part:
            opening = section(html.part_title_html(ref.part.title), "part", "part", "doc-part")
            data = xhtml_document(ref.part.title, opening, lang, body_type="bodymatter")
            docs.append(ContentDocument(ref.part.doc_id, ref.part.title, data))
        runs = split_blocks(ref.chapter.blocks)
        for part, blocks in enumerate(runs):
            body = html.blocks_html(blocks, continued=part > 0)
            # The chapter's own notes: under its heading, and after its last run.
            notes = options.include_notes
            if part == 0 and notes and ref.chapter.front_notes:
                body = html.notes_html(ref.chapter.front_notes, "front") + "\n" + body
            if part == len(runs) - 1 and notes and ref.chapter.end_notes:
                body += "\n" + html.notes_html(ref.chapter.end_notes, "end")
            if part == 0 and ref.chapter.title:
                body = f'<h2 class="chapter-title">{html.text_html(ref.chapter.title)}</h2>\n{body}'
            label = None if ref.chapter.title else ref.toc_title
            body = section(body, "chapter", "chapter", "doc-chapter", label)
            last = index == len(plan.chapters) - 1 and part == len(runs) - 1
            if last and options.include_notes and story.end_notes:
                body += "\n" + html.notes_html(story.end_notes, "end")
            doc_id = ref.doc_id if part == 0 else f"{ref.doc_id}-{part + 1}"
            page = xhtml_document(ref.toc_title, body, lang, body_type="bodymatter")
            docs.append(ContentDocument(doc_id, ref.toc_title, page))
    return docs


def _story_title_document(story: Story, doc_id: str, lang: str, options: WriteOptions) -> ContentDocument:
    body = html.cover_page_html(story)
    if options.include_notes and story.front_notes:
        body += "\n" + html.front_notes_html(story)
    title = story.metadata.title or "Untitled"
    return ContentDocument(
        doc_id, title, xhtml_document(title, body, lang, body_type="frontmatter titlepage")
    )


def _cover_alt_text(book: Book) -> str:
    meta = book.metadata
    by = f" by {', '.join(meta.authors)}" if meta.authors else ""
    return f"Cover of {meta.title or 'Untitled'}{by}"


def _toc_entries(lines: Sequence[ContentsLine]) -> tuple[NavEntry, ...]:
    """Contents lines as navigation entries, chapters nested under their parts."""
    return tuple(NavEntry(line.title, f"{line.doc_id}.xhtml", _toc_entries(line.children)) for line in lines)


def layout_book(book: Book, options: WriteOptions, cover_href: str | None) -> EpubLayout:
    """Plan every document, the nested contents and the landmarks (cover, title page, contents, text)."""
    layout = EpubLayout()
    lang = language_tag(book.metadata.language)
    if cover_href:
        layout.documents.append(
            ContentDocument("cover", "Cover", cover_document(cover_href, _cover_alt_text(book), lang))
        )
        layout.landmarks.append(Landmark("cover", "cover", "Cover", "cover.xhtml"))
    plans = plan_book(book)
    if book.is_anthology:
        title = book.metadata.title or "Untitled"
        page = xhtml_document(title, html.book_title_page_html(book), lang, body_type="frontmatter titlepage")
        layout.documents.append(ContentDocument("book-title", title, page))
    else:
        story = plans[0].story
        layout.documents.append(_story_title_document(story, plans[0].titlepage_id, lang, options))
    layout.toc.append(NavEntry("Title Page", layout.documents[-1].file_name))
    layout.landmarks.append(Landmark("titlepage", "title-page", "Title Page", layout.documents[-1].file_name))
    chapters = sum(len(plan.chapters) for plan in plans)
    # A contents page for a one-chapter story would list a single line: it stays a menu of the reader then.
    if book.is_anthology or chapters > 1:
        layout.landmarks.append(Landmark("toc", "toc", "Contents", f"{NAV_FILE}#toc"))
        layout.nav_position = len(layout.documents)
    for plan in plans:
        story_lang = language_tag(plan.story.metadata.language or book.metadata.language)
        if book.is_anthology:
            layout.documents.append(_story_title_document(plan.story, plan.titlepage_id, story_lang, options))
        docs = _chapter_documents(plan, story_lang, options)
        entries = _toc_entries(story_contents(plan))
        if book.is_anthology:
            story_title = plan.story.metadata.title or "Untitled"
            # A one-chapter story without a heading is the story itself: no line nested under it.
            titled = any(ref.chapter.title or ref.part for ref in plan.chapters)
            nested = entries if len(entries) > 1 or titled else ()
            layout.toc.append(NavEntry(story_title, f"{plan.titlepage_id}.xhtml", nested))
        else:
            layout.toc += entries
        layout.documents += docs
    colophon = html.colophon_html(book)
    if colophon:
        # About this edition (a licence, production credits) closes the book, listed last in the contents.
        body = section(colophon, "colophon", "colophon", "doc-colophon")
        page = xhtml_document(COLOPHON_TITLE, body, lang, body_type="backmatter")
        layout.documents.append(ContentDocument("colophon", COLOPHON_TITLE, page))
        layout.toc.append(NavEntry(COLOPHON_TITLE, layout.documents[-1].file_name))
    first = plans[0]
    # An anthology's text starts with its first story's title page, a story's with its first chapter.
    start = first.chapters[0].first_doc_id if first.chapters and not book.is_anthology else first.titlepage_id
    layout.landmarks.append(Landmark("bodymatter", "text", "Start of Text", f"{start}.xhtml"))
    return layout


class _Item(epub.EpubItem):  # type: ignore[misc]
    """A manifest item whose bytes ebooklib writes as they are (it re-parses EpubHtml and loses text)."""

    def __init__(self, uid: str, file_name: str, media_type: str, data: bytes, properties: tuple[str, ...]):
        super().__init__(uid=uid, file_name=file_name, media_type=media_type, content=data)
        self.properties = list(properties)


def _ebooklib_book(book: Book, options: WriteOptions, identifier: str) -> epub.EpubBook:
    """The package as ebooklib sees it: our metadata, manifest items, spine and EPUB 2 guide."""
    # The user's cover is read first (its type names the file); a generated one is a PNG, drawn after the
    # layout so that its font look-ups (started by epub_bytes) run meanwhile.
    user_cover = cover_from_file(options.cover) if options.cover else None
    png = user_cover is None or image_media_type(user_cover) == "image/png"
    cover_name = "images/cover.png" if png else "images/cover.jpg"
    layout = layout_book(book, options, cover_name)
    cover = user_cover if user_cover is not None else cover_image(book.metadata)
    lang = language_tag(book.metadata.language)
    out = epub.EpubBook()
    out.metadata = {}  # drops ebooklib's random uuid4 identifier and its generator <meta>
    for entry in package_metadata(book, identifier, True, GENERATOR):
        out.add_metadata(entry.namespace, entry.name, entry.value, dict(entry.attributes))
    style = book_style(options.style)  # its files sit beside it in styles/, named as its url()s say
    out.add_item(_Item("style", f"styles/{MAIN_NAME}", "text/css", style.css.encode("utf-8"), ()))
    for number, file in enumerate(style.files, 1):
        out.add_item(_Item(f"style-{number}", f"styles/{file.name}", file.media_type, file.data, ()))
    image = epub.EpubCover(uid="cover-image", file_name=cover_name)
    image.media_type, image.content = image_media_type(cover), cover
    out.add_item(image)
    nav_data = nav_document(layout.toc, layout.landmarks, lang)
    nav = _Item("nav", NAV_FILE, "application/xhtml+xml", nav_data, ("nav",))
    spine = [
        _Item(d.doc_id, d.file_name, "application/xhtml+xml", d.data, d.properties) for d in layout.documents
    ]
    if layout.nav_position is not None:
        spine.insert(layout.nav_position, nav)
    for item in spine:
        out.add_item(item)
    if layout.nav_position is None:
        out.add_item(nav)
    ncx = ncx_document(layout.toc, identifier, book.metadata.title, book.metadata.authors, lang)
    out.add_item(_Item("ncx", "toc.ncx", "application/x-dtbncx+xml", ncx, ()))
    out.spine = spine
    out.guide = [{"type": m.guide_type, "title": m.title, "href": m.href} for m in layout.landmarks]
    return out


def epub_bytes(book: Book, options: WriteOptions = WriteOptions()) -> bytes:
    """The EPUB file's bytes, checked against the model's text (nothing written to disk)."""
    book = showable_book(book)
    stamp = build_timestamp()
    if not options.cover:
        prefetch_cover_fonts(book.metadata)
    identifier = book_identifier(book)
    epub_book = _ebooklib_book(book, options, identifier)
    buffer = io.BytesIO()
    writer_options = {
        "raise_exceptions": True,
        "mtime": datetime.fromtimestamp(stamp, UTC),
        "compresslevel": 0,  # re-packed below: compressing twice would only cost time
        "epub3_landmark": False,
        "epub3_pages": False,
    }
    try:
        epub.write_epub(buffer, epub_book, writer_options)
    except Exception as exc:  # ebooklib raises whatever lxml or zipfile raised
        raise WriterError(f"cannot build the EPUB: {type(exc).__name__}: {exc}") from exc
    data = zip_epub(zip_parts(buffer.getvalue()), stamp)
    verify_epub(data, book, options)
    return data


def write_epub(book: Book, target: str | Path, options: WriteOptions = WriteOptions()) -> Path:
    """Write `book` to `target` as an EPUB; on failure no partial file is left and an old file is kept."""
    target = Path(target)
    check_book_target(target, book, options)  # never overwrite an input, a device or a FIFO
    data = epub_bytes(book, options)
    write_atomically(target, data)
    log.info("wrote %s (%d bytes)", target, len(data))
    return target
