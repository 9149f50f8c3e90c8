"""Layout measured over a whole text: hard-wrap width, margin, indented first lines, double spacing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ebookify.normalize.structure.line_blocks import lines_are_paragraphs
from ebookify.normalize.structure.scenes import is_divider
from ebookify.normalize.structure.stanza_pattern import stanza_lines

# A first-line indent is at most this many columns past the margin; further in is centring or a quotation.
MAX_PARAGRAPH_INDENT = 12
# Sentence-final punctuation, possibly followed by closing quotes or brackets (or opening quotes typed
# the wrong way round).
_CLOSERS = "\"'”’»)]_*“‘«"
_FINAL = ".!?…:"
# The wrap floor is the length this share (in percent) of certainly wrapped lines falls short of.
_FLOOR_PERCENTILE = 5


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
    turnover_indent: int | None = None
    """The indent a long verse line's overflow is set at ("the continuation is indented 10 spaces"), when
    the text sets its overflows at one indent; None otherwise."""
    turnover_length: int = 0
    """The shortest line an overflow at that indent makes once joined to the line above it."""
    spaced_sentences: bool = False
    """Sentences set three or more spaces apart ("system.   As she calmed down"), a typist's habit: such a
    gap after a full stop is no column of a table."""
    justified: bool = False
    """Lines padded to the right margin with spaces between words ("Barringer  had  always"): wide spaces
    inside a line are the typist's justification, not columns of a table."""
    verse_book: bool = False
    stanza_lines: int = 0
    """The size of the stanzas nearly every block of the text is (3 for tercets), 0 when it shows no such
    pattern: such a text is verse by its pattern, unwrapped, even where its lines start in lower case."""
    """Nearly every block of the text is a stanza (a book of poems): there a block of short capitalised
    lines is a stanza even when its lines end sentences ("Hark to the song where spheral voices blend:")."""
    wrap_floor: int = 0
    """The length nearly all certainly wrapped lines reach (their 5th percentile), when that is close to the
    width (0 otherwise): a line this long that ends a sentence is no short line of a ragged print wrap."""


def line_indent(line: str) -> int:
    """The number of leading spaces (tabs are expanded before layout is measured)."""
    return len(line) - len(line.lstrip())


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence punctuation (closing quotes and brackets aside)."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in _FINAL


def starts_lower(line: str) -> bool:
    """True when the line's first letter (after quotes and brackets) is lower case."""
    text = line.lstrip()
    if text[:1].isalpha():
        return text[0].islower()  # most lines start with a letter: decided without a loop
    for char in text[:4]:
        if char.isalpha():
            return char.islower()
    return False


def starts_upper(line: str) -> bool:
    """True when the line's first character, after quotes and brackets, is an upper-case letter."""
    for char in line.lstrip()[:4]:
        if char.isalpha():
            return char.isupper()
        if char.isdigit():
            return False
    return False


