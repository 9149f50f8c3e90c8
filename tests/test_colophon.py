"""About this edition: a licence and production credits set apart as the colophon at the back of the book."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pypdf import PdfReader

from ebookify import make_book, write_epub, write_pdf
from ebookify.inspect import story_to_dict, story_to_text
from ebookify.model import Block, Chapter, Metadata, Paragraph, Span, Story
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.options import NormalizeOptions

from .pdf_books import page_texts

XHTML = {"x": "http://www.w3.org/1999/xhtml"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"

GUTENBERG = "\n".join(
    [
        "The Project Gutenberg EBook of Tales, by Ann Author",
        "",
        "This eBook is for the use of anyone anywhere at no cost.",
        "",
        "Title: Tales",
        "",
        "Author: Ann Author",
        "",
        "Release Date: May 1, 2004 [EBook #12]",
        "",
        "Language: English",
        "",
        "*** START OF THIS PROJECT GUTENBERG EBOOK TALES ***",
        "",
        "Produced by Jane Volunteer and the Online Distributed Proofreading Team",
        "",
        "CHAPTER I.",
        "",
        "It began on a wet night in March, when the lamps were lit early.",
        "",
        "She told the story of Project Gutenberg to her grandson, who did not listen.",
        "",
        "CHAPTER II.",
        "",
        "The second night was drier, and nobody came to the door at all.",
        "",
        "*** END OF THIS PROJECT GUTENBERG EBOOK TALES ***",
        "",
        "Updated editions will replace the previous one.",
        "",
        "Section 5. General Information About Project Gutenberg-tm electronic works.",
        "",
    ]
)


def _text(block: Block) -> str:
    return block.text if isinstance(block, Paragraph) else ""


def _story() -> Story:
    return normalize_bytes(GUTENBERG.encode(), "tales.txt", NormalizeOptions(smart_quotes=False))


def test_the_licence_and_credits_are_the_colophon_not_notes_or_story() -> None:
    story = _story()
    colophon = [_text(block) for block in story.colophon]
    assert colophon[0].startswith("The Project Gutenberg EBook of Tales")
    assert any(text.startswith("Produced by Jane Volunteer") for text in colophon)
    assert colophon[-1].startswith("Section 5. General Information")
    assert not story.end_notes and not story.front_notes
    body = [_text(block) for chapter in story.chapters for block in chapter.blocks]
    # A chapter that mentions Project Gutenberg is the story's own text.
    assert body == [
        "It began on a wet night in March, when the lamps were lit early.",
        "She told the story of Project Gutenberg to her grandson, who did not listen.",
        "The second night was drier, and nobody came to the door at all.",
    ]
    assert any("to the colophon (About this edition)" in repair for repair in story.repairs)


def test_a_story_without_a_licence_has_no_colophon() -> None:
    text = "Title: Tales\nAuthor: Ann\n\nIt rained.\n\nThen it stopped.\n\nPlease review!\n"
    story = normalize_bytes(text.encode(), "tales.txt")
    assert story.colophon == ()
    assert [_text(b) for b in story.end_notes] == ["Please review!"]


def test_inspect_lists_the_colophon_last_and_counts_it() -> None:
    story = _story()
    data: dict[str, Any] = json.loads(json.dumps(story_to_dict(story)))
    # The end notes in the JSON are everything after the story, the colophon's blocks last.
    assert data["colophon"] == len(story.colophon) > 0
    tail = data["end_notes"][-data["colophon"] :]
    assert "".join(s["text"] for s in tail[0]["spans"]).startswith("The Project Gutenberg EBook")
    view = story_to_text(story)
    assert "\n## About this edition\n" in view
    assert view.index("[colophon] The Project Gutenberg EBook") > view.index("The second night was drier")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_epub_places_the_colophon_last_and_lists_it(tmp_path: Path) -> None:
    story = _story()
    target = write_epub(make_book([story]), tmp_path / "tales.epub")
    with zipfile.ZipFile(target) as archive:
        opf = etree.fromstring(archive.read("EPUB/content.opf"))
        spine = [ref.get("idref") for ref in opf.iter("{http://www.idpf.org/2007/opf}itemref")]
        assert spine[-1] == "colophon"
        page = etree.fromstring(archive.read("EPUB/colophon.xhtml"))
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    body, section, toc = (
        page.find("x:body", XHTML),
        page.find(".//x:section", XHTML),
        nav.find(".//x:nav", XHTML),
    )
    assert body is not None and section is not None and toc is not None
    assert body.get(EPUB_TYPE) == "backmatter"
    assert section.get(EPUB_TYPE) == "colophon" and section.get("role") == "doc-colophon"
    assert page.findtext(".//x:h2", namespaces=XHTML) == "About this edition"
    written = " ".join(_words(" ".join(str(t) for t in page.itertext())))
    for block in story.colophon:
        assert " ".join(_words(_text(block))) in written  # no word lost
    assert [a.text for a in toc.iterfind(".//x:a", XHTML)][-1] == "About this edition"


def test_an_anthology_names_each_story_in_its_colophon(tmp_path: Path) -> None:
    plain = Story("b.txt", Metadata("Other"), (Chapter(None, (Paragraph((Span("Text."),)),)),))
    target = write_epub(make_book([_story(), plain], title="Both"), tmp_path / "both.epub")
    with zipfile.ZipFile(target) as archive:
        page = etree.fromstring(archive.read("EPUB/colophon.xhtml"))
    assert [h.text for h in page.iterfind(".//x:h3", XHTML)] == ["Tales"]


@pytest.mark.slow
def test_pdf_ends_with_the_colophon_and_its_metadata_agrees_with_the_epub(tmp_path: Path) -> None:
    story = _story()
    target = write_pdf(make_book([story]), tmp_path / "tales.pdf")
    epub = write_epub(make_book([story]), tmp_path / "tales.epub")
    with zipfile.ZipFile(epub) as archive:
        opf = etree.fromstring(archive.read("EPUB/content.opf"))
    dc = {e.tag.split("}")[1]: e.text for e in opf.iter("{http://purl.org/dc/elements/1.1/}*")}
    assert (dc["title"], dc["creator"], dc["language"], dc["date"]) == (
        "Tales",
        "Ann Author",
        "en",
        "2004-05-01",
    )
    info: Any = PdfReader(target).metadata
    assert (info["/Title"], info["/Author"]) == (dc["title"], dc["creator"])
    assert str(info["/CreationDate"]).startswith("D:20040501")
    root: Any = PdfReader(target).trailer["/Root"]
    assert root["/Lang"] == dc["language"]
    pages = page_texts(target)
    last = " ".join(pages[-2:])
    assert "About this edition" in last and "Produced by Jane Volunteer" in last
    assert "wet night in March" not in last
    reader = PdfReader(target)
    outline: Any = reader.outline
    assert outline[-1].title == "About this edition"
    page: Any = reader.get_destination_page_number(outline[-1])
    assert page >= len(pages) - 2
    contents = " ".join(pages[:4])
    assert re.search(r"About this edition[ .]*\d+", contents)


def _pdf_contents(story: Story) -> tuple[list[str], bool]:
    """The PDF's contents lines (as the outline lists them) and whether a contents page is printed."""
    from ebookify import WriteOptions
    from ebookify.render.pdf.layout import book_layout
    from ebookify.render.pdf.sections import book_sections, contents_document

    book = make_book([story])
    sections = book_sections(book, WriteOptions())
    starts = {s.anchor: i for i, s in enumerate(sections)}
    layout = book_layout(book.metadata.title, [sections], [len(sections)], [starts])
    return [entry.title for entry in layout.toc], contents_document(book, layout.toc) is not None


def test_one_chapter_and_its_colophon_print_no_contents_page() -> None:
    # One chapter and "About this edition" would make a two-line contents page: noise. The outline keeps both.
    one = GUTENBERG.replace("CHAPTER II.\n\n", "")
    story = normalize_bytes(one.encode(), "tales.txt", NormalizeOptions(smart_quotes=False))
    assert len(story.chapters) == 1 and story.colophon
    titles, printed = _pdf_contents(story)
    assert titles[-1] == "About this edition" and len(titles) == 2 and not printed
    # Two chapters and the colophon: a contents page, listing the colophon too.
    titles, printed = _pdf_contents(_story())
    assert titles[-1] == "About this edition" and len(titles) == 3 and printed
