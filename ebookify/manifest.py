"""Reads an anthology manifest (TOML): the book's metadata, options and its ordered list of stories."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ebookify.errors import OptionsError
from ebookify.normalize.decode.cleanup import clean_value
from ebookify.options import StoryOverrides, check_encoding
from ebookify.targets import NAME_MAX, name_too_long

BOOK_KEYS = {
    "title": str,
    "editor": str,
    "compiler": str,
    "author": str,
    "authors": list,
    "description": str,
    "language": str,
    "series": str,
    "series_index": (int, float),
    "style": str,
    "cover": str,
    "formats": list,
    "output": str,
    "page_size": str,
    "notes": bool,
    "smart_quotes": bool,
    "stories": list,
}
STORY_KEYS = {
    "path": str,
    "title": str,
    "author": str,
    "authors": list,
    "summary": str,
    "language": str,
    "encoding": str,
}
FORMATS = ("epub", "pdf")


@dataclass(frozen=True)
class StoryEntry:
    """One story of the manifest: its file and the metadata that overrides its header."""

    path: Path
    overrides: StoryOverrides
    encoding: str | None = None


@dataclass(frozen=True)
class Manifest:
    """A parsed manifest with paths resolved against the manifest's folder."""

    source: Path
    title: str
    stories: tuple[StoryEntry, ...]
    editor: str | None = None
    authors: tuple[str, ...] = ()
    description: str | None = None
    language: str | None = None
    series: str | None = None
    series_index: float | None = None
    style: str = "classic"
    cover: Path | None = None
    formats: tuple[str, ...] = ("epub",)
    output: Path | None = None
    page_size: str = "A5"
    include_notes: bool = True
    smart_quotes: bool = True

    def output_path(self, fmt: str) -> Path:
        """Where the book in format `fmt` goes: `output` (any suffix replaced) or a name from the title."""
        base = self.output or self.source.parent / (_file_stem(self.title) or self.source.stem)
        return base.with_suffix(f".{fmt}")


def _file_stem(title: str) -> str:
    # A title makes a file name only after removing what file systems reject or treat specially.
    return re.sub(r"[^\w.-]+", "-", title).strip(".-")[:80]


class _Locator:
    """Finds the line of a key in the manifest text, for messages that point at it."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line_of(self, key: str, story: int | None = None) -> int:
        start, seen = 0, -1
        if story is not None:
            for number, line in enumerate(self.lines):
                if re.match(r"\s*\[\[\s*stories\s*\]\]", line):
                    seen += 1
                    if seen == story:
                        start = number
                        break
        for number in range(start, len(self.lines)):
            line = self.lines[number]
            if number > start and story is None and re.match(r"\s*\[", line):
                break
            if re.match(rf"\s*{re.escape(key)}\s*=", line) or (
                story is not None and number == start and key == ""
            ):
                return number + 1
        return start + 1


def _check_keys(table: dict[str, Any], allowed: dict[str, Any], where: str, locate: Any) -> None:
    for key, value in table.items():
        if key not in allowed:
            raise OptionsError(
                f"{where}, line {locate(key)}: unknown key {key!r} (known: {', '.join(allowed)})"
            )
        if not isinstance(value, allowed[key]):
            raise OptionsError(
                f"{where}, line {locate(key)}: {key!r} has the wrong type ({type(value).__name__})"
            )
        if isinstance(value, list) and key != "stories" and not all(isinstance(v, str) for v in value):
            raise OptionsError(f"{where}, line {locate(key)}: {key!r} must be a list of strings")


def _authors(table: dict[str, Any]) -> tuple[str, ...]:
    if "authors" in table:
        return tuple(table["authors"])
    return (table["author"],) if table.get("author") else ()


class _Places:
    """Resolves the manifest's paths against its folder and keeps them there unless allowed outside."""

    def __init__(self, name: str, folder: Path, allow_outside: bool) -> None:
        self.name, self.folder, self.allow_outside = name, folder, allow_outside
        self.root = os.path.realpath(folder)

    def path(self, value: str, key: str, line: int, *, read: bool) -> Path:
        """`value` against the folder; refused outside it (symlinks followed), and, for a file to be read,
        when it exists and is not a regular file (a FIFO would block, /proc and devices are not stories)."""
        where = f"{self.name}, line {line}: {key} {value!r}"
        if "\0" in value:
            raise OptionsError(f"{where} contains a NUL character")
        if name_too_long(Path(value)):
            raise OptionsError(f"{where} has a name longer than {NAME_MAX} bytes")
        path = self.folder / value
        real = os.path.realpath(path)
        inside = real == self.root or real.startswith(self.root.rstrip(os.sep) + os.sep)
        if not inside and not self.allow_outside:
            raise OptionsError(
                f"{where} is outside the manifest's folder; pass --allow-outside if you trust this manifest"
            )
        if read:
            try:
                info = os.stat(real)
            except OSError:
                return path  # a missing file is reported by the reader, with its own message
            special = real.startswith(_SPECIAL_FOLDERS)
            if special or (not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode)):
                raise OptionsError(f"{where} is not a regular file")
        return path


