"""Safe writing of output files: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ebookify.errors import WriterError
from ebookify.leftovers import part_prefix, part_start, remove_leftovers


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
