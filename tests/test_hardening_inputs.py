"""Hardening, inputs: empty, blank and BOM-only files, directories, unreadable and oversized files."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from ebookify import InputError, load_story, normalize_bytes
from ebookify.normalize import pipeline

from .hardening import assert_one_line_error, run_cli, story_bytes

EMPTY_INPUTS = {
    "empty": b"",
    "spaces": b"   \n\t\n  \r\n",
    "utf8-bom": b"\xef\xbb\xbf",
    "utf16-bom": b"\xff\xfe",
    "utf32-bom": b"\xff\xfe\x00\x00",
    "bom-and-spaces": b"\xef\xbb\xbf \n\n\t",
    "nbsp-only": "\u00a0\u3000\u200b\n".encode(),
}


@pytest.mark.parametrize("name", sorted(EMPTY_INPUTS))
def test_a_file_without_text_is_one_clear_error(tmp_path: Path, name: str) -> None:
    source = tmp_path / f"{name}.txt"
    source.write_bytes(EMPTY_INPUTS[name])
    target = tmp_path / "out.epub"
    assert_one_line_error(run_cli([str(source), "-o", str(target)]), f"{name}.txt", "no text")
    assert not target.exists()
    with pytest.raises(InputError, match="no text"):
        load_story(source)


def test_a_directory_as_input_is_one_clear_error(tmp_path: Path) -> None:
    assert_one_line_error(run_cli([str(tmp_path)]), str(tmp_path), "directory")
    with pytest.raises(InputError, match="directory"):
        load_story(tmp_path)


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    assert_one_line_error(run_cli([str(tmp_path / "nope.txt")]), "nope.txt", "no such file")


def test_an_unreadable_file_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not stop a read: simulate the error the OS would raise.
    source = tmp_path / "locked.txt"
    source.write_bytes(story_bytes("Some text."))

    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == source.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert_one_line_error(run_cli([str(source), "-o", str(tmp_path / "x.epub")]), "locked.txt", "permission")
    with pytest.raises(InputError, match="permission denied"):
        load_story(source)


def test_an_io_error_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "bad-disk.txt"
    source.write_bytes(story_bytes("Some text."))

    real_open = Path.open

    def fail(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == source.name:
            raise OSError(errno.EIO, "Input/output error")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fail)
    assert_one_line_error(run_cli([str(source)]), "bad-disk.txt", "Input/output error")


def test_a_path_through_a_regular_file_is_one_clear_error(tmp_path: Path) -> None:
    parent = tmp_path / "file.txt"
    parent.write_bytes(b"not a folder")
    result = run_cli([str(parent / "story.txt")])
    assert_one_line_error(result, "story.txt")


def test_an_input_over_the_size_limit_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_INPUT_BYTES", 1000)
    source = tmp_path / "huge.txt"
    source.write_bytes(story_bytes("word " * 300))
    assert_one_line_error(run_cli([str(source)]), "huge.txt", "too large", "limit is")
    with pytest.raises(InputError, match="too large"):
        normalize_bytes(source.read_bytes(), "huge.txt")
    # Leave alone: a story at the limit is read.
    small = story_bytes("word " * 100)
    assert len(small) <= 1000
    assert normalize_bytes(small, "small.txt").chapters


def test_an_endless_device_is_read_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # /dev/zero has no size: reading it whole would never end (and st_size is 0).
    monkeypatch.setattr(pipeline, "MAX_INPUT_BYTES", 4096)
    with pytest.raises(InputError, match="too large"):
        load_story("/dev/zero")


def test_inspect_fails_with_one_line_too(tmp_path: Path) -> None:
    source = tmp_path / "noise.txt"
    source.write_bytes(bytes(range(256)) * 40)
    assert_one_line_error(run_cli(["inspect", "--json", str(source)]), "noise.txt", "not look like")
    # Leave alone: a real story is inspected.
    source.write_bytes(story_bytes("Some text."))
    result = run_cli(["inspect", "--json", str(source)])
    assert result.code == 0 and '"Some text."' in result.out
