"""The generated cover image and the user's own cover file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from ebookify.errors import InputError
from ebookify.model import Metadata
from ebookify.render.cover import (
    background_color,
    cover_from_file,
    cover_image,
    fit_text,
    image_media_type,
    wrap_text,
)

META = Metadata(title="Goodbye, my almost lover", authors=("Ann Author",), fandoms=("Naruto",))


def open_image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_generated_cover_is_a_portrait_png_of_the_asked_size() -> None:
    image = open_image(cover_image(META))
    assert image.format == "PNG"
    assert image.size == (1600, 2560)
    small = open_image(cover_image(META, size=(400, 640)))
    assert small.size == (400, 640)


def test_generated_cover_is_the_same_every_time() -> None:
    assert cover_image(META) == cover_image(META)


def test_cover_shows_the_title_in_light_ink_on_the_background() -> None:
    image = open_image(cover_image(META, size=(400, 640))).convert("RGB")
    background = background_color(META.title)
    # The title band (upper third) holds light text pixels; a band near the bottom frame does not.
    title_band = image.crop((60, 120, 340, 200))
    colors = [color for _, color in title_band.getcolors(maxcolors=1 << 20) or []]
    assert any(isinstance(color, tuple) and sum(color) > 600 for color in colors)
    empty_band = image.crop((60, 420, 340, 500))
    assert [color for _, color in empty_band.getcolors(maxcolors=1 << 20) or []] == [background]


def test_cover_text_differs_with_the_author_and_fandom() -> None:
    without = cover_image(Metadata(title=META.title))
    assert cover_image(META) != without


def test_wrap_text_breaks_between_words_and_cuts_a_word_too_long_for_the_line() -> None:
    font = ImageFont.load_default(20)
    lines = wrap_text("one two three four five six seven", font, 120)
    assert len(lines) > 1
    assert " ".join(lines) == "one two three four five six seven"
    long_word = "x" * 200
    cut = wrap_text(long_word, font, 120)
    assert "".join(cut) == long_word and len(cut) > 1
    assert all(font.getlength(line) <= 120 for line in cut)


def test_wrap_text_leaves_a_short_title_on_one_line() -> None:
    font = ImageFont.load_default(20)
    assert wrap_text("Short", font, 500) == ["Short"]


def test_fit_text_shrinks_the_font_until_the_text_fits() -> None:
    text = "A title that is really rather long for a cover " * 3
    font, lines = fit_text(text, "serif", 400, max_lines=4, start=120, smallest=10)
    assert len(lines) <= 4
    assert getattr(font, "size", 120) < 120
    short_font, short_lines = fit_text("Tiny", "serif", 400, max_lines=4, start=120, smallest=10)
    assert getattr(short_font, "size", 0) == 120 and short_lines == ["Tiny"]


def test_background_color_depends_on_the_title_only() -> None:
    assert background_color("A") == background_color("A")
    assert len({background_color(str(n)) for n in range(50)}) > 1


def test_cover_from_file_keeps_png_and_jpeg_bytes(tmp_path: Path) -> None:
    for fmt, suffix in (("PNG", ".png"), ("JPEG", ".jpg")):
        path = tmp_path / f"cover{suffix}"
        Image.new("RGB", (30, 40), (200, 10, 10)).save(path, format=fmt)
        assert cover_from_file(path) == path.read_bytes()


def test_cover_from_file_converts_other_formats_to_png(tmp_path: Path) -> None:
    path = tmp_path / "cover.bmp"
    Image.new("RGB", (30, 40), (10, 200, 10)).save(path, format="BMP")
    data = cover_from_file(path)
    assert image_media_type(data) == "image/png"
    assert open_image(data).size == (30, 40)


def test_cover_from_file_rejects_what_is_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "cover.png"
    path.write_text("not an image")
    with pytest.raises(InputError, match="not an image"):
        cover_from_file(path)
    with pytest.raises(InputError, match="cannot read cover image"):
        cover_from_file(tmp_path / "missing.png")


def test_image_media_type_knows_png_and_jpeg_only() -> None:
    assert image_media_type(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert image_media_type(b"\xff\xd8\xff\xe0....") == "image/jpeg"
    with pytest.raises(ValueError):
        image_media_type(b"GIF89a")
