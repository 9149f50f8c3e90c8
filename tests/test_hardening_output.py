"""Hardening, output: bad output paths, a full disk, a killed process, failing renderers, missing Java."""

from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from ebookify import cli, cli_commands, errors

from . import epubcheck
from .hardening import assert_one_line_error, run_cli, story_bytes

OLD = b"the old book, which a failed build must not touch"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_bytes(story_bytes("A middle paragraph."))
    return path


def _only(folder: Path, *names: str) -> None:
    """Nothing but `names` (and the story) in the folder: no temporary or partial file was left."""
    assert sorted(p.name for p in folder.iterdir()) == sorted({"story.txt", *names})


def test_a_missing_output_folder_is_one_clear_error(source: Path, tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli([str(source), "-o", str(tmp_path / "no" / "b.epub"), "-q"]), "does not exist"
    )
    _only(tmp_path)


def test_an_output_path_that_is_a_folder_is_one_clear_error(source: Path, tmp_path: Path) -> None:
    (tmp_path / "b.epub").mkdir()
    assert_one_line_error(run_cli([str(source), "-o", str(tmp_path / "b.epub"), "-q"]), "is a directory")
    assert (tmp_path / "b.epub").is_dir()


def test_an_output_folder_that_is_a_file_is_one_clear_error(source: Path, tmp_path: Path) -> None:
    assert_one_line_error(run_cli([str(source), "-o", str(source / "b.epub"), "-q"]), "b.epub")
    assert source.read_bytes() == story_bytes("A middle paragraph.")


