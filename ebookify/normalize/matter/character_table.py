"""A table of the characters an e-text uses ("à = a grave"), set after the book by its producer."""

from __future__ import annotations

import re
from collections.abc import Sequence

# One row: a character or a few (no plain letter or digit: "à", "«", ". . ."), "=", and what it stands for
# in words ("a grave", "left angle quotation mark", "em dash").
_ROW = re.compile(r"^\s*[^\sA-Za-z0-9](?: ?[^\sA-Za-z0-9]){0,5}\s+=\s+[A-Za-z][A-Za-z' -]*$")
# A table has a few rows, and they are most of its lines; a heading over it is a few short lines
# ("TAVOLA DEI CARATTERI SPECIALI" / "TABLE OF SPECIAL CHARACTERS"), no sentence.
_MIN_ROWS = 3
_ROW_SHARE = 0.75
_HEADING_LINES = 3
_HEADING_CHARS = 50

# A heading that names the e-text's characters or their encoding ("Special characters used in this e-text:",
# "Table of special characters", "A note on the character set"): production matter, like the table itself.
# A heading is a few words and no sentence ("Special characters were rare in his hand." is the story's).
_LABEL = re.compile(
    r"^\W*(?:a\s+)?(?:notes?\s+(?:on|about)\s+(?:the\s+)?)?(?:table\s+of\s+)?"
    r"(?:(?:special|accented|non-ascii)\s+characters|character\s+(?:set|encoding|table)|encoding)\b",
    re.I,
)
_LABEL_WORDS = 6


def is_characters_label(line: str) -> bool:
    """A short heading over a note on the e-text's characters or encoding."""
    text = line.strip()
    return bool(_LABEL.match(text)) and len(text.split()) <= _LABEL_WORDS and text[-1:] not in ".!?"


def is_character_row(line: str) -> bool:
    """ "à = a grave", "« = left angle quotation mark": a character and its name."""
    return bool(_ROW.match(line))


def _is_heading_block(block: Sequence[str]) -> bool:
    return len(block) <= _HEADING_LINES and all(
        len(line.strip()) <= _HEADING_CHARS and line.strip()[-1:] not in ".!?," for line in block
    )


def starts_character_table(lines: Sequence[str], index: int, end: int) -> bool:
    """The lines from `index` to `end` are a table of characters, with or without a short heading over it:
    how the e-text spells what its print showed, which the reader of the book does not need in the story."""
    filled = [i for i in range(index, end) if lines[i].strip()]
    if not filled or filled[0] != index:
        return False
    heading_end = next((i for i in range(index, end) if not lines[i].strip()), end)
    rest = filled
    if not is_character_row(lines[index]):
        # A heading over the table: a few short lines, no sentence; the table is what follows it.
        if not _is_heading_block(lines[index:heading_end]):
            return False
        rest = [i for i in filled if i >= heading_end]
    rows = sum(1 for i in rest if is_character_row(lines[i]))
    return rows >= _MIN_ROWS and rows >= _ROW_SHARE * len(rest)
