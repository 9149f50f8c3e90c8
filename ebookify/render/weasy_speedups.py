"""Measured fixes for slow steps in WeasyPrint and pydyf (its PDF writer) that our books hit."""

from __future__ import annotations

from typing import Any

_ATTRIBUTE = "_ebookify_page_references"
# Every page-margin box of CSS Paged Media: the sides' three boxes each, then the corners.
_MARGIN_BOXES = (
    tuple(f"@{side}-{place}" for side in ("top", "bottom") for place in ("left", "center", "right"))
    + tuple(f"@{side}-{place}" for side in ("left", "right") for place in ("top", "middle", "bottom"))
    + tuple(f"@{side}-corner" for side in ("top-left", "top-right", "bottom-left", "bottom-right"))
)
_NO_CONTENT = ("normal", "inhibit", "none")


def _cached_page_references(pdf: Any) -> tuple[bytes, ...]:
    # pydyf rebuilds the tuple of every page reference each time one structure element asks for its
    # page: O(pages x elements), 3.3 s of a 464-page book. Pages only ever get appended, so a tuple
    # cached per page count gives the same answer.
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get(_ATTRIBUTE)
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__[_ATTRIBUTE] = cached
    references: tuple[bytes, ...] = cached[1]
    return references


def _skip_empty_margin_boxes(original: Any) -> Any:
    # WeasyPrint builds and sizes all 16 margin boxes of every page, then keeps those with content:
    # 0.2 ms a page, 9% of a furniture document. A page whose margin boxes all lack content gets none.
    def make_margin_boxes(context: Any, page: Any, state: Any) -> Any:
        for keyword in _MARGIN_BOXES:
            style = context.style_for(page.page_type, keyword)
            if style is not None and style["content"] not in _NO_CONTENT:
                return original(context, page, state)
        return iter(())

    make_margin_boxes.ebookify_original = original  # type: ignore[attr-defined]
    return make_margin_boxes


def install() -> bool:
    """Install every fix; False if WeasyPrint or pydyf changed shape (then nothing of theirs is touched)."""
    import pydyf  # type: ignore[import-untyped]
    import weasyprint.layout

    current_boxes = weasyprint.layout.make_margin_boxes
    if not hasattr(current_boxes, "ebookify_original"):
        weasyprint.layout.make_margin_boxes = _skip_empty_margin_boxes(current_boxes)

    current = getattr(pydyf.PDF, "page_references", None)
    if isinstance(current, property) and current.fget is _cached_page_references:
        return True
    if not isinstance(current, property):
        return False
    pydyf.PDF.page_references = property(_cached_page_references)
    return True
