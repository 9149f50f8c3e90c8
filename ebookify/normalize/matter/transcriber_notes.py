"""A transcriber's note set under a printed book's title page, lifted out of the book for its colophon."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.matter.display import line_blocks
from ebookify.normalize.structure.headings import match_heading

# "Transcriber's Note:", "Transcriber's Comments on the preparation of this E-Text:", "[Transcribers' notes".
LABEL = re.compile(r"^\s*\[?\s*transcriber'?s'?\s+(?:notes?|comments?|remarks?)\b", re.I)
# A note sits among the title page and the front matter: within this many lines of the book's start.
_WINDOW = 150
# A note is a few short sections; longer than this it is no note.
_NOTE_LINES = 60
# Its sections ("SQUARE BRACKETS:" / "FOOTNOTES:" / "CHANGES TO THE TEXT:") stand one or two blank lines
# apart; the wider gap after the last one ends it (a transcriber's note set apart from the book).
_SECTION_GAP = 2


def _blocks(lines: Sequence[str], start: int, end: int) -> list[tuple[int, int, int]]:
    """(first, end, blank lines before) of each block of filled lines in lines[start:end]."""
    found: list[tuple[int, int, int]] = []
    previous = start
    for first, last in line_blocks(lines, start, end):
        found.append((first, min(last, end), first - previous))
        previous = last
    return found


def _note_end(lines: Sequence[str], blocks: Sequence[tuple[int, int, int]], label: int) -> int:
    """The index after the note whose label opens blocks[label]."""
    first, end, _ = blocks[label]
    text = lines[first].strip()
    if text.startswith("["):
        # A bracketed note runs to its closing bracket.
        close = next((i for i in range(first, min(first + _NOTE_LINES, len(lines))) if "]" in lines[i]), None)
        return first if close is None else close + 1
    if not text.endswith(":"):
        return end  # "Transcriber's Note: Obvious errors were corrected." is its own block
    # A label alone over its sections: they follow until a wider gap, a heading or the note's length.
    for next_first, next_end, gap in blocks[label + 1 :]:
        heading = match_heading(lines[next_first].strip()) is not None
        if gap > _SECTION_GAP or heading or next_end - first > _NOTE_LINES:
            break
        end = next_end
    return end


def lift_opening_note(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """The transcriber's note among the book's opening lines (before its first heading), and the lines
    without it; ([], lines) when there is none. A note right after the licence's START line is a credit,
    taken with the licence already; this one stands under the title page."""
    blocks = _blocks(lines, 0, min(len(lines), _WINDOW))
    for n, (first, _, _) in enumerate(blocks):
        text = lines[first].strip()
        if match_heading(text) is not None:
            break
        if LABEL.match(text):
            end = _note_end(lines, blocks, n)
            if end > first:
                return list(lines[first:end]), [*lines[:first], *lines[end:]]
    return [], list(lines)
