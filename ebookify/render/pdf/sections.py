"""The HTML documents a PDF is laid out from: story sections, front matter and page furniture."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from ebookify.model import COLOPHON_TITLE, Book, Metadata
from ebookify.normalize.matter.dates import w3c_date
from ebookify.options import WriteOptions
from ebookify.render import html
from ebookify.render.documents import PartRef, plan_book
from ebookify.render.pdf.display import HEAD_LIMIT, TITLE_LIMIT, shortened, shown_book, shown_story

SectionKind = Literal["titlepage", "part", "chapter", "colophon"]


@dataclass(frozen=True)
class Section:
    """Something that opens on a new page: a story's title page, a part's title page, a chapter, or the
    colophon (About this edition) at the back."""

    anchor: str
    kind: SectionKind
    story: int
    toc_title: str
    running_head: str
    html: str
    in_part: bool = False
    """A chapter of a part (a Book, an Act): listed under the part."""
    listed: bool = True
    """Listed in the contents (an untitled chapter that opens its part is reached by the part's line)."""
    heading: str = ""
    """The id of its heading when something comes before it on its pages (a story's front notes): the
    contents and the bookmarks open the heading's page, not the notes'."""

    @property
    def weight(self) -> int:
        """A cheap measure of layout work: the length of its HTML."""
        return len(self.html)


@dataclass(frozen=True)
class TocEntry:
    """One line of the contents: an anthology's story, a part or a chapter, with its printed page number."""

    anchor: str
    title: str
    folio: str
    depth: int
    """How deep the line is nested: 0 at the top, 1 under a story or a part, 2 under a story's part."""
    is_story: bool
    is_part: bool = False
    is_back: bool = False
    """Back matter (the colophon): listed, but no reason on its own for a contents page."""


PageSide = Literal["recto", "verso"]
PageName = Literal["recto", "verso", "opening-recto", "opening-verso", "blank"]
"""What is printed around a page: a side's running head and folio, a chapter's opening (folio only), none."""

RunningHead = tuple[PageSide, str]
"""A running head as laid out once: the side it is printed on, and its text."""


@dataclass(frozen=True)
class FurniturePage:
    """What is printed around one page of text: a running head and a folio (page number)."""

    page_name: PageName
    head: str
    folio: str


COLOPHON_ANCHOR = "colophon"


def book_sections(book: Book, options: WriteOptions) -> list[Section]:
    """Every story's title page (anthologies only: a single story's is front matter) and chapters, then
    the colophon."""
    sections = []
    for plan in plan_book(book):
        story, number = plan.story, plan.number - 1
        head = story.metadata.title if book.is_anthology else None
        notes = options.include_notes
        if book.is_anthology:
            page = html.cover_page_html(shown_story(story), heading="h2", break_long_words=True)
            if notes and story.front_notes:
                page += "\n" + html.front_notes_html(story, break_long_words=True)
            anchor = plan.titlepage_id
            sections.append(
                Section(anchor, "titlepage", number, story.metadata.title, "", _wrap(anchor, page))
            )
        heading = "h3" if book.is_anthology else "h2"
        for index, ref in enumerate(plan.chapters):
            front = ""
            if index == 0 and notes and story.front_notes and not book.is_anthology:
                front = html.front_notes_html(story, break_long_words=True) + "\n"
            if ref.part and ref.opens_part:
                sections.append(_part_section(ref.part, number, heading, front))
                front = ""
            heading_id = heading_anchor(ref.doc_id) if front and ref.chapter.title else ""
            body = front + html.chapter_html(
                ref.chapter, heading=heading, break_long_words=True, notes=notes, heading_id=heading_id
            )
            if index == len(plan.chapters) - 1 and notes and story.end_notes:
                body += "\n" + html.notes_html(story.end_notes, "end", break_long_words=True)
            chapter_html = f'<section class="chapter" id="{ref.doc_id}">\n{body}\n</section>'
            listed = not (ref.opens_part and not ref.chapter.title)
            running_head = head or ref.toc_title
            sections.append(
                Section(
                    ref.doc_id,
                    "chapter",
                    number,
                    ref.toc_title,
                    running_head,
                    chapter_html,
                    bool(ref.part),
                    listed,
                    heading_id,
                )
            )
    colophon = html.colophon_html(book, "h2", break_long_words=True)
    if colophon:
        # About this edition closes the book on a page of its own, with running heads like a chapter's.
        body = f'<section class="chapter colophon" id="{COLOPHON_ANCHOR}">\n{colophon}\n</section>'
        sections.append(
            Section(COLOPHON_ANCHOR, "colophon", len(book.stories), COLOPHON_TITLE, COLOPHON_TITLE, body)
        )
    return sections


def _part_section(part: PartRef, story: int, heading: str, front: str) -> Section:
    """A part's title page (after the story's front notes when it opens the story)."""
    heading_id = heading_anchor(part.doc_id) if front else ""
    title = html.part_title_html(part.title, heading, break_long_words=True, heading_id=heading_id)
    page = f'<section class="part-page" id="{part.doc_id}">\n{front}{title}\n</section>'
    return Section(part.doc_id, "part", story, part.title, "", page, heading=heading_id)


def heading_anchor(anchor: str) -> str:
    """The id of the heading of the section `anchor` when front notes come before it."""
    return f"{anchor}-heading"


def _wrap(anchor: str, inner: str) -> str:
    return f'<div class="section" id="{anchor}">\n{inner}\n</div>'


def _document(meta: Metadata, body: str, with_metadata: bool) -> str:
    """A whole HTML document; the front matter's head carries the PDF metadata (title, author, ...)."""
    head = ['<meta charset="utf-8"/>', f"<title>{html.text_html(meta.title)}</title>"]
    if with_metadata:
        head += [f'<meta name="author" content="{html.attr_text(a)}"/>' for a in meta.authors]
        if meta.summary:
            head.append(f'<meta name="description" content="{html.attr_text(meta.summary)}"/>')
        if meta.tags:
            head.append(f'<meta name="keywords" content="{html.attr_text(", ".join(meta.tags))}"/>')
        head.append('<meta name="generator" content="ebookify"/>')
        published = w3c_date(meta.published)
        if published:
            # WeasyPrint writes it as /CreationDate: the PDF and the EPUB's dc:date agree.
            head.append(f'<meta name="dcterms.created" content="{published}"/>')
    lang = escape(html.xml_safe(meta.language) or "en", quote=True)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head>{"".join(head)}</head>\n<body>\n{body}\n</body></html>'
    )


