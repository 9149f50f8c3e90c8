"""Codec detection rules: signatures, BOMs, UTF-16/32 sniffing, chardet tie-breaks, mixed UTF-8."""

from __future__ import annotations

import codecs

import pytest

from ebookify.normalize.decode.decode import decode_bytes
from ebookify.normalize.decode.detect import binary_signature, bom_codec, guess_codec, sniff_utf16_32


def test_binary_signatures_are_named() -> None:
    assert binary_signature(b"\x89PNG\r\n\x1a\n....") == "PNG"
    assert binary_signature(b"PK\x03\x04\x14\x00") == "ZIP"
    assert binary_signature(b"%PDF-1.4") == "PDF"


def test_text_that_starts_like_a_signature_is_not_binary() -> None:
    assert binary_signature(b"PK is what they called him.") is None
    assert binary_signature(b"%PDF is a format; this is a story.") is None


def test_bom_codecs() -> None:
    assert bom_codec(codecs.BOM_UTF32_LE + b"a\x00\x00\x00") == ("utf-32-le", 4)
    assert bom_codec(codecs.BOM_UTF16_LE + b"a\x00") == ("utf-16-le", 2)
    assert bom_codec(codecs.BOM_UTF8 + b"a") == ("utf-8", 3)
    assert bom_codec(b"plain") is None


def test_sniffing_leaves_single_byte_text_and_mostly_zero_binary_alone() -> None:
    assert sniff_utf16_32(b"plain text " * 100) is None
    assert sniff_utf16_32(b"\x00" * 1000) is None
    assert sniff_utf16_32(b"Text with NUL\x00 inside." * 20) is None


def test_chardet_tie_prefers_windows_1252() -> None:
    data = ("Kakashi Hatake-sens\u00e9i stood in the rain.\n" * 4).encode("latin-1")
    assert guess_codec(data) == "cp1252"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Это тестовое предложение, посмотрим, распознается ли оно правильно.\n" * 4, "cp1251"),
        ("Это тестовое предложение, посмотрим, распознается ли оно правильно.\n" * 4, "koi8-r"),
        ("これはテストの文です。正しく認識されるかどうか見てみましょう。\n" * 4, "shift_jis"),
    ],
)
def test_non_western_legacy_encodings_still_decode(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec), "t").text == text


def test_accidental_utf8_pairs_in_cp1252_text_do_not_make_it_mixed() -> None:
    # "ß“" is DF 93 in Windows-1252, a valid UTF-8 pair by accident; the other accents are not.
    text = "Gr\u00fc\u00dfe aus der Stra\u00dfe \u201egro\u00df\u201c, sch\u00f6n und s\u00fc\u00df.\n" * 5
    decoded = decode_bytes(text.encode("cp1252"), "t")
    assert (decoded.encoding, decoded.text) == ("cp1252", text)


def test_byte_in_a_windows_1252_hole_does_not_turn_quotes_into_controls() -> None:
    # chardet answers Latin-1 here (1252 cannot decode 0x9D); the curly quotes must still be 1252's.
    text = "\u201cWe\u2019ll see,\u201d she said, na\u00efvely. " * 20
    decoded = decode_bytes(text.encode("cp1252") + b"\x9d\n", "t")
    assert decoded.encoding == "cp1252"
    assert decoded.text == text + "\n"
    assert "removed 1 undefined C1 control character" in decoded.repairs


@pytest.mark.parametrize(
    "line",
    [
        "«\u00a0Sí\u00a0», dijo él. «Adiós» — ¿Qué? ¡Olé!",  # chardet alone: Windows-1250
        "Voilà» et «déjà»",  # chardet alone: Thai (cp874), then ISO-8859-4
        "1920×1080 ÷ 2 = µs ¶ §3",  # chardet alone: Mac Greek, then Ukrainian DOS
    ],
)
def test_short_windows_1252_texts_are_not_misread(line: str) -> None:
    text = (line + "\n") * 3
    assert decode_bytes(text.encode("cp1252"), "t").text == text
