"""Reproducible ZIP packaging and safe (temporary file + rename) writing of output files."""

from __future__ import annotations

import io
import os
import tempfile
import time
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from ebookify.errors import WriterError
from ebookify.leftovers import part_prefix, part_start, remove_leftovers

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


def write_atomically(target: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write `data` (bytes, or a function that writes to the open file) to a temporary file beside
    `target`, then rename; a failure leaves nothing behind."""
    if target.is_dir():
        raise WriterError(f"{target} is a directory; give a file name for the book")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise WriterError(f"cannot write {target}: folder {parent} does not exist")
    prefix = part_prefix(target)
    # A run killed while writing this book (SIGKILL cannot be cleaned up after) left its part here.
    remove_leftovers(parent, part_start(target), ".part")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=parent)
    except OSError as exc:
        raise WriterError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise WriterError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