def part_html(book: Book, sections: Sequence[Section]) -> str:
    """One part of the book (a run of sections) as a document of its own."""
    return _document(book.metadata, "\n".join(s.html for s in sections), with_metadata=False)


def title_html(book: Book, cover_url: str | None) -> str:
    """The front matter that needs no page numbers: cover and title page (a single story's metadata
    page, or the anthology's title). Its head carries the PDF's metadata (title, author, ...)."""
    parts = []
    shown = shown_book(book)  # the metadata in the document's head stays whole
    if cover_url:
        alt = html.attr_text(f"Cover: {shown.metadata.title}")
        parts.append(f'<div class="cover"><img src="{escape(cover_url, quote=True)}" alt="{alt}"/></div>')
    if book.is_anthology:
        parts.append(html.book_title_page_html(shown, heading="h1", break_long_words=True))
    else:
        parts.append(html.cover_page_html(shown.stories[0], heading="h1", break_long_words=True))
    return _document(book.metadata, "\n".join(parts), with_metadata=True)


@dataclass(frozen=True)
class ContentsDocument:
    """The contents, to be laid out a run of entries at a time (worker._render_items): `first`
    and `continued` are whole documents with ITEMS_SLOT where a run of `items` goes; only the first
    run has the heading."""

    first: str
    continued: str
    items: tuple[str, ...]


ITEMS_SLOT = "<!--ebookify:items-->"


def item_anchors(index: int) -> tuple[str, str]:
    """The ids at the start and at the end of list item `index` (where it begins and ends on the page)."""
    return f"ebookify-item-{index}", f"ebookify-item-end-{index}"


def contents_document(book: Book, toc: Sequence[TocEntry]) -> ContentsDocument | None:
    """The contents with real page numbers, or None when it would list at most one entry besides the back
    matter (a one-chapter story and its colophon: the bookmarks and the EPUB's nav still list both)."""
    if sum(1 for entry in toc if not entry.is_back) <= 1:
        return None
    items = []
    for index, entry in enumerate(toc):
        kind = "toc-story" if entry.is_story else "toc-part" if entry.is_part else "toc-chapter"
        cls = f"{kind} depth-{entry.depth}" if entry.depth else kind
        anchor = f"toc-{entry.anchor}"
        start, end = item_anchors(index)
        items.append(
            f'<li class="{cls}" id="{start}"><a href="#{anchor}" id="{anchor}"><span class="toc-title">'
            f"{html.text_html(shortened(entry.title, TITLE_LIMIT), True)}</span> "
            f'<span class="toc-page">{entry.folio}</span></a>'
            f'<span id="{end}"></span></li>'
        )
    first = f'<nav class="toc"><h1>Contents</h1>\n<ol>\n{ITEMS_SLOT}\n</ol></nav>'
    continued = f'<nav class="toc toc-continued"><ol>\n{ITEMS_SLOT}\n</ol></nav>'
    return ContentsDocument(
        _document(book.metadata, first, with_metadata=False),
        _document(book.metadata, continued, with_metadata=False),
        tuple(items),
    )


def digit_anchor(digit: int) -> str:
    """The id of the figure `digit` on its page of the furniture document."""
    return f"ebookify-digit-{digit}"


def furniture_html(meta: Metadata, heads: Sequence[RunningHead]) -> str:
    """The furniture document: one page per distinct running head, then one page per figure 0-9.

    The assembly stamps a head's page on every page that carries that head and builds each folio from
    the figures' pages, so WeasyPrint lays out a few dozen pages instead of one per page of the book.
    The figures are set right-aligned on a recto; their positions give their widths."""
    divs = []
    for side, head in heads:
        text = html.text_html(shortened(head.replace("\n", " "), HEAD_LIMIT))
        divs.append(f'<div class="furniture {side}"><div class="running-head">{text}</div></div>')
    for digit in range(10):
        divs.append(
            '<div class="furniture recto"><div class="running-head"></div>'
            f'<div class="folio"><span id="{digit_anchor(digit)}">{digit}</span></div></div>'
        )
    return _document(meta, "\n".join(divs), with_metadata=False)
