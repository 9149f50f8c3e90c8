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


class ImageTooLargeError(Exception):
    """The image is over MAX_IMAGE_PIXELS; `size` is its (width, height) when its header was read, None when
    Pillow refused it first (past twice Pillow's own, higher limit)."""

    def __init__(self, size: tuple[int, int] | None) -> None:
        super().__init__(size)
        self.size = size


def open_image(data: bytes) -> Image:
    """The image in `data`, read from its header only (nothing is decoded yet); ImageTooLargeError when it is
    over MAX_IMAGE_PIXELS, so each caller says so in its own words rather than in Pillow's."""
    from PIL import Image as PillowImage  # Pillow is imported when an image is read, not at start-up

    try:
        with warnings.catch_warnings():
            # Pillow warns past its own limit, which is higher than ours: the check below says why.
            warnings.simplefilter("ignore", PillowImage.DecompressionBombWarning)
            image = PillowImage.open(io.BytesIO(data))
    except PillowImage.DecompressionBombError:
        raise ImageTooLargeError(None) from None
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        image.close()
        raise ImageTooLargeError((width, height))
    return image
