"""YAML (`---`) and TOML (`+++`) front matter at the top of a text, as header fields."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ebookify.normalize.matter.header import field_kind
from ebookify.normalize.structure.headings import match_heading

# Front matter is a short block: a delimiter line that closes further down than this is a scene break.
_MAX_LINES = 80
_YAML_KEY = re.compile(r"^([A-Za-z_][\w .'/-]{0,40}?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*?)[ \t]*$")
_BLOCK_SCALAR = re.compile(r"^[|>][+-]?\d?$")
# A " # comment" after a plain value; "#1 fan" inside a value is text.
_COMMENT = re.compile(r"[ \t]+#.*$")
# AO3's field names that the `Key: value` header does not spell this way.
_AO3_NAMES = {"archive warning": "Warnings", "archive warnings": "Warnings", "completed": "Updated"}


@dataclass(frozen=True)
class FrontMatter:
    """The fields of a front matter block (keys as header keys), and the line the body starts at."""

    fields: tuple[tuple[str, str], ...]
    body_start: int
    kind: str = "YAML"


def split_front_matter(lines: Sequence[str]) -> FrontMatter | None:
    """The front matter opening the text (YAML between `---` lines, TOML between `+++`), or None."""
    first = next((i for i, line in enumerate(lines[:3]) if line.strip()), None)
    if first is None or lines[first].strip() not in ("---", "+++"):
        return None
    fence = lines[first].strip()
    ends = ("---", "...") if fence == "---" else ("+++",)
    end = next(
        (i for i in range(first + 1, min(len(lines), first + _MAX_LINES)) if lines[i].strip() in ends), None
    )
    if end is None or end == first + 1:
        return None
    block = lines[first + 1 : end]
    pairs = _toml_pairs(block) if fence == "+++" else _yaml_pairs(block)
    if not pairs:
        return None
    return FrontMatter(tuple(_as_fields(pairs)), end + 1, "TOML" if fence == "+++" else "YAML")


def _as_fields(pairs: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Front matter keys as header keys: "archive_warning" reads as "Archive warning", AO3's names too.

    A `title: Chapter 1` names the chapter a file holds, not the story: it is kept as "Chapter title".
    """
    for key, value in pairs:
        name = header_key(" ".join(key.replace("_", " ").replace("-", " ").split()))
        if field_kind(name) == "title" and match_heading(value) is not None:
            name = "Chapter title"
        yield name, value


def header_key(name: str) -> str:
    """A key as the header reader knows it: AO3's "Archive Warning" is the header's "Warnings"."""
    return _AO3_NAMES.get(name.lower(), name)


def _yaml_pairs(block: Sequence[str]) -> list[tuple[str, str]] | None:
    """Top-level `key: value` pairs of a YAML block (lists and folded text joined); None if it is not YAML."""
    pairs: list[tuple[str, str]] = []
    index = 0
    while index < len(block):
        line = block[index]
        index += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _YAML_KEY.match(line)
        if not match or line[:1].isspace():
            return None  # a line of prose: this is a scene break, not front matter
        key, value = match.group(1).strip(), (match.group(2) or "").strip()
        nested: list[str] = []
        while index < len(block) and (
            not block[index].strip() or block[index][:1].isspace() or block[index].startswith("-")
        ):
            nested.append(block[index])
            index += 1
        pairs.extend(_yaml_value(key, value, nested))
    return pairs


# YAML's spellings of "no value" (unquoted; "'null'" in quotes is the word).
_YAML_NULLS = frozenset({"null", "Null", "NULL", "~"})


def _yaml_value(key: str, value: str, nested: list[str]) -> Iterator[tuple[str, str]]:
    """One key's value: a scalar, a [flow, list], a block list, a |/> block of text, or a nested mapping."""
    lines = [line for line in nested if line.strip()]
    if not lines and value in _YAML_NULLS:
        return  # "notes: null" says there are none: no field (it showed as a note reading "null")
    if _BLOCK_SCALAR.match(value):
        # "|" keeps the lines, ">" folds them into one.
        yield key, ("\n" if value[0] == "|" else " ").join(line.strip() for line in lines)
    elif lines and all(_LIST_ITEM.match(line) for line in lines):
        yield key, ", ".join(_scalar(_LIST_ITEM.match(line).group(1)) for line in lines)  # type: ignore[union-attr]
    elif lines and not value:
        for line in lines:
            match = _YAML_KEY.match(line.strip())
            if match:
                yield f"{key} {match.group(1).strip()}", _scalar((match.group(2) or "").strip())
    else:
        # A plain value folded over indented lines.
        yield key, _scalar(" ".join([value, *(line.strip() for line in lines)]).strip())


def _scalar(value: str) -> str:
    """A YAML scalar as text: quotes removed, a [flow, list] joined, a trailing comment dropped."""
    if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) >= 2:
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    if value.startswith("[") and value.endswith("]"):
        return ", ".join(_scalar(part.strip()) for part in value[1:-1].split(",") if part.strip())
    return _COMMENT.sub("", value).strip()


def _toml_pairs(block: Sequence[str]) -> list[tuple[str, str]] | None:
    """The keys of a TOML block, tables flattened ("author name"); None if it is not TOML."""
    import tomllib  # 4 ms to import (TOML front matter is rare)

    try:
        table = tomllib.loads("\n".join(block))
    except tomllib.TOMLDecodeError:
        return None
    return list(_flatten(table, ""))


def _flatten(table: dict[str, Any], prefix: str) -> Iterator[tuple[str, str]]:
    for key, value in table.items():
        name = f"{prefix} {key}".strip()
        if isinstance(value, dict):
            yield from _flatten(value, name)
        elif isinstance(value, list):
            yield name, ", ".join(str(item) for item in value if not isinstance(item, dict))
        else:
            yield name, str(value).lower() if isinstance(value, bool) else str(value)
