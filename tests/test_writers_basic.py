"""Both writers on the bundled examples: EPUBCheck clean, and the PDF opens on the cover page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from ebookify import load_story, make_book, write_epub, write_pdf

from .conftest import DATA
from .epubcheck import check_many

EXAMPLES = [DATA / "goodbye-my-almost-lover.txt", DATA / "change-of-plans.txt"]


@pytest.mark.slow
def test_example_epubs_pass_epubcheck(tmp_path: Path) -> None:
    books = []
    for source in EXAMPLES:
        target = tmp_path / (source.stem + ".epub")
        write_epub(make_book([load_story(source)]), target)
        books.append(target)
    reports = check_many(books)
    assert reports == {book: [] for book in books}


@pytest.mark.slow
def test_pdf_first_page_is_the_cover_page(tmp_path: Path) -> None:
    target = tmp_path / "goodbye.pdf"
    write_pdf(make_book([load_story(EXAMPLES[0])]), target)
    reader = PdfReader(target)
    assert reader.metadata is not None
    assert reader.metadata.title == "Goodbye, my almost lover"
    assert reader.pages[0].extract_text().strip() == ""  # the cover image comes first
    first = reader.pages[1].extract_text()
    assert "Goodbye, my almost lover" in first
    assert "Pairing" in first and "SasuSaku" in first and "Rating" in first
    assert "It was a strange setting" not in first
    assert len(reader.pages) > 2


@pytest.mark.slow
def test_pdf_pages_are_numbered(tmp_path: Path) -> None:
    target = tmp_path / "change.pdf"
    write_pdf(make_book([load_story(EXAMPLES[1])]), target)
    text = subprocess.run(
        ["pdftotext", "-f", "4", "-l", "4", "-layout", str(target), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # Cover and title page are front matter (numbered i, ii); the text starts at page 1.
    assert text.strip().splitlines()[-1].strip() == "2"
