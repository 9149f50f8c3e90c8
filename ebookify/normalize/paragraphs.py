"""Paragraph layout: blank-line, indented or one-line paragraphs, hard-wrap width, and lines to paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from ebookify.normalize.scenes import is_divider


class Join(Enum):
    """How two consecutive non-blank lines belong together."""

    WRAP = " "
    """The second line continues the first (hard wrap): joined with a space."""
    LINE = "\n"
    """A deliberate line break inside one paragraph (poem, lyrics, letter): kept."""
    NEW = ""
    """The second line starts a new paragraph."""


@dataclass(frozen=True)
class Layout:
    """How a text lays out its paragraphs."""

    wrap_width: int | None = None
    """The column the text is hard-wrapped at, None when lines are not wrapped."""
    indented: bool = False
    """Paragraphs start with an indented first line instead of after a blank line."""
    one_per_line: bool = False
    """Every line is a paragraph (no blank lines, no wrapping)."""


@dataclass(frozen=True)
class Item:
    """A paragraph (or divider line) of the text, with the blank lines before it."""

    text: str
    gap: int = 1
    lines: int = 1
    divider: bool = False


# Wrapped lines fill up to the width minus about one word: a break with room for this much more is deliberate.
_WRAP_SLACK = 6
# Three spaces inside a line set text in columns.
_TABLE = re.compile(r"\S {3,}\S")
_CLOSING_QUOTES = '"”'
_OPENING_QUOTES = '"“'
# Lines in an unwrapped text longer than this are prose, never lines of a poem or a letter.
_VERSE_LINE = 100


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _inner_lengths(lines: Sequence[str], filled: Sequence[bool]) -> list[int]:
    """Lengths of the non-blank lines followed by another non-blank line."""
    return [len(lines[i]) for i in range(len(lines) - 1) if filled[i] and filled[i + 1]]


def _filled(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it holds more than whitespace (computed once: a novel has 20,000 lines)."""
    return [bool(line.strip()) for line in lines]


def wrap_width(lines: Sequence[str]) -> int | None:
    """The hard-wrap width: most lines run on into the next, and their lengths bunch just under one width."""
    filled = _filled(lines)
    return _wrap_width(_inner_lengths(lines, filled), sum(filled))


def _wrap_width(inner_lengths: Sequence[int], filled: int) -> int | None:
    """wrap_width from the lengths of lines followed by another and the count of non-blank lines."""
    inner = sorted(inner_lengths)
    if len(inner) < 8 or len(inner) * 10 < filled * 3:
        return None
    width = inner[len(inner) * 98 // 100]
    median = inner[len(inner) // 2]
    # Greedy wrapping leaves most lines nearly full; ragged lines of any length are one-line paragraphs.
    if not 30 <= width <= 120 or median * 4 < width * 3:
        return None
    return width


def detect_layout(lines: Sequence[str]) -> Layout:
    """Detect the paragraph layout of a text from its lines."""
    filled = _filled(lines)
    inner = _inner_lengths(lines, filled)
    width = _wrap_width(inner, sum(filled))
    blocks = sum(1 for a, b in zip([False, *filled], filled, strict=False) if b and not a)
    # Indented layout: inside blocks of lines, new indented first lines are more common than blocks.
    indents = sum(
        1
        for i in range(1, len(lines))
        # lines[i][0].isspace() is 0 < _indent(lines[i]) for a non-blank line, without measuring it.
        if filled[i - 1]
        and filled[i]
        and lines[i][0].isspace()
        and _indent(lines[i]) <= 8
        and _indent(lines[i - 1]) == 0
    )
    indented = indents >= 3 and indents > blocks
    runs = len(inner)
    one_per_line = width is None and not indented and runs >= 3 and runs > blocks
    return Layout(width, indented, one_per_line)


def line_join(previous: str, line: str, layout: Layout) -> Join:
    """How `line` relates to the non-blank line before it."""
    if is_divider(previous) or is_divider(line):
        return Join.NEW
    return _join_between_text_lines(previous, line, layout)


def _join_between_text_lines(previous: str, line: str, layout: Layout) -> Join:
    """line_join for two lines that are not dividers."""
    if layout.indented and _indent(line) > _indent(previous) and 0 < _indent(line) <= 8:
        return Join.NEW
    # Three spaces in a row are needed for a table row; looking for them first skips the regex on prose.
    if "   " in previous and _TABLE.search(previous.strip()):
        return Join.LINE  # columns (a contents list, a cast list): wrapped prose has no wide spaces inside
    if layout.wrap_width is not None:
        room = layout.wrap_width - _WRAP_SLACK - len(previous.rstrip())
        first_word = line.split(maxsplit=1)[0]
        # The next word would have fitted on the previous line, so the break was made on purpose.
        if len(first_word) + 1 > room:
            return Join.WRAP
    elif layout.one_per_line or max(len(previous), len(line)) > _VERSE_LINE:
        return Join.NEW
    # A line of speech after a finished line of speech: the next speaker's paragraph, not a verse line.
    if previous.rstrip()[-1:] in _CLOSING_QUOTES and line.lstrip()[:1] in _OPENING_QUOTES:
        return Join.NEW
    return Join.LINE


def _join(previous: str, line: str, how: Join) -> str:
    """Append a line to a paragraph's text; a word broken at a hyphen is rejoined without a space."""
    line = line.strip()
    if how is Join.WRAP:
        if previous.endswith("-") and (previous[-2:-1].isalpha() or previous.endswith("--")):
            return previous + line
        return previous + " " + line
    # Spelled out rather than how.value: the enum machinery costs a function call per line of a novel.
    return previous + ("\n" if how is Join.LINE else "") + line


def _block_items(block: Sequence[str], gap: int, layout: Layout) -> Iterator[Item]:
    """The paragraphs of one block of consecutive non-blank lines."""
    # Each line is judged a divider once, not once with each neighbour (line_join's two checks).
    dividers = [is_divider(line) for line in block]
    text, count, item_gap = block[0].strip(), 1, gap
    for index in range(1, len(block)):
        previous, line = block[index - 1], block[index]
        if dividers[index - 1] or dividers[index]:
            how = Join.NEW
        else:
            how = _join_between_text_lines(previous, line, layout)
        if how is Join.NEW:
            yield Item(text, item_gap, count, count == 1 and dividers[index - 1])
            text, count, item_gap = line.strip(), 1, 0
        else:
            text, count = _join(text, line, how), count + 1
    yield Item(text, item_gap, count, count == 1 and dividers[-1])


def split_items(lines: Sequence[str], layout: Layout) -> list[Item]:
    """Split lines into paragraphs and divider lines, each with the count of blank lines before it."""
    items: list[Item] = []
    block: list[str] = []
    gap = 0
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.rstrip())
            continue
        if block:
            items.extend(_block_items(block, gap, layout))
            block, gap = [], 0
        gap += 1
    return items
