"""Property: any bytes decode to clean text or raise the project's input errors, never anything else."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ebookify.errors import DecodeError, InputError
from ebookify.normalize.decode.decode import decode_bytes

_CODECS = ["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "mac-roman", "cp1251", "shift_jis"]


def _is_clean(text: str) -> bool:
    """No control characters but tab/newline, no surrogates or noncharacters, NFC, some visible text."""
    for char in set(text):
        category = unicodedata.category(char)
        if category == "Cc" and char not in "\n\t":
            return False
        if category == "Cs" or 0xFDD0 <= ord(char) <= 0xFDEF or (ord(char) & 0xFFFE) == 0xFFFE:
            return False
    return unicodedata.is_normalized("NFC", text) and any(c.isprintable() and not c.isspace() for c in text)


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    """Text (any characters, controls included) encoded in some codec, possibly with damage appended."""
    codec = draw(st.sampled_from(_CODECS))
    data = draw(st.text()).encode(codec, errors="replace")
    return data + draw(st.binary(max_size=8))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=400), encoded_text()))
@example(b"\xe2\x80")
@example(b"\xef\xbf\xbe\xef\xb7\x90")
@example(b"\xff\xfe\x00\xd8a\x00")
@example(b"\xed\xa0\x80abc")
@example("\u202e\u3000\u00a0\r\x85".encode())
def test_any_bytes_decode_cleanly_or_raise_input_errors(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "any.txt")
    except (DecodeError, InputError) as error:
        assert "any.txt" in str(error) and "\n" not in str(error)
        return
    assert _is_clean(decoded.text), repr(decoded.text)
    assert "\r" not in decoded.text
    assert decoded.encoding
