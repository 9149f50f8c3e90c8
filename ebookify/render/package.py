"""Reproducible ZIP packaging and safe (temporary file + rename) writing of output files."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from ebookify.errors import WriterError

DEFAULT_EPOCH = 946684800  # 2000-01-01T00:00:00Z: a fixed date so that builds are byte-identical


def build_timestamp() -> int:
    """SOURCE_DATE_EPOCH when set (reproducible-builds.org), else a fixed date."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return max(int(value), 315532800)  # ZIP cannot store dates before 1980
    return DEFAULT_EPOCH


def rezip_reproducibly(data: bytes, stamp: int) -> bytes:
    """Re-pack an EPUB: mimetype first and stored without extra field, fixed times, sorted rest."""
    import time

    date_time = time.gmtime(stamp)[:6]
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    if "mimetype" not in names:
        raise WriterError("internal error: the EPUB has no mimetype entry")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ["mimetype", *(n for n in names if n != "mimetype")]:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name), compresslevel=9 if name != "mimetype" else None)
    return out.getvalue()


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside `target`, then rename; a failure leaves nothing behind."""
    if target.is_dir():
        raise WriterError(f"{target} is a directory; give a file name for the book")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise WriterError(f"cannot write {target}: folder {parent} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise WriterError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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
