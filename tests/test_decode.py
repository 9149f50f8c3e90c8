"""decode_bytes on real inputs: the corpus variants, Gutenberg novels, 5 MB files and bad input."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import chardet
import pytest

from ebookify.errors import DecodeError, InputError, OptionsError
from ebookify.normalize.decode import detect
from ebookify.normalize.decode.decode import decode_bytes, repair_text

from .conftest import DATA

GOODBYE = DATA / "goodbye-my-almost-lover.txt"
CHANGE = DATA / "change-of-plans.txt"
VARIANTS = DATA / "variants"
# Typographic characters the variants added (a word processor's smart quotes) mapped back to plain ones.
_PLAIN = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"}
)


def words(text: str) -> list[str]:
    """The words of a text in order, ignoring quote style, dashes, case and line breaks."""
    return re.findall(r"\w+", text.translate(_PLAIN).replace("\u2026", "...").lower())


def decode_file(path: Path) -> str:
    return decode_bytes(path.read_bytes(), path.name).text


def clean_source(variant: Path) -> str:
    """The clean story a variant was made from, with the variants' deliberate additions applied."""
    source = GOODBYE if variant.name.startswith("goodbye") else CHANGE
    text = source.read_text(encoding="utf-8")
    if variant.name == "goodbye.latin1-cr.txt":
        # This variant adds an accented name after the first "Kakashi" on purpose (see make_variants.py).
        text = text.replace("Kakashi", "Kakashi Hatake-senséi", 1)
    return text


@pytest.mark.parametrize("variant", sorted(VARIANTS.glob("*.txt")), ids=lambda p: p.name)
def test_variant_has_the_words_of_its_clean_source(variant: Path) -> None:
    text = decode_file(variant)
    assert words(text) == words(clean_source(variant))
    assert "\r" not in text and "\ufffd" not in text and "\ufeff" not in text


def test_accented_name_in_latin1_variant_is_read_right() -> None:
    decoded = decode_bytes((VARIANTS / "goodbye.latin1-cr.txt").read_bytes(), "v")
    assert "Kakashi Hatake-senséi" in decoded.text
    assert "CR line endings" in decoded.repairs


def test_cp1252_variant_keeps_curly_quotes() -> None:
    decoded = decode_bytes((VARIANTS / "change-of-plans.cp1252-crlf.txt").read_bytes(), "v")
    assert decoded.encoding == "cp1252"
    assert "\u201c" in decoded.text and "\u2019" in decoded.text
    assert "CRLF line endings" in decoded.repairs


def test_mojibake_variant_recovers_every_closing_quote() -> None:
    decoded = decode_bytes((VARIANTS / "goodbye.mojibake.txt").read_bytes(), "v")
    text = decoded.text
    assert "â€" not in text and "\ufffd" not in text
    assert text.count("\u201d") == text.count("\u201c") == 13
    assert "\u201cSasuke\u2026\u201d Naruto growled" in text
    assert "fixed 62 mojibake sequences" in decoded.repairs
    assert any(r.startswith("recovered 13 ") for r in decoded.repairs)


def test_utf8_bom_file_with_a_windows_1252_line() -> None:
    yes, no = "\u201cYes,\u201d she said.\n" * 5, "Caf\u00e9 \u201cno\u201d.\n"
    decoded = decode_bytes(b"\xef\xbb\xbf" + yes.encode() + no.encode("cp1252"), "t")
    assert decoded.text == yes + no
    assert decoded.repairs == ("removed byte-order mark", "read 1 non-UTF-8 line as cp1252")


def test_utf16_and_bom_variants_name_their_codec() -> None:
    assert decode_bytes((VARIANTS / "goodbye.utf16.txt").read_bytes(), "v").encoding == "utf-16-le"
    bom = decode_bytes((VARIANTS / "change-of-plans.wrapped-bom.txt").read_bytes(), "v")
    assert bom.encoding == "utf-8" and not bom.text.startswith("\ufeff")


@pytest.mark.parametrize("source", [GOODBYE, CHANGE], ids=lambda p: p.name)
def test_clean_corpus_comes_out_unchanged(source: Path) -> None:
    decoded = decode_bytes(source.read_bytes(), source.name)
    assert decoded.text == source.read_text(encoding="utf-8")
    assert decoded.repairs == ()


@pytest.mark.parametrize("novel", sorted((DATA / "gutenberg").glob("*-8.txt")), ids=lambda p: p.name)
def test_gutenberg_latin1_novels_are_unchanged_apart_from_line_endings(novel: Path) -> None:
    data = novel.read_bytes()
    decoded = decode_bytes(data, novel.name)
    assert decoded.text == data.decode("latin-1").replace("\r\n", "\n")
    assert decoded.repairs == ("CRLF line endings",)


def test_katrine_accents() -> None:
    text = decode_file(DATA / "gutenberg" / "katrine-14263-8.txt")
    assert "DÉBUT" in text and "DÃ" not in text


# --- 5 MB files (generated here; not committed) ---

_ASCII_LINE = "The ship sailed at dawn and nobody on the quay said a word about it.\r\n"
_CURLY_LINE = "\u201cWe\u2019ll see,\u201d she said \u2014 and that was the end of it, caf\u00e9 and all.\r\n"


