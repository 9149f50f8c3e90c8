"""The generated cover image and the user's own cover file."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from ebookify.cli import main
from ebookify.errors import InputError
from ebookify.model import Metadata
from ebookify.render.cover import background_color, cover_image
from ebookify.render.cover_file import cover_from_file, image_media_type
from ebookify.render.cover_text import fit_text, wrap_text

from .images import png_header

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


@pytest.mark.parametrize("size", [(30000, 30000), (12000, 12000), (8000, 8000)])
def test_a_cover_over_50_megapixels_is_refused_before_decoding(tmp_path: Path, size: tuple[int, int]) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(png_header(*size))
    said = f"bomb.png (is {size[0]} x {size[1]} pixels, more|is larger) than the 50 megapixels"
    with pytest.raises(InputError, match=said):
        cover_from_file(path)


def test_a_gif_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.gif"
    Image.new("P", (1, 1)).save(path, format="GIF")
    data = bytearray(path.read_bytes())
    data[6:10] = struct.pack("<HH", 30000, 30000)  # the logical screen
    at = data.index(b"\x2c")  # the image descriptor: left, top, width, height
    data[at + 5 : at + 9] = struct.pack("<HH", 30000, 30000)
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="megapixels"):
        cover_from_file(path)


def test_a_cover_under_the_limit_is_read(tmp_path: Path) -> None:
    # Leave alone: 7000 x 7000 is 49 megapixels (a large photo); its header passes the size check.
    path = tmp_path / "big.png"
    Image.new("1", (7000, 7000)).save(path, format="PNG")
    assert cover_from_file(path) == path.read_bytes()


def test_a_non_image_cover_message_names_the_file_not_a_python_object(tmp_path: Path) -> None:
    path = tmp_path / "cover.jpg"
    path.write_text("plain text, not a picture", encoding="utf-8")
    with pytest.raises(InputError) as error:
        cover_from_file(path)
    message = str(error.value)
    assert "cover.jpg is not an image" in message and "JPEG, PNG" in message
    assert "BytesIO" not in message and "0x" not in message


def test_wrap_text_stops_after_max_lines_and_cuts_a_huge_word() -> None:
    font = ImageFont.load_default(20)
    word = "x" * 300_000
    lines = wrap_text(word, font, 120, max_lines=4)  # its time: benchmarks/bench_cover_title.py
    assert len(lines) == 5 and all(font.getlength(line) <= 120 for line in lines)
    assert "".join(lines) == word[: sum(map(len, lines))]
    # Leave alone: without max_lines, every line of a shorter word, nothing lost.
    assert "".join(wrap_text(word[:2000], font, 120)) == word[:2000]


def test_fit_text_shortens_a_text_that_never_fits() -> None:
    font, lines = fit_text("x" * 60_000, "serif", 400, max_lines=3, start=60, smallest=20)
    assert len(lines) == 3 and lines[-1].endswith("\u2026")
    assert all(font.getlength(line) <= 400 for line in lines)
    # Leave alone: a text that fits is not shortened.
    _, kept = fit_text("A short title", "serif", 400, max_lines=3, start=60, smallest=20)
    assert kept == ["A short title"]


def test_a_60000_character_title_word_is_a_cover() -> None:
    # It took 106 s (quadratic); benchmarks/bench_cover_title.py times it (0.2 s), this checks the picture.
    title = "x" * 60_000
    data = cover_image(Metadata(title=title, authors=("A",)))
    assert open_image(data).size == (1600, 2560)


def test_a_60000_character_title_keeps_its_full_value_in_the_epub(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    text = f"Title: {'x' * 60_000}\nAuthor: A\n\nOne paragraph.\n\nAnother one.\n"
    story.write_text(text, encoding="utf-8")
    assert main([str(story), "-o", str(tmp_path / "b.epub"), "-q"]) == 0
    opf = zipfile.ZipFile(tmp_path / "b.epub").read("EPUB/content.opf").decode()
    assert "x" * 60_000 in opf
