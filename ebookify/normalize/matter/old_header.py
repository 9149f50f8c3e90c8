"""A 1990s Project Gutenberg header's own lines: its date line and the title and by-line set over it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.matter.header import field_kind
from ebookify.normalize.matter.title_lines import BYLINE, display_text, is_name, is_title_line

# A 1990s etext's date line under its title: "March, 1994  [Etext #11]", "July, 1997  [Etext #972]".
_DATELINE = re.compile(
    r"^\s*(?P<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:\d{1,2},?\s+)?\d{4})"
    r"\s*\[e-?(?:text|book)\s*#\s*\d+\]",
    re.I,
)
# The title and by-line stand a few blank lines apart over the date line.
_GAP = 3
# Or share one line: "Middlemarch by George Eliot" (the name after "by" a personal name).
_TITLE_BY = re.compile(r"^(?P<title>.+?)\s+by\s+(?P<name>[^,;]+)$", re.I)


def dateline_field(header: Sequence[str], fields: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The release date of a 1990s header's date line, when no `Release Date:` field gives one (its line
    stays in the licence)."""
    if any(field_kind(key) == "published" for key, _ in fields):
        return []
    found = next((m for line in header if (m := _DATELINE.match(line))), None)
    return [("Release date", found.group("date"))] if found else []


def _filled_above(lines: Sequence[str], index: int) -> int | None:
    """The nearest filled line at most a few blank lines above `index`."""
    return next((i for i in range(index - 1, max(-1, index - 2 - _GAP), -1) if lines[i].strip()), None)


def title_block_fields(header: Sequence[str], fields: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Title and author from the lines over a 1990s header's date line ("Silas Marner" / "by George Eliot"
    / "June, 1996  [Etext #550]"), when no `Title:` field gives them.

    The etext names its book there, in the header, before the licence: what follows the licence may be a
    producer's note ("WE WOULD ***LOVE*** YOUR ASSISTANCE ...") whose lines are no title page. Only a
    one-line title counts (a blank line above it), under a by-line that is a name or none.
    """
    if any(field_kind(key) == "title" for key, _ in fields):
        return []
    date = next((i for i, line in enumerate(header) if _DATELINE.match(line)), None)
    line = _filled_above(header, date) if date is not None else None
    if line is None:
        return []
    author: list[tuple[str, str]] = []
    by = BYLINE.match(header[line].strip())
    if by:
        name = by.group("name").strip(" .")
        if not is_name(name):
            return []
        author = [("Author", name)]
        line = _filled_above(header, line)
    if line is None or (line > 0 and header[line - 1].strip()) or not is_title_line(header[line]):
        return []
    title = display_text(header[line])
    shared = _TITLE_BY.match(title) if not author else None
    if shared and is_name(shared.group("name").strip(" .")):
        return [("Title", shared.group("title")), ("Author", shared.group("name").strip(" ."))]
    return [("Title", title), *author]
