"""The generated cover's fonts: fontconfig look-ups, started ahead of drawing and cached."""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
import threading
from pathlib import Path

from PIL import ImageFont

from ebookify.model import Metadata

log = logging.getLogger("ebookify")

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

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
