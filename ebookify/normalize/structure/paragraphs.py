"""Lines to paragraphs and stanzas: hard wraps undone, indented first lines, verse runs, deliberate lines."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ebookify.normalize.structure.headings import match_heading
from ebookify.normalize.structure.joins import NEW, WRAP, join_lines
from ebookify.normalize.structure.layout import (
    Layout,
    detect_layout,
    ends_sentence,
    line_indent,
    starts_lower,
    starts_upper,
    wrap_width,
)
from ebookify.normalize.structure.line_breaks import break_kinds, prose_join
from ebookify.normalize.structure.scenes import is_divider
from ebookify.normalize.structure.verse import verse_levels
from ebookify.normalize.structure.verse_runs import verse_lines, verse_runs

__all__ = ["Item", "Layout", "detect_layout", "split_items", "wrap_width"]


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


# An underline is as long as the line it is under, give or take this much, and starts where it starts.
_UNDERLINE_SLACK = 2


def _underlines(line: str, above: str) -> bool:
    """A rule of "-" or "=" right under a line of its own length, set where it is ("DRAMATIS PERSONAE" /
    "-----------------"): that line's underline, no scene break (a rule of another length divides)."""
    text = line.strip()
    if text[:1] not in "-=" or len(text) < 3 or text.strip(text[0]) or is_divider(above):
        return False
    return (
        abs(len(text) - len(above.strip())) <= _UNDERLINE_SLACK
        and abs(line_indent(line) - line_indent(above)) <= _UNDERLINE_SLACK
    )


def _block_items(block: Sequence[str], gap: int, layout: Layout) -> Iterator[Item]:
    """The paragraphs and stanzas of one block of consecutive non-blank lines."""
    if len(block) > 1 and any(line.lstrip()[:1] in "-=" for line in block[1:]):
        # Underlines go: they draw a line under a heading and hold no words.
        block = [block[0], *(line for i, line in enumerate(block[1:]) if not _underlines(line, block[i]))]
    # Each line is judged a divider once, not once with each neighbour.
    dividers = [is_divider(line) for line in block]
    kinds = break_kinds(block, dividers, layout)
    verse = {run.start: run for run in verse_runs(block, kinds, layout)} if len(block) > 1 else {}
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
            how = prose_join(block, kinds, end, layout)
            if how is NEW:
                break
            text = join_lines(text, block[end], how)
            end += 1
        yield Item(
            text, item_gap, end - index, end - index == 1 and dividers[index], (), line_indent(block[index])
        )
        index, item_gap = end, 0


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
    if not layout.verse_book and _verse_book(items):
        return split_items(lines, replace(layout, verse_book=True))
    if layout.stanza_lines:
        items = _closing_lines(items)
    elif layout.verse_book:
        items = one_line_stanzas(items)
    return _page_breaks(items, layout) if layout.indented else items


def _closing_lines(items: Sequence[Item]) -> list[Item]:
    """In a text set in stanzas of one size, a single line set off after a stanza is the poem's closing
    line (each canto of the Commedia ends on one): verse too. A heading or a line in capitals is not."""
    out: list[Item] = []
    for item in items:
        previous = out[-1] if out else None
        lone = item.lines == 1 and not item.verse and not item.divider and not item.text.isupper()
        closing = lone and previous is not None and previous.verse and match_heading(item.text) is None
        out.append(replace(item, verse=(0,)) if closing else item)
    return out


# A line of verse with its overflows runs over at most this many lines of the source.
_STANZA_LINE_ROWS = 3
# A one-line stanza has this many words at least: a lone word or two ("Chorus.") labels the next stanza.
_MIN_LINE_WORDS = 3
# At most this many one-line stanzas stand together between two stanzas.
_MAX_ONE_LINE_RUN = 3
# What a verse line may open with besides a letter: quotes and a parenthesis (a title's or a note's
# printed marks, "}  To Old Age", "[Written in ...]", open no verse line).
_VERSE_OPENERS = "\"'‘“("


def _one_line(item: Item) -> bool:
    """A single line of text (its overflows joined) that is no heading, title line, divider or note."""
    text = item.text.strip()
    return (
        not item.verse
        and not item.divider
        and item.gap == 1
        and item.lines <= _STANZA_LINE_ROWS
        and len(text.split()) >= _MIN_LINE_WORDS
        and "\n" not in text
        and (text[:1].isalpha() or text[:1] in _VERSE_OPENERS)
        and starts_upper(text)
        and not text.isupper()
        and match_heading(text) is None
    )


def one_line_stanzas(items: Sequence[Item]) -> list[Item]:
    """In a book of verse, a line standing alone between two stanzas (or two or three such lines) is a
    stanza of one line, as free verse sets its refrains and turns ("O hope and faith!"), not a paragraph:
    in such a book prose is the exception, and a lone line set off by the usual gap (a title or a note is
    set off wider, or marked) among stanzas reads as one of them."""
    out = list(items)
    index = 0
    while index < len(out):
        end = index
        while end < len(out) and end - index < _MAX_ONE_LINE_RUN + 1 and _one_line(out[end]):
            end += 1
        framed = index > 0 and end < len(out) and out[index - 1].verse and out[end].verse
        if end > index and end - index <= _MAX_ONE_LINE_RUN and framed and out[end].gap == 1:
            for lone in range(index, end):
                out[lone] = replace(out[lone], verse=(0,))
        index = max(end, index + 1)
    return out


# A book of poems: this many stanzas at least, ten for each block of prose lines.
_VERSE_BOOK_STANZAS = 20
_VERSE_BOOK_SHARE = 10


def _verse_book(items: Sequence[Item]) -> bool:
    """Nearly every block of several lines is a stanza: the text is a book of poems."""
    stanzas = sum(1 for item in items if item.verse)
    prose = sum(1 for item in items if not item.verse and item.lines > 1)
    return stanzas >= _VERSE_BOOK_STANZAS and prose * _VERSE_BOOK_SHARE <= stanzas


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
            joined = join_lines(previous.text, item.text, WRAP)
            out[-1] = Item(joined, previous.gap, previous.lines + item.lines, False, (), previous.indent)
        else:
            out.append(Item(item.text, 0, item.lines, False, (), item.indent))
    return out
