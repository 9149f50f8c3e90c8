"""The cache of dataclasses' generated code: the methods `exec` compiles, ignored when not trusted."""

from __future__ import annotations

import dataclasses
import marshal
import sys
from pathlib import Path
from typing import Any

import pytest

from ebookify import dataclass_cache

METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache in a temporary file; bytecode writing on."""
    path = tmp_path / "dataclasses"
    monkeypatch.setattr(dataclass_cache, "cache_path", lambda: path)
    monkeypatch.setattr(dataclass_cache, "_STATE", dataclass_cache._State())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _next_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a new process started: the file is read again, and nothing may be compiled."""
    monkeypatch.setattr(dataclass_cache, "_STATE", dataclass_cache._State())

    def no_compile(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("compiled instead of read from the cache")

    monkeypatch.setattr(dataclass_cache, "compile", no_compile, raising=False)


def _sample() -> type:
    """A frozen dataclass with defaults, made anew on each call (as a module import makes it)."""

    @dataclasses.dataclass(frozen=True)
    class Sample:
        name: str
        count: int = 0
        tags: tuple[str, ...] = ()

    return Sample


def _same_methods(a: type, b: type) -> None:
    for method in METHODS:
        code_a, code_b = getattr(a, method).__code__, getattr(b, method).__code__
        assert code_a == code_b
        assert getattr(a, method).__annotations__ == getattr(b, method).__annotations__
    assert a("x", 2) == a("x", 2) != a("y")
    assert repr(a("x", 2)) == repr(b("x", 2)) == "_sample.<locals>.Sample(name='x', count=2, tags=())"
    with pytest.raises(dataclasses.FrozenInstanceError):
        a("x").count = 3


def test_methods_read_back_from_the_cache_are_the_ones_exec_compiles(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _sample()
    with dataclass_cache.cached_dataclass_code():
        first = _sample()
    dataclass_cache._write()
    assert cache.exists()
    _next_process(monkeypatch)
    with dataclass_cache.cached_dataclass_code():
        again = _sample()
    _same_methods(again, plain)
    _same_methods(first, plain)


def test_this_modules_future_flags_stay_out_of_the_generated_code(cache: Path) -> None:
    # Compiled with `annotations` from this module, `-> None` would be kept as the string "_return_type".
    with dataclass_cache.cached_dataclass_code():
        sample = _sample()
    assert sample.__init__.__annotations__["return"] is None  # type: ignore[misc]


def test_nothing_is_written_when_bytecode_writing_is_off(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    with dataclass_cache.cached_dataclass_code():
        _sample()
    dataclass_cache._write()
    assert not cache.exists()


def test_a_damaged_cache_is_ignored(cache: Path) -> None:
    cache.write_bytes(b"\x00 not marshal")
    with dataclass_cache.cached_dataclass_code():
        _same_methods(_sample(), _sample())


def test_another_interpreters_cache_is_not_read(cache: Path) -> None:
    other = ("2.7.18", *dataclass_cache._INTERPRETER[1:])
    cache.write_bytes(marshal.dumps((other, {"def __create_fn__():\n return 1": compile("2", "", "eval")})))
    assert dataclass_cache._read(cache) == {}


def test_exec_is_the_builtin_again_after_the_imports() -> None:
    with dataclass_cache.cached_dataclass_code():
        assert vars(dataclasses)["exec"] is dataclass_cache._exec
        with dataclass_cache.cached_dataclass_code():
            pass
        assert vars(dataclasses)["exec"] is dataclass_cache._exec
    assert "exec" not in vars(dataclasses)
