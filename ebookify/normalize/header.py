"""The leading `Key: value` metadata header, and Metadata built from its fields."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.model import Metadata
from ebookify.options import StoryOverrides

_FIELD = re.compile(r"^([A-Za-z][A-Za-z /'-]{0,30}):\s*(.*)$")


def split_header(lines: Sequence[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Split leading `Key: value` lines (blank lines between allowed) from the rest."""
    fields: list[tuple[str, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        match = _FIELD.match(line)
        if match:
            fields.append((match.group(1).strip(), match.group(2).strip()))
        elif line:
            break
        index += 1
    return fields, list(lines[index:])


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[,;]", value) if part.strip())


def metadata_from_fields(
    fields: Sequence[tuple[str, str]], fallback_title: str, overrides: StoryOverrides
) -> Metadata:
    """Build Metadata from header fields; overrides win, the file name is the fallback title."""
    by_key = {key.lower(): value for key, value in fields}
    title = overrides.title or by_key.get("title") or fallback_title
    authors = overrides.authors or _split_list(by_key.get("author", ""))
    return Metadata(
        title=title.rstrip(". ") or fallback_title,
        authors=authors,
        language=overrides.language or "en",
        summary=overrides.summary or by_key.get("summary"),
        rating=by_key.get("rating"),
        genres=tuple(g.strip(". ") for g in by_key.get("genre", "").split("/") if g.strip()),
        pairings=_split_list(by_key.get("pairing", "")),
        fields=tuple(fields),
    )
