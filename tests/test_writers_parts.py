"""Parts in both writers: a part's title page, chapters nested under parts in the contents and the outline."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ebookify import WriteOptions
from ebookify.model import Book, Chapter, Metadata, Paragraph, Span, Story
from ebookify.render.documents import plan_book, story_contents
from ebookify.render.epub import epub_bytes
from ebookify.render.pdf.layout import book_layout
from ebookify.render.pdf.sections import book_sections, contents_document

XHTML = "{http://www.w3.org/1999/xhtml}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"


def _para(text: str) -> Paragraph:
    return Paragraph((Span(text),))


def play() -> Story:
    """A prologue outside the acts, two acts, the second opening with an untitled chorus."""
    text = (_para("Two households, both alike in dignity."),)
    chapters = (
        Chapter("THE PROLOGUE", text),
        Chapter("SCENE I. A public place", text, "ACT I", (_para("Verona, the morning."),)),
        Chapter("SCENE II. A Street", text, "ACT I"),
        Chapter(None, (_para("Now old desire doth in his deathbed lie."),), "ACT II"),
        Chapter("SCENE I. Capulet's Garden", text, "ACT II"),
    )
    return Story("play.txt", Metadata("Romeo and Juliet", ("Shakespeare",)), chapters)


def _book(*stories: Story) -> Book:
    return Book(Metadata(stories[0].metadata.title if len(stories) == 1 else "Collected"), stories)


def test_contents_nest_chapters_under_their_parts() -> None:
    lines = story_contents(plan_book(_book(play()))[0])
    shape = [(line.title, [child.title for child in line.children]) for line in lines]
    assert shape == [
        ("THE PROLOGUE", []),
        ("ACT I", ["SCENE I. A public place", "SCENE II. A Street"]),
        # The chorus has no title: the act's line leads to it, it gets no line of its own.
        ("ACT II", ["SCENE I. Capulet's Garden"]),
    ]


def test_a_book_without_parts_has_a_flat_contents() -> None:
    story = Story("s.txt", Metadata("S"), (Chapter("One", (_para("a"),)), Chapter("Two", (_para("b"),))))
    lines = story_contents(plan_book(_book(story))[0])
    assert [(line.title, line.children) for line in lines] == [("One", ()), ("Two", ())]


NavTree = list[tuple[str, "NavTree"]]


def _nav_tree(element: etree._Element | None) -> NavTree:
    """The navigation list as (title, children) pairs."""
    if element is None:
        return []
    return [
        (li.findtext(f"{XHTML}a") or "", _nav_tree(li.find(f"{XHTML}ol")))
        for li in element.findall(f"{XHTML}li")
    ]


def test_epub_part_pages_and_nested_navigation() -> None:
    archive = zipfile.ZipFile(io.BytesIO(epub_bytes(_book(play()))))
    nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    tree = _nav_tree(nav.find(f".//{XHTML}nav/{XHTML}ol"))
    assert [title for title, _ in tree] == ["Title Page", "THE PROLOGUE", "ACT I", "ACT II"]
    assert [title for title, _ in tree[2][1]] == ["SCENE I. A public place", "SCENE II. A Street"]
    part_page = archive.read("EPUB/s001-p0002.xhtml").decode()
    assert 'epub:type="part"' in part_page and '<h1 class="part-title">ACT I</h1>' in part_page
    # A note set under the part's heading is the opening chapter's note, under the chapter's heading.
    assert "Verona, the morning." in archive.read("EPUB/s001-c0002.xhtml").decode()
    ncx = etree.fromstring(archive.read("EPUB/toc.ncx"))
    assert ncx.find(f".//{NCX}meta[@name='dtb:depth']").get("content") == "2"  # type: ignore[union-attr]


def test_epub_anthology_nests_story_part_chapter() -> None:
    other = Story("o.txt", Metadata("Other"), (Chapter("One", (_para("a"),)), Chapter("Two", (_para("b"),))))
    archive = zipfile.ZipFile(io.BytesIO(epub_bytes(_book(play(), other))))
    ncx = etree.fromstring(archive.read("EPUB/toc.ncx"))
    assert ncx.find(f".//{NCX}meta[@name='dtb:depth']").get("content") == "3"  # type: ignore[union-attr]


def test_pdf_part_pages_contents_and_outline() -> None:
    book = _book(play())
    sections = book_sections(book, WriteOptions())
    assert [s.kind for s in sections] == [
        "chapter",
        "part",
        "chapter",
        "chapter",
        "part",
        "chapter",
        "chapter",
    ]
    starts = {s.anchor: i for i, s in enumerate(sections)}
    layout = book_layout("Romeo and Juliet", [sections], [len(sections)], [starts])
    assert [(e.title, e.depth, e.is_part) for e in layout.toc] == [
        ("THE PROLOGUE", 0, False),
        ("ACT I", 0, True),
        ("SCENE I. A public place", 1, False),
        ("SCENE II. A Street", 1, False),
        ("ACT II", 0, True),
        ("SCENE I. Capulet's Garden", 1, False),
    ]
    assert [(i.title, [c.title for c in i.children]) for i in layout.outline] == [
        ("THE PROLOGUE", []),
        ("ACT I", ["SCENE I. A public place", "SCENE II. A Street"]),
        ("ACT II", ["SCENE I. Capulet's Garden"]),
    ]
    # A part's title page carries no running head and no folio, like a story's.
    assert layout.furniture[1].page_name == "blank"
    assert "Verona, the morning." in sections[2].html
    contents = contents_document(book, layout.toc)
    assert contents is not None
    assert (
        contents.items[1].startswith('<li class="toc-part"')
        and 'class="toc-chapter depth-1"' in contents.items[2]
    )


def test_pdf_anthology_outline_nests_story_part_chapter() -> None:
    other = Story("o.txt", Metadata("Other"), (Chapter("One", (_para("a"),)), Chapter("Two", (_para("b"),))))
    sections = book_sections(_book(play(), other), WriteOptions())
    starts = {s.anchor: i for i, s in enumerate(sections)}
    layout = book_layout("Collected", [sections], [len(sections)], [starts])
    romeo = layout.outline[0]
    assert [(c.title, len(c.children)) for c in romeo.children] == [
        ("THE PROLOGUE", 0),
        ("ACT I", 2),
        ("ACT II", 1),
    ]
    assert [(e.title, e.depth) for e in layout.toc][:4] == [
        ("Romeo and Juliet", 0),
        ("THE PROLOGUE", 1),
        ("ACT I", 1),
        ("SCENE I. A public place", 2),
    ]
