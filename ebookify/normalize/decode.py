"""Bytes to clean Unicode text: encoding detection, repairs, line endings."""

from __future__ import annotations

from dataclasses import dataclass

from ebookify.errors import DecodeError, InputError


@dataclass(frozen=True)
class DecodedText:
    """Decoded text with "\\n" line ends, the codec used and the repairs made."""

    text: str
    encoding: str
    repairs: tuple[str, ...] = ()


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> DecodedText:
    """Decode the bytes of the file `name` (skeleton: UTF-8 only)."""
    try:
        text = data.decode(encoding or "utf-8")
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"{name} does not look like a text file") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"no text in {name}")
    return DecodedText(text, encoding or "utf-8")
