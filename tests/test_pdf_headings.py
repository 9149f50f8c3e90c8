"""Contents entries and bookmarks open the page of their heading, even after pages of front notes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ebookify import Chapter, Metadata, Paragraph, Span, Story, WriteOptions, make_book
from ebookify.render.pdf import render_pdf_bytes

from .pdf_books import page_texts


def _paragraphs(tag: str, count: int) -> tuple[Paragraph, ...]:
    return tuple(Paragraph((Span(f"{tag}{n} " + "words " * 80),)) for n in range(count))


def _book(notes: int) -> Any:
    chapters = (
        Chapter("PREFACE", _paragraphs("Preface", 4)),
        Chapter("CHAPTER I", _paragraphs("First", 6)),
        Chapter("CHAPTER II", _paragraphs("Second", 6)),
    )
    meta = Metadata("Noted", ("Test Author",))
    return make_book([Story("noted.txt", meta, chapters, front_notes=_paragraphs("Note", notes))])


@pytest.fixture(scope="module", params=[12, 1], ids=["pages-of-notes", "short-note"])
def pdf(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pdf") / "noted.pdf"
    target.write_bytes(render_pdf_bytes(_book(request.param), WriteOptions(jobs=1)))
    return target


def _outline_pages(reader: PdfReader) -> dict[str, int]:
    outline: Any = reader.outline
    pages = {item.title: reader.get_destination_page_number(item) for item in outline}
    return {title: page for title, page in pages.items() if page is not None}


@pytest.mark.slow
def test_bookmarks_open_the_page_that_holds_the_heading(pdf: Path) -> None:
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    pages = _outline_pages(reader)
    assert set(pages) >= {"PREFACE", "CHAPTER I", "CHAPTER II"}
    for title in ("PREFACE", "CHAPTER I", "CHAPTER II"):
        heading_lines = [line.strip() for line in texts[pages[title]].splitlines()]
        assert title in heading_lines, (title, pages[title], texts[pages[title]][:200])
    # The notes come before the preface's heading, on its page or the pages before it.
    assert "Note0" in "".join(texts[: pages["PREFACE"] + 1])


@pytest.mark.slow
def test_contents_links_open_the_page_that_holds_the_heading(pdf: Path) -> None:
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    targets: set[int] = set()  # a contents entry can hold several link boxes
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            dest = link.get("/Dest")
            if link.get("/Subtype") == "/Link" and dest is not None and not isinstance(dest, str):
                number = reader.get_page_number(dest[0].get_object())
                assert number is not None
                targets.add(number)
    assert len(targets) == 3  # the contents lists the preface and both chapters
    for target, title in zip(sorted(targets), ("PREFACE", "CHAPTER I", "CHAPTER II"), strict=True):
        assert title in [line.strip() for line in texts[target].splitlines()], (title, target)
