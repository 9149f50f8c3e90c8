"""The generated cover: the title, the authors and the fandom set on a framed page of the book's colour."""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageChops, ImageDraw

from ebookify.model import Metadata
from ebookify.render.cover_fonts import AUTHOR_FONT, FANDOM_FONT, TITLE_FONT, Font
from ebookify.render.cover_text import fit_text

Color = tuple[int, int, int]

COVER_SIZE = (1600, 2560)
# Deep, calm background colours that keep light text readable; the title picks one (a book keeps its colour).
_BACKGROUNDS: tuple[Color, ...] = (
    (28, 43, 74),  # navy
    (94, 30, 42),  # burgundy
    (31, 64, 52),  # forest
    (62, 38, 82),  # plum
    (44, 52, 61),  # slate
    (22, 72, 80),  # teal
    (92, 58, 30),  # umber
)
_INK: Color = (246, 240, 227)
_ACCENT: Color = (214, 180, 110)


def background_color(title: str) -> Color:
    """A background colour chosen by the title, so a book always gets the same cover."""
    digest = hashlib.sha256(title.encode("utf-8", "surrogatepass")).digest()
    return _BACKGROUNDS[digest[0] % len(_BACKGROUNDS)]


def _draw_lines(
    draw: ImageDraw.ImageDraw, lines: list[str], font: Font, *, top: float, center: float
) -> float:
    """Draw centred lines from `top`; returns the y below the last line."""
    size = getattr(font, "size", 40)
    step = size * 1.2
    for line in lines:
        draw.text((center, top), line, font=font, fill=255, anchor="ma")
        top += step
    return top


def _draw_frame(draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
    # A double rule around the page: the classic look of a cloth binding, visible even as a thumbnail.
    outer = width // 24
    draw.rectangle((outer, outer, width - outer, height - outer), outline=255, width=max(2, width // 300))
    inner = outer + width // 60
    draw.rectangle((inner, inner, width - inner, height - inner), outline=255, width=max(1, width // 900))


def _draw_ornament(draw: ImageDraw.ImageDraw, center: float, y: float, width: int) -> None:
    half = width * 0.12
    thickness = max(2, width // 400)
    draw.line((center - half, y, center - width * 0.02, y), fill=255, width=thickness)
    draw.line((center + width * 0.02, y, center + half, y), fill=255, width=thickness)
    r = width * 0.01
    draw.polygon([(center, y - r), (center + r, y), (center, y + r), (center - r, y)], fill=255)


def _draw_text_block(
    draw: ImageDraw.ImageDraw,
    text: str,
    pattern: str,
    *,
    top: float,
    max_lines: int,
    scale: float,
) -> float:
    """Fit `text` in the text column, starting at `scale` × page width; returns the y below it."""
    width = draw.im.size[0]
    start = max(8, int(width * scale))
    font, lines = fit_text(text, pattern, width * 0.74, max_lines=max_lines, start=start, smallest=start // 3)
    return _draw_lines(draw, lines, font, top=top, center=width / 2)


def _palette_png(ink: Image.Image, accent: Image.Image, background: Color) -> bytes:
    """Combine two coverage masks into a palette PNG: ink and accent over the background."""
    # 16 coverage levels per colour keep anti-aliased edges smooth; a palette PNG of 1600x2560 encodes
    # several times faster and is half the size of an RGB one.
    levels = 16
    ink_index = ink.point(lambda v: v * (levels - 1) // 255)
    accent_index = accent.point(lambda v: levels + v * (levels - 1) // 255 if v else 0)
    index = ImageChops.lighter(ink_index, accent_index)
    palette: list[int] = []
    for color in (_INK, _ACCENT):
        for level in range(levels):
            share = level / (levels - 1)
            palette += [round(b + (c - b) * share) for b, c in zip(background, color, strict=True)]
    index.putpalette(palette)
    out = io.BytesIO()
    index.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def cover_image(metadata: Metadata, size: tuple[int, int] = COVER_SIZE) -> bytes:
    """A PNG cover: the title, the authors and the fandom set on a framed, coloured page."""
    width, height = size
    ink, accent = Image.new("L", size, 0), Image.new("L", size, 0)
    ink_draw, accent_draw = ImageDraw.Draw(ink), ImageDraw.Draw(accent)
    _draw_frame(accent_draw, width, height)
    title = " ".join(metadata.title.split()) or "Untitled"
    y = _draw_text_block(ink_draw, title, TITLE_FONT, top=height * 0.2, max_lines=5, scale=0.1)
    _draw_ornament(accent_draw, width / 2, y + height * 0.03, width)
    if metadata.authors:
        authors = ", ".join(metadata.authors)
        top = y + height * 0.07
        _draw_text_block(ink_draw, authors, AUTHOR_FONT, top=top, max_lines=3, scale=0.05)
    if metadata.fandoms:
        fandom = " · ".join(metadata.fandoms).upper()
        _draw_text_block(accent_draw, fandom, FANDOM_FONT, top=height * 0.86, max_lines=2, scale=0.033)
    return _palette_png(ink, accent, background_color(metadata.title))
