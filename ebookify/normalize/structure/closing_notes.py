"""A book's notes gathered after its last page ("<1> From the manuscript."), lifted to the end notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.matter.display import line_blocks
from ebookify.normalize.structure.footnotes import Footnotes

# A gathered note opens its block with its mark: "<1>", "[2]", "{3}" (an etext's footnote numbers).
_MARK = re.compile(r"^\s*(?P<mark><(?P<a>\d{1,3})>|\[(?P<b>\d{1,3})\]|\{(?P<c>\d{1,3})\})\s*\S")
# The notes' own label over them ("FOOTNOTES:", "NOTES") goes with them.
_LABEL = re.compile(r"^\s*(?:foot-?)?notes?\s*[.:]?\s*$", re.IGNORECASE)
# They stand in the text's last lines: the search never reads a novel's whole length.
_TAIL_LINES = 600
# Two notes at least, and at least half of their marks set in the text above: a story's closing list of
# "[1]"s is no set of notes unless the text calls them.
_MIN_NOTES = 2
_CALLED_SHARE = 0.5


def _blocks(lines: Sequence[str], start: int) -> list[int]:
    """The first line of each block of filled lines from `start` on (not the tail of one begun above)."""
    return [first for first, _ in line_blocks(lines, start) if first == 0 or not lines[first - 1].strip()]


def _number(line: str) -> tuple[str, int] | None:
    match = _MARK.match(line)
    if match is None:
        return None
    return match["mark"], int(match["a"] or match["b"] or match["c"])


def _notes_start(lines: Sequence[str], starts: Sequence[int]) -> int | None:
    """The first line of the run of notes closing the text: its marks count up from 1 to the end, every
    block between them belonging to the note above (a quotation inside it)."""
    for n, first in enumerate(starts):
        found = _number(lines[first])
        if found is None or found[1] != 1:
            continue
        marks = [m for start in starts[n:] if (m := _number(lines[start])) is not None]
        if [number for _, number in marks] != list(range(1, len(marks) + 1)) or len(marks) < _MIN_NOTES:
            continue
        above = "\n".join(lines[:first])
        called = sum(1 for mark, _ in marks if mark in above)
        if called >= len(marks) * _CALLED_SHARE:
            return first
    return None


def lift_closing_notes(lines: Sequence[str]) -> Footnotes:
    """The text without the numbered notes gathered at its end, and the notes (one per block, its lines
    joined; the label over them first). Text comes back unchanged when its last blocks are no such notes."""
    starts = _blocks(lines, max(0, len(lines) - _TAIL_LINES))
    first = _notes_start(lines, starts)
    if first is None:
        return Footnotes(list(lines), [])
    blocks = [start for start in starts if start >= first]
    notes = []
    for n, start in enumerate(blocks):
        end = blocks[n + 1] if n + 1 < len(blocks) else len(lines)
        notes.append(" ".join(line.strip() for line in lines[start:end] if line.strip()))
    above = next((i for i in range(first - 1, -1, -1) if lines[i].strip()), None)
    if above is not None and _LABEL.match(lines[above]) and (above == 0 or not lines[above - 1].strip()):
        notes.insert(0, lines[above].strip())
        first = above
    return Footnotes(list(lines[:first]), notes)
