"""Splits a book into parts laid out separately, then works out continuous page numbers across them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ebookify.errors import WriterError
from ebookify.render.pdf.sections import FurniturePage, PageName, PageSide, RunningHead, Section, TocEntry

# Sections whose pages carry running heads and folios: a chapter's, and the colophon's at the back.
_TEXT_KINDS = ("chapter", "colophon")

PART_WEIGHT = 120_000
"""Characters of HTML per part (about 50 A5 pages): small enough to keep two cores busy and a
worker's memory bounded, large enough that per-part costs (styles, fonts) stay small. It does not
depend on the number of processes, so the PDF is the same whatever --jobs says."""


def group_sections(sections: Sequence[Section], weight: int = PART_WEIGHT) -> list[list[Section]]:
    """Consecutive sections in parts of about `weight` characters; a section is never split."""
    parts: list[list[Section]] = []
    current: list[Section] = []
    size = 0
    for section in sections:
        # A story's (or a part's) title page stays with its first chapter: a run never ends on a title page.
        if current and size + section.weight > weight and current[-1].kind == "chapter":
            parts.append(current)
            current, size = [], 0
        current.append(section)
        size += section.weight
    if current:
        parts.append(current)
    return parts


@dataclass(frozen=True)
class OutlineItem:
    """A bookmark: its title, the content page it opens, and nested items (an anthology's chapters)."""

    title: str
    page: int
    children: tuple[OutlineItem, ...] = ()


@dataclass(frozen=True)
class BookLayout:
    """Where every section starts in the book's text pages (0 = first page after the front matter)."""

    blanks: tuple[int, ...]
    """Blank pages the assembly puts between the parts' pages (their text page numbers, in order)."""
    page_count: int
    starts: dict[str, int]
    targets: dict[str, int]
    """The page of each section's heading, which its contents entry and bookmark open: its start page
    unless front notes come before the heading."""
    furniture: tuple[FurniturePage, ...]
    toc: tuple[TocEntry, ...]
    outline: tuple[OutlineItem, ...]


def book_layout(
    book_title: str,
    parts: Sequence[Sequence[Section]],
    counts: Sequence[int],
    starts: Sequence[dict[str, int]],
) -> BookLayout:
    """Start pages, blank pages, running heads, contents and outline from each part's own page numbers."""
    blanks: list[int] = []
    global_starts: dict[str, int] = {}
    targets: dict[str, int] = {}
    total = 0
    for part, count, local in zip(parts, counts, starts, strict=True):
        first = total  # the book's page number of this part's first page
        for section in part:
            if section.anchor not in local:
                raise WriterError(f"internal error: section {section.anchor} was not laid out")
            start = first + local[section.anchor]
            # An anthology's story opens on a right-hand page, as in a printed collection: a blank left
            # page goes before a story title that would fall on one (text page i is a recto when even).
            if section.kind == "titlepage" and start % 2:
                blanks.append(start)
                first, start = first + 1, start + 1
            global_starts[section.anchor] = start
            # Front notes may fill pages before the heading: the heading's page is the one to open.
            later = local[section.heading] - local[section.anchor] if section.heading in local else 0
            targets[section.anchor] = start + later
        total = first + count
    sections = [s for part in parts for s in part]
    headings = {page for anchor, page in targets.items() if page != global_starts[anchor]}
    return BookLayout(
        blanks=tuple(blanks),
        page_count=total,
        starts=global_starts,
        targets=targets,
        furniture=tuple(
            _furniture(book_title, sections, global_starts, total, set(blanks), headings=headings)
        ),
        toc=tuple(_toc(sections, targets)),
        outline=tuple(_outline(sections, targets)),
    )


def running_heads(book_title: str, sections: Sequence[Section]) -> tuple[RunningHead, ...]:
    """Every distinct running head the book can print, known before any page is laid out: the book's
    title on versos, each chapter's (or story's) head on rectos."""
    heads: dict[RunningHead, None] = {("verso", book_title): None} if book_title else {}
    for section in sections:
        if section.kind in _TEXT_KINDS and section.running_head:
            heads[("recto", section.running_head)] = None
    return tuple(heads)


def _furniture(
    title: str,
    sections: list[Section],
    starts: dict[str, int],
    total: int,
    blanks: set[int],
    *,
    headings: set[int],
) -> list[FurniturePage]:
    """Text page i is a recto when i is even: the front matter is padded to an even page count."""
    opening = {starts[s.anchor]: s for s in sections}
    pages, current = [], sections[0]
    for index in range(total):
        side: PageSide = "recto" if index % 2 == 0 else "verso"
        first_page: PageName = "opening-recto" if side == "recto" else "opening-verso"
        folio = str(index + 1)
        if index in blanks:
            pages.append(FurniturePage("blank", "", ""))
        elif index in opening:
            current = opening[index]
            # A story's or a part's title page carries nothing; a chapter's opening page only its folio.
            kind: PageName = "blank" if current.kind not in _TEXT_KINDS else first_page
            pages.append(FurniturePage(kind, "", folio if kind != "blank" else ""))
        elif current.kind not in _TEXT_KINDS:
            pages.append(FurniturePage("blank", "", ""))
        elif index in headings and current.kind in _TEXT_KINDS:
            # A chapter heading after pages of front notes opens its page like a chapter's first page.
            pages.append(FurniturePage(first_page, "", folio))
        else:
            # Book title on the left page, story or chapter title on the right, as in a printed book.
            head = title if side == "verso" else current.running_head
            pages.append(FurniturePage(side, head, folio))
    return pages


def _story_chapter_counts(sections: list[Section]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for section in sections:
        if section.kind == "chapter":
            counts[section.story] = counts.get(section.story, 0) + 1
    return counts


def _toc(sections: list[Section], starts: dict[str, int]) -> list[TocEntry]:
    """An anthology lists its stories and, for stories of several chapters, their parts and chapters."""
    chapters = _story_chapter_counts(sections)
    anthology = any(s.kind == "titlepage" for s in sections)
    entries = []
    for section in sections:
        folio = str(starts[section.anchor] + 1)
        depth = 1 if anthology else 0
        if section.kind == "titlepage":
            entries.append(TocEntry(section.anchor, section.toc_title, folio, 0, is_story=True))
        elif section.kind == "colophon":
            entries.append(TocEntry(section.anchor, section.toc_title, folio, 0, False, is_back=True))
        elif anthology and chapters.get(section.story, 0) <= 1 and section.kind == "chapter":
            continue
        elif section.kind == "part":
            entries.append(TocEntry(section.anchor, section.toc_title, folio, depth, False, is_part=True))
        elif section.listed:
            entries.append(TocEntry(section.anchor, section.toc_title, folio, depth + section.in_part, False))
    return entries


@dataclass
class _Node:
    """An outline item being built: children are added as the sections come."""

    title: str
    page: int
    children: list[_Node] = field(default_factory=list)

    def item(self) -> OutlineItem:
        return OutlineItem(self.title, self.page, tuple(child.item() for child in self.children))


def _outline(sections: list[Section], starts: dict[str, int]) -> list[OutlineItem]:
    """Stories with their parts and chapters nested under them (anthology), or parts and chapters (one
    story), chapters nested under their parts."""
    chapters = _story_chapter_counts(sections)
    top: list[_Node] = []
    story: _Node | None = None
    part: _Node | None = None
    for section in sections:
        node = _Node(section.toc_title, starts[section.anchor])
        siblings = story.children if story is not None else top
        if section.kind == "titlepage":
            story, part = node, None
            top.append(node)
        elif section.kind == "colophon":
            top.append(node)
        elif section.kind == "part":
            part = node
            siblings.append(node)
        # A one-chapter story's chapter would only repeat the story's bookmark.
        elif story is not None and chapters.get(section.story, 0) <= 1:
            continue
        elif section.listed:
            (part.children if section.in_part and part is not None else siblings).append(node)
    return [node.item() for node in top]
