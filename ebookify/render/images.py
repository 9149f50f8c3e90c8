"""Image bytes opened within one pixel bound, shared by the user's cover and a stylesheet's images."""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_IMAGE_PIXELS = 50_000_000
"""The largest image read (50 megapixels, e.g. 7000 x 7000): a 30000 x 30000 PNG of a few kilobytes would
decode to gigabytes. Readers show covers at about 1600 x 2560 (4 megapixels)."""


def open_image(data: bytes) -> Image:
    """The image in `data`, read from its header only: nothing is decoded, so `image.size` can be checked
    against MAX_IMAGE_PIXELS first. Pillow's own warning past its (higher) limit is silenced; its error past
    twice that limit still comes, as `PIL.Image.DecompressionBombError`."""
    from PIL import Image as PillowImage  # Pillow is imported when an image is read, not at start-up

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PillowImage.DecompressionBombWarning)
        return PillowImage.open(io.BytesIO(data))
