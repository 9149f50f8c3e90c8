"""Images of few colours stored as indexed colour: the same pixels in fewer bytes."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from pikepdf import Array, Dictionary, Name, Object, PdfError, Stream

# The generated cover is a palette PNG (render/cover.py: a background, ink and an accent, 17 colours),
# which WeasyPrint embeds as 24-bit RGB: 38 KB in Katrine's PDF, 18 KB as indexed colour.
_MAX_COLOURS = 256
_LEVEL = 9


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
    try:
        width, height = int(d.Width), int(d.Height)
        samples = image.read_bytes()
    except (PdfError, AttributeError, TypeError, ValueError):
        return False  # a filter qpdf cannot decode, or no size: left as it is
    if width <= 0 or height <= 0 or len(samples) != width * height * 3:
        return False
    rgb = Image.frombytes("RGB", (width, height), samples)
    colours = rgb.getcolors(_MAX_COLOURS)
    if colours is None:
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
    last = indexed.getextrema()[1]
    lookup = bytes((indexed.getpalette() or [])[: 3 * (int(last) + 1)])  # type: ignore[arg-type]
    if len(lookup) != 3 * (int(last) + 1) or indexed.convert("RGB").tobytes() != samples:  # type: ignore[arg-type]
        return False
    data = zlib.compress(indexed.tobytes(), _LEVEL)
    if len(data) >= len(image.read_raw_bytes()):
        return False
    image.write(data, filter=Name.FlateDecode)
    if Name.DecodeParms in image.stream_dict:
        del image.stream_dict[Name.DecodeParms]  # the PNG predictor of WeasyPrint's samples
    image.ColorSpace = Array([Name.Indexed, Name.DeviceRGB, len(lookup) // 3 - 1, lookup])
    return True


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
