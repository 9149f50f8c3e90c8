"""Lines to paragraphs and stanzas: hard wraps undone, indented first lines, verse runs, deliberate lines."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

from ebookify.normalize.structure.layout import (
    SENTENCE_GAP,
    Layout,
    detect_layout,
    ends_sentence,
    line_indent,
    starts_lower,
    starts_upper,
    wrap_width,
)
from ebookify.normalize.structure.scenes import is_divider
from ebookify.normalize.structure.verse import looks_like_verse, verse_levels

__all__ = ["Item", "Join", "Layout", "detect_layout", "split_items", "wrap_width"]


class Join(Enum):
    """How two consecutive non-blank lines belong together."""

    WRAP = " "
    """The second line continues the first (hard wrap): joined with a space."""
    LINE = "\n"
    """A deliberate line break inside one paragraph (a letter, a list, a speaker's name): kept."""
    NEW = ""
    """The second line starts a new paragraph."""
    TURNOVER = "\t"
    """The second line is the overflow of the first, set deeper and going on in lower case (a long verse
    line broken "according to metre", or a stray indented wrap): joined with a space, never a new line."""


@dataclass(frozen=True)
class Item:
    """A paragraph, a stanza of verse or a divider line of the text, with the blank lines before it."""

    text: str
    gap: int = 1
    lines: int = 1
    divider: bool = False
    verse: tuple[int, ...] = ()
    """For a stanza, the indentation level of each of its lines ("\\n" separates them in `text`)."""
    indent: int = -1
    """The indentation of its first line as written (-1 when not known)."""


# Wrapped lines fill up to the width minus about one word: a break with room for this much more is deliberate.
_WRAP_SLACK = 6
# Three spaces inside a line set text in columns.
_TABLE = re.compile(r"\S {3,}\S")
_CLOSING_QUOTES = '"”'
_OPENING_QUOTES = '"“'
# A line longer than this never goes on a run of verse (its overflow, set deeper, may make it longer).
_VERSE_RUN_LINE = 80
# A line set this much deeper than the one above it, in lower case, is that line's overflow.
_TURNOVER_STEP = 2
# How far a first-line indent may stray from the text's usual one.
_INDENT_SLIP = 2
# Lines in an unwrapped text longer than this are prose, never lines of a poem or a letter.
_VERSE_LINE = 100
# A speaker's name or a label on its own line ("ALGERNON.", "SAMPSON:"), kept on the line above its speech.
_LABEL = re.compile(r"^[A-Z][A-Z .'’-]{1,30}[.:]$")


def _first_line_indent(previous: str, line: str, layout: Layout) -> bool:
    """In a text that indents its paragraphs, an indented line after a line no further in starts one."""
    if not layout.indented:
        return False
    indent = line_indent(line)
    # The text's own first-line indent, give or take a typing slip (a tab here, five spaces there).
    if indent <= layout.margin or abs(indent - layout.paragraph_indent) > _INDENT_SLIP:
        return False
    # A paragraph never starts in lower case: an indented lower-case line is a wrapped line set in.
    return line_indent(previous) <= indent and not starts_lower(line)


def _at_turnover_indent(previous: str, line: str, layout: Layout) -> bool:
    """A capitalised line at the indent the text sets its overflows at, that would make a line as long as
    its overflows make: "Have you chummed up with the mesa?" / "          Do you know its moods ...?"."""
    return (
        layout.turnover_indent is not None
        and line_indent(line) == layout.turnover_indent
        and len(previous.strip()) + 1 + len(line.strip()) >= layout.turnover_length
    )


def _break_kind(previous: str, line: str, layout: Layout) -> Join | None:
    """The join the layout forces between two text lines, or None when the break was deliberate (the next
    word would have fitted): those are settled once verse has been found."""
    if line_indent(line) >= line_indent(previous) + _TURNOVER_STEP and (
        starts_lower(line) or _at_turnover_indent(previous, line, layout)
    ):
        return Join.TURNOVER
    # Three spaces in a row are needed for a table row; looking for them first skips the regex on prose.
    # (In a justified text wide spaces are padding: "phones.   Not  just" is a line of prose.)
    wide = "   " in previous and "   " in previous.strip()
    if wide and layout.spaced_sentences:
        # The typist's gaps between sentences are no columns: only another wide gap makes a table row.
        wide = "   " in SENTENCE_GAP.sub(". ", previous.strip())
    if wide and not layout.justified and _TABLE.search(previous.strip()):
        return Join.LINE  # columns (a contents list, a cast list): wrapped prose has no wide spaces inside
    if layout.wrap_width is not None:
        room = layout.wrap_width - _WRAP_SLACK - len(previous)
        # The next word would not have fitted on the previous line: a hard wrap.
        if len(line.split(maxsplit=1)[0]) + 1 > room:
            return Join.WRAP
    return None


def _deliberate_join(previous: str, line: str, layout: Layout, lined: bool) -> Join:
    """A deliberate break outside verse: a new paragraph, a kept line, or a sloppy re-wrap after all.
    `lined` is True inside a run of several deliberate breaks (a letter's closing, an address, a list)."""
    if layout.one_per_line or (max(len(previous), len(line)) > _VERSE_LINE and layout.wrap_width is None):
        return Join.NEW
    # A line of speech after a finished line of speech: the next speaker's paragraph, not a kept line.
    if previous.rstrip()[-1:] in _CLOSING_QUOTES and line.lstrip()[:1] in _OPENING_QUOTES:
        return Join.NEW
    # Unwrapped lines are all deliberate; a speaker's name keeps its speech under it.
    if layout.wrap_width is None or _LABEL.match(previous.strip()):
        return Join.LINE
    # The sentence runs on into a lower-case word: re-wrapped by hand, never a deliberate line.
    if not ends_sentence(previous) and starts_lower(line):
        return Join.WRAP
    if lined:
        return Join.LINE
    # A lone short line ending a sentence in wrapped text ends its paragraph; "Dear John," keeps its line.
    return Join.NEW if ends_sentence(previous) else Join.LINE


def _verse_runs(block: Sequence[str], kinds: Sequence[Join | None], layout: Layout) -> list[range]:
    """Runs of lines that read as verse: every break inside the run deliberate, no line wrapped."""
    runs: list[range] = []
    start = 0
    # kinds[i] is the break before line i; None means deliberate. The end of the block closes the last run.
    for end in range(1, len(block) + 1):
        if end < len(block) and _may_continue_verse(block[end - 1], block[end], kinds[end]):
            continue
        # A line wrapped into the next one is prose, and so is the last line of a wrapped paragraph.
        stop = end - 1 if end < len(block) and kinds[end] is Join.WRAP else end
        first = start + 1 if kinds[start] is Join.WRAP else start
        if stop - first >= 2:
            runs.extend(_verse_in(block, kinds, range(first, stop), layout))
        start = end
    return runs


def _may_continue_verse(previous: str, line: str, kind: Join | None) -> bool:
    """A line may go on a run of verse after a deliberate break, or after a full line when it starts with
    a capital at the same indent or further in (a long verse line reaches the wrap width; wrapped prose
    goes on in lower case, or back at the margin under an indented first line)."""
    if len(line) > _VERSE_RUN_LINE:
        return False
    if kind is None or kind is Join.TURNOVER:
        return True
    return kind is Join.WRAP and starts_upper(line) and line_indent(line) >= line_indent(previous)


def _verse_in(block: Sequence[str], kinds: Sequence[Join | None], run: range, layout: Layout) -> list[range]:
    """The run itself when it is verse. A first line that ends a wrapped paragraph is left out."""
    lines = verse_lines(block, kinds, run)
    # Wrapped prose fills its lines (German prose starts many of them with a capital): a stanza reaches
    # the wrap width only now and then.
    full = sum(1 for i in run[1:] if kinds[i] is Join.WRAP)
    if full * 4 > len(lines):
        return []
    # A couplet is verse only when it is a block of its own set in from the margin.
    set_off = len(run) == len(block) and all(line_indent(line) > layout.margin for line in lines)
    # Unwrapped lines inside a longer block are often one-line paragraphs: such a run needs more evidence
    # than a stanza that stands between blank lines.
    strict = layout.wrap_width is None and len(run) < len(block)
    # A long line's overflow set deeper under it is verse's own habit: such a run is no list of sentences.
    overflows = any(kinds[i] is Join.TURNOVER for i in run)
    if looks_like_verse(lines, set_off, strict, overflows):
        return [run]
    if (
        len(run) > 2
        and kinds[run.start + 1] is not Join.TURNOVER
        and looks_like_verse(lines[1:], strict=strict)
    ):
        return [range(run.start + 1, run.stop)]
    return []


def verse_lines(block: Sequence[str], kinds: Sequence[Join | None], run: range) -> list[str]:
    """The lines of a run of verse, each overflow joined to the line it belongs to."""
    lines: list[str] = []
    for index in run:
        if kinds[index] is Join.TURNOVER and lines:
            lines[-1] = _join(lines[-1], block[index], Join.TURNOVER)
        else:
            lines.append(block[index])
    return lines


def _break_kinds(block: Sequence[str], dividers: Sequence[bool], layout: Layout) -> list[Join | None]:
    """The break before each line: NEW at dividers, a forced join, or None for a deliberate break."""
    kinds: list[Join | None] = [Join.NEW]
    for index in range(1, len(block)):
        if dividers[index - 1] or dividers[index]:
            kinds.append(Join.NEW)
        else:
            kinds.append(_break_kind(block[index - 1], block[index], layout))
    return kinds


def _block_items(block: Sequence[str], gap: int, layout: Layout) -> Iterator[Item]:
    """The paragraphs and stanzas of one block of consecutive non-blank lines."""
    # Each line is judged a divider once, not once with each neighbour.
    dividers = [is_divider(line) for line in block]
    kinds = _break_kinds(block, dividers, layout)
    verse = {run.start: run for run in _verse_runs(block, kinds, layout)} if len(block) > 1 else {}
    index, item_gap = 0, gap
    while index < len(block):
        if index in verse:
            run = verse[index]
            lines = verse_lines(block, kinds, run)
            text = "\n".join(line.strip() for line in lines)
            yield Item(text, item_gap, len(run), False, verse_levels(lines))
            index, item_gap = run.stop, 0
            continue
        end = index + 1
        text = block[index].strip()
        while end < len(block) and end not in verse:
            how = _prose_join(block, kinds, end, layout)
            if how is Join.NEW:
                break
            text = _join(text, block[end], how)
            end += 1
        yield Item(
            text, item_gap, end - index, end - index == 1 and dividers[index], (), line_indent(block[index])
        )
        index, item_gap = end, 0


def _prose_join(block: Sequence[str], kinds: Sequence[Join | None], index: int, layout: Layout) -> Join:
    """The join before line `index` outside verse: an indented first line starts a paragraph, forced joins
    stay, deliberate breaks are settled by their neighbours."""
    if _first_line_indent(block[index - 1], block[index], layout):
        return Join.NEW
    kind = kinds[index]
    if kind is not None:
        return kind
    return _deliberate_join(block[index - 1], block[index], layout, _lined(kinds, index))


def _lined(kinds: Sequence[Join | None], index: int) -> bool:
    """The break before line `index` is one of several deliberate breaks in a row."""
    before = index > 1 and kinds[index - 1] is None
    after = index + 1 < len(kinds) and kinds[index + 1] is None
    return before or after


def _join(previous: str, line: str, how: Join) -> str:
    """Append a line to a paragraph's text; a word broken at a hyphen is rejoined without a space."""
    line = line.strip()
    if how is Join.WRAP or how is Join.TURNOVER:
        if previous.endswith("-") and (previous[-2:-1].isalpha() or previous.endswith("--")):
            return previous + line
        return previous + " " + line
    # Spelled out rather than how.value: the enum machinery costs a function call per line of a novel.
    return previous + ("\n" if how is Join.LINE else "") + line


def split_items(lines: Sequence[str], layout: Layout) -> list[Item]:
    """Split lines into paragraphs, stanzas and divider lines, each with the blank lines before it."""
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
    return _page_breaks(items, layout) if layout.indented else items


def _page_breaks(items: Sequence[Item], layout: Layout) -> list[Item]:
    """In a text that indents its paragraphs, a blank line before a paragraph of several lines set at the
    margin is a page break of the source, not a gap: it is dropped, and a sentence it cut is joined again."""
    out: list[Item] = []
    for item in items:
        previous = out[-1] if out else None
        if (
            previous is None
            or item.gap == 0
            or item.lines < 2
            or not 0 <= item.indent <= layout.margin
            or item.divider
            or item.verse
            or previous.divider
            or previous.verse
        ):
            out.append(item)
        elif not ends_sentence(previous.text) and starts_lower(item.text):
            joined = _join(previous.text, item.text, Join.WRAP)
            out[-1] = Item(joined, previous.gap, previous.lines + item.lines, False, (), previous.indent)
        else:
            out.append(Item(item.text, 0, item.lines, False, (), item.indent))
    return out
