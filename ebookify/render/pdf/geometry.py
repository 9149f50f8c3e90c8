"""Page sizes, margins and base font size of a PDF book, from the --page-size value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebookify.errors import OptionsError

_MM = 72 / 25.4
_UNITS = {"mm": _MM, "cm": 10 * _MM, "in": 72.0, "pt": 1.0, "px": 0.75, "pc": 12.0}
# Named sizes in millimetres (width, height); "6x9" is the common US trade paperback.
_NAMED_MM = {
    "a6": (105.0, 148.0),
    "a5": (148.0, 210.0),
    "a4": (210.0, 297.0),
    "a3": (297.0, 420.0),
    "b5": (176.0, 250.0),
    "b6": (125.0, 176.0),
    "letter": (215.9, 279.4),
    "legal": (215.9, 355.6),
    "6x9": (152.4, 228.6),
    "5x8": (127.0, 203.2),
    "5.5x8.5": (139.7, 215.9),
}
_LENGTH = re.compile(r"(\d+(?:\.\d+)?)\s*(mm|cm|in|pt|px|pc)")


@dataclass(frozen=True)
class PageGeometry:
    """A page in points: size, margins (inner = binding side) and the body font size."""

    width: float
    height: float
    top: float
    bottom: float
    inner: float
    outer: float
    font_pt: float

    @property
    def verso_shift(self) -> float:
        """How far a verso's text block sits left of a recto's (mirrored margins)."""
        return self.outer - self.inner


def _parse_size(size: str) -> tuple[float, float]:
    key = size.strip().lower().replace("×", "x").replace(" ", "")
    key = key.removesuffix("in") if re.fullmatch(r"\d+(\.\d+)?x\d+(\.\d+)?in", key) else key
    if key in _NAMED_MM:
        width, height = _NAMED_MM[key]
        return width * _MM, height * _MM
    lengths = _LENGTH.findall(size.lower())
    if len(lengths) == 2 and _LENGTH.sub("", size.lower()).strip() == "":
        (w, wu), (h, hu) = lengths
        return float(w) * _UNITS[wu], float(h) * _UNITS[hu]
    raise OptionsError(
        f"unknown page size {size!r} (use A5, A4, Letter, 6x9 or two lengths such as '140mm 216mm')"
    )


def page_geometry(size: str) -> PageGeometry:
    """Margins suited to the page: narrow pages get a tight outer margin, big pages a larger type."""
    width, height = _parse_size(size)
    if not (144 <= width <= 1700 and 144 <= height <= 2400):  # 2 in to 60 cm: anything else is a typo
        raise OptionsError(f"page size {size!r} is too small or too large for a book")
    # Classic book proportions: the binding (inner) margin is widest, the head margin smallest.
    inner = max(width * 0.12, 15 * _MM)
    outer = max(width * 0.085, 11 * _MM)
    top = max(height * 0.075, 13 * _MM)
    bottom = max(height * 0.09, 15 * _MM)
    # Keep lines near 60-75 characters: wider text blocks get bigger type.
    measure = width - inner - outer
    font_pt = 10.5 if measure < 130 * _MM else 11.5 if measure < 165 * _MM else 12.5
    return PageGeometry(width, height, top, bottom, inner, outer, font_pt)


def content_page_css(geometry: PageGeometry) -> str:
    """The @page rule for story text: every page is laid out as a recto, versos are shifted later."""
    g = geometry
    return (
        f"@page {{ size: {g.width:.2f}pt {g.height:.2f}pt; "
        f"margin: {g.top:.2f}pt {g.outer:.2f}pt {g.bottom:.2f}pt {g.inner:.2f}pt; }}\n"
        f"html {{ font-size: {g.font_pt}pt; }}\n"
    )


def furniture_page_css(geometry: PageGeometry) -> str:
    """Pages for the furniture document: no margins; each page is one block whose running head sits
    just above the text block and whose folio just below it, between a recto's or a verso's margins."""
    g = geometry
    head_bottom = g.top - 4 * _MM  # 4 mm above the text block, as in a printed book
    folio_top = g.height - g.bottom + 5 * _MM  # 5 mm below it
    return (
        f"@page {{ size: {g.width:.2f}pt {g.height:.2f}pt; margin: 0; }}\n"
        f"html {{ font-size: {g.font_pt}pt; }}\n"
        f".furniture.recto, .furniture.opening-recto {{ padding: 0 {g.outer:.2f}pt 0 {g.inner:.2f}pt; }}\n"
        f".furniture.verso, .furniture.opening-verso {{ padding: 0 {g.inner:.2f}pt 0 {g.outer:.2f}pt; }}\n"
        # The head's one line (9.5 pt type, line-height 1.2 in print.css) ends at `head_bottom`.
        f".furniture .running-head {{ height: {head_bottom:.2f}pt; "
        f"padding-top: {head_bottom - 11.4:.2f}pt; }}\n"
        f".furniture .folio {{ margin-top: {folio_top - head_bottom:.2f}pt; }}\n"
    )
