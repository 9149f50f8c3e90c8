"""Running heads and folios sit in the margins of the side they belong to, in the book's own face."""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader

from ebookify.model import Metadata
from ebookify.render.pdf_geometry import furniture_page_css, page_geometry
from ebookify.render.pdf_html import FurniturePage, furniture_html
from ebookify.render.pdf_worker import RenderJob, render_job
from ebookify.resources import read_print_css, read_style

A5 = page_geometry("A5")


def _positions(pages: list[FurniturePage]) -> list[dict[str, tuple[float, float]]]:
    """For each laid-out page: text -> (x, y) of where it starts (PDF points, y from the bottom)."""
    css = (read_style("classic"), read_print_css() + furniture_page_css(A5))
    result = render_job(RenderJob(furniture_html(Metadata(title="Book"), pages), css, tagged=False))
    assert not result.problems and result.page_count == len(pages)
    return [_text_starts(page) for page in PdfReader(io.BytesIO(result.pdf)).pages]


def _text_starts(page: PageObject) -> dict[str, tuple[float, float]]:
    texts: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            texts[text.strip()] = (tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    return texts


def test_heads_above_and_folios_below_the_text_block_on_the_outer_side() -> None:
    recto, verso, opening = _positions(
        [
            FurniturePage("recto", "Chapter <One> & Co", "7"),
            FurniturePage("verso", "Book", "8"),
            FurniturePage("opening-recto", "", "9"),
        ]
    )
    middle = A5.width / 2
    head_x, head_y = recto["Chapter <One> & Co"]  # markup-looking titles stay text
    assert head_x > middle and A5.height - A5.top < head_y < A5.height  # top margin, outer (right) side
    folio_x, folio_y = recto["7"]
    assert folio_x > middle and 0 < folio_y < A5.bottom  # bottom margin, outer side
    assert verso["Book"][0] < middle and verso["8"][0] < middle  # a verso's outer side is the left
    assert abs(verso["Book"][1] - head_y) < 1 and abs(verso["8"][1] - folio_y) < 1
    # Leave alone: an opening page has no head, and its folio is centred.
    assert list(opening) == ["9"] and abs(opening["9"][0] - middle) < 20
