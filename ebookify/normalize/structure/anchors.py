"""A hypertext edition's machine marks (anchor and label lines) taken out of the text."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A CD-ROM edition of the early 1990s ("Library of the Future") keeps the links of its reader program in the
# text: an anchor every few paragraphs, right-aligned on a line of its own ("{P_1|CH_1 ^paragraph 5}"), a
# label over each section ("P_1|CH_1", "LETTER_TO_SYMPSON") and a lone "-" under each heading. No reader
# sees them in the book.
_ANCHOR = re.compile(r"^\s*\{[A-Z0-9]+(?:[_|][A-Z0-9]+)*\s+\^[a-z]+\s+\d+\}$")
_LABEL = re.compile(r"^[A-Z0-9]+(?:[_|][A-Z0-9]+)+$")
_RULE = "-"
# The marks are a habit of the whole text: a single label-like line ("B_2") in a story is left alone.
_MIN_ANCHORS = 3


def drop_hypertext_marks(lines: Sequence[str]) -> tuple[list[str], int]:
    """The lines without a hypertext edition's anchors, labels and heading rules, and how many went."""
    # A caret is rare in a text: tested first, it spares the pattern nearly every line.
    if sum(1 for line in lines if "^" in line and _ANCHOR.match(line)) < _MIN_ANCHORS:
        return list(lines), 0
    kept = [line for line in lines if not (_ANCHOR.match(line) or _LABEL.match(line))]
    # A rule over a line set far right (a letter's signature) keeps its space; the others go.
    spaced = [
        "" if line.strip() == _RULE and _signature_follows(kept, index) else line
        for index, line in enumerate(kept)
    ]
    out = [line for line in spaced if line.strip() != _RULE]
    return out, len(lines) - len(out)


_SIGNATURE_INDENT = 30


def _signature_follows(lines: Sequence[str], index: int) -> bool:
    """The line after `index` is set far to the right, where a letter's signature stands."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return len(following) - len(following.lstrip()) >= _SIGNATURE_INDENT
