"""A cache kept beside a module's bytecode, read and written as the interpreter reads and writes a `.pyc`."""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import sys
from pathlib import Path
from typing import Any


def cache_beside(module: str, suffix: str) -> Path | None:
    """The cache file of `module` (a source path) with `suffix`, beside its bytecode (`sys.pycache_prefix`
    respected); None for an interpreter without bytecode caching."""
    try:
        return Path(importlib.util.cache_from_source(module)).with_suffix(suffix)
    except (NotImplementedError, ValueError):
        return None


def read_cache(path: Path | None, interpreter: tuple[Any, ...]) -> dict[Any, Any]:
    """The table marshalled at `path`, or none when the file is missing, unreadable or written by another
    `interpreter`. The entries are not checked: the caller trusts only what it can verify."""
    if path is None:
        return {}
    try:
        written, table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if written == interpreter and isinstance(table, dict) else {}


def write_cache(
    path: Path | None,
    interpreter: tuple[Any, ...],
    table: dict[Any, Any] | None,
    *,
    used: set[Any],
    max_entries: int,
    module: Path,
) -> None:
    """Marshal `(interpreter, table)` to `path`; not when bytecode writing is off, never half a file.

    Entries edited over time leave their old keys behind: past `max_entries`, only the keys this process
    `used` are kept. The file gets the mode of `module` (readable by whoever reads the module)."""
    if path is None or sys.dont_write_bytecode or not table:
        return
    if len(table) > max_entries:
        table = {key: table[key] for key in used if key in table}
    # A file of this process's own, renamed over the cache when whole (tempfile would cost its imports).
    part = path.with_name(f"{path.name}.{os.getpid()}")
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(part, "wb") as file:
                file.write(marshal.dumps((interpreter, table)))
            os.chmod(part, module.stat().st_mode & 0o666)
            os.replace(part, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(part)
