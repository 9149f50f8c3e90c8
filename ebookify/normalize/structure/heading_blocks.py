"""Heading lines set without blank lines between them or over their text, split into items of their own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ebookify.normalize.structure.headings import is_title_like, match_heading
from ebookify.normalize.structure.paragraphs import Item

# A heading block set without blank lines ("PART I" / "Underground" / "I") has at most this many lines of
# at most this many characters.
_BLOCK_LINES = 3
_BLOCK_WIDTH = 60


def _block_line(line: str) -> bool:
    """A line of a heading block: a heading, or a short title ("PART I" / "Underground" / "I")."""
    return len(line.strip()) <= _BLOCK_WIDTH and (match_heading(line) is not None or is_title_like(line))


def _heading_lines(item: Item) -> int:
    """How many of the item's first lines are a heading block set without blank lines between."""
    lines = item.text.split("\n")
    if len(lines) == 1:
        return 0
    first = match_heading(lines[0])
    if first is not None and first.kind == "bare":
        # "I" over a paragraph of prose is a heading; "I." over a stanza numbers the stanza.
        return 1 if not item.verse and len(lines[1]) > _BLOCK_WIDTH else 0
    if first is not None:
        count = 1
        while count < min(len(lines) - 1, _BLOCK_LINES) and _block_line(lines[count]):
            count += 1
        return count
    # "Underground" / "I": a short block of titles ending in a heading.
    whole = len(lines) <= _BLOCK_LINES and all(_block_line(line) for line in lines)
    return len(lines) if whole and any(match_heading(line) for line in lines) else 0


# A line of the book's own words with a number ("FIRST CITIZEN.") that opens this many blocks is a
# speaker's label over a speech: a heading is not set over text again and again with the same number.
_LABEL_REPEATS = 3


def split_heading_lines(items: Sequence[Item]) -> Iterator[Item]:
    """Heading lines stuck to each other or to the paragraph under them ("Chapter 1" / "The Start" / text)
    become items of their own; a play's recurring label ("FIRST CITIZEN." over a speech) stays."""
    firsts = Counter(item.text.split("\n", 1)[0] for item in items if "\n" in item.text)
    for item in items:
        count = _heading_lines(item)
        if not count or _recurring_label(item.text.split("\n", 1)[0], firsts):
            yield item
            continue
        lines = item.text.split("\n")
        for number, line in enumerate(lines[:count]):
            yield Item(line.strip(), item.gap if number == 0 else 0, 1)
        if count < len(lines):
            rest = "\n".join(lines[count:])
            yield replace(item, text=rest, gap=0, lines=max(1, item.lines - count), verse=item.verse[count:])


def _recurring_label(line: str, firsts: Counter[str]) -> bool:
    """A learned heading ("FIRST CITIZEN.") that opens several blocks of text, as a speaker's label does."""
    if firsts[line] < _LABEL_REPEATS:
        return False
    heading = match_heading(line)
    return heading is not None and heading.keyword.startswith("~")
