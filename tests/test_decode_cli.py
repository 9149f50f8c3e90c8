"""Bad input through the command line: one line on stderr naming the file, non-zero exit, no output file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ebookify.cli import main

from .conftest import DATA


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "does not look like a text file"),
        (b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/epub+zip", "does not look like a text file"),
        (b"  \r\n\r\n\t", "no text in"),
    ],
    ids=["png", "epub", "blank"],
)
def test_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    bad = tmp_path / "story.txt"
    bad.write_bytes(content)
    out = tmp_path / "book.epub"
    assert main([str(bad), "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and str(bad) in err and "Traceback" not in err
    assert not out.exists()


def test_anthology_names_the_offending_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(DATA / "goodbye-my-almost-lover.txt", good)
    bad = tmp_path / "cover.txt"
    bad.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200))
    out = tmp_path / "anthology.epub"
    assert main([str(good), str(bad), "-o", str(out), "--quiet"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].endswith(f"{bad} does not look like a text file")
    assert not out.exists()


def test_inspect_json_reports_encoding_and_repairs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--json", str(DATA / "variants" / "goodbye.mojibake.txt")]) == 0
    story = json.loads(capsys.readouterr().out)["stories"][0]
    assert story["encoding"] == "utf-8"
    assert "fixed 62 mojibake sequences" in story["repairs"]


def test_encoding_flag_overrides_detection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mac.txt"
    source.write_bytes("Caf\u00e9 society, na\u00efve and all.\n".encode("mac-roman"))
    assert main(["inspect", "--json", "--encoding", "mac-roman", str(source)]) == 0
    story = json.loads(capsys.readouterr().out)["stories"][0]
    assert story["encoding"] == "mac-roman"
    assert "Caf\u00e9 society" in json.dumps(story, ensure_ascii=False)