def filled_lines(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it holds more than whitespace (computed once: a novel has 20,000 lines)."""
    return [bool(line.strip()) for line in lines]


def _wrap_width(lines: Sequence[str], filled: Sequence[bool]) -> tuple[int | None, int]:
    """The hard-wrap width, measured on the lines that certainly wrap: a line that leaves its sentence
    unfinished while the next line goes on in lower case. Their lengths bunch just under one width.
    Also returns the wrap floor (see `Layout.wrap_floor`).

    Measuring only those keeps a play's short verse lines or a poem among the prose out of the measure;
    verse starts its lines with capitals, so a book of even-length poems is not "wrapped"."""
    inner = 0
    run_on: list[int] = []
    for i in range(len(lines) - 1):
        if filled[i] and filled[i + 1]:
            inner += 1
            # A verse line's overflow set deeper under it is no wrap of running text, nor is the second
            # overflow under the first (Whitman's long lines run over two or three lines set in).
            if (
                starts_lower(lines[i + 1])
                and not ends_sentence(lines[i])
                and not _deeper(lines[i + 1], lines[i])
                and not (i and filled[i - 1] and starts_lower(lines[i]) and _deeper(lines[i], lines[i - 1]))
            ):
                run_on.append(len(lines[i]))
    # One line in twenty running on, or a hundred in all (the prose speeches of a verse play).
    if len(run_on) < 8 or (len(run_on) * 20 < inner and len(run_on) < 100) or inner * 10 < sum(filled) * 3:
        return None, 0
    run_on.sort()
    width = run_on[len(run_on) * 98 // 100]
    median = run_on[len(run_on) // 2]
    # Greedy wrapping leaves most lines nearly full; ragged lines of any length are one-line paragraphs.
    if not 30 <= width <= 120 or median * 4 < width * 3:
        return None, 0
    # A print page set in a proportional type wraps raggedly (lines of 43 to 54 characters at width 54);
    # the floor means something only when nearly all wrapped lines reach three quarters of the width.
    floor = run_on[len(run_on) * _FLOOR_PERCENTILE // 100]
    return width, floor if floor * 4 >= width * 3 else 0


def _deeper(line: str, previous: str) -> bool:
    """The line is set at least two columns deeper than the one above it."""
    return line[:1].isspace() and line_indent(line) >= line_indent(previous) + 2


def wrap_width(lines: Sequence[str]) -> int | None:
    """The hard-wrap width of a text, None when its lines are not wrapped."""
    return _wrap_width(lines, filled_lines(lines))[0]


def undouble(lines: Sequence[str]) -> tuple[list[str], bool]:
    """Typewriter double spacing undone: when a blank line follows nearly every line, even mid-sentence,
    one blank line is removed from every gap. Returns the lines and whether the text was double-spaced."""
    filled = filled_lines(lines)
    touching = sum(1 for a, b in pairwise(filled) if a and b)
    singles = [i for i in range(len(lines) - 2) if filled[i] and not filled[i + 1] and filled[i + 2]]
    if len(singles) < 10 or touching * 4 > len(singles):
        return list(lines), False
    # A sentence going on across the blank line: the blank is line spacing, not a paragraph gap.
    continued = sum(1 for i in singles if not ends_sentence(lines[i]) and starts_lower(lines[i + 2]))
    if continued * 6 < len(singles):
        return list(lines), False
    out: list[str] = []
    for i, line in enumerate(lines):
        if not filled[i] and (i == 0 or filled[i - 1]):
            continue  # the first blank line of each gap
        out.append(line)
    return out, True


def _margin(lines: Sequence[str], indents: Sequence[int], filled: Sequence[bool], width: int | None) -> int:
    """The indentation of running lines: lines after a nearly full line continue its paragraph."""
    counts: Counter[int] = Counter()
    for i in range(1, len(lines)):
        if filled[i] and filled[i - 1] and (width is None or len(lines[i - 1]) * 5 >= width * 4):
            counts[indents[i]] += 1
    return counts.most_common(1)[0][0] if counts else 0


def _count_starts(
    lines: Sequence[str], indents: Sequence[int], filled: Sequence[bool], margin: int
) -> tuple[int, Counter[int], int]:
    """Paragraph starts: (indented ones inside blocks, the indents of indented ones, all starts)."""
    inside = starts = 0
    found: Counter[int] = Counter()
    deepest = margin + MAX_PARAGRAPH_INDENT
    for i, indent in enumerate(indents):
        if not filled[i]:
            continue
        first = i == 0 or not filled[i - 1]
        indented = margin < indent <= deepest
        # Inside a block, a start is an indented line under a line at the margin, or under a one-line
        # paragraph (the lines of an indented stanza follow each other at one indent, mid-sentence).
        if not first and not (indented and (indents[i - 1] <= margin or ends_sentence(lines[i - 1]))):
            continue
        if indented and starts_lower(lines[i]):
            continue  # a paragraph never starts in lower case: an overflow or a wrap set deeper
        if first and is_divider(lines[i]):
            continue  # a divider line starts no paragraph
        starts += 1
        if indented:
            found[indent] += 1
            inside += not first
    return inside, found, starts


def detect_layout(lines: Sequence[str]) -> Layout:
    """Measure the paragraph layout of a text from its lines."""
    filled = filled_lines(lines)
    indents = [len(line) - len(line.lstrip()) for line in lines]
    width, floor = _wrap_width(lines, filled)
    stanzas = stanza_lines(lines, filled)
    if stanzas:
        width, floor = None, 0  # the stanzas' even lines are no hard wrap
    margin = _margin(lines, indents, filled, width)
    inside, found, starts = _count_starts(lines, indents, filled, margin)
    indented_starts = sum(found.values())
    blocks = sum(1 for a, b in zip([False, *filled], filled, strict=False) if b and not a)
    # Indentation marks paragraphs when it starts paragraphs inside blocks of lines, and most starts are
    # indented: 163 indented first lines of 170 starts, whatever the blank lines between them do.
    indented = inside >= 3 and (inside > blocks or indented_starts * 3 >= starts * 2)
    runs = sum(1 for a, b in pairwise(filled) if a and b)
    usual = found.most_common(1)[0][0] if found else 0
    turnover, length, overflows = _turnovers(lines, indents, filled)
    # A text that sets long lines' overflows at one indent, one line in twenty or more (Whitman's Leaves
    # of Grass, Service's ballads), is a book of verse: prose runs over so only now and then (a hanging
    # indent under a list's items, three lines in a thousand in the texts measured).
    overflowing = turnover is not None and overflows * 20 >= sum(filled)
    verse_book = bool(stanzas) or overflowing
    # A book of verse reads its unwrapped lines one by one (its poems' titles, one-line stanzas among them).
    unblocked = verse_book or lines_are_paragraphs(lines, runs, blocks)
    one_per_line = width is None and not indented and runs >= 3 and runs > blocks and unblocked
    return Layout(
        width, indented, one_per_line, margin, indented_starts, starts,
        paragraph_indent=usual, turnover_indent=turnover, turnover_length=length,
        spaced_sentences=_spaced_sentences(lines, filled), justified=_justified(lines, filled),
        verse_book=verse_book, wrap_floor=floor, stanza_lines=stanzas,
    )  # fmt: skip


# Three spaces or more after a sentence's end, before the next sentence's capital.
SENTENCE_GAP = re.compile(r"[.!?][\"'’”)]? {3,}(?=[\"'‘“(]?[A-Z])")
# A typist's habit shows in this many lines at least, and this share of the lines with wide gaps (the rest
# may be a table: Bureau's two-column dialogue of machines).
_MIN_SPACED_LINES = 10
_SPACED_SHARE = 1 / 3
# Three spaces or more between two words inside a line: text set in columns (a table, a contents or cast
# list), or a typist's wide sentence spacing.
WIDE_GAP = re.compile(r"\S {3,}\S")
# The dash that sets a poem's or an epigraph's source on its own line ("--WORDSWORTH.", "— Byron").
SOURCE_DASH = r"(?:-{1,3}|[—–])\s?"


def _spaced_sentences(lines: Sequence[str], filled: Sequence[bool]) -> bool:
    """The typist set sentences three or more spaces apart inside the text's lines."""
    wide = [line.strip() for line, full in zip(lines, filled, strict=True) if full and "   " in line.strip()]
    wide = [text for text in wide if WIDE_GAP.search(text)]
    spaced = sum(1 for text in wide if SENTENCE_GAP.search(text))
    return spaced >= _MIN_SPACED_LINES and spaced >= len(wide) * _SPACED_SHARE


# Padding between two words inside a sentence ("had  always", "phones,  or"); two spaces after a full stop
# are only the typewriter's sentence spacing, which many texts keep.
# A gap of four spaces or more inside a line is a column's ("gourmand,         gulzig"), not padding.
_PADDING = re.compile(r"[a-z,;] {2,3}[a-z]")
_COLUMN_GAP = re.compile(r"\S {4,}\S")
# A justified text pads at least this share of its lines.
_JUSTIFIED_SHARE = 0.3
_MIN_JUSTIFIED_LINES = 10


def _justified(lines: Sequence[str], filled: Sequence[bool]) -> bool:
    """Most lines of the text padded with spaces between words to reach the right margin."""
    texts = [line.strip() for line, full in zip(lines, filled, strict=True) if full]
    padded = sum(
        1 for text in texts if "  " in text and _PADDING.search(text) and not _COLUMN_GAP.search(text)
    )
    return padded >= _MIN_JUSTIFIED_LINES and padded >= len(texts) * _JUSTIFIED_SHARE


# Overflows set at one indent: at least this many, and this share of all lines going on deeper in lower case.
_MIN_TURNOVERS = 5
_TURNOVER_SHARE = 2 / 3


def _turnovers(
    lines: Sequence[str], indents: Sequence[int], filled: Sequence[bool]
) -> tuple[int | None, int, int]:
    """The indent of the text's overflow lines (set deeper, going on in lower case) when nearly all sit at
    one indent, the shortest joined line they make and how many there are; (None, 0, 0) without such a
    habit."""
    found: dict[int, list[int]] = {}
    for i in range(1, len(lines)):
        if filled[i] and filled[i - 1] and indents[i] >= indents[i - 1] + 2 and starts_lower(lines[i]):
            found.setdefault(indents[i], []).append(len(lines[i - 1].strip()) + 1 + len(lines[i].strip()))
    total = sum(len(joined) for joined in found.values())
    if not found:
        return None, 0, 0
    indent, joined = max(found.items(), key=lambda item: len(item[1]))
    if len(joined) < _MIN_TURNOVERS or len(joined) < total * _TURNOVER_SHARE:
        return None, 0, 0
    return indent, min(joined), len(joined)
