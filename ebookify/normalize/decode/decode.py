"""Bytes to clean Unicode text: encoding detection, repairs, line endings."""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from ebookify.errors import DecodeError, InputError, OptionsError
from ebookify.normalize.decode.cleanup import (
    CLEANUP_STEPS,
    class_count,
    latin1_members,
    needs_cleanup,
    normalize_line_endings,
    normalize_nfc,
    plural,
    remove_noncharacters,
)
from ebookify.normalize.decode.detect import (
    binary_signature,
    bom_codec,
    decode_leniently,
    guess_codec,
    sniff_utf16_32,
)
from ebookify.normalize.decode.mixed import decode_mixed
from ebookify.normalize.decode.mojibake import repair_mojibake

log = logging.getLogger("ebookify")


@dataclass(frozen=True)
class DecodedText:
    """Decoded text with "\\n" line ends, the codec used and the repairs made."""

    text: str
    encoding: str
    repairs: tuple[str, ...] = ()


# Characters no text file holds in quantity: C0 controls other than tab/line/page breaks, DEL, U+FFFD.
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_LATIN1_JUNK = latin1_members(_JUNK)
# Real text (even with a few stray NULs or escape codes) stays well under this share of junk characters;
# binary data and noise decoded as text are far above it (random bytes: about 11% C0 controls).
_JUNK_RATIO = 0.05
# A short story with a few stray controls (a pasted ^Z, one escape code) is damaged text, not binary data:
# below this count the controls are removed and listed instead.
_MIN_JUNK = 8


def _utf8_or_mixed(data: bytes) -> tuple[str, str, list[str]] | None:
    """Strict UTF-8, or UTF-8 with some lines in a legacy codec; None when the file is not UTF-8."""
    try:
        return data.decode("utf-8"), "ascii" if data.isascii() else "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data)
    if mixed is None:
        return None
    repairs = [f"read {plural(mixed.other_lines, 'non-UTF-8 line')} as {mixed.other_codec}"]
    replaced = mixed.text.count("\ufffd") - data.count("\ufffd".encode())
    if replaced > 0:
        repairs.append(f"replaced {plural(replaced, 'undecodable byte')} with \ufffd")
    return mixed.text, "utf-8", repairs


def _decode_with(data: bytes, codec: str) -> tuple[str, list[str]]:
    """Decode with `codec`, replacing bytes it cannot decode (the junk check rejects noise)."""
    try:
        return data.decode(codec), []
    except UnicodeDecodeError:
        text = decode_leniently(data, codec)
        replaced = text.count("\ufffd")
        return text, [f"replaced {plural(replaced, 'undecodable byte')} with \ufffd"] if replaced > 0 else []


def _decode_detected(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Detection order: byte-order mark, UTF-16/32 by zero bytes, UTF-8 (or mixed), chardet."""
    bom = bom_codec(data)
    if bom:
        codec, length = bom
        # A UTF-8 file with a BOM can still have lines pasted from a Windows-1252 one.
        utf8 = _utf8_or_mixed(data[length:]) if codec == "utf-8" else None
        text, notes = (utf8[0], utf8[2]) if utf8 else _decode_with(data[length:], codec)
        return text, codec, ["removed byte-order mark", *notes]
    wide = sniff_utf16_32(data)
    if wide:
        text, notes = _decode_with(data, wide)
        return text, wide, notes
    utf8 = _utf8_or_mixed(data)
    if utf8:
        return utf8
    guessed = guess_codec(data)
    if guessed is None:
        raise DecodeError(f"{name} does not look like a text file")
    text, notes = _decode_with(data, guessed)
    return text, guessed, notes


def _decode_explicit(data: bytes, name: str, encoding: str) -> tuple[str, str, list[str]]:
    """Decode strictly with the codec the user named."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise OptionsError(f"unknown encoding {encoding!r}") from None
    try:
        text = data.decode(codec)
    except LookupError:  # a bytes-to-bytes codec such as base64 or zlib
        raise OptionsError(f"{encoding!r} is not a text encoding") from None
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise DecodeError(f"{name} is not {encoding} text (byte 0x{bad:02x} at offset {exc.start})") from None
    return text, codec, []


def _check_looks_like_text(text: str, name: str) -> None:
    """Refuse binary data and noise: too many characters that text does not contain."""
    junk = class_count(text, _JUNK, _LATIN1_JUNK)
    if junk >= _MIN_JUNK and junk > _JUNK_RATIO * len(text):
        log.debug("%s: %d junk characters in %d", name, junk, len(text))
        raise DecodeError(f"{name} does not look like a text file")


def repair_text(text: str) -> tuple[str, list[str]]:
    """Line endings, mojibake, then character cleanup; the clean text and the repairs made."""
    text, repairs = normalize_line_endings(text)
    # Most texts hold no character the cleanup acts on: one scan tells, and spares them its steps' scans.
    # A mojibake repair may bring such characters (a no-break space): then the steps after it run.
    needed = needs_cleanup(text)
    if needed:
        # Noncharacters go first: the mojibake repair uses one as a placeholder.
        text, more = remove_noncharacters(text)
        repairs += more
    unrepaired = text
    text, more = repair_mojibake(text)
    repairs += more
    for step in CLEANUP_STEPS if needed or text != unrepaired else (normalize_nfc,):
        text, more = step(text)
        repairs += more
    return text, repairs


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> DecodedText:
    """Decode the bytes of the file `name` into clean text, recording the codec and the repairs."""
    if binary_signature(data):
        raise DecodeError(f"{name} does not look like a text file")
    if encoding:
        text, codec, notes = _decode_explicit(data, name, encoding)
    else:
        text, codec, notes = _decode_detected(data, name)
    _check_looks_like_text(text, name)
    text, repairs = repair_text(text)
    if not any(char.isprintable() and not char.isspace() for char in text):
        raise InputError(f"no text in {name}")
    log.debug("%s: decoded as %s; repairs: %s", name, codec, repairs)
    return DecodedText(text, codec, tuple(notes + repairs))
