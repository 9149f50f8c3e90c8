"""Images of few colours stored as indexed colour: the same pixels in fewer bytes."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from pikepdf import Array, Dictionary, Name, Object, PdfError, Stream

# The generated cover is a palette PNG (render/cover.py: a background, ink and an accent, 17 colours),
# which WeasyPrint embeds as 24-bit RGB: 38 KB in Katrine's PDF, 18 KB as indexed colour.
_MAX_COLOURS = 256
_LEVEL = 9
# Larger images are left as they are (render/images.py bounds the cover at 50 megapixels).
_MAX_PIXELS = 50_000_000


def palette_images(holders: Iterable[Object]) -> None:
    """Store each RGB image that `holders` (pages or forms) draw as indexed colour, when it has at most
    256 colours and that is smaller; the decoded pixels stay the same."""
    seen: set[tuple[int, int]] = set()
    for image in _images(holders):
        if image.objgen not in seen:
            seen.add(image.objgen)
            to_palette(image)


def to_palette(image: Stream) -> bool:
    """Rewrite one image XObject as /Indexed /DeviceRGB (8 bits an index); False, leaving it as it is,
    unless it is a plain 8-bit RGB image of at most 256 colours that gets smaller."""
    from PIL import Image

    d = image.stream_dict
    if (
        d.get(Name.ColorSpace) != Name.DeviceRGB
        or d.get(Name.BitsPerComponent) != 8
        or any(key in d for key in (Name.Decode, Name.ImageMask, Name.Mask))
    ):
        return False
    rgb = _rgb(image)
    colours = rgb.getcolors(_MAX_COLOURS) if rgb is not None else None
    if rgb is None or colours is None:
        return False
    flat: list[int] = []
    for _, colour in colours:  # in an order fixed by the pixels: the same image, the same bytes
        if not isinstance(colour, tuple):
            return False
        flat += colour
    table = Image.new("P", (1, 1))
    table.putpalette(flat)
    # Every pixel's colour is in the palette, so the nearest entry is its own colour; the pixels are
    # compared all the same, through the entries the indices use (the lookup table written).
    indexed = rgb.quantize(palette=table, dither=Image.Dither.NONE)
    last = int(indexed.getextrema()[1])
    lookup = bytes((indexed.getpalette() or [])[: 3 * (last + 1)])
    if len(lookup) != 3 * (last + 1):
        return False
    deflate = zlib.compressobj(_LEVEL)
    data = []
    for top in range(0, rgb.height, _BAND):
        box = (0, top, rgb.width, min(rgb.height, top + _BAND))
        band = indexed.crop(box)
        if band.convert("RGB").tobytes() != rgb.crop(box).tobytes():
            return False
        data.append(deflate.compress(band.tobytes()))
    data.append(deflate.flush())
    if sum(map(len, data)) >= len(image.read_raw_bytes()):
        return False
    image.write(b"".join(data), filter=Name.FlateDecode)
    if Name.DecodeParms in image.stream_dict:
        del image.stream_dict[Name.DecodeParms]  # the PNG predictor of WeasyPrint's samples
    image.ColorSpace = Array([Name.Indexed, Name.DeviceRGB, len(lookup) // 3 - 1, lookup])
    return True


# Rows worked on at a time: a 1600 x 2560 cover converted back or copied whole takes 12 MB more each time.
_BAND = 64
_PNG = b"\x89PNG\r\n\x1a\n"


def _rgb(image: Stream) -> Any:
    """The image's pixels (Pillow), or None. Deflated PNG rows, WeasyPrint's way, are read by Pillow's
    PNG decoder from the stream's bytes as they are: qpdf's decoding took twice the pixels' size more."""
    from PIL import Image

    d = image.stream_dict
    try:
        width, height = int(d.Width), int(d.Height)
        parms = d.get(Name.DecodeParms)
        if width <= 0 or height <= 0 or width * height > _MAX_PIXELS:
            return None
        if (
            d.get(Name.Filter) == Name.FlateDecode
            and isinstance(parms, Dictionary)
            and parms.get(Name.Predictor) == 15
            and parms.get(Name.Colors) == 3
            and parms.get(Name.Columns) == width
            and parms.get(Name.BitsPerComponent, 8) == 8
        ):
            header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
            chunks = [_chunk(b"IHDR", header), _chunk(b"IDAT", image.read_raw_bytes()), _chunk(b"IEND", b"")]
            png = Image.open(io.BytesIO(_PNG + b"".join(chunks)), formats=["PNG"])
            png.load()
            return png if png.mode == "RGB" and png.size == (width, height) else None
        samples = image.read_bytes()
    except (PdfError, OSError, AttributeError, TypeError, ValueError, SyntaxError):
        return None  # a filter qpdf cannot decode, damaged rows, or no size: left as it is
    if len(samples) != width * height * 3:
        return None
    return Image.frombuffer("RGB", (width, height), samples, "raw", "RGB", 0, 1)


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _images(holders: Iterable[Object]) -> Iterator[Stream]:
    """The image XObjects that `holders` draw, through their forms too."""
    todo = list(holders)
    seen: set[tuple[int, int]] = set()
    while todo:
        holder = todo.pop()
        if holder.is_indirect:
            if holder.objgen in seen:
                continue
            seen.add(holder.objgen)
        resources = holder.get(Name.Resources)
        xobjects = resources.get(Name.XObject) if isinstance(resources, Dictionary) else None
        for value in xobjects.values() if isinstance(xobjects, Dictionary) else ():
            if not isinstance(value, Stream):
                continue
            if value.stream_dict.get(Name.Subtype) == Name.Image:
                yield value
            elif value.stream_dict.get(Name.Subtype) == Name.Form:
                todo.append(value)
