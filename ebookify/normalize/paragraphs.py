"""Paragraph layout: blank-line, indented or one-line paragraphs, hard-wrap width, and lines to paragraphs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
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


def _inner_lengths(lines: Sequence[str]) -> list[int]:
    """Lengths of the non-blank lines followed by another non-blank line."""
    return [len(a) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]


def wrap_width(lines: Sequence[str]) -> int | None:
    """The hard-wrap width: most lines run on into the next, and their lengths bunch just under one width."""
    inner = sorted(_inner_lengths(lines))
    filled = sum(1 for line in lines if line.strip())
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
    width = wrap_width(lines)
    blocks = sum(1 for a, b in zip(["", *lines], lines, strict=False) if b.strip() and not a.strip())
    pairs = list(itertools.pairwise(lines))
    # Indented layout: inside blocks of lines, new indented first lines are more common than blocks.
    indents = sum(1 for a, b in pairs if a.strip() and b.strip() and 0 < _indent(b) <= 8 and _indent(a) == 0)
    indented = indents >= 3 and indents > blocks
    runs = len(_inner_lengths(lines))
    one_per_line = width is None and not indented and runs >= 3 and runs > blocks
    return Layout(width, indented, one_per_line)


def line_join(previous: str, line: str, layout: Layout) -> Join:
    """How `line` relates to the non-blank line before it."""
    if is_divider(previous) or is_divider(line):
        return Join.NEW
    if layout.indented and _indent(line) > _indent(previous) and 0 < _indent(line) <= 8:
        return Join.NEW
    if _TABLE.search(previous.strip()):
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
    if how is Join.WRAP and previous.endswith("-") and previous[-2:-1].isalpha():
        return previous + line
    if how is Join.WRAP and previous.endswith("--"):
        return previous + line
    return previous + how.value + line


def _block_items(block: Sequence[str], gap: int, join: Callable[[str, str], Join]) -> Iterator[Item]:
    """The paragraphs of one block of consecutive non-blank lines."""
    text, count, item_gap = block[0].strip(), 1, gap
    for previous, line in itertools.pairwise(block):
        how = join(previous, line)
        if how is Join.NEW:
            yield Item(text, item_gap, count, count == 1 and is_divider(text))
            text, count, item_gap = line.strip(), 1, 0
        else:
            text, count = _join(text, line, how), count + 1
    yield Item(text, item_gap, count, count == 1 and is_divider(text))


def split_items(lines: Sequence[str], layout: Layout) -> list[Item]:
    """Split lines into paragraphs and divider lines, each with the count of blank lines before it."""
    items: list[Item] = []
    block: list[str] = []
    gap = 0

    def join(previous: str, line: str) -> Join:
        return line_join(previous, line, layout)

    for line in [*lines, ""]:
        if line.strip():
            block.append(line.rstrip())
            continue
        if block:
            items.extend(_block_items(block, gap, join))
            block, gap = [], 0
        gap += 1
    return items
