"""The regular-expression engine's code for the normalizer's patterns, kept beside the bytecode and reused.

Compiling a pattern is pure Python (`re._parser`, `re._compiler`): the normalizer's 290 patterns cost 50 ms,
0.55 G of the 4.7 G instructions of `inspect --json` on a novel, on every run. The engine's code for a pattern
depends only on the pattern, its flags and the interpreter, so, like a module's `.pyc`, it is written once to
`__pycache__` and read back on the next run (about 2 ms). A pattern is only ever taken from the cache if the
code that `re.compile` made for it was checked equal to it; a cache of another interpreter, or a file that
does not read back, is ignored and every pattern is compiled by `re.compile` as before.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import importlib
import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ebookify.cache_file import cache_beside, read_cache, write_cache

# The private modules `re.compile` itself is made of (typeshed has no stubs for them).
_ENGINE: Any = importlib.import_module("_sre")
_PARSER: Any = importlib.import_module("re._parser")
_COMPILER: Any = importlib.import_module("re._compiler")

# The engine's code is valid for exactly this interpreter: its version and build, and the engine's own
# version and word size (a cache written by another Python is not read).
_INTERPRETER = (sys.version, _ENGINE.MAGIC, _ENGINE.CODESIZE, sys.maxunicode)
_WORD = "I" if array.array("I").itemsize == _ENGINE.CODESIZE else "L"
_USABLE = array.array(_WORD).itemsize == _ENGINE.CODESIZE
_RE_COMPILE = re.compile

# pattern, flags -> flags as compiled, the engine's code (its words as bytes), groups, group names by
# name and by index: the arguments `re._compiler.compile` gives the engine.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# Patterns edited over time leave their old entries behind: past this many, a write keeps only the
# patterns this process compiled (the normalizer has about 300).
_MAX_ENTRIES = 2000


class _State:
    """The process's cache: read on first use, written at exit when a pattern was added."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, int], Entry] | None = None
        self.added = False
        self.used: set[tuple[str, int]] = set()


_STATE = _State()


def cache_path() -> Path | None:
    """Where the cache lives: beside this module's bytecode (`sys.pycache_prefix` respected)."""
    return cache_beside(__file__, ".patterns")


def _read(path: Path | None) -> dict[tuple[str, int], Entry]:
    """The cached entries, or none when the file is missing, unreadable or another interpreter's."""
    return read_cache(path, _INTERPRETER) if _USABLE else {}


def _loaded() -> dict[tuple[str, int], Entry]:
    if _STATE.table is None:
        _STATE.table = _read(cache_path())
    return _STATE.table


def _engine_pattern(pattern: str, entry: Entry) -> re.Pattern[str]:
    """The pattern built by the engine from cached code, as `re._compiler.compile` builds it."""
    flags, words, groups, groupindex, indexgroup = entry
    code = array.array(_WORD)
    code.frombytes(words)
    compiled: re.Pattern[str] = _ENGINE.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)
    return compiled


def _entry(pattern: str, flags: int) -> Entry:
    """What `re._compiler.compile` gives the engine for a pattern."""
    parsed = _PARSER.parse(pattern, flags)
    groupindex: dict[str, int] = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    code = array.array(_WORD, [int(word) for word in _COMPILER._code(parsed, flags)])
    return flags | parsed.state.flags, code.tobytes(), parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when this interpreter compiled it before."""
    flags = int(flags)
    table = _loaded()
    entry = table.get((pattern, flags))
    _STATE.used.add((pattern, flags))
    if entry is not None:
        with contextlib.suppress(Exception):  # code the engine refuses is compiled again below
            return _engine_pattern(pattern, entry)
    compiled = _RE_COMPILE(pattern, flags)
    if flags & re.DEBUG or not _USABLE:
        return compiled
    entry = _entry(pattern, flags)
    # Kept only when the engine builds the same pattern from it (`==` compares the flags and the code).
    built = _engine_pattern(pattern, entry)
    if built == compiled and built.groups == compiled.groups and built.groupindex == compiled.groupindex:
        table[pattern, flags] = entry
        if not _STATE.added:
            _STATE.added = True
            atexit.register(_write)
    return compiled


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
def cached_compiles() -> Iterator[None]:
    """While the normalizer's modules are imported, `re.compile` of a text pattern goes through the cache."""
    original = re.compile

    def compile_any(pattern: Any, flags: Any = 0) -> Any:
        if isinstance(pattern, str):
            return compile_cached(pattern, flags)
        return original(pattern, flags)

    setattr(re, "compile", compile_any)  # noqa: B010 (mypy refuses to assign to a module's function)
    try:
        yield
    finally:
        setattr(re, "compile", original)  # noqa: B010
