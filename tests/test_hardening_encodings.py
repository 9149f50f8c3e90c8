"""Hardening, encodings: UTF-16/32 with and without BOM, legacy code pages, broken and mixed UTF-8, binary."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from ebookify import DecodeError, load_story, make_book, normalize_bytes
from ebookify.normalize.decode.detect import guess_codec

from .epubcheck import check_many
from .hardening import assert_book_matches, assert_one_line_error, paragraphs, run_cli, story_bytes

LATIN = "Café crème at the façade, naïve déjà vu in Zürich, señor."
# Each case: the middle paragraph, the codec it is written in, and the codec the decoder must find.
CASES = {
    "utf16le-nobom": (LATIN, "utf-16-le", "utf-16-le"),
    "utf16be-nobom": (LATIN, "utf-16-be", "utf-16-be"),
    "utf16-bom": (LATIN, "utf-16", "utf-16-le"),
    "utf16be-bom": (LATIN, "utf-16-be", "utf-16-be"),
    "utf32-bom": (LATIN, "utf-32", "utf-32-le"),
    "utf32le-nobom": (LATIN, "utf-32-le", "utf-32-le"),
    "utf32be-nobom": (LATIN, "utf-32-be", "utf-32-be"),
    "macroman": (LATIN + " Straße, Ärger über Köln.", "mac-roman", "mac-roman"),
    "cp437": ("Café crème at the façade, naïve señor in Zürich.", "cp437", "cp437"),
    "cp1251": ("Привет, мир! Как дела у тебя сегодня, мой старый друг?", "cp1251", "cp1251"),
    "cp1252": (LATIN + " Smart “quotes” – and an ellipsis…", "cp1252", "cp1252"),
}


def _encoded(name: str) -> bytes:
    middle, codec, _ = CASES[name]
    data = story_bytes(middle, codec)
    if codec == "utf-16-be" and name.endswith("-bom"):
        data = b"\xfe\xff" + data
    return data


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_encoding_is_read_back_exactly(name: str) -> None:
    middle, _, expected = CASES[name]
    story = normalize_bytes(_encoded(name), f"{name}.txt")
    assert story.encoding == expected
    assert paragraphs(story)[1] == middle
    assert story.metadata.title == "Odd Input" and story.metadata.authors == ("Test Writer",)


def test_a_short_dos_text_is_not_read_as_windows_1252() -> None:
    # Five accented letters are too few for statistics, but cp1252 puts them inside words as symbols.
    data = "Café crème at the façade, naïve señor.".encode("cp437")
    assert guess_codec(data) == "cp437"
    # Leave alone: a short cp1252 text with curly quotes and an acute accent as an apostrophe stays cp1252.
    assert guess_codec("Don´t say “that” – ever… señor.".encode("cp1252")) == "cp1252"


def test_invalid_utf8_is_replaced_and_listed() -> None:
    data = story_bytes("Naïve café.").replace(b"\xc3\xa9", b"\xc3(")  # é cut in half
    story = normalize_bytes(data, "broken.txt")
    texts = paragraphs(story)
    assert texts[0].startswith("The first paragraph") and texts[2].startswith("The last paragraph")
    assert "Naïve caf" in texts[1]
    assert story.repairs  # whatever was read differently is listed


def test_half_utf8_half_windows_1252_reads_both_halves() -> None:
    data = story_bytes("Naïve café in UTF-8.") + "\nA “quoted” line in Windows-1252.\n".encode("cp1252")
    story = normalize_bytes(data, "half.txt")
    texts = paragraphs(story)
    assert "Naïve café in UTF-8." in texts
    assert "A “quoted” line in Windows-1252." in texts
    assert any("cp1252" in repair for repair in story.repairs)


def test_a_lone_surrogate_in_utf16_is_replaced_and_listed() -> None:
    # "§" stands in for the high surrogate D800, which no encoder writes on its own.
    data = b"\xff\xfe" + story_bytes("A § B.", "utf-16-le").replace("§".encode("utf-16-le"), b"\x00\xd8")
    story = normalize_bytes(data, "surrogate.txt")
    assert paragraphs(story)[1].startswith("A ")
    assert paragraphs(story)[1].endswith(" B.")
    assert any("replaced" in repair for repair in story.repairs)


@pytest.mark.parametrize("kind", ["random", "png-renamed", "elf-renamed", "zeros"])
def test_a_binary_file_renamed_txt_is_one_clear_error(tmp_path: Path, kind: str) -> None:
    data = {
        "random": random.Random(9).randbytes(20_000),
        "png-renamed": b"\x89PNG\r\n\x1a\n" + os.urandom(200),
        "elf-renamed": b"\x7fELF\x02\x01\x01" + bytes(300),
        "zeros": bytes(5000),
    }[kind]
    source = tmp_path / f"{kind}.txt"
    source.write_bytes(data)
    target = tmp_path / "out.epub"
    assert_one_line_error(run_cli([str(source), "-o", str(target)]), f"{kind}.txt")
    assert not target.exists()
    with pytest.raises(DecodeError):
        load_story(source)


@pytest.mark.slow
def test_every_encoding_makes_a_valid_book_through_the_cli(tmp_path: Path) -> None:
    # One anthology of every case: one EPUBCheck run (a JVM start costs seconds) covers them all.
    sources = []
    for name in sorted(CASES):
        sources.append(tmp_path / f"{name}.txt")
        sources[-1].write_bytes(_encoded(name))
    target = tmp_path / "encodings.epub"
    result = run_cli([*map(str, sources), "-o", str(target), "--title", "Encodings", "-q"])
    assert result.code == 0 and result.err == "", result
    book = make_book([load_story(s) for s in sources], title="Encodings")
    assert_book_matches(target, book)
    assert check_many([target]) == {target: []}


def test_a_short_text_with_a_stray_control_is_text_not_binary() -> None:
    # Leave alone: one ^Z in a 20-character story is 5% junk, but it is damage, not binary data.
    story = normalize_bytes(b"Title: \x1a < 1\n\nHello there.", "short.txt")
    assert paragraphs(story) == ["Hello there."]
    assert "removed 1 control character" in story.repairs
    # Catch: many controls in a short file are binary data.
    with pytest.raises(DecodeError, match="does not look like a text file"):
        normalize_bytes(b"ab\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f cd", "controls.txt")
