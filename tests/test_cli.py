"""The command line: help, version, errors as one line, inspect's JSON shape, CLI == library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ebookify import load_story, make_book, write_epub
from ebookify.cli import main

from .conftest import DATA

GOODBYE = DATA / "goodbye-my-almost-lover.txt"


def test_help_teaches_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "ebookify inspect" in out and "--format" in out and "examples:" in out


def test_inspect_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["inspect", "--help"])
    assert "--json" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("ebookify ")


def test_missing_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main([str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.epub")])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and "nope.txt" in err and "Traceback" not in err
    assert not (tmp_path / "x.epub").exists()


def test_directory_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) != 0
    assert "directory" in capsys.readouterr().err


def test_inspect_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--json", str(GOODBYE)]) == 0
    doc = json.loads(capsys.readouterr().out)
    story = doc["stories"][0]
    assert {"source", "encoding", "repairs", "metadata", "front_notes", "end_notes", "chapters"} <= set(story)
    meta = story["metadata"]
    for key in ("title", "authors", "language", "summary", "rating", "genres", "pairings", "fandoms"):
        assert key in meta
    assert meta["fields"]["Rating"] == "T"
    block = story["chapters"][0]["blocks"][0]
    assert block["type"] == "paragraph"
    assert block["spans"][0]["style"] in ("plain", "thought", "emphasis", "strong")


def test_default_output_is_epub_next_to_input(tmp_path: Path) -> None:
    source = tmp_path / "my story.txt"
    source.write_bytes(GOODBYE.read_bytes())
    assert main([str(source), "-q"]) == 0
    assert (tmp_path / "my story.epub").is_file()


def test_format_from_extension(tmp_path: Path) -> None:
    assert main([str(GOODBYE), "-o", str(tmp_path / "b.pdf"), "-q"]) == 0
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")


def test_cli_and_library_make_the_same_book(tmp_path: Path) -> None:
    assert main([str(GOODBYE), "-o", str(tmp_path / "cli.epub"), "-q"]) == 0
    write_epub(make_book([load_story(GOODBYE)]), tmp_path / "lib.epub")
    assert (tmp_path / "cli.epub").read_bytes() == (tmp_path / "lib.epub").read_bytes()


def test_title_and_author_flags_win(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.epub"
    assert main([str(GOODBYE), "-o", str(out), "--title", "Other", "--author", "Me", "-q"]) == 0
    import zipfile

    opf = zipfile.ZipFile(out).read("EPUB/content.opf").decode()
    assert "<dc:title>Other</dc:title>" in opf and ">Me</dc:creator>" in opf
