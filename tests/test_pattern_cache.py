"""The cache of compiled regular expressions: the patterns re.compile makes, ignored when not trusted."""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from ebookify.normalize import pattern_cache

PATTERN = r"^(?P<kw>chapter|book)\s+(?P<num>\d+|[ivx]+)(?:\.|:)?\s*(.*)$"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache in a temporary file; bytecode writing on."""
    path = tmp_path / "patterns"
    monkeypatch.setattr(pattern_cache, "cache_path", lambda: path)
    monkeypatch.setattr(pattern_cache, "_STATE", pattern_cache._State())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _next_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a new process started: the file is read again, and nothing may be compiled by re."""
    monkeypatch.setattr(pattern_cache, "_STATE", pattern_cache._State())

    class NoParser:
        def parse(self, *args: Any) -> Any:
            raise AssertionError("compiled instead of read from the cache")

    monkeypatch.setattr(pattern_cache, "_PARSER", NoParser())
    monkeypatch.setattr(pattern_cache, "_RE_COMPILE", NoParser().parse)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a == b
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (
        b.pattern,
        b.flags,
        b.groups,
        dict(b.groupindex),
    )
    match_a, match_b = a.match("book xii. The Escape"), b.match("book xii. The Escape")
    assert match_a and match_b and match_a.groupdict() == match_b.groupdict()
    assert match_a.groups() == match_b.groups()


def test_a_pattern_read_back_from_the_cache_is_the_one_re_compiles(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = pattern_cache.compile_cached(PATTERN, re.I)
    pattern_cache._write()
    assert cache.exists()
    _next_process(monkeypatch)
    again = pattern_cache.compile_cached(PATTERN, re.I)
    _same(again, re.compile(PATTERN, re.I))
    _same(again, first)


def test_nothing_is_written_when_bytecode_writing_is_off(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    pattern_cache.compile_cached(PATTERN)
    pattern_cache._write()
    assert not cache.exists()


def test_a_damaged_cache_is_ignored(cache: Path) -> None:
    cache.write_bytes(b"\x00 not marshal")
    _same(pattern_cache.compile_cached(PATTERN, re.I), re.compile(PATTERN, re.I))


def test_code_the_engine_refuses_is_compiled_again(cache: Path) -> None:
    flags, _, groups, groupindex, indexgroup = pattern_cache._entry(PATTERN, int(re.I))
    bad = (flags, b"\xff\xff\xff\x7f" * 4, groups, groupindex, indexgroup)
    cache.write_bytes(marshal.dumps((pattern_cache._INTERPRETER, {(PATTERN, int(re.I)): bad})))
    _same(pattern_cache.compile_cached(PATTERN, re.I), re.compile(PATTERN, re.I))


def test_another_interpreters_cache_is_not_read(cache: Path) -> None:
    other = ("2.7.18", *pattern_cache._INTERPRETER[1:])
    entry = pattern_cache._entry(r"other", 0)
    cache.write_bytes(marshal.dumps((other, {(PATTERN, 0): entry})))
    _same(pattern_cache.compile_cached(PATTERN), re.compile(PATTERN))


def test_re_compile_is_itself_again_after_the_imports() -> None:
    original = re.compile
    with pattern_cache.cached_compiles():
        assert re.compile is not original
        compiled = re.compile(PATTERN)
        assert re.compile(compiled) is compiled  # a compiled pattern passes through, as with re.compile
        assert re.compile(rb"\d+").match(b"12")  # bytes patterns are compiled by re itself
    assert re.compile is original
    _same(compiled, original(PATTERN))
