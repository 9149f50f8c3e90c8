"""Contents lists among a story's items: a "Contents" line and the list-like entries after it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.structure.headings import has_page_number, is_title_like, match_heading
from ebookify.normalize.structure.paragraphs import Item

# "Contents", "Table of Contents", "CONTENTS.", "Inhalt", "Table des matières" as a line of its own.
_CONTENTS = re.compile(
    r"^[\W_]*(?:(?:table of )?contents|inhalt|inhaltsverzeichnis|table des mati[èe]res|sommaire|[íi]ndice"
    r"|contenidos?|sumario)[\W_]*$",
    re.I,
)
# A contents list ends where the text leaves a gap this wide, or where prose starts.
_CONTENTS_END_GAP = 3


def is_contents_label(text: str) -> bool:
    """A "Contents" / "Table of Contents" line."""
    return bool(_CONTENTS.match(text))


def _list_like(text: str) -> bool:
    """A contents entry: most lines end with a page number or are headings, or the line is a short label."""
    lines = [line for line in text.split("\n") if line.strip()]
    listed = sum(1 for line in lines if has_page_number(line) or match_heading(line) is not None)
    if len(lines) > 1 and listed * 2 >= len(lines):
        return True
    return len(lines) == 1 and (listed == 1 or is_title_like(text) or len(text) < 40)


def _entry_key(text: str) -> tuple[str, int | None] | None:
    heading = match_heading(text.split("\n", 1)[0])
    return (heading.kind, heading.number) if heading else None


def contents_items(items: Sequence[Item]) -> set[int]:
    """Indexes of the items of contents lists: a "Contents" line and the list-like items after it."""
    found: set[int] = set()
    for start, item in enumerate(items):
        if not is_contents_label(item.text):
            continue
        found.add(start)
        first: tuple[str, int | None] | None = None
        for index in range(start + 1, len(items)):
            entry = items[index]
            key = _entry_key(entry.text)
            # The real headings start again with the contents' first entry: the list is over.
            if entry.gap >= _CONTENTS_END_GAP or not _list_like(entry.text) or (key and key == first):
                break
            first = first or key
            found.add(index)
    return found
