"""Output safety: a book never replaces an input, a device or a FIFO; only .epub and .pdf are written."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ebookify import load_story, make_book, write_epub
from ebookify.cli import main
from ebookify.errors import OptionsError

from .hardening import assert_one_line_error, run_cli, story_bytes

STORY = story_bytes("A middle paragraph.")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY)
    return path


def _refused(argv: list[str], *words: str) -> None:
    result = run_cli([*argv, "-q"])
    assert_one_line_error(result, *words)
    assert result.code == 2


def _is_epub(path: Path) -> bool:
    return zipfile.is_zipfile(path) and zipfile.ZipFile(path).read("mimetype") == b"application/epub+zip"


@pytest.mark.parametrize("fmt", [[], ["--format", "pdf"]])
def test_the_output_cannot_be_the_input(story: Path, fmt: list[str]) -> None:
    _refused([str(story), "-o", str(story), *fmt], "is an input", "choose another name")
    assert story.read_bytes() == STORY


def test_an_anthology_output_cannot_be_one_of_its_stories(story: Path, tmp_path: Path) -> None:
    second = tmp_path / "b.txt"
    second.write_bytes(STORY)
    _refused([str(story), str(second), "-o", str(second)], "is an input")
    assert second.read_bytes() == STORY


def test_the_default_output_cannot_be_the_input(tmp_path: Path) -> None:
    # notes.epub is really a text file: the default output (INPUT with .epub) is the input itself.
    notes = tmp_path / "notes.epub"
    notes.write_bytes(STORY)
    _refused([str(notes)], "notes.epub is an input")
    assert notes.read_bytes() == STORY
    # Leave alone: the default output of story.txt is story.epub beside it.
    story = tmp_path / "story.txt"
    story.write_bytes(STORY)
    assert run_cli([str(story), "-q"]).code == 0
    assert _is_epub(tmp_path / "story.epub") and story.read_bytes() == STORY


def test_a_symlink_to_the_input_is_refused(story: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.epub"
    link.symlink_to(story)
    _refused([str(story), "-o", str(link)], "is an input", "the same file as")
    assert link.is_symlink() and story.read_bytes() == STORY


def test_a_hard_link_to_the_input_is_refused(story: Path, tmp_path: Path) -> None:
    hard = tmp_path / "hard.pdf"
    os.link(story, hard)
    _refused([str(story), "-o", str(hard)], "is an input")
    assert story.read_bytes() == STORY


def test_the_cover_and_a_stylesheet_are_inputs_too(story: Path, tmp_path: Path) -> None:
    css = tmp_path / "mine.css"
    css.write_text("p { color: black }", encoding="utf-8")
    link = tmp_path / "style.epub"
    link.symlink_to(css)
    _refused([str(story), "--style", str(css), "-o", str(link)], "is an input")
    assert css.read_text(encoding="utf-8") == "p { color: black }"


def test_a_new_file_beside_the_input_is_accepted(story: Path, tmp_path: Path) -> None:
    target = tmp_path / "book.epub"
    assert run_cli([str(story), "-o", str(target), "-q"]).code == 0
    assert _is_epub(target) and story.read_bytes() == STORY
    # An existing book (a regular file that is no input) is replaced, as before.
    assert run_cli([str(story), "-o", str(target), "-q"]).code == 0


def test_a_fifo_target_is_refused(story: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "book.epub"
    os.mkfifo(fifo)
    _refused([str(story), "-o", str(fifo)], "not a regular file")
    assert fifo.is_fifo()


def test_a_symlink_to_a_fifo_is_refused(story: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "book.pdf"
    link.symlink_to(fifo)
    _refused([str(story), "-o", str(link)], "not a regular file")
    assert link.is_symlink() and fifo.is_fifo()


def test_a_socket_target_is_refused(story: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.epub"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        _refused([str(story), "-o", str(path)], "not a regular file")
        assert path.is_socket()


def test_the_library_writer_refuses_the_story_file(story: Path, tmp_path: Path) -> None:
    book = make_book([load_story(story)])
    link = tmp_path / "story.epub"
    link.symlink_to(story)
    with pytest.raises(OptionsError, match="is an input"):
        write_epub(book, link)
    assert story.read_bytes() == STORY
    fifo = tmp_path / "fifo.epub"
    os.mkfifo(fifo)
    with pytest.raises(OptionsError, match="not a regular file"):
        write_epub(book, fifo)
    write_epub(book, tmp_path / "fine.epub")  # leave alone: a new file
    assert _is_epub(tmp_path / "fine.epub")


def _manifest(tmp_path: Path, extra: str = "") -> Path:
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / "b.epub").write_bytes(STORY)  # a story whose name ends in .epub
    path = tmp_path / "book.toml"
    stories = '[[stories]]\npath = "a.txt"\n\n[[stories]]\npath = "b.epub"\n'
    path.write_text(f'title = "T"\n{extra}\n{stories}', encoding="utf-8")
    return path


def test_a_manifest_output_cannot_be_a_story(tmp_path: Path) -> None:
    manifest = _manifest(tmp_path, 'output = "b"')
    _refused(["build", str(manifest)], "b.epub is an input")
    assert (tmp_path / "b.epub").read_bytes() == STORY
    # Leave alone: another name in the folder.
    manifest = _manifest(tmp_path, 'output = "book"')
    assert run_cli(["build", str(manifest), "-q"]).code == 0
    assert _is_epub(tmp_path / "book.epub")


def test_build_dash_o_cannot_be_a_story_or_the_manifest(tmp_path: Path) -> None:
    manifest = _manifest(tmp_path)
    _refused(["build", str(manifest), "-o", str(tmp_path / "a.txt")], "is an input")
    _refused(["build", str(manifest), "-o", str(manifest)], "is an input")
    assert (tmp_path / "a.txt").read_bytes() == STORY
    assert manifest.read_text(encoding="utf-8").startswith('title = "T"')


@pytest.mark.parametrize("name", ["book.mobi", "book.azw3", "book.AZW"])
def test_kindle_formats_are_refused_with_the_converter_named(story: Path, tmp_path: Path, name: str) -> None:
    _refused([str(story), "-o", str(tmp_path / name)], ".epub and .pdf", f"ebook-convert book.epub {name}")
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["book.html", "book.txt", "book.docx"])
def test_other_formats_are_refused(story: Path, tmp_path: Path, name: str) -> None:
    _refused([str(story), "-o", str(tmp_path / name)], ".epub and .pdf")
    assert not (tmp_path / name).exists()


def test_a_name_without_extension_needs_format(story: Path, tmp_path: Path) -> None:
    _refused([str(story), "-o", str(tmp_path / "book")], ".epub or .pdf", "--format")
    assert not (tmp_path / "book").exists()
    # Leave alone: --format names the format of a name without an extension.
    assert run_cli([str(story), "-o", str(tmp_path / "book"), "--format", "epub", "-q"]).code == 0
    assert _is_epub(tmp_path / "book")


def test_format_and_extension_must_agree(story: Path, tmp_path: Path) -> None:
    _refused([str(story), "-o", str(tmp_path / "b.epub"), "--format", "pdf"], "does not match")
    assert run_cli([str(story), "-o", str(tmp_path / "b.EPUB"), "-q"]).code == 0


def test_a_name_over_255_bytes_is_one_line(story: Path, tmp_path: Path) -> None:
    _refused([str(story), "-o", str(tmp_path / ("x" * 300 + ".epub"))], "longer than 255 bytes")


def test_a_name_of_250_bytes_is_written(story: Path, tmp_path: Path) -> None:
    # The temporary file beside it once added ~15 bytes to the name, so 241-255 byte names were refused.
    target = tmp_path / ("é" * 122 + "x.epub")  # 250 bytes in UTF-8
    assert len(os.fsencode(target.name)) == 250
    assert run_cli([str(story), "-o", str(target), "-q"]).code == 0
    assert _is_epub(target) and [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("name", ["", ".epub", "."])
def test_an_output_without_a_file_name_is_refused(story: Path, name: str) -> None:
    _refused([str(story), "-o", name], "give the book a file name")


def test_a_folder_input_without_output_is_one_line(tmp_path: Path) -> None:
    # The default output is the input's name with .epub: "." has none (this was exit 70).
    _refused([str(tmp_path)], "is a directory")
    _refused(["."], "is a directory")


# stdin and stdout: `-`.


def _run(argv: list[str], data: bytes) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "ebookify", *argv]
    return subprocess.run(command, input=data, capture_output=True, timeout=300, check=False)


def test_a_story_from_stdin_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "b.epub"
    result = _run(["-", "-o", str(target), "-q"], STORY)
    assert result.returncode == 0, result.stderr
    assert _is_epub(target) and b"Odd Input" in zipfile.ZipFile(target).read("EPUB/content.opf")


def test_stdin_needs_an_output_name_and_is_read_once() -> None:
    assert_one_line_error(run_cli(["-"]), "name the book with -o")
    assert_one_line_error(run_cli(["-", "-", "-o", "x.epub"]), "stdin (-) can be given once")


@pytest.mark.parametrize(
    ("fmt", "magic"), [("epub", b"PK\x03\x04"), pytest.param("pdf", b"%PDF-", marks=pytest.mark.slow)]
)
def test_a_book_to_stdout(story: Path, fmt: str, magic: bytes) -> None:
    result = _run([str(story), "-o", "-", "--format", fmt, "-q", "-j", "1"], b"")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(magic) and result.stderr == b""
    # From stdin to stdout, like a filter.
    assert _run(["-", "-o", "-", "-q"], STORY).stdout.startswith(b"PK\x03\x04")


def test_a_book_to_a_terminal_is_refused(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert main([str(story), "-o", "-", "-q"]) == 2
    assert "stdout, which is a terminal" in err.getvalue() and err.getvalue().count("\n") == 1


@pytest.mark.parametrize("suffix", [".txt", "*.txt"])
def test_an_input_name_over_255_bytes_is_one_line(tmp_path: Path, suffix: str) -> None:
    # The OS refuses even to say whether such a file exists (ENAMETOOLONG): this was exit 70.
    name = str(tmp_path / ("x" * 300 + suffix))
    _refused([name], "longer than 255 bytes")
    _refused([name, "-o", str(tmp_path / "b.epub")], "longer than 255 bytes")
    assert_one_line_error(run_cli(["inspect", name]), "longer than 255 bytes")
