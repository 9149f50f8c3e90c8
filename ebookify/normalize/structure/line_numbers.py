"""An edition's verse line numbers, set far right every fifth line ("...die Eiche,          5"), taken out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

# A line ending in a number set apart from its text by a wide gap: a line number, or a page number in a
# contents list ("The Period     1"), or a figure in a table.
_NUMBERED = re.compile(r"^(?P<text>.*\S)\s{3,}(?P<number>\d{1,4})$")
# Line numbers count every fifth line (5, 10, 15 ... or 10, 20 ...), from 5 again in each poem: at least
# this many, nearly all multiples of five, most of them the last one plus 5 or 10 or a new poem's 5 or 10,
# their last digits in one column (give or take a digit's width). A contents list's page numbers and a
# table's figures keep no such step.
_MIN_NUMBERS = 10
_STEP = 5
_FIVES_SHARE = 0.9
_COUNTING_SHARE = 0.6
_COLUMN_SHARE = 0.8
_COLUMN_SLIP = 2


def _numbered(lines: Sequence[str]) -> list[tuple[int, str, int, int]]:
    """Each line ending in a number set apart: its index, its text, the number and the column it ends at."""
    found = []
    for index, line in enumerate(lines):
        stripped = line.rstrip()
        if not stripped[-1:].isdigit():  # most lines end otherwise: no regex run on them
            continue
        match = _NUMBERED.match(stripped)
        if match is not None:
            found.append((index, match.group("text"), int(match.group("number")), len(stripped)))
    return found


def _counts_up(previous: int, number: int) -> bool:
    return number - previous in (_STEP, 2 * _STEP) or number in (_STEP, 2 * _STEP)


def drop_line_numbers(lines: Sequence[str]) -> tuple[list[str], int]:
    """The lines without their line numbers, and how many numbers were taken out (0: the text has none)."""
    found = _numbered(lines)
    if len(found) < _MIN_NUMBERS:
        return list(lines), 0
    numbers = [number for _, _, number, _ in found]
    fives = sum(1 for number in numbers if number % _STEP == 0)
    counting = sum(1 for a, b in pairwise(numbers) if _counts_up(a, b))
    column = Counter(end for _, _, _, end in found).most_common(1)[0][0]
    aligned = [entry for entry in found if abs(entry[3] - column) <= _COLUMN_SLIP and entry[2] % _STEP == 0]
    if (
        fives < _FIVES_SHARE * len(found)
        or counting < _COUNTING_SHARE * (len(found) - 1)
        or len(aligned) < _COLUMN_SHARE * len(found)
    ):
        return list(lines), 0
    out = list(lines)
    for index, text, _, _ in aligned:
        out[index] = text
    return out, len(aligned)
