"""An unlabelled contents list set in columns (a BBS file's index of fables), found by the titles it names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Two cells on a row, parted by a run of spaces: "  The Cock and the Pearl        The Frog and the Ox".
_GUTTER = re.compile(r"\s{3,}")
_CELL = re.compile(r"^[\w\"'“‘]")
_CELL_CHARS = 50
# A list is a block of rows: this many at least, whose second cells start at one column (one space off).
_MIN_ROWS = 6
_ALIGNED_SHARE = 0.8
# Groups of rows may stand apart by a blank line or two (a page of the list, "1-21  22-42" over each).
_GROUP_GAP = 2
# The list is believed when most of its titles stand alone on a line of the text after it.
_FOUND_SHARE = 2 / 3
# A cell that is only numbers ("1-21", "22-42") heads a column; it names no title.
_NUMBERS = re.compile(r"^[\d\s.,:-]+$")
# A heading line, indented or not, is short.
_LINE = _CELL_CHARS + 20


@dataclass(frozen=True)
class ColumnList:
    """Where the list stands (lines start to end) and its cells in reading order (a group's first column,
    then its second)."""

    start: int
    end: int
    cells: tuple[str, ...]
    titles: int


def _cells(line: str) -> tuple[str, str, int] | None:
    """A row's two cells and the column its second cell starts at, or None when the line is no row."""
    text = line.strip()
    if "   " not in text:
        return None  # most lines: no gutter, decided without a regex
    parts = _GUTTER.split(text)
    if len(parts) != 2 or not all(_CELL.match(part) and len(part) <= _CELL_CHARS for part in parts):
        return None
    return parts[0], parts[1], line.rindex(parts[1])


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def _run(lines: Sequence[str], start: int, limit: int) -> tuple[int, list[list[tuple[str, str, int]]]]:
    """The rows from `start` on, in groups, up to a wider gap or a line that is no row."""
    groups: list[list[tuple[str, str, int]]] = [[]]
    index, gap = start, 0
    while index < limit:
        if not lines[index].strip():
            gap += 1
            if gap > _GROUP_GAP:
                break
            index += 1
            continue
        row = _cells(lines[index])
        if row is None:
            break
        if gap and groups[-1]:
            groups.append([])
        groups[-1].append(row)
        gap = 0
        index += 1
    while index > start and not lines[index - 1].strip():
        index -= 1
    return index, groups


def find_column_list(lines: Sequence[str], limit: int) -> ColumnList | None:
    """The first block of two-column rows near the top whose titles the text sets alone on a line."""
    alone: set[str] | None = None
    index, limit = 0, min(limit, len(lines))
    while index < limit:
        if _cells(lines[index]) is None:
            index += 1
            continue
        end, groups = _run(lines, index, limit)
        rows = [row for group in groups for row in group]
        columns = [row[2] for row in rows]
        common = max(set(columns), key=columns.count)
        aligned = sum(1 for column in columns if abs(column - common) <= 1)
        if len(rows) >= _MIN_ROWS and aligned >= len(rows) * _ALIGNED_SHARE:
            cells = [
                cell for group in groups for cell in [*(row[0] for row in group), *(row[1] for row in group)]
            ]
            # One pass over the text, once: the keys of its short lines (a row's key joins two cells).
            alone = alone if alone is not None else {_key(line) for line in lines if len(line) <= _LINE}
            if _named(alone, cells):
                titles = sum(1 for cell in cells if not _NUMBERS.match(cell))
                return ColumnList(index, end, tuple(cells), titles)
        index = max(end, index + 1)
    return None


def _named(alone: set[str], cells: Sequence[str]) -> bool:
    """Most of the list's titles stand alone on a line of the text (a heading each)."""
    titles = {_key(cell) for cell in cells if not _NUMBERS.match(cell)}
    return bool(titles) and len(titles & alone) >= len(titles) * _FOUND_SHARE
