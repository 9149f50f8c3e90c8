"""Running heads and folios sit in the margins of the side they belong to, in the book's own face."""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from ebookify import make_book
from ebookify.options import WriteOptions
from ebookify.render.pdf import write_pdf
from ebookify.render.pdf.furniture import folio_offsets
from ebookify.render.pdf.geometry import page_geometry

from .pdf_books import story

A5 = page_geometry("A5")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
Word = tuple[str, float, float, float, float]  # text, left, top, right, bottom (points, from the top)


def _words(pdf: Path) -> list[list[Word]]:
    """Every page's words with their boxes, as poppler's pdftotext sees them."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append(
            [
                (unescape(text), float(x0), float(y0), float(x1), float(y1))
                for x0, y0, x1, y1, text in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                    page,
                )
            ]
        )
    return pages


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PdfReader]:
    book = make_book([story("Tale", chapters=2, paragraphs=30)])
    pdf = write_pdf(book, tmp_path_factory.mktemp("furniture") / "tale.pdf", WriteOptions(jobs=2))
    return pdf, PdfReader(pdf)


def _text_page(reader: PdfReader, label: str) -> int:
    return next(i for i in range(len(reader.pages)) if reader.page_labels[i] == label)


@pytest.mark.slow
def test_heads_above_and_folios_below_the_text_block_on_the_outer_side(
    book_pdf: tuple[Path, PdfReader],
) -> None:
    pdf, reader = book_pdf
    pages = _words(pdf)
    head_zone, folio_zone = A5.top, A5.height - A5.bottom  # above / below the text block
    recto = pages[_text_page(reader, "3")]
    verso = pages[_text_page(reader, "2")]
    # A recto: the chapter's title flush with the outer (right) margin, above the text; the folio below.
    head = [w for w in recto if w[4] < head_zone]
    assert " ".join(w[0] for w in head) == "Chapter 1 of Tale"
    assert abs(max(w[3] for w in head) - (A5.width - A5.outer)) < 1.5
    folio = [w for w in recto if w[2] > folio_zone]
    assert [w[0] for w in folio] == ["3"] and abs(folio[0][3] - (A5.width - A5.outer)) < 1.5
    # A verso: the book's title and the folio flush with the outer (left) margin.
    head = [w for w in verso if w[4] < head_zone]
    assert " ".join(w[0] for w in head) == "Tale" and abs(head[0][1] - A5.outer) < 1.5
    folio = [w for w in verso if w[2] > folio_zone]
    assert [w[0] for w in folio] == ["2"] and abs(folio[0][1] - A5.outer) < 1.5
    assert abs(folio[0][2] - next(w for w in recto if w[2] > folio_zone)[2]) < 0.5  # same line on both sides


@pytest.mark.slow
def test_an_opening_page_has_no_head_and_a_centred_folio(book_pdf: tuple[Path, PdfReader]) -> None:
    pdf, reader = book_pdf
    opening = _words(pdf)[_text_page(reader, "1")]
    assert not [w for w in opening if w[4] < A5.top]
    folio = [w for w in opening if w[2] > A5.height - A5.bottom]
    centre = (A5.inner + A5.width - A5.outer) / 2
    assert [w[0] for w in folio] == ["1"] and abs((folio[0][1] + folio[0][3]) / 2 - centre) < 1


@pytest.mark.slow
def test_a_folio_of_several_figures_reads_as_one_number(book_pdf: tuple[Path, PdfReader]) -> None:
    pdf, reader = book_pdf
    assert len(reader.pages) > 14
    for label in ("10", "11"):
        words = _words(pdf)[_text_page(reader, label)]
        assert [w[0] for w in words if w[2] > A5.height - A5.bottom] == [label]


def test_folio_figures_are_placed_side_by_side() -> None:
    widths = [5.0 + d / 10 for d in range(10)]  # every figure a different width
    right = A5.width - A5.outer
    # Each figure's page has it flush right at `right`: the shift is where its right edge must go.
    recto = folio_offsets("120", "recto", widths, A5)
    assert [d for d, _ in recto] == [1, 2, 0]
    assert recto[-1][1] == pytest.approx(0) and recto[0][1] == pytest.approx(-(widths[2] + widths[0]))
    verso = folio_offsets("12", "verso", widths, A5)
    assert verso[0][1] + right == pytest.approx(A5.outer + widths[1])
    centred = folio_offsets("7", "opening-recto", widths, A5)
    left_edge = centred[0][1] + right - widths[7]
    assert left_edge + widths[7] / 2 == pytest.approx((A5.inner + A5.width - A5.outer) / 2)
    # Leave alone: no folio on a blank page or for something that is not a number.
    assert folio_offsets("7", "blank", widths, A5) == [] and folio_offsets("vii", "recto", widths, A5) == []


@pytest.mark.slow
def test_the_byline_is_centred_under_the_title(book_pdf: tuple[Path, PdfReader]) -> None:
    # A paragraph is justified, which sets a one-line paragraph flush left: the title page's byline must not.
    pdf, _ = book_pdf
    wanted = ["Tale", "by", "Test", "Author"]
    page = next(words for words in _words(pdf) if [w[0] for w in words[:4]] == wanted)
    title, byline = page[0], page[1:4]
    title_centre = (title[1] + title[3]) / 2
    byline_centre = (byline[0][1] + byline[-1][3]) / 2
    assert abs(title_centre - byline_centre) < 1.5
