"""Output targets checked before any work: never an input, never a device or FIFO, only .epub or .pdf."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ebookify.errors import OptionsError

if TYPE_CHECKING:
    from ebookify.model import Book
    from ebookify.options import WriteOptions

FORMATS = ("epub", "pdf")
# Kindle formats: calibre's ebook-convert makes them from the EPUB.
KINDLE_SUFFIXES = {"mobi", "azw", "azw3", "azw4", "kfx", "prc"}
NAME_MAX = 255
"""Bytes in one path component on the usual Linux, macOS and Windows file systems."""


def format_of(target: Path, fmt: str | None) -> str:
    """The format a target's name asks for; `fmt` (--format) names it for a name without an extension."""
    if not target.name or target.name.lower() in (".epub", ".pdf"):
        raise OptionsError(f"cannot write {str(target)!r}: give the book a file name, such as book.epub")
    suffix = target.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        if fmt and fmt != suffix:
            raise OptionsError(f"--format {fmt} does not match the output name {target.name}")
        return suffix
    if not suffix and fmt:
        return fmt
    if suffix in KINDLE_SUFFIXES:
        raise OptionsError(
            f"cannot write {target.name}: ebookify writes .epub and .pdf books; for a Kindle, write an EPUB "
            f"and convert it with calibre: ebook-convert {target.stem}.epub {target.name}"
        )
    if suffix:
        raise OptionsError(
            f"cannot write {target.name}: ebookify writes .epub and .pdf books, not .{suffix} "
            f"(other formats: ebook-convert {target.stem}.epub {target.name})"
        )
    raise OptionsError(f"cannot write {target.name}: end the name with .epub or .pdf, or give --format")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def _real(path: Path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return str(path)


def name_too_long(path: Path) -> bool:
    """Whether a name in `path` is longer than any file system takes (the OS then raises ENAMETOOLONG
    from every call, even a test for existence)."""
    return any(len(os.fsencode(part)) > NAME_MAX for part in path.parts)


def check_name(target: Path) -> None:
    """A target whose name no file system takes fails here, in one line, before any work."""
    if name_too_long(target):
        raise OptionsError(f"cannot write {target}: a name in the path is longer than {NAME_MAX} bytes")


def check_target(target: Path, inputs: Iterable[Path]) -> None:
    """Refuse a target that is one of `inputs` (same file, symlink or hard link) or that exists and is
    not a regular file (a device, FIFO or socket would be replaced by the rename that writes the book)."""
    check_name(target)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return  # a new file: nothing to protect
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise OptionsError(f"cannot write {target}: {exc.strerror}") from None
        return  # a missing folder, a file used as a folder: the writer says so in its own words
    if stat.S_ISDIR(info.st_mode):
        return  # the writer's "is a directory" message says what to do
    if not stat.S_ISREG(info.st_mode):
        raise OptionsError(
            f"{target} exists and is not a regular file (a device, FIFO or socket); "
            "ebookify only replaces regular files"
        )
    identity, real = (info.st_dev, info.st_ino), _real(target)
    for source in inputs:
        if not str(source):
            continue
        if _identity(source) == identity or _real(source) == real:
            same = "" if str(source) == str(target) else f" (the same file as {source})"
            raise OptionsError(
                f"the output {target} is an input{same}: writing the book would destroy it; "
                "choose another name with -o"
            )


def read_files(style: str, cover: str | None) -> list[Path]:
    """The files besides the stories that a build reads: a stylesheet given by path, and the cover."""
    paths = [Path(style)] if style.endswith(".css") or "/" in style else []
    return paths + ([Path(cover)] if cover else [])


def check_book_target(target: Path, book: Book, options: WriteOptions) -> None:
    """check_target for a library write: the book's story files, stylesheet and cover are its inputs."""
    sources = [Path(story.source) for story in book.stories if story.source]
    check_target(target, [*sources, *read_files(options.style, options.cover)])
