"""The user's own cover image: read within bounds, checked, kept as JPEG or PNG or converted."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import UnidentifiedImageError

from ebookify.errors import InputError
from ebookify.render.images import MAX_IMAGE_PIXELS, ImageTooLargeError, open_image

# Media types EPUB readers must support; anything else is converted to PNG.
_KEPT_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}

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
        # The size comes from the header: checked before a single pixel is decoded.
        with open_image(data) as image:
            image_format = image.format or ""
            if image_format in _KEPT_FORMATS:
                image.verify()
                return data
            image.load()
            converted = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    except UnidentifiedImageError:
        raise InputError(f"cover {path} is not an image (use a JPEG, PNG, GIF or WebP file)") from None
    except ImageTooLargeError as large:
        limit = MAX_IMAGE_PIXELS // 1_000_000
        if large.size is None:
            raise InputError(f"cover {path} is larger than the {limit} megapixels ebookify reads") from None
        width, height = large.size
        raise InputError(
            f"cover {path} is {width} x {height} pixels, more than the {limit} megapixels ebookify reads; "
            "scale it down (readers show about 1600 x 2560)"
        ) from None
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