def test_ascii_for_4mb_then_cp1252_quotes() -> None:
    head = (_ASCII_LINE * (4_000_000 // len(_ASCII_LINE) + 1)).encode("ascii")
    tail = (_CURLY_LINE * (1_000_000 // len(_CURLY_LINE))).encode("cp1252")
    decoded = decode_bytes(head + tail, "big.txt")
    assert decoded.encoding == "cp1252"
    assert decoded.text.endswith(_CURLY_LINE.replace("\r\n", "\n"))
    assert decoded.text.count("\u201d") == len(tail) // len(_CURLY_LINE.encode("cp1252"))


def test_half_utf8_half_cp1252() -> None:
    half = _CURLY_LINE * (2_500_000 // len(_CURLY_LINE))
    decoded = decode_bytes(half.encode("utf-8") + half.encode("cp1252"), "mixed.txt")
    assert decoded.text == (half + half).replace("\r\n", "\n")
    assert f"read {half.count(chr(10))} non-UTF-8 lines as cp1252" in decoded.repairs


def test_mixed_file_says_what_it_could_not_read() -> None:
    utf8 = ("\u201cOne\u201d and \u201ctwo\u201d.\n" * 20).encode("utf-8")
    decoded = decode_bytes(utf8 + b"Caf\xe9 society, \x81 the end.\n", "mixed.txt")
    assert decoded.text.endswith("\u201ctwo\u201d.\nCafé society,  the end.\n")
    assert decoded.repairs == ("read 1 non-UTF-8 line as cp1252", "removed 1 undefined C1 control character")


def test_chardet_sees_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = chardet.detect_all

    def spy(data: bytes, **kwargs: Any) -> Any:
        seen.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(chardet, "detect_all", spy)
    head = b"plain ascii text line\n" * 250_000
    decoded = decode_bytes(
        head + ("na\u00efve cr\u00e8me br\u00fbl\u00e9e\n" * 200).encode("cp1252"), "late.txt"
    )
    assert decoded.encoding == "cp1252" and decoded.text.endswith("na\u00efve cr\u00e8me br\u00fbl\u00e9e\n")
    assert seen and max(seen) <= detect.SAMPLE_BYTES + 1000


def test_sample_includes_late_non_ascii_bytes() -> None:
    data = b"a" * 5_000_000 + b" caf\xe9 " + b"b" * 1000
    sample = detect.chardet_sample(data)
    assert len(sample) <= detect.SAMPLE_BYTES + 1000 and b"caf\xe9" in sample
    assert detect.chardet_sample(b"small \xe9") == b"small \xe9"


# --- encodings that need a tie-break or no BOM ---


def test_short_text_with_one_accent_prefers_windows_1252_on_a_tie() -> None:
    text = "Kakashi Hatake-sens\u00e9i walked in the rain and said nothing at all.\n" * 3
    assert decode_bytes(text.encode("latin-1"), "t").text == text


def test_utf16_without_bom_is_sniffed() -> None:
    text = "Plain story text, twice over.\n" * 20
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        decoded = decode_bytes(text.encode(codec), "t")
        assert (decoded.encoding, decoded.text) == (codec, text)


def test_explicit_encoding_overrides_detection() -> None:
    data = "na\u00efve \u00e7a\n".encode("cp1252")
    assert decode_bytes(data, "t", encoding="mac-roman").text == data.decode("mac-roman")
    assert decode_bytes(data, "t", encoding="mac-roman").encoding == "mac-roman"


def test_explicit_encoding_errors_are_one_line() -> None:
    with pytest.raises(OptionsError, match="unknown encoding 'klingon'"):
        decode_bytes(b"text", "t", encoding="klingon")
    with pytest.raises(OptionsError, match="'base64' is not a text encoding"):
        decode_bytes(b"dGV4dA==", "t", encoding="base64")
    with pytest.raises(DecodeError, match=r"^t is not utf-8 text \(byte 0xe9 at offset 3\)$"):
        decode_bytes(b"caf\xe9", "t", encoding="utf-8")


# --- bad input ---


BLANK = [b"", b"   \r\n\t \n", b"\xef\xbb\xbf", "\u00a0\u3000\n".encode(), b"\xff\xfe", "\u200b\n".encode()]


@pytest.mark.parametrize("data", BLANK)
def test_empty_or_blank_input_has_no_text(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^no text in story\.txt$"):
        decode_bytes(data, "story.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
        b"PK\x03\x04\x14\x00\x00\x00mimetypeapplication/epub+zip",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        b"text\x00\x00\x00\x00with\x00\x00\x00\x00\x00\x00nuls" * 50,
        bytes((i * 7919 + 13) % 256 for i in range(20_000)),
        bytes(128 + (i * 7919 + 13) % 128 for i in range(20_000)),
    ],
    ids=["png", "epub", "pdf", "doc", "nul-heavy", "noise", "high-byte-noise"],
)
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^pic\.txt does not look like a text file$"):
        decode_bytes(data, "pic.txt")


def test_a_few_stray_controls_are_removed_not_refused() -> None:
    line = "A story with one stray NUL\x00 and an escape\x1b in it, and otherwise plain, ordinary prose."
    text = (line + "\n") * 5
    decoded = decode_bytes(text.encode(), "t")
    assert "\x00" not in decoded.text and "\x1b" not in decoded.text
    assert "removed 10 control characters" in decoded.repairs


def test_a_character_brought_by_a_mojibake_repair_is_still_cleaned() -> None:
    # Nothing for the cleanup before the repair; the repaired U+202E is an unclosed bidi control.
    text, repairs = repair_text("It was written \u00e2\u20ac\u00aebackwards on the wall, he said.")
    assert text == "It was written backwards on the wall, he said."
    assert repairs == ["fixed 1 mojibake sequence", "removed 1 unclosed bidi control"]