@pytest.mark.parametrize("fmt", ["epub", "pdf"])
def test_a_read_only_folder_is_one_clear_error(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    # Tests run as root, where chmod does not stop a write: simulate the error the OS would raise.
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    # The writer makes its temporary file with tempfile.mkstemp beside the target.
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    target = tmp_path / f"b.{fmt}"
    target.write_bytes(OLD)
    assert_one_line_error(run_cli([str(source), "-o", str(target), "-j", "1", "-q"]), "Permission denied")
    assert target.read_bytes() == OLD
    _only(tmp_path, target.name)


@pytest.mark.parametrize("existing", [True, False])
def test_a_full_disk_leaves_no_partial_file(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)  # the last write step before the rename
    target = tmp_path / "b.epub"
    if existing:
        target.write_bytes(OLD)
    assert_one_line_error(run_cli([str(source), "-o", str(target), "-q"]), "No space left on device")
    assert target.read_bytes() == OLD if existing else not target.exists()
    _only(tmp_path, *([target.name] if existing else []))


def test_an_exception_inside_ebooklib_is_one_clear_error(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ebooklib import epub

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected\nfailure")

    monkeypatch.setattr(epub.EpubWriter, "write", explode)
    target = tmp_path / "b.epub"
    target.write_bytes(OLD)
    assert_one_line_error(run_cli([str(source), "-o", str(target), "-q"]), "injected failure")
    assert target.read_bytes() == OLD
    _only(tmp_path, target.name)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_exception_inside_weasyprint_is_one_clear_error(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    import weasyprint

    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("injected layout failure")

    # Forked workers (jobs=2) inherit the patch: the error comes back from another process.
    monkeypatch.setattr(weasyprint.HTML, "render", explode)
    target = tmp_path / "b.pdf"
    target.write_bytes(OLD)
    assert_one_line_error(
        run_cli([str(source), "-o", str(target), "-j", jobs, "-q"]), "injected layout failure"
    )
    assert target.read_bytes() == OLD
    _only(tmp_path, target.name)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (RuntimeError("injected assembly failure"), "injected assembly failure"),
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
    ],
)
def test_a_failure_while_the_pdf_is_written_leaves_no_partial_file(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception, message: str
) -> None:
    # The book is written once it is assembled: a failure halfway through writing it (a full disk)
    # must still leave the old book alone.
    from ebookify.render.pdf import merge

    real_save = merge.save_book
    written: list[int] = []

    def fail_late(book: Any, handle: BinaryIO, version: str) -> None:
        whole = io.BytesIO()
        real_save(book, whole, version)
        handle.write(whole.getvalue()[: len(whole.getvalue()) // 2])
        written.append(handle.tell())
        raise failure

    monkeypatch.setattr(merge, "save_book", fail_late)
    target = tmp_path / "b.pdf"
    target.write_bytes(OLD)
    assert_one_line_error(run_cli([str(source), "-o", str(target), "-j", "1", "-q"]), message)
    assert max(written) > 10_000  # the failure came after pages were already in the file
    assert target.read_bytes() == OLD
    _only(tmp_path, target.name)


def test_an_unexpected_error_is_one_line_not_a_traceback(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug\nover two lines")

    monkeypatch.setattr(cli_commands, "make_book", bug)
    result = run_cli([str(source), "-q"])
    assert_one_line_error(result, "internal error", "TypeError: a bug over two lines", "report")
    assert result.code == cli.INTERNAL_ERROR_EXIT
    # Leave alone: a developer asks for the traceback.
    monkeypatch.setenv("EBOOKIFY_DEBUG", "1")
    with pytest.raises(TypeError):
        cli.main([str(source)])


def test_running_out_of_memory_is_one_line(source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(cli_commands, "make_book", exhausted)
    assert_one_line_error(run_cli([str(source), "-q"]), "out of memory")


def test_one_line_bounds_a_message() -> None:
    assert errors.one_line("a\n  b\tc") == "a b c"
    assert len(errors.one_line("x" * 10_000)) == 500
    assert errors.one_line("short") == "short"


_SLOW_WRITER = """
import sys, time
from pathlib import Path
from ebookify.cli import main
from ebookify.render import files
def stall(fd):
    Path(sys.argv[2]).write_text("writing")  # tell the test the bytes are half on disk
    time.sleep(60)
files.os.fsync = stall
main([sys.argv[1], "-o", sys.argv[3], "-q"])
"""


@pytest.mark.parametrize("existing", [True, False])
def test_a_process_killed_mid_write_leaves_the_target_alone(
    source: Path, tmp_path: Path, existing: bool
) -> None:
    target = tmp_path / "b.epub"
    if existing:
        target.write_bytes(OLD)
    marker = tmp_path / "marker"
    argv = [sys.executable, "-c", _SLOW_WRITER, str(source), str(marker), str(target)]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), process.communicate()
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.communicate()
    assert target.read_bytes() == OLD if existing else not target.exists()
    # Only a hidden temporary file may remain (a killed process cannot clean up); never at the target name.
    leftovers = {p.name for p in tmp_path.iterdir()} - {"story.txt", "marker", target.name}
    assert all(name.startswith(".b.epub.") and name.endswith(".part") for name in leftovers), leftovers


def test_the_real_command_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    # In-process runs cannot show what the interpreter prints on an uncaught exception: run the real thing.
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\xef\xbb\xbf\n")
    result = subprocess.run(
        [sys.executable, "-m", "ebookify", str(empty), str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"ebookify: error: no text in {empty}\n"


def test_without_java_epubcheck_skips_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("EBOOKIFY_REQUIRE_EPUBCHECK", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Java runtime"):
        epubcheck.require_java()
    # CI sets EBOOKIFY_REQUIRE_EPUBCHECK (.ci/run): there a missing Java fails instead of skipping.
    monkeypatch.setenv("EBOOKIFY_REQUIRE_EPUBCHECK", "1")
    with pytest.raises(pytest.fail.Exception, match="EPUBCheck is required"):
        epubcheck.require_java()


def test_without_calibre_the_metadata_check_skips_unless_ci_requires_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("EBOOKIFY_REQUIRE_EPUBCHECK", raising=False)
    with pytest.raises(pytest.skip.Exception, match="ebook-meta is not installed"):
        epubcheck.require_ebook_meta()
    monkeypatch.setenv("EBOOKIFY_REQUIRE_EPUBCHECK", "1")
    with pytest.raises(pytest.fail.Exception, match="ebook-meta is required"):
        epubcheck.require_ebook_meta()


def test_ci_requires_epubcheck() -> None:
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "EBOOKIFY_REQUIRE_EPUBCHECK=1" in ci


def test_without_quiet_the_error_is_still_the_last_and_only_error_line(source: Path, tmp_path: Path) -> None:
    # Progress lines ("[1/1] read story.txt") may come first; the failure is one line at the end.
    result = run_cli([str(source), "-o", str(tmp_path / "no" / "b.epub")])
    assert result.code != 0 and "Traceback" not in result.err
    error_lines = [line for line in result.err.splitlines() if line.startswith("ebookify: error:")]
    assert error_lines == [result.err.splitlines()[-1]]
