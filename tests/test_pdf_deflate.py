"""Deflate through libdeflate when the system has it, zlib otherwise: the same data read back."""

from __future__ import annotations

import ctypes
import ctypes.util
import zlib

import pytest

from ebookify.render.pdf import deflate


def test_compressed_data_inflate_to_the_same_bytes() -> None:
    data = b"BT /F1 12 Tf [(a line of text)-11.071428571428571( )-10(more)] TJ ET\n" * 200
    packed = deflate.compress(data)
    assert zlib.decompress(packed) == data
    assert len(packed) <= len(zlib.compress(data, 9))


def test_without_the_library_zlib_compresses(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise OSError(name)

    deflate._compressor.cache_clear()
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(ctypes, "CDLL", missing)
    try:
        assert deflate.compress(b"abc" * 100) == zlib.compress(b"abc" * 100, 9)
    finally:
        deflate._compressor.cache_clear()
