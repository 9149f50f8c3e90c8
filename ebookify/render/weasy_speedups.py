"""A measured fix for a quadratic step in pydyf (WeasyPrint's PDF writer) that tagged PDFs hit."""

from __future__ import annotations

from typing import Any

_ATTRIBUTE = "_ebookify_page_references"


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


def install() -> bool:
    """Replace pydyf's `PDF.page_references` with the cached version; False if pydyf changed shape."""
    import pydyf  # type: ignore[import-untyped]

    current = getattr(pydyf.PDF, "page_references", None)
    if isinstance(current, property) and current.fget is _cached_page_references:
        return True
    if not isinstance(current, property):
        return False
    pydyf.PDF.page_references = property(_cached_page_references)
    return True
