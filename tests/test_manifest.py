"""Anthology manifests: a complete example builds, and every error names the line and the key."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ebookify.cli import main
from ebookify.errors import OptionsError
from ebookify.manifest import read_manifest

from .conftest import DATA

EXAMPLE = Path(__file__).parent.parent / "examples" / "anthology.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "book.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_manifest_reads(tmp_path: Path) -> None:
    manifest = read_manifest(EXAMPLE)
    assert manifest.title == "Team 7: Two Stories"
    assert manifest.editor == "The ebookify team"
    assert manifest.formats == ("epub", "pdf")
    assert [e.path.name for e in manifest.stories] == ["goodbye-my-almost-lover.txt", "change-of-plans.txt"]
    assert manifest.stories[1].overrides.authors == ("Unknown author",)
    assert all(e.path.is_file() for e in manifest.stories)
    assert manifest.output_path("pdf") == EXAMPLE.parent / "team-7.pdf"


def test_unknown_key_names_line_and_key(tmp_path: Path) -> None:
    path = write(
        tmp_path, 'title = "T"\n\n[[stories]]\npath = "a.txt"\n\n[[stories]]\npath = "b.txt"\ntitel = "x"\n'
    )
    with pytest.raises(OptionsError, match=r"line 8: unknown key 'titel'"):
        read_manifest(path)


def test_wrong_type_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'title = "T"\nseries_index = "one"\n[[stories]]\npath = "a.txt"\n')
    with pytest.raises(OptionsError, match=r"line 2: 'series_index' has the wrong type"):
        read_manifest(path)


def test_missing_path_names_the_story(tmp_path: Path) -> None:
    path = write(tmp_path, 'title = "T"\n[[stories]]\npath = "a.txt"\n[[stories]]\ntitle = "x"\n')
    with pytest.raises(OptionsError, match=r"stories\[1\], line 4: missing key 'path'"):
        read_manifest(path)


def test_bad_toml_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'title = "T"\nformats = [epub]\n')
    with pytest.raises(OptionsError, match=r"invalid TOML: .*line 2"):
        read_manifest(path)


def test_unknown_format(tmp_path: Path) -> None:
    path = write(tmp_path, 'formats = ["epub", "mobi"]\n[[stories]]\npath = "a.txt"\n')
    with pytest.raises(OptionsError, match=r"line 1: unknown format 'mobi'"):
        read_manifest(path)


def test_no_stories(tmp_path: Path) -> None:
    with pytest.raises(OptionsError, match="no stories"):
        read_manifest(write(tmp_path, 'title = "T"\n'))


def test_build_command_writes_each_format(tmp_path: Path) -> None:
    for name in ("goodbye-my-almost-lover.txt", "change-of-plans.txt"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    path = write(
        tmp_path,
        'title = "Pair"\neditor = "Ed"\nformats = ["epub"]\noutput = "pair"\n'
        '[[stories]]\npath = "change-of-plans.txt"\ntitle = "Renamed"\nauthor = "A. Writer"\n'
        '[[stories]]\npath = "goodbye-my-almost-lover.txt"\n',
    )
    assert main(["build", str(path), "-q"]) == 0
    opf = zipfile.ZipFile(tmp_path / "pair.epub").read("EPUB/content.opf").decode()
    assert "<dc:title>Pair</dc:title>" in opf
    assert ">A. Writer</dc:creator>" in opf
    nav = zipfile.ZipFile(tmp_path / "pair.epub").read("EPUB/nav.xhtml").decode()
    assert nav.index("Renamed") < nav.index("Goodbye, my almost lover")


def test_build_reports_manifest_error_as_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, 'title = "T"\nbogus = 1\n[[stories]]\npath = "a.txt"\n')
    assert main(["build", str(path)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 2" in err and "bogus" in err
