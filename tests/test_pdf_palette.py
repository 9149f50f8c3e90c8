"""Images of few colours stored as indexed colour: the same pixels, fewer bytes."""

from __future__ import annotations

import io
import random
import struct
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf
from PIL import Image

from ebookify.render.pdf.palette import palette_images, to_palette


def _image(pdf: Pdf, picture: Image.Image) -> pikepdf.Stream:
    stream = pdf.make_stream(b"")
    stream.write(zlib.compress(picture.tobytes(), 1), filter=Name.FlateDecode)
    for key, value in (
        (Name.Type, Name.XObject),
        (Name.Subtype, Name.Image),
        (Name.Width, picture.width),
        (Name.Height, picture.height),
        (Name.ColorSpace, Name.DeviceRGB),
        (Name.BitsPerComponent, 8),
    ):
        stream.stream_dict[key] = value
    return stream


def _speckles(colours: int) -> Image.Image:
    """Pixels of `colours` colours in a random order (an anti-aliased cover's edges, at their worst)."""
    choices = random.Random(1).choices([(i * 37 % 256, 40, 200 - i) for i in range(colours)], k=64 * 64)
    picture = Image.new("RGB", (64, 64))
    picture.putdata(choices)
    return picture


def test_an_image_of_few_colours_becomes_indexed_with_the_same_pixels() -> None:
    picture = _speckles(5)
    with Pdf.new() as pdf:
        image = _image(pdf, picture)
        page = pdf.add_blank_page()
        page.obj.Resources = Dictionary(XObject=Dictionary(Im0=image))
        palette_images([page.obj])
        space = image.stream_dict.ColorSpace
        assert isinstance(space, Array) and space[0] == Name.Indexed and space[1] == Name.DeviceRGB
        assert int(space[2]) + 1 == len(picture.getcolors() or [])
        assert pikepdf.PdfImage(image).as_pil_image().convert("RGB").tobytes() == picture.tobytes()


def test_an_image_of_many_colours_or_another_colour_space_is_left_alone() -> None:
    many = Image.effect_noise((64, 64), 60).convert("RGB")
    with Pdf.new() as pdf:
        noisy = _image(pdf, many)
        assert not to_palette(noisy)
        assert noisy.stream_dict.ColorSpace == Name.DeviceRGB
        grey = _image(pdf, _speckles(3))
        grey.stream_dict.ColorSpace = Name.DeviceGray  # not RGB samples: never read as such
        assert not to_palette(grey)


def test_png_rows_as_weasyprint_writes_them_are_read_and_kept_the_same() -> None:
    picture = _speckles(17)
    png = io.BytesIO()
    picture.save(png, format="PNG")
    data, at = png.getvalue(), 8
    rows = b""
    while at < len(data):  # the IDAT chunks: WeasyPrint's image stream, PNG row filters and all
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        rows += data[at + 8 : at + 8 + length] if kind == b"IDAT" else b""
        at += 12 + length
    with Pdf.new() as pdf:
        image = _image(pdf, picture)
        image.write(rows, filter=Name.FlateDecode, type_check=False)
        image.stream_dict.DecodeParms = Dictionary(Predictor=15, Colors=3, Columns=64)
        assert to_palette(image)
        assert Name.DecodeParms not in image.stream_dict
        assert pikepdf.PdfImage(image).as_pil_image().convert("RGB").tobytes() == picture.tobytes()
