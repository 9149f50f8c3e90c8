"""A printed edition's contents list (with the paper's page numbers), dropped: the book makes its own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.matter.contents_columns import find_column_list
from ebookify.normalize.structure.contents_lists import is_contents_label
from ebookify.normalize.structure.headings import without_page_number

# The list sits in the front matter: within this share of the text (and this many lines of the top).
_FRONT_SHARE = 0.2
_FRONT_LINES = 1500
# Entries are short lines; the list ends at a wide gap (the front matter's next page).
_ENTRY_LENGTH = 80
_END_GAP = 3
# A list set line under line ends at a gap of this many blank lines: wider than a blank line between its
# groups ("PREMIÈRE PARTIE" / "I" ... "IX" / "DEUXIÈME PARTIE"), the page break to a dedication under it.
_TIGHT_END_GAP = 2
_MIN_ENTRIES = 2
# Entries that open with an arabic or roman number; this many in a row set the list's pattern.
_NUMBERED = re.compile(r"^(?:\d+|[IVXLC]+)\b")
_NUMBERED_RUN = 3
# A column head ("CHAP.      PAGE").
_COLUMN_HEAD = re.compile(r"^(?:chap(?:ter)?\.?\s+)?page\.?$|^chap(?:ter)?\.?$", re.I)


@dataclass(frozen=True)
class ContentsSplit:
    """The lines without the contents list, and how many entries it had (0 when none was found)."""

    lines: tuple[str, ...]
    entries: int = 0
    dropped: tuple[str, ...] = ()
    """The list's own lines, kept for the record (no word of the text is lost)."""


def _key(line: str) -> str:
    """An entry's words for comparing it with a heading: no page number, case, spacing or punctuation."""
    return re.sub(r"[\W_]+", "", without_page_number(line.strip())).lower()


def _list_end(lines: Sequence[str], label: int) -> tuple[int, int]:
    """Where the list after a label ends, and its number of entries."""
    first_entry: str | None = None
    entries = numbered = 0
    gap = widest = 0
    index = label + 1
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            gap += 1
            index += 1
            continue
        if (entries and gap >= _END_GAP) or len(line) > _ENTRY_LENGTH:
            break
        if entries >= _NUMBERED_RUN and widest == 0 and gap >= _TIGHT_END_GAP:
            break
        widest = max(widest, gap) if entries else 0
        # A list whose entries all open with a number ("I", "1  Zum Alm-Öhi hinauf") ends at the first line
        # that does not: the dedication and the epigraph after it are the book's.
        if entries >= _NUMBERED_RUN and numbered == entries and not _NUMBERED.match(line):
            break
        numbered += bool(_NUMBERED.match(line))
        key = _key(line)
        # The real heading repeats the first entry: the book itself starts there.
        if (
            first_entry
            and entries > 1
            and (key == first_entry or (len(key) > 3 and first_entry.startswith(key)))
        ):
            break
        if not _COLUMN_HEAD.match(line):
            first_entry = first_entry or key
            entries += 1
        gap = 0
        index += 1
    while index > label + 1 and not lines[index - 1].strip():
        index -= 1
    return index, entries


def drop_contents(lines: Sequence[str]) -> ContentsSplit:
    """The lines without the first contents list near the top, if the text has one."""
    limit = min(_FRONT_LINES, max(40, int(len(lines) * _FRONT_SHARE)))
    label = next((i for i, line in enumerate(lines[:limit]) if is_contents_label(line.strip())), None)
    if label is None:
        # Without a label, a list set in two columns is known by the titles the text then sets alone.
        columns = find_column_list(lines, limit)
        if columns is None:
            return ContentsSplit(tuple(lines))
        rest = (*lines[: columns.start], *lines[columns.end :])
        return ContentsSplit(rest, columns.titles, columns.cells)
    end, entries = _list_end(lines, label)
    if entries < _MIN_ENTRIES:
        return ContentsSplit(tuple(lines))
    dropped = tuple(line.strip() for line in lines[label:end] if line.strip())
    return ContentsSplit((*lines[:label], *lines[end:]), entries, dropped)
