"""Anthology manifests: a complete example builds, and every error names the line and the key."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from ebookify.cli import main
from ebookify.errors import OptionsError
from ebookify.manifest import read_manifest

from .conftest import DATA
from .hardening import assert_one_line_error, run_cli

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


# Confinement: a manifest from someone else reads and writes only inside its own folder.


def _book(tmp_path: Path, extra: str = "", story: str = "stories/a.txt") -> Path:
    folder = tmp_path / "book"
    (folder / "stories").mkdir(parents=True)
    (folder / "stories" / "a.txt").write_bytes((DATA / "change-of-plans.txt").read_bytes())
    path = folder / "book.toml"
    path.write_text(f'title = "T"\n{extra}\n[[stories]]\npath = "{story}"\n', encoding="utf-8")
    return path


def test_a_story_inside_the_folder_is_read(tmp_path: Path) -> None:
    manifest = read_manifest(_book(tmp_path))
    assert manifest.stories[0].path == tmp_path / "book" / "stories" / "a.txt"


@pytest.mark.parametrize("story", ["../outside.txt", "/etc/passwd", "stories/../../outside.txt"])
def test_a_story_outside_the_folder_is_refused(tmp_path: Path, story: str) -> None:
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    with pytest.raises(OptionsError, match=r"line 4: path .* outside the manifest's folder.*--allow-outside"):
        read_manifest(_book(tmp_path, story=story))


def test_allow_outside_reads_a_story_elsewhere(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_bytes((DATA / "change-of-plans.txt").read_bytes())
    path = _book(tmp_path, story="../outside.txt")
    assert read_manifest(path, allow_outside=True).stories[0].path.resolve() == tmp_path / "outside.txt"
    assert main(["build", str(path), "--allow-outside", "-q"]) == 0
    assert (tmp_path / "book" / "T.epub").is_file()


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    path = _book(tmp_path, story="stories/link.txt")
    (tmp_path / "book" / "stories" / "link.txt").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(OptionsError, match="outside the manifest's folder"):
        read_manifest(path)


@pytest.mark.parametrize("story", ["/proc/self/environ", "/dev/zero"])
def test_special_files_are_refused_even_when_allowed_outside(tmp_path: Path, story: str) -> None:
    with pytest.raises(OptionsError, match="is not a regular file"):
        read_manifest(_book(tmp_path, story=story), allow_outside=True)


def test_a_fifo_story_is_refused(tmp_path: Path) -> None:
    path = _book(tmp_path, story="stories/pipe.txt")
    os.mkfifo(tmp_path / "book" / "stories" / "pipe.txt")
    with pytest.raises(OptionsError, match=r"line 4: path .stories/pipe.txt. is not a regular file"):
        read_manifest(path)


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ('style = "/etc/passwd"', "style"),
        ('style = "../x.css"', "style"),
        ('cover = "../cover.png"', "cover"),
        ('output = "../x"', "output"),
        ('output = "/tmp/book"', "output"),
        ('output = "/"', "output"),
    ],
)
def test_style_cover_and_output_outside_are_refused(tmp_path: Path, extra: str, key: str) -> None:
    with pytest.raises(OptionsError, match=rf"line 2: {key} .* outside the manifest's folder"):
        read_manifest(_book(tmp_path, extra))


def test_style_cover_and_output_inside_are_accepted(tmp_path: Path) -> None:
    path = _book(tmp_path, 'style = "my.css"\ncover = "art/cover.png"\noutput = "out/book"')
    manifest = read_manifest(path)
    folder = tmp_path / "book"
    assert manifest.style == str(folder / "my.css") and manifest.cover == folder / "art" / "cover.png"
    assert manifest.output_path("pdf") == folder / "out" / "book.pdf"
    assert read_manifest(_book(tmp_path / "2", 'style = "modern"')).style == "modern"


def test_an_output_that_names_no_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OptionsError, match="line 2: output '/' must name a file"):
        read_manifest(_book(tmp_path, 'output = "/"'), allow_outside=True)
    result = run_cli(["build", str(_book(tmp_path / "2", 'output = "/"')), "-q"])
    assert_one_line_error(result, "outside the manifest's folder")


# Values: every one range-checked, one line each.


@pytest.mark.parametrize("value", ["1" * 400, "-1", "nan", "inf", "true", "100001"])
def test_series_index_out_of_range_is_one_line(tmp_path: Path, value: str) -> None:
    path = _book(tmp_path, f"series_index = {value}")
    with pytest.raises(OptionsError, match="line 2: series_index must be a number from 0 to 100000"):
        read_manifest(path)


@pytest.mark.parametrize("value", ["0", "3", "2.5", "99999"])
def test_series_index_in_range_is_kept(tmp_path: Path, value: str) -> None:
    assert read_manifest(_book(tmp_path, f"series_index = {value}")).series_index == float(value)


def test_empty_formats_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OptionsError, match="line 2: formats is empty"):
        read_manifest(_book(tmp_path, "formats = []"))
    assert read_manifest(_book(tmp_path / "2", 'formats = ["PDF", "pdf"]')).formats == ("pdf",)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = _book(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_manifest(path).title == "T"


@pytest.mark.parametrize("encoding", ["punycode", "undefined", "rot13", "bogus"])
def test_a_story_encoding_that_is_no_text_encoding_is_refused(tmp_path: Path, encoding: str) -> None:
    path = _book(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + f'encoding = "{encoding}"\n', encoding="utf-8")
    with pytest.raises(OptionsError, match="line 5: encoding"):
        read_manifest(path)


def test_metadata_gets_the_flags_cleanup(tmp_path: Path) -> None:
    path = _book(tmp_path, 'editor = "Ed\\u0007 \\u202eitor"\ndescription = "One.\\n\\nTwo."')
    manifest = read_manifest(path)
    assert manifest.editor is not None and "\u0007" not in manifest.editor
    assert manifest.editor.startswith("Ed ")
    assert manifest.description == "One.\n\nTwo."  # paragraphs kept


def test_a_story_name_over_255_bytes_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(OptionsError, match=r"line 4: path .* has a name longer than 255 bytes"):
        read_manifest(_book(tmp_path, story="x" * 300 + ".txt"))
    # Leave alone: a long name a file system takes.
    assert read_manifest(_book(tmp_path / "2", story="y" * 250 + ".txt")).stories[0].path.name.startswith("y")
