"""Finds a batch's inputs: files, folders (recursively, by glob) and .zip / .tar.gz archives read in place."""

from __future__ import annotations

import fnmatch
import os
import tarfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ebookify.errors import InputError
from ebookify.normalize.pipeline import MAX_INPUT_BYTES

ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")


@dataclass(frozen=True)
class InputFile:
    """One story found by discovery: where it is, the book name it gets, and its bytes (or why not)."""

    source: str
    """A stable key: the absolute path, or `archive!member` for a story inside an archive."""
    stem: str
    """The output's path under OUTDIR without extension (posix), mirroring the input tree."""
    data: bytes
    error: str | None = None
    """Set when the input cannot be read (too large, unreadable): it is recorded as failed, never sent."""


def is_archive(path: Path) -> bool:
    """True for the archive kinds a batch reads in place."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def safe_stem(name: str) -> str:
    """The output stem of a relative name: no absolute path, no `..` (a zip member named ../../x must not
    escape OUTDIR), no hidden leading dots, and without the input's extension."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
    parts = [p.lstrip(".") or "_" for p in parts]
    if not parts:
        return "story"
    last = PurePosixPath(parts[-1])
    parts[-1] = last.stem if last.suffix else last.name
    return "/".join(parts) or "story"


def archive_prefix(path: Path) -> str:
    """The folder under OUTDIR for an archive's stories: its name without the archive suffix."""
    name = path.name
    for suffix in ARCHIVE_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return safe_stem(name + ".archive")


def _too_large(size: int) -> str:
    return f"too large ({size / 2**20:.1f} MiB; the limit is {MAX_INPUT_BYTES // 2**20} MiB per story)"


def _read_file(path: Path, stem: str) -> InputFile:
    source = str(path.absolute())
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        return InputFile(source, stem, b"", f"cannot read ({exc.strerror or exc})")
    if len(data) > MAX_INPUT_BYTES:
        return InputFile(source, stem, b"", _too_large(len(data)))
    return InputFile(source, stem, data)


def _zip_inputs(path: Path, pattern: str) -> Iterator[InputFile]:
    prefix = archive_prefix(path)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path}: not a readable zip archive ({exc})") from None
    with archive:
        for info in archive.infolist():
            if info.is_dir() or not fnmatch.fnmatch(PurePosixPath(info.filename).name, pattern):
                continue
            source, stem = f"{path.absolute()}!{info.filename}", f"{prefix}/{safe_stem(info.filename)}"
            # The declared size is checked first: a zip bomb is refused before it is inflated.
            if info.file_size > MAX_INPUT_BYTES:
                yield InputFile(source, stem, b"", _too_large(info.file_size))
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_INPUT_BYTES + 1)
            except (OSError, RuntimeError, zipfile.BadZipFile, NotImplementedError) as exc:
                yield InputFile(source, stem, b"", f"cannot read from the archive ({exc})")
                continue
            error = _too_large(len(data)) if len(data) > MAX_INPUT_BYTES else None
            yield InputFile(source, stem, b"" if error else data, error)


def _tar_inputs(path: Path, pattern: str) -> Iterator[InputFile]:
    prefix = archive_prefix(path)
    try:
        # Stream mode reads the archive once, front to back: a .tar.gz has no index to seek in.
        archive = tarfile.open(path, "r|*")  # noqa: SIM115 (closed by the `with` below)
    except (OSError, tarfile.TarError) as exc:
        raise InputError(f"{path}: not a readable tar archive ({exc})") from None
    with archive:
        for member in archive:
            if not member.isfile() or not fnmatch.fnmatch(PurePosixPath(member.name).name, pattern):
                continue  # links and devices in an archive are never followed
            source, stem = f"{path.absolute()}!{member.name}", f"{prefix}/{safe_stem(member.name)}"
            if member.size > MAX_INPUT_BYTES:
                yield InputFile(source, stem, b"", _too_large(member.size))
                continue
            handle = archive.extractfile(member)
            data = handle.read() if handle else b""
            yield InputFile(source, stem, data)


def _walk(folder: Path, pattern: str, exclude: Path | None) -> Iterator[Path]:
    """Files under `folder` matching `pattern`, sorted (the same order, and names on a clash, on every
    run); hidden files and folders, symlinks and `exclude` (the output folder) are left out."""
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() != exclude)
        for name in sorted(files):
            path = here / name
            if not name.startswith(".") and fnmatch.fnmatch(name, pattern) and not path.is_symlink():
                yield path


def _folder_inputs(folder: Path, pattern: str, exclude: Path | None) -> Iterator[InputFile]:
    for path in _walk(folder, pattern, exclude):
        if is_archive(path):
            yield from _archive_inputs(path, pattern)
        else:
            yield _read_file(path, safe_stem(path.relative_to(folder).as_posix()))


def _archive_inputs(path: Path, pattern: str) -> Iterator[InputFile]:
    if path.name.lower().endswith(".zip"):
        return _zip_inputs(path, pattern)
    return _tar_inputs(path, pattern)


def discover_inputs(
    sources: Sequence[Path], pattern: str = "*.txt", exclude: Path | None = None
) -> Iterator[InputFile]:
    """Every story under `sources`, in a stable order, read one at a time (memory stays flat).

    A file is taken whatever its name; a folder is walked for files matching `pattern` (hidden files,
    symlinks and `exclude`, the output folder, are left out); an archive's members matching `pattern` are
    read in place. A missing source is an error before any work."""
    for source in sources:
        if not source.exists():
            raise InputError(f"{source}: no such file or folder")
    resolved_exclude = exclude.resolve() if exclude else None
    for source in sources:
        if source.is_dir():
            yield from _folder_inputs(source, pattern, resolved_exclude)
        elif is_archive(source):
            yield from _archive_inputs(source, pattern)
        else:
            yield _read_file(source, safe_stem(source.name))


def count_inputs(sources: Sequence[Path], pattern: str = "*.txt", exclude: Path | None = None) -> int:
    """How many inputs discover_inputs will yield, from names alone (a .tar.gz is read through once)."""
    resolved_exclude = exclude.resolve() if exclude else None
    total = 0
    for source in sources:
        if source.is_dir():
            for path in _walk(source, pattern, resolved_exclude):
                total += _count_archive(path, pattern) if is_archive(path) else 1
        elif is_archive(source):
            total += _count_archive(source, pattern)
        elif source.exists():
            total += 1
    return total


def _count_archive(path: Path, pattern: str) -> int:
    try:
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                return sum(
                    1
                    for info in archive.infolist()
                    if not info.is_dir() and fnmatch.fnmatch(PurePosixPath(info.filename).name, pattern)
                )
        with tarfile.open(path, "r|*") as archive:
            return sum(
                1
                for member in archive
                if member.isfile() and fnmatch.fnmatch(PurePosixPath(member.name).name, pattern)
            )
    except (OSError, zipfile.BadZipFile, tarfile.TarError):
        return 0  # discovery says what is wrong with it