# Kernel folders whose "files" are live system state, never a story, a style or a cover.
_SPECIAL_FOLDERS = ("/proc/", "/sys/", "/dev/")
SERIES_INDEX_RANGE = (0.0, 100_000.0)
"""Series numbers readers show: calibre's books use 0 to a few thousand; larger is a typo."""


def _text(value: str | None, one_line: bool = True) -> str | None:
    # Manifest metadata gets the cleanup --title gets (control characters, bidi, NFC): one rule for all.
    return clean_value(value, one_line) or None if value else None


def _story(table: Any, index: int, places: _Places, locator: _Locator) -> StoryEntry:
    name = places.name
    where = f"{name}: stories[{index}]"
    if not isinstance(table, dict):
        raise OptionsError(f"{name}, line {locator.line_of('stories')}: stories must be [[stories]] tables")
    _check_keys(table, STORY_KEYS, f"{name}", lambda key: locator.line_of(key, index))
    if "path" not in table:
        raise OptionsError(f"{where}, line {locator.line_of('', index)}: missing key 'path'")
    overrides = StoryOverrides(
        title=_text(table.get("title")),
        authors=tuple(a for a in map(_text, _authors(table)) if a),
        summary=_text(table.get("summary"), one_line=False),
        language=_text(table.get("language")),
    )
    path = places.path(table["path"], "path", locator.line_of("path", index), read=True)
    encoding = table.get("encoding")
    if encoding is not None:
        check_encoding(encoding, f"{name}, line {locator.line_of('encoding', index)}: encoding")
    return StoryEntry(path, overrides, encoding)


def _style(style: str, places: _Places, line: int) -> str:
    # A path to the user's own CSS is relative to the manifest, like the stories (read_style's rule).
    if style.endswith(".css") or "/" in style:
        return str(places.path(style, "style", line, read=True))
    return style


def _series_index(value: Any, where: str) -> float | None:
    if value is None:
        return None
    low, high = SERIES_INDEX_RANGE
    if isinstance(value, bool) or not (low <= value <= high):  # NaN fails both comparisons
        raise OptionsError(f"{where}: series_index must be a number from {low:g} to {high:g}")
    return float(value)


def _output(value: str | None, places: _Places, line: int) -> Path | None:
    if not value:
        return None
    path = places.path(value, "output", line, read=False)
    if path.name in ("", ".", "..") or value.endswith(("/", os.sep)):
        raise OptionsError(f"{places.name}, line {line}: output {value!r} must name a file, not a folder")
    return path


def read_manifest(path: Path, *, allow_outside: bool = False) -> Manifest:
    """Parse and validate a manifest; every error names the file, the line and the key.

    Story paths, the style, the cover and the output must lie inside the manifest's folder (a manifest
    from someone else must not read /etc/passwd into a book or write over other files) unless
    `allow_outside`; files to be read must be regular files."""
    try:
        # utf-8-sig: Windows editors save a byte-order mark, which TOML itself does not allow.
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise OptionsError(f"cannot read manifest {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise OptionsError(f"manifest {path} is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OptionsError(f"{path}: invalid TOML: {exc}") from None
    locator = _Locator(text)
    name = str(path)
    _check_keys(data, BOOK_KEYS, name, locator.line_of)
    places = _Places(name, path.parent, allow_outside)
    stories = tuple(_story(t, i, places, locator) for i, t in enumerate(data.get("stories", [])))
    if not stories:
        raise OptionsError(f"{name}: no stories (add [[stories]] tables with a path each)")
    formats = tuple(dict.fromkeys(f.lower() for f in data.get("formats", ["epub"])))
    if not formats:
        raise OptionsError(f"{name}, line {locator.line_of('formats')}: formats is empty (epub, pdf)")
    for fmt in formats:
        if fmt not in FORMATS:
            raise OptionsError(
                f"{name}, line {locator.line_of('formats')}: unknown format {fmt!r} (epub, pdf)"
            )
    cover = data.get("cover")
    where_index = f"{name}, line {locator.line_of('series_index')}"
    return Manifest(
        source=path,
        title=_text(data.get("title")) or path.stem,
        stories=stories,
        editor=_text(data.get("editor")) or _text(data.get("compiler")),
        authors=tuple(a for a in map(_text, _authors(data)) if a),
        description=_text(data.get("description"), one_line=False),
        language=_text(data.get("language")),
        series=_text(data.get("series")),
        series_index=_series_index(data.get("series_index"), where_index),
        style=_style(data.get("style", "classic"), places, locator.line_of("style")),
        cover=places.path(cover, "cover", locator.line_of("cover"), read=True) if cover else None,
        formats=formats,
        output=_output(data.get("output"), places, locator.line_of("output")),
        page_size=data.get("page_size", "A5"),
        include_notes=data.get("notes", True),
        smart_quotes=data.get("smart_quotes", True),
    )
