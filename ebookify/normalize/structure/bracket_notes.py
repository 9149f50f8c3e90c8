"""A transcriber's "[Footnote 1: ...]" blocks lifted out of the text into the end notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.structure.footnotes import Footnotes

# Project Gutenberg's transcribers set a book's notes in the text as "[Footnote 1: ...]", "[Footnote A: ...]"
# or "[Footnote: ...]", opening a line; a mention ("see [Footnote 3]", no colon) is no note.
_OPENING = re.compile(r"^\s*(?=\[Footnote(?:\s+[\w.*]{1,6})?\s*:)")
# The notes' own label over them ("FOOTNOTES:") goes with them, so no heading is left over nothing.
_LABEL = re.compile(r"^\s*foot-?notes?\s*:?\s*$", re.IGNORECASE)
# A note runs a few lines; a bracket still open after this many is no note of ours.
_MAX_LINES = 60


def _close(lines: Sequence[str], start: int, column: int) -> tuple[int, int] | None:
    """The line and column just past the bracket closing the one at (start, column), or None when a blank
    line or the limit comes first (an unclosed bracket is left in the text, never cut)."""
    depth = 0
    for index in range(start, min(len(lines), start + _MAX_LINES)):
        line = lines[index]
        if not line.strip():
            return None
        for offset in range(column if index == start else 0, len(line)):
            depth += {"[": 1, "]": -1}.get(line[offset], 0)
            if depth == 0:
                return index, offset + 1
    return None


def _trailing_blanks(out: Sequence[str]) -> int:
    count = 0
    while count < len(out) and not out[len(out) - 1 - count].strip():
        count += 1
    return count


def lift_bracket_notes(lines: Sequence[str]) -> Footnotes:
    """The text without its "[Footnote X: ...]" blocks, and the blocks (label kept, so a reader matches the
    mark "[1]" left in the text). A note closing inside a line gives the rest of that line back to the
    paragraph it interrupted; a note between blank lines leaves the larger of the gaps around it."""
    out: list[str] = []
    notes: list[str] = []
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        closed = _close(lines, index, opening.end()) if opening else None
        if opening is None or closed is None:
            out.append(lines[index])
            index += 1
            continue
        last, column = closed
        block = [lines[index][opening.end() :], *lines[index + 1 : last], lines[last][:column]]
        if last == index:
            block = [lines[index][opening.end() : column]]
        before = _trailing_blanks(out)
        if before and len(out) > before and _LABEL.match(out[-before - 1]):
            # "FOOTNOTES:" standing over the notes is theirs.
            notes.append(out[-before - 1].strip())
            del out[-before - 1 :]
            before = _trailing_blanks(out)
        notes.append(" ".join(part.strip() for part in block if part.strip()))
        rest = lines[last][column:].strip()
        index = last + 1
        if rest:
            out.append(rest)
            continue
        after = 0
        while index + after < len(lines) and not lines[index + after].strip():
            after += 1
        # The note's own blank lines go; the wider gap around it stays (a chapter's gap, a paragraph's).
        del out[len(out) - before :]
        out += [""] * max(before, after)
        index += after
    return Footnotes(out, notes)
