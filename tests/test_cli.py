"""The command line: help, version, errors as one line, inspect's JSON shape, CLI == library."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ebookify import cli_parsers, load_story, make_book, write_epub
from ebookify.cli import main
from ebookify.options import core_count, worker_count

from .conftest import DATA
from .hardening import assert_one_line_error, run_cli

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


@pytest.mark.slow
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


def test_an_unknown_option_is_one_line_with_a_suggestion(tmp_path: Path) -> None:
    result = run_cli([str(GOODBYE), "--titel", "X", "-o", str(tmp_path / "b.epub")])
    assert_one_line_error(result, "unrecognized arguments: --titel", "did you mean --title?")
    assert result.code == 2 and "usage:" not in result.err
    # Leave alone: an unknown option nothing is close to gets no guess.
    assert "did you mean" not in run_cli([str(GOODBYE), "--zzzzzz"]).err


def test_a_bad_option_value_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run_cli([str(GOODBYE), "--format", "mobi"]), "invalid choice: 'mobi'")
    assert_one_line_error(run_cli(["build"]), "required")


@pytest.mark.parametrize(("typo", "command"), [("buidl", "build"), ("inspct", "inspect"), ("biuld", "build")])
def test_a_mistyped_command_gets_a_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typo: str, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli([typo, "x.toml"])
    assert_one_line_error(result, f"did you mean 'ebookify {command}'?")
    # Leave alone: a file of that name is an input like any other.
    Path(typo).write_bytes(GOODBYE.read_bytes())
    assert run_cli([typo, "-q"]).code == 0
    assert Path(f"{typo}.epub").is_file()


def test_a_missing_file_gets_no_command_suggestion(tmp_path: Path) -> None:
    result = run_cli([str(tmp_path / "stry.txt")])
    assert_one_line_error(result, "stry.txt")
    assert "did you mean" not in result.err


@pytest.mark.parametrize("jobs", ["-1", "x", "1.5"])
def test_jobs_must_be_a_count(jobs: str) -> None:
    assert_one_line_error(run_cli([str(GOODBYE), "--jobs", jobs]), "--jobs")


def test_jobs_is_capped_at_the_core_count() -> None:
    parser = cli_parsers.convert_parser()
    assert parser.parse_args(["x", "--jobs", "1000"]).jobs == core_count()
    # Leave alone: a count within the cores, and 0 (one per core, decided later).
    assert parser.parse_args(["x", "--jobs", "1"]).jobs == 1
    assert parser.parse_args(["x", "--jobs", "0"]).jobs == 0
    assert worker_count(1000) == core_count() and worker_count(0) == core_count()


@pytest.mark.parametrize("encoding", ["punycode", "undefined", "idna", "rot13", "no-such-codec"])
def test_an_encoding_that_cannot_hold_a_story_is_one_line(tmp_path: Path, encoding: str) -> None:
    result = run_cli([str(GOODBYE), "--encoding", encoding, "-o", str(tmp_path / "b.epub")])
    assert_one_line_error(result, "--encoding", encoding)
    assert result.code == 2
    assert_one_line_error(run_cli(["inspect", str(GOODBYE), "--encoding", encoding]), "--encoding")


def test_a_real_encoding_is_accepted(tmp_path: Path) -> None:
    assert run_cli([str(GOODBYE), "--encoding", "cp1252", "-o", str(tmp_path / "b.epub"), "-q"]).code == 0


@pytest.mark.parametrize(
    ("flag", "said"), [("--cover", "larger than 64 MiB"), ("--style", "larger than 1 MiB")]
)
def test_an_endless_cover_or_style_file_is_one_line(tmp_path: Path, flag: str, said: str) -> None:
    # /dev/zero has no size: it was read until memory ran out.
    result = run_cli([str(GOODBYE), flag, "/dev/zero", "-o", str(tmp_path / "b.epub"), "-q"])
    assert_one_line_error(result, said)
    assert result.code == 2


def test_a_small_user_stylesheet_is_read(tmp_path: Path) -> None:
    css = tmp_path / "mine.css"
    css.write_bytes(b"p {\r\n  color: #123456;\r\n}\r\n")
    assert run_cli([str(GOODBYE), "--style", str(css), "-o", str(tmp_path / "b.epub"), "-q"]).code == 0
    with zipfile.ZipFile(tmp_path / "b.epub") as book:
        assert any(b"#123456" in book.read(name) for name in book.namelist() if name.endswith(".css"))


def test_a_command_collects_garbage_less_often_and_restores_the_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from ebookify import cli

    seen: list[tuple[int, int, int]] = []

    def dispatch(argv: list[str]) -> int:
        seen.append(gc.get_threshold())
        return 0

    monkeypatch.setattr(cli, "_dispatch", dispatch)
    before = gc.get_threshold()
    assert main(["inspect", str(GOODBYE)]) == 0
    assert seen[0][0] == cli._COLLECT_AFTER > before[0]  # raised while the command runs
    assert gc.get_threshold() == before  # and as it was for the caller after
