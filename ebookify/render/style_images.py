"""An image a stylesheet brings, checked before any work: an image Pillow reads, or well-formed SVG."""

from __future__ import annotations

from ebookify.errors import OptionsError
from ebookify.render.images import MAX_IMAGE_PIXELS, ImageTooLargeError, open_image


def check_image(data: bytes, media_type: str, refused: str) -> None:
    """Refuse, with one line, bytes named as an image that are no image (or a damaged or huge one).

    Both books refuse it alike, before any work, as they do a font that is no font: the EPUB packed such a
    file while the PDF renderer stopped on it ("Failed to load image", exit 3)."""
    if media_type == "image/svg+xml":
        _check_svg(data, refused)
        return
    from PIL import UnidentifiedImageError

    try:
        with open_image(data) as image:
            image.load()  # decoded as the PDF renderer will (Pillow's verify() refuses CRC slips it draws)
    except ImageTooLargeError as large:
        limit = MAX_IMAGE_PIXELS // 1_000_000
        size = f"{large.size[0]} x {large.size[1]} pixels," if large.size else "an image"
        raise OptionsError(f"{refused}: {size} over the {limit} megapixels read") from None
    except UnidentifiedImageError:
        raise OptionsError(f"{refused}: not an image file (PNG, JPEG, GIF, WebP or SVG)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise OptionsError(f"{refused}: a damaged image file ({str(exc)[:120]})") from None


def _check_svg(data: bytes, refused: str) -> None:
    """Well-formed XML whose root is <svg> (read with entities, DTDs and the network off)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OptionsError(f"{refused}: not a well-formed SVG image ({str(exc)[:120]})") from None
    name = etree.QName(root).localname
    if name != "svg":
        raise OptionsError(f"{refused}: not an SVG image (its root element is <{name}>)")
