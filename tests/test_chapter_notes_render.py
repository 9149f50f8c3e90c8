"""A chapter's own notes (A/N) are written set apart in the EPUB and the PDF, and only with notes on."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ebookify.book import make_book
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.options import WriteOptions
from ebookify.render.epub import write_epub
from ebookify.render.pdf.sections import book_sections

PARA = "She walked along the river for a long time, thinking about nothing at all."
TEXT = (
    f"Chapter 1\n\nA/N: Thanks to everyone who reviewed!\n\n{PARA}\n\n{PARA}\n\n"
    f"Chapter 2\n\n{PARA}\n\n{PARA}\n\nThe end."
)


def test_chapter_notes_in_epub_and_pdf_html(tmp_path: Path) -> None:
    story = normalize_bytes(TEXT.encode(), "story.txt")
    assert story.chapters[0].front_notes
    book = make_book([story])
    write_epub(book, tmp_path / "book.epub")  # the writer checks every model text is in the book
    with zipfile.ZipFile(tmp_path / "book.epub") as archive:
        pages = " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml"))
    assert 'class="notes front-notes"' in pages and "Thanks to everyone who reviewed!" in pages
    html = " ".join(s.html for s in book_sections(book, WriteOptions()))
    assert "Thanks to everyone who reviewed!" in html
    without = " ".join(s.html for s in book_sections(book, WriteOptions(include_notes=False)))
    assert "Thanks to everyone who reviewed!" not in without
