"""Runs of lines inside a block that read as verse, each overflow joined to the line it belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.structure.joins import TURNOVER, WRAP, Join, join_lines
from ebookify.normalize.structure.layout import Layout, line_indent, starts_upper
from ebookify.normalize.structure.verse import looks_like_verse

# The marks a verse line ends on, closing quotes and brackets included.
_LINE_STOPS = ",;:.!?-—)\"'’”"
# A line longer than this never goes on a run of verse (its overflow, set deeper, may make it longer).
_VERSE_RUN_LINE = 80


def verse_runs(block: Sequence[str], kinds: Sequence[Join | None], layout: Layout) -> list[range]:
    """Runs of lines that read as verse: every break inside the run deliberate, no line wrapped."""
    runs: list[range] = []
    start = 0
    # kinds[i] is the break before line i; None means deliberate. The end of the block closes the last run.
    for end in range(1, len(block) + 1):
        turned_over = kinds[end - 1] is TURNOVER
        if end < len(block) and _may_continue_verse(block[end - 1], block[end], kinds[end], turned_over):
            continue
        # A line wrapped into the next one is prose, and so is the last line of a wrapped paragraph.
        stop = end - 1 if end < len(block) and kinds[end] is WRAP else end
        first = start + 1 if kinds[start] is WRAP else start
        if stop - first >= 2:
            runs.extend(_verse_in(block, kinds, range(first, stop), layout))
        start = end
    return runs


def _may_continue_verse(previous: str, line: str, kind: Join | None, turned_over: bool = False) -> bool:
    """A line may go on a run of verse after a deliberate break, or after a full line when it starts with
    a capital at the same indent or further in (a long verse line reaches the wrap width; wrapped prose
    goes on in lower case, or back at the margin under an indented first line). After a long line's
    overflow (`turned_over`, set deeper) the next verse line starts back at the margin."""
    if len(line) > _VERSE_RUN_LINE:
        return False
    if kind is None or kind is TURNOVER:
        return True
    return kind is WRAP and starts_upper(line) and (turned_over or line_indent(line) >= line_indent(previous))


def _verse_in(block: Sequence[str], kinds: Sequence[Join | None], run: range, layout: Layout) -> list[range]:
    """The run itself when it is verse. A first line that ends a wrapped paragraph is left out."""
    lines = verse_lines(block, kinds, run)
    # Wrapped prose fills its lines (German prose starts many of them with a capital): a stanza reaches
    # the wrap width only now and then.
    full = sum(1 for i in run[1:] if kinds[i] is WRAP)
    turned = any(kinds[i] is TURNOVER for i in run)
    # A book of free verse that turns its long lines over (Whitman) fills its lines as often as prose
    # does: there a run that turns lines over is judged by its lines, not by how many reach the width.
    if full * 4 > len(lines) and not (turned and layout.turnover_indent is not None and layout.verse_book):
        return []
    # A couplet is verse only when it is a block of its own set in from the margin, or in a book of free
    # verse (one known by its overflows, not by a stanza size a couplet would break) when its first line
    # ends on a stop, as verse lines do ("... with your own," / "Else it were ..."), not mid-phrase as a
    # wrapped prose sentence does ("says Martin" / "Luther, ...").
    indented = all(line_indent(line) > layout.margin for line in lines)
    free_verse = layout.verse_book and not layout.stanza_lines and lines[0].rstrip()[-1:] in _LINE_STOPS
    set_off = len(run) == len(block) and (indented or free_verse)
    # Unwrapped lines inside a longer block are often one-line paragraphs: such a run needs more evidence
    # than a stanza that stands between blank lines.
    strict = layout.wrap_width is None and len(run) < len(block)
    # A long line's overflow set deeper under it is verse's own habit: such a run is no list of sentences.
    overflows = turned or (layout.verse_book and len(run) == len(block))
    patterned = layout.stanza_lines > 0 and len(run) == len(block)
    # A block of its own in a book of free verse known by its overflows is judged as free verse whether or
    # not its own lines run over: its lines' lengths vary as Whitman's do ("At the last, tenderly," /
    # "From the clasp of the knitted locks, ...").
    free_block = free_verse_book(layout) and len(run) == len(block)
    if looks_like_verse(lines, set_off, strict, overflows, patterned, turned=turned or free_block):
        return [run]
    # A stanza under a section's number ("16" / "I am of old and young, ...") is judged without the number,
    # and in a book of free verse by its turned lines as the whole run would be.
    free_turned = (turned and layout.verse_book) or free_block
    couplet = free_block and len(lines) > 1 and lines[1].rstrip()[-1:] in _LINE_STOPS
    if (
        len(run) > 2
        and kinds[run.start + 1] is not TURNOVER
        and looks_like_verse(lines[1:], couplet, strict, overflows=free_turned, turned=free_turned)
    ):
        # In unwrapped text no first line ends a wrapped paragraph: a stanza's first line that looks like
        # its others (same indent, a capital, a length among theirs, no colon announcing them) is verse too.
        if layout.wrap_width is None and len(run) == len(block) and _like_the_rest(lines):
            return [run]
        return [range(run.start + 1, run.stop)]
    return []


def _like_the_rest(lines: Sequence[str]) -> bool:
    """The first line is set and sized like the lines under it ("“Old and weak, but no matter, ...still."):
    its length within a fifth of theirs."""
    first, rest = lines[0], lines[1:]
    lengths = [len(line.strip()) for line in rest]
    return (
        line_indent(first) == line_indent(rest[0])
        and starts_upper(first)
        and not first.rstrip().endswith(":")
        and min(lengths) * 4 <= len(first.strip()) * 5 <= max(lengths) * 6
    )


def free_verse_book(layout: Layout) -> bool:
    """A book of free verse known by its long lines' overflows at one indent, not by a stanza size."""
    return layout.verse_book and layout.turnover_indent is not None and not layout.stanza_lines


def verse_lines(block: Sequence[str], kinds: Sequence[Join | None], run: range) -> list[str]:
    """The lines of a run of verse, each overflow joined to the line it belongs to."""
    lines: list[str] = []
    for index in run:
        if kinds[index] is TURNOVER and lines:
            lines[-1] = join_lines(lines[-1], block[index], TURNOVER)
        else:
            lines.append(block[index])
    return lines
