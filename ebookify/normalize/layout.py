"""Layout measured over a whole text: hard-wrap width, margin, indented first lines, double spacing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# A first-line indent is at most this many columns past the margin; further in is centring or a quotation.
MAX_PARAGRAPH_INDENT = 12
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_CLOSERS = "\"'”’»)]_*"
_FINAL = ".!?…:"


@dataclass(frozen=True)
class Layout:
    """How a text lays out its paragraphs, as measured from all of its lines."""

    wrap_width: int | None = None
    """The column the text is hard-wrapped at, None when lines are not wrapped."""
    indented: bool = False
    """Paragraphs start with an indented first line (whatever the blank lines do)."""
    one_per_line: bool = False
    """Every line is a paragraph (no blank lines, no wrapping)."""
    margin: int = 0
    """The indentation of the text's running lines (a left margin some old files carry)."""
    indented_starts: int = 0
    """Paragraph starts (after a blank line, or indented inside a block) that are indented."""
    starts: int = 0
    """All paragraph starts counted for `indented_starts`."""
    double_spaced: bool = False
    """Every line was followed by a blank line (typewriter double spacing), undone before splitting."""
    paragraph_indent: int = 0
    """The usual indentation of a paragraph's first line (in columns, tabs counted as 4)."""


def line_indent(line: str) -> int:
    """The number of leading spaces (tabs are expanded before layout is measured)."""
    return len(line) - len(line.lstrip())


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence punctuation (closing quotes and brackets aside)."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in _FINAL


def starts_lower(line: str) -> bool:
    """True when the line's first letter (after quotes and brackets) is lower case."""
    for char in line.lstrip()[:4]:
        if char.isalpha():
            return char.islower()
    return False


def filled_lines(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it holds more than whitespace (computed once: a novel has 20,000 lines)."""
    return [bool(line.strip()) for line in lines]


def _inner_lengths(lines: Sequence[str], filled: Sequence[bool]) -> list[int]:
    """Lengths of the non-blank lines followed by another non-blank line."""
    return [len(lines[i]) for i in range(len(lines) - 1) if filled[i] and filled[i + 1]]


def _wrap_width(lines: Sequence[str], filled: Sequence[bool]) -> int | None:
    """The hard-wrap width: most lines run on into the next, and their lengths bunch just under one width."""
    inner = sorted(_inner_lengths(lines, filled))
    if len(inner) < 8 or len(inner) * 10 < sum(filled) * 3:
        return None
    width = inner[len(inner) * 98 // 100]
    median = inner[len(inner) // 2]
    # Greedy wrapping leaves most lines nearly full; ragged lines of any length are one-line paragraphs.
    if not 30 <= width <= 120 or median * 4 < width * 3:
        return None
    # Wrapped prose goes on mid-sentence: many next lines start in lower case. Verse starts each line
    # with a capital, so a book of poems of even line lengths is not "wrapped".
    follows = [i + 1 for i in range(len(lines) - 1) if filled[i] and filled[i + 1]]
    lower = sum(1 for i in follows if starts_lower(lines[i]))
    return width if lower * 5 >= len(follows) else None


def wrap_width(lines: Sequence[str]) -> int | None:
    """The hard-wrap width of a text, None when its lines are not wrapped."""
    return _wrap_width(lines, filled_lines(lines))


def undouble(lines: Sequence[str]) -> tuple[list[str], bool]:
    """Typewriter double spacing undone: when a blank line follows nearly every line, even mid-sentence,
    one blank line is removed from every gap. Returns the lines and whether the text was double-spaced."""
    filled = filled_lines(lines)
    singles = touching = continued = 0
    for i in range(len(lines) - 1):
        if not filled[i]:
            continue
        if filled[i + 1]:
            touching += 1
        elif i + 2 < len(lines) and filled[i + 2]:
            singles += 1
            # A sentence going on across the blank line: the blank is line spacing, not a paragraph gap.
            continued += not ends_sentence(lines[i]) and starts_lower(lines[i + 2])
    if singles < 10 or touching * 4 > singles or continued * 6 < singles:
        return list(lines), False
    out: list[str] = []
    for i, line in enumerate(lines):
        if not filled[i] and (i == 0 or filled[i - 1]):
            continue  # the first blank line of each gap
        out.append(line)
    return out, True


def _margin(lines: Sequence[str], filled: Sequence[bool], width: int | None) -> int:
    """The indentation of running lines: lines after a nearly full line continue its paragraph."""
    counts: Counter[int] = Counter()
    for i in range(1, len(lines)):
        if filled[i] and filled[i - 1] and (width is None or len(lines[i - 1]) * 5 >= width * 4):
            counts[line_indent(lines[i])] += 1
    return counts.most_common(1)[0][0] if counts else 0


def _is_first_line_indent(indent: int, margin: int) -> bool:
    return margin < indent <= margin + MAX_PARAGRAPH_INDENT


def _count_starts(lines: Sequence[str], filled: Sequence[bool], margin: int) -> tuple[int, Counter[int], int]:
    """Paragraph starts: (indented ones inside blocks, the indents of indented ones, all starts)."""
    inside = starts = 0
    indents: Counter[int] = Counter()
    for i, line in enumerate(lines):
        if not filled[i]:
            continue
        indent = line_indent(line)
        first = i == 0 or not filled[i - 1]
        # Inside a block, a start is an indented line under a line at the margin (the lines of an indented
        # stanza follow each other at one indent).
        if not first and not (_is_first_line_indent(indent, margin) and line_indent(lines[i - 1]) <= margin):
            continue
        starts += 1
        if _is_first_line_indent(indent, margin):
            indents[indent] += 1
            inside += not first
    return inside, indents, starts


def detect_layout(lines: Sequence[str]) -> Layout:
    """Measure the paragraph layout of a text from its lines."""
    filled = filled_lines(lines)
    width = _wrap_width(lines, filled)
    margin = _margin(lines, filled, width)
    inside, indents, starts = _count_starts(lines, filled, margin)
    indented_starts = sum(indents.values())
    blocks = sum(1 for a, b in zip([False, *filled], filled, strict=False) if b and not a)
    # Indentation marks paragraphs when it starts paragraphs inside blocks of lines, and most starts are
    # indented: 163 indented first lines of 170 starts, whatever the blank lines between them do.
    indented = inside >= 3 and (inside > blocks or indented_starts * 3 >= starts * 2)
    runs = len(_inner_lengths(lines, filled))
    one_per_line = width is None and not indented and runs >= 3 and runs > blocks
    usual = indents.most_common(1)[0][0] if indents else 0
    return Layout(width, indented, one_per_line, margin, indented_starts, starts, paragraph_indent=usual)
