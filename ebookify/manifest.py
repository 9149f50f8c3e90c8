"""Reads an anthology manifest (TOML): the book's metadata, options and its ordered list of stories."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ebookify.errors import OptionsError
from ebookify.options import StoryOverrides

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


def _story(table: Any, index: int, folder: Path, name: str, locator: _Locator) -> StoryEntry:
    where = f"{name}: stories[{index}]"
    if not isinstance(table, dict):
        raise OptionsError(f"{name}, line {locator.line_of('stories')}: stories must be [[stories]] tables")
    _check_keys(table, STORY_KEYS, f"{name}", lambda key: locator.line_of(key, index))
    if "path" not in table:
        raise OptionsError(f"{where}, line {locator.line_of('', index)}: missing key 'path'")
    overrides = StoryOverrides(
        title=table.get("title"),
        authors=_authors(table),
        summary=table.get("summary"),
        language=table.get("language"),
    )
    return StoryEntry(folder / table["path"], overrides, table.get("encoding"))


def _style(style: str, folder: Path) -> str:
    # A path to the user's own CSS is relative to the manifest, like the stories.
    return str(folder / style) if style.endswith(".css") else style


def read_manifest(path: Path) -> Manifest:
    """Parse and validate a manifest; every error names the file, the line and the key."""
    try:
        text = path.read_text(encoding="utf-8")
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
    folder = path.parent
    stories = tuple(_story(t, i, folder, name, locator) for i, t in enumerate(data.get("stories", [])))
    if not stories:
        raise OptionsError(f"{name}: no stories (add [[stories]] tables with a path each)")
    formats = tuple(f.lower() for f in data.get("formats", ["epub"]))
    for fmt in formats:
        if fmt not in FORMATS:
            raise OptionsError(
                f"{name}, line {locator.line_of('formats')}: unknown format {fmt!r} (epub, pdf)"
            )
    index = data.get("series_index")
    return Manifest(
        source=path,
        title=data.get("title") or path.stem,
        stories=stories,
        editor=data.get("editor") or data.get("compiler"),
        authors=_authors(data),
        description=data.get("description"),
        language=data.get("language"),
        series=data.get("series"),
        series_index=float(index) if index is not None else None,
        style=_style(data.get("style", "classic"), folder),
        cover=folder / data["cover"] if data.get("cover") else None,
        formats=formats,
        output=folder / data["output"] if data.get("output") else None,
        page_size=data.get("page_size", "A5"),
        include_notes=data.get("notes", True),
        smart_quotes=data.get("smart_quotes", True),
    )
