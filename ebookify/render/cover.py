"""Cover images: a generated typographic cover (title, authors, fandom) or the user's own image file."""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import shutil
import subprocess
import threading
import warnings
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont, UnidentifiedImageError

from ebookify.errors import InputError
from ebookify.model import Metadata

log = logging.getLogger("ebookify")

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
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
# Media types EPUB readers must support; anything else is converted to PNG.
_KEPT_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}
# The fonts of the generated cover, as fontconfig patterns.
TITLE_FONT = "Linux Libertine O"
AUTHOR_FONT = "Linux Libertine O:italic"
FANDOM_FONT = "Linux Biolinum O"
# Font look-ups started ahead of drawing the cover (see prefetch_cover_fonts).
_LOOKUPS: dict[str, threading.Thread] = {}


@functools.lru_cache(maxsize=16)
def font_file(pattern: str) -> str | None:
    """The font file fontconfig picks for `pattern` (e.g. "Linux Libertine O:italic"), or None."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        result = subprocess.run(
            [fc_match, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = result.stdout.strip()
    return path if result.returncode == 0 and path and Path(path).is_file() else None


def cover_fonts(metadata: Metadata) -> list[str]:
    """The font patterns the generated cover of `metadata` uses."""
    return [
        TITLE_FONT,
        *([AUTHOR_FONT] if metadata.authors else []),
        *([FANDOM_FONT] if metadata.fandoms else []),
    ]


def prefetch_cover_fonts(metadata: Metadata) -> None:
    """Start the cover's font look-ups in the background: each runs fc-match (about 6 ms of waiting for
    another process), which then overlaps with laying out the book instead of delaying the cover."""
    for pattern in cover_fonts(metadata):
        if pattern not in _LOOKUPS:
            _LOOKUPS[pattern] = threading.Thread(target=font_file, args=(pattern,), daemon=True)
            _LOOKUPS[pattern].start()


def load_font(pattern: str, size: int) -> Font:
    """A font of `size` pixels matching `pattern`, else Pillow's built-in font (never fails)."""
    lookup = _LOOKUPS.pop(pattern, None)
    if lookup is not None:
        lookup.join()  # its answer is in font_file's cache now
    path = font_file(pattern)
    if path:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            log.debug("cannot load font %s; using Pillow's built-in font", path)
    return ImageFont.load_default(size)


def _width(font: Font, text: str) -> float:
    return float(font.getlength(text))


def _prefix_that_fits(font: Font, text: str, start: int, width: float) -> int:
    """The end of the longest run of `text` from `start` that fits in `width` (at least one character).

    Galloping then bisecting measures O(log n) runs no longer than about twice the answer, so cutting a
    huge word into lines costs time in proportion to the word (measuring the whole rest for every line
    made a 60,000-character title take 106 s)."""
    good, step = start + 1, 1
    while good < len(text) and _width(font, text[start : min(len(text), good + step)]) <= width:
        good, step = min(len(text), good + step), step * 2
    bad = min(len(text), good + step) if good < len(text) else good  # an end measured not to fit
    while bad - good > 1:
        middle = (good + bad) // 2
        if _width(font, text[start:middle]) <= width:
            good = middle
        else:
            bad = middle
    return good


def wrap_text(text: str, font: Font, width: float, max_lines: int | None = None) -> list[str]:
    """Greedy word wrap to `width` pixels; a word wider than the line is cut between characters.

    With `max_lines`, wrapping stops at max_lines + 1 lines, which is enough to know the text does not
    fit: the work is then bounded whatever the text's length."""
    lines: list[str] = []
    line = ""
    limit = len(text) + 1 if max_lines is None else max_lines + 1
    for word in text.split():
        if len(lines) >= limit:
            break
        candidate = f"{line} {word}" if line else word
        if _width(font, candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        # A single word that does not fit (a URL, a long compound) is cut so that nothing is clipped.
        start = 0
        while len(lines) < limit:
            end = _prefix_that_fits(font, word, start, width)
            if end >= len(word):
                break
            lines.append(word[start:end])
            start = end
        line = word[start:]
    if line and len(lines) < limit:
        lines.append(line)
    return lines[:limit]


def _shortened(line: str, font: Font, width: float) -> str:
    """`line` cut so that it and an ellipsis fit in `width`: the text went on but the space ran out."""
    end = _prefix_that_fits(font, line + "…", 0, width) - 1
    while end > 0 and _width(font, line[:end].rstrip() + "…") > width:
        end -= 1
    return line[:end].rstrip() + "…"


def fit_text(
    text: str, pattern: str, width: float, *, max_lines: int, start: int, smallest: int
) -> tuple[Font, list[str]]:
    """The largest font size (from `start` down to `smallest`) at which `text` fits in `max_lines` lines;
    a text too long even at `smallest` is shown shortened (the full value stays in the book's metadata)."""
    size = start
    while True:
        font = load_font(pattern, size)
        lines = wrap_text(text, font, width, max_lines)
        if len(lines) <= max_lines:
            return font, lines
        if size <= smallest:
            return font, [*lines[: max_lines - 1], _shortened(lines[max_lines - 1], font, width)]
        size = max(smallest, int(size * 0.88))


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


MAX_COVER_PIXELS = 50_000_000
"""The largest cover image read (50 megapixels, e.g. 7000 x 7000): a 30000 x 30000 PNG of a few kilobytes
would decode to gigabytes. Readers show covers at about 1600 x 2560 (4 megapixels)."""


MAX_COVER_BYTES = 64 * 2**20
"""The largest cover file read (64 MiB: a 50-megapixel photo as a high-quality JPEG is ~25 MiB);
`--cover /dev/zero` read until memory ran out."""


def cover_from_file(path: str | Path) -> bytes:
    """The user's cover image: JPEG and PNG are kept byte for byte, other formats become PNG."""
    path = Path(path)
    try:
        # One byte past the limit: a device such as /dev/zero has no size to check beforehand.
        with path.open("rb") as handle:
            data = handle.read(MAX_COVER_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read cover image {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_COVER_BYTES:
        raise InputError(f"cover {path} is larger than {MAX_COVER_BYTES // 2**20} MiB; use a smaller image")
    try:
        with warnings.catch_warnings():
            # Pillow warns (and later refuses) past its own limit; ours below is lower and says why.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            # The size comes from the header: checked before a single pixel is decoded.
            width, height = image.size
            if width * height > MAX_COVER_PIXELS:
                raise InputError(
                    f"cover {path} is {width} x {height} pixels, more than the "
                    f"{MAX_COVER_PIXELS // 1_000_000} megapixels ebookify reads; scale it down "
                    "(readers show about 1600 x 2560)"
                )
            image_format = image.format or ""
            if image_format in _KEPT_FORMATS:
                image.verify()
                return data
            image.load()
            converted = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    except UnidentifiedImageError:
        raise InputError(f"cover {path} is not an image (use a JPEG, PNG, GIF or WebP file)") from None
    except Image.DecompressionBombError:
        limit = MAX_COVER_PIXELS // 1_000_000
        raise InputError(f"cover {path} is larger than the {limit} megapixels ebookify reads") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(f"cover {path} is a damaged or unsupported image ({exc})") from None
    out = io.BytesIO()
    converted.save(out, format="PNG")
    return out.getvalue()


def image_media_type(data: bytes) -> str:
    """The media type of cover bytes made by this module (PNG or JPEG)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    raise ValueError("cover image is neither PNG nor JPEG")
