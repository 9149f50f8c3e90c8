"""The code `dataclasses` generates for ebookify's dataclasses, kept beside the bytecode and reused.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__` and
`__delattr__` as source text and compiles it with `exec` when the module is imported: for the 58
dataclasses `inspect` imports, 320 sources parsed and compiled, 0.18 G of the 4.1 G instructions of
`inspect --json` on a novel, on every run. The code compiled from a source depends only on that source and
the interpreter, so, like a module's `.pyc`, it is written once to `__pycache__` and read back on the next
run: `exec` then runs the same code object it would have compiled. A cache of another interpreter, or a
file that does not read back, is ignored and every source is compiled as before.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import dataclasses
import marshal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import CodeType
from typing import Any

from ebookify.cache_file import cache_beside, read_cache, write_cache

# Code objects are valid for exactly this interpreter (its version and build: `marshal` and the bytecode).
_INTERPRETER = (sys.version, sys.implementation.cache_tag, marshal.version)
# Sources edited over time (a field added) leave their old code behind: past this many, a write keeps only
# the sources this process compiled (ebookify has about 400).
_MAX_ENTRIES = 4000


class _State:
    """The process's cache: read on first use, written at exit when code was added."""

    def __init__(self) -> None:
        self.table: dict[str, CodeType] | None = None
        self.added = False
        self.used: set[str] = set()


_STATE = _State()


def cache_path() -> Path | None:
    """Where the cache lives: beside this module's bytecode (`sys.pycache_prefix` respected)."""
    return cache_beside(__file__, ".dataclasses")


def _read(path: Path | None) -> dict[str, CodeType]:
    """The cached code, or none when the file is missing, unreadable or another interpreter's."""
    table = read_cache(path, _INTERPRETER)
    return {key: code for key, code in table.items() if isinstance(key, str) and isinstance(code, CodeType)}


def compiled(source: str) -> CodeType:
    """The code `exec(source)` runs when called from `dataclasses`, from the cache when compiled before."""
    if _STATE.table is None:
        _STATE.table = _read(cache_path())
    _STATE.used.add(source)
    code = _STATE.table.get(source)
    if code is None:
        # What exec(source) compiles in `dataclasses`: no `from __future__` flags (that module has none,
        # this one has `annotations`, which must not leak into the generated methods' annotations).
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _STATE.table[source] = code
        if not _STATE.added:
            _STATE.added = True
            atexit.register(_write)
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec` as `dataclasses` calls it, with source text compiled once per interpreter."""
    if isinstance(source, str):
        source = compiled(source)
    builtins.exec(source, globals, locals)


def _write() -> None:
    """Write the cache, as the interpreter writes bytecode: not when told not to, never half a file."""
    write_cache(
        cache_path(),
        _INTERPRETER,
        _STATE.table,
        used=_STATE.used,
        max_entries=_MAX_ENTRIES,
        module=Path(__file__),
    )


@contextlib.contextmanager
def cached_dataclass_code() -> Iterator[None]:
    """While ebookify's modules are imported, the `exec` of `dataclasses` goes through the cache (a name in
    that module's globals is found before the built-in)."""
    previous = vars(dataclasses).get("exec")
    setattr(dataclasses, "exec", _exec)  # noqa: B010 (mypy refuses a module attribute it does not know)
    try:
        yield
    finally:
        if previous is None:
            delattr(dataclasses, "exec")
        else:
            setattr(dataclasses, "exec", previous)  # noqa: B010
