"""How two lines of a block join: a hard wrap, a kept line, a new paragraph, or a verse line's overflow."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.structure import block_evidence
from ebookify.normalize.structure.block_evidence import capitalised_inset, ragged_prose_line, set_right
from ebookify.normalize.structure.headings import match_heading
from ebookify.normalize.structure.joins import LINE, NEW, TURNOVER, WRAP, Join
from ebookify.normalize.structure.layout import (
    SENTENCE_GAP,
    SOURCE_DASH,
    WIDE_GAP,
    Layout,
    ends_sentence,
    line_indent,
    starts_lower,
    starts_upper,
)
from ebookify.normalize.structure.open_quotes import continues_quotation, open_quotation
from ebookify.normalize.structure.wrapped_units import wrapped_unit

# Wrapped lines fill up to the width minus about one word: a break with room for this much more is deliberate.
_WRAP_SLACK = 6
_CLOSING_QUOTES = '"”'
_OPENING_QUOTES = '"“'
# A line set this much deeper than the one above it, in lower case, is that line's overflow.
_TURNOVER_STEP = 2
# How far a first-line indent may stray from the text's usual one.
_INDENT_SLIP = 2
# Lines in an unwrapped text longer than this are prose, never lines of a poem or a letter.
_VERSE_LINE = 100
# A speaker's name or a label on its own line ("ALGERNON.", "SAMPSON:"), kept on the line above its speech.
_LABEL = re.compile(r"^[A-Z][A-Z .'’-]{1,30}[.:]$")
# A poem's source set under its last line after a dash: "--WORDSWORTH.", "— Lord Byron" (a few capitalised
# words). A wrapped sentence never goes on after its full stop with a dash and a name.
_CREDIT = re.compile(rf"^{SOURCE_DASH}[A-ZÀ-Þ][\w.'’]*(?:\s[A-ZÀ-Þ][\w.'’]*){{0,4}}$")


# An overflow is set because the line did not fit: joined, the two lines make at least this many columns.
# Shorter, the deeper lower-case line is a line of its own (a refrain "high trolollie lee," set in under
# "The country man doth find!", Herbert's "for thou must die." set to the right).
_OVERFLOW_WIDTH = 64


def _overflows(previous: str, line: str) -> bool:
    """The lower line could be the overflow of the upper one: together they are too long for one line."""
    return len(previous.rstrip()) + 1 + len(line.strip()) >= _OVERFLOW_WIDTH


def _first_line_indent(previous: str, line: str, layout: Layout) -> bool:
    """In a text that indents its paragraphs, an indented line after a line no further in starts one."""
    if not layout.indented:
        return False
    indent = line_indent(line)
    # The text's own first-line indent, give or take a typing slip (a tab here, five spaces there).
    if indent <= layout.margin or abs(indent - layout.paragraph_indent) > _INDENT_SLIP:
        return False
    # A paragraph never starts in lower case: an indented lower-case line is a wrapped line set in.
    return (line_indent(previous) <= indent or _right_set(previous, layout)) and not starts_lower(line)


# A line set flush right (a play's "[Enter Women and Children.", a signature) starts past this share of the
# wrap width and ends within a few columns of it: a line of its own, whatever is indented under it. So is a
# bracketed direction set in past a quarter of the width (a play's centred "[Polly listning.]").
_RIGHT_SET_SHARE = 0.5
_RIGHT_SET_SLACK = 6
_SET_IN_DIRECTION = 0.25


def _right_set(line: str, layout: Layout) -> bool:
    width = layout.wrap_width
    if width is None:
        return False
    indent, end = line_indent(line), len(line.rstrip())
    direction = line.lstrip().startswith("[") and indent >= width * _SET_IN_DIRECTION
    return direction or (indent >= width * _RIGHT_SET_SHARE and end >= width - _RIGHT_SET_SLACK)


def _at_turnover_indent(previous: str, line: str, layout: Layout) -> bool:
    """A capitalised line at the indent the text sets its overflows at, that would make a line as long as
    its overflows make: "Have you chummed up with the mesa?" / "          Do you know its moods ...?"."""
    return (
        layout.turnover_indent is not None
        and line_indent(line) == layout.turnover_indent
        and len(previous.strip()) + 1 + len(line.strip()) >= layout.turnover_length
    )


def _second_overflow(previous: str, line: str, layout: Layout) -> bool:
    """In a book of verse, a lower-case line at its overflow indent under one: a line run over twice."""
    indent = layout.turnover_indent if layout.verse_book else None
    return indent is not None and line_indent(line) == indent == line_indent(previous) and starts_lower(line)


def _break_kind(previous: str, line: str, layout: Layout) -> Join | None:
    """The join the layout forces between two text lines, or None when the break was deliberate (the next
    word would have fitted): those are settled once verse has been found."""
    if (
        line[:1].isspace()  # a line at the margin is set no deeper (most lines: no indents measured)
        and line_indent(line) >= line_indent(previous) + _TURNOVER_STEP
        and (starts_lower(line) or _at_turnover_indent(previous, line, layout))
        and _overflows(previous, line)
    ) or _second_overflow(previous, line, layout):
        return TURNOVER
    # Three spaces in a row are needed for a table row; looking for them first skips the regex on prose.
    # (In a justified text wide spaces are padding: "phones.   Not  just" is a line of prose.)
    wide = "   " in previous and "   " in previous.strip()
    if wide and layout.spaced_sentences:
        # The typist's gaps between sentences are no columns: only another wide gap makes a table row.
        wide = "   " in SENTENCE_GAP.sub(". ", previous.strip())
    if wide and not layout.justified and WIDE_GAP.search(previous.strip()) and not _runs_on(line):
        return LINE  # columns (a contents list, a cast list): wrapped prose has no wide spaces inside
    if is_credit_line(line) and ends_sentence(previous):
        return None  # the source's own line, however little room the verse line above it left
    # A capitalised line set a third of the width in or more (a signature or a source set to the right:
    # "JOSEPH GLANVILL" at column 40) never goes on a wrapped line: wrapped lines go on at the margin (a
    # column's own wrap goes on in lower case, "b.v." / "aller à la maison").
    if set_right(line, layout) and not starts_lower(line):
        return None
    if layout.wrap_width is not None:
        room = layout.wrap_width - _WRAP_SLACK - len(previous)
        # The next word would not have fitted on the previous line: a hard wrap.
        if len(block_evidence.first_word(line)) + 1 > room:
            return WRAP
    return None


def _runs_on(line: str) -> bool:
    """A line going on in lower case with no wide gap of its own continues the sentence above, whatever
    gap the line above holds ("movement.'   `Still they could move ... said" / "the Medical Man."): a row of
    columns is followed by another row, never by a lone lower-case half-line."""
    return starts_lower(line) and WIDE_GAP.search(line.strip()) is None


def _deliberate_join(
    previous: str, line: str, layout: Layout, lined: bool, prose: bool, *, quoting: bool = False
) -> Join:
    """A deliberate break outside verse: a new paragraph, a kept line, or a sloppy re-wrap after all.
    `lined` is True inside a run of several deliberate breaks (a letter's closing, an address, a list);
    `prose` when some line of the block goes on in lower case (wrapped prose, no quoted couplet);
    `quoting` when a quotation opened in the block above is still open at the end of `previous`."""
    if layout.one_per_line or (max(len(previous), len(line)) > _VERSE_LINE and layout.wrap_width is None):
        return NEW
    # A line of speech after a finished line of speech: the next speaker's paragraph, not a kept line.
    if previous.rstrip()[-1:] in _CLOSING_QUOTES and line.lstrip()[:1] in _OPENING_QUOTES:
        return NEW
    if wrapped_unit(previous, line):
        return WRAP
    # Unwrapped lines are all deliberate; a speaker's name keeps its speech under it.
    if layout.wrap_width is None or _LABEL.match(previous.strip()):
        return LINE
    # The sentence runs on into a lower-case word: re-wrapped by hand, never a deliberate line.
    if not ends_sentence(previous) and starts_lower(line):
        return WRAP
    if lined:
        return LINE
    if prose and block_evidence.runs_on_at_capital(previous, line, layout):
        return WRAP
    if not ends_sentence(previous):
        return LINE  # "Dear John," keeps its line
    # A paragraph never starts in lower case: "Ugh! ugh! ugh!" / "ugh! ugh! ugh!" is one outcry (what a
    # colon announces keeps its line: "Executive Director:" / "hart@vmd.cso.uiuc.edu").
    if starts_lower(line):
        # (A row of columns, "il a bien mal,      hij heeft erge pijn.", keeps its line too.)
        kept = previous.rstrip().endswith(":") or WIDE_GAP.search(line.strip()) is not None
        return LINE if kept else WRAP
    if _ragged_wrap(previous, line, layout):
        return WRAP
    # A speech going on past a ragged line end ('"you have a fine color.' / 'Where's Fred?"') is one
    # paragraph: a new one would open with a quotation mark of its own (quoted verse is set in).
    if quoting and continues_quotation(previous, line, layout):
        return WRAP
    # A lone short line ending a sentence in wrapped text ends its paragraph.
    return NEW


def _ragged_wrap(previous: str, line: str, layout: Layout) -> bool:
    """A sentence's end that left room for the next word, followed by a capitalised line at the same
    indent, is still a wrap when the text marks its paragraphs otherwise: by indenting them (this line is
    at the margin), or by wrapping raggedly (the line is as long as nearly all its wrapped lines are)."""
    if line_indent(line) != line_indent(previous) or not starts_upper(line):
        return False
    # A heading set right under the text ("6. BACK AT THE HELM", "CHAPTER II") starts something new.
    if line.strip().isupper() or match_heading(line.strip()) is not None:
        return False
    # Under a short line ("dance?" closing a verse line's overflow) the margin says nothing: only a line of
    # running prose, two thirds of the width at least, is continued at the margin.
    width = layout.wrap_width or 0
    at_margin = layout.indented and line_indent(line) <= layout.margin and len(previous) * 3 >= width * 2
    return at_margin or 0 < layout.wrap_floor <= len(previous)


def is_credit_line(line: str) -> bool:
    """A poem's source after a dash, on its own line: "--WORDSWORTH.", "— Lord Byron"."""
    return _CREDIT.match(line.strip()) is not None


def break_kinds(block: Sequence[str], dividers: Sequence[bool], layout: Layout) -> list[Join | None]:
    """The break before each line: NEW at dividers, a forced join, or None for a deliberate break."""
    kinds: list[Join | None] = [NEW]
    for index in range(1, len(block)):
        if dividers[index - 1] or dividers[index]:
            kinds.append(NEW)
        else:
            kinds.append(_break_kind(block[index - 1], block[index], layout))
    for index in range(1, len(block) - 1):
        # A capital line at the overflow indent over a line set deeper still ("    But O heart! heart!" /
        # "     O the bleeding drops of red,") opens a refrain stepping in: no overflow of the line above.
        step = kinds[index + 1] is None and line_indent(block[index + 1]) > line_indent(block[index])
        if kinds[index] is TURNOVER and starts_upper(block[index]) and step:
            kinds[index] = None
    if capitalised_inset(block, layout):
        # A set-in block whose every line starts with a capital (a verse epigraph in a wrapped text) was
        # not wrapped at the text's width: its long lines' breaks are deliberate, left to the verse test.
        kinds = [None if kind is WRAP else kind for kind in kinds]
        kinds[0] = NEW
    if layout.wrap_width is None and _wrapped_prose(block):
        # A text of unwrapped lines (a poem) may hold a paragraph of prose wrapped by hand (a book's
        # argument before its verse): its breaks after full lines are wraps.
        long = [index for index in range(1, len(block)) if len(block[index - 1].strip()) >= _PROSE_LINE]
        for index in long:
            kinds[index] = WRAP if kinds[index] is None else kinds[index]
    return kinds


# A line of wrapped prose reaches this many characters; lines of verse mostly fall short of it.
_PROSE_LINE = 55
# A block of this many lines at least can be judged wrapped prose.
_PROSE_BLOCK = 3


def _wrapped_prose(block: Sequence[str]) -> bool:
    """A block of full lines, two in three at least, half of them going on in lower case on the next line
    ("... wherein he was placed:" / "then touches the prime cause ..."): prose wrapped, not verse."""
    if len(block) < _PROSE_BLOCK:
        return False
    long = [index for index in range(len(block) - 1) if len(block[index].strip()) >= _PROSE_LINE]
    if len(long) * 3 < (len(block) - 1) * 2:
        return False
    return sum(starts_lower(block[index + 1]) for index in long) * 2 >= len(long)


def prose_join(block: Sequence[str], kinds: Sequence[Join | None], index: int, layout: Layout) -> Join:
    """The join before line `index` outside verse: an indented first line starts a paragraph, forced joins
    stay, deliberate breaks are settled by their neighbours."""
    kind = kinds[index]
    if _first_line_indent(block[index - 1], block[index], layout) and not _set_in_wrap(block, kinds, index):
        return NEW
    if kind is not None:
        return kind
    # A block whose lines all start with a capital may be a quoted couplet: its breaks stay.
    prose = any(starts_lower(text) for text in block[1:])
    quoting = open_quotation(block[:index])
    lined = (
        _lined(kinds, index)
        and not ragged_prose_line(block, block[index - 1], layout)
        and not block_evidence.clause_of_prose(block[index - 1], prose)
    )
    return _deliberate_join(block[index - 1], block[index], layout, lined, prose, quoting=quoting)


def _set_in_wrap(block: Sequence[str], kinds: Sequence[Join | None], index: int) -> bool:
    """A line at a paragraph indent under a wrapped line at that indent which filled its line without ending a
    sentence ("   Towers; ... Mr. James" / "   Baker Williams"): a set-in block's wrap (a telegram's list of
    names). A one-line paragraph or verse line above was not wrapped into, ends a sentence or leaves room."""
    previous = block[index - 1]
    return (
        index > 1
        and kinds[index - 1] is WRAP
        and kinds[index] is WRAP
        and line_indent(previous) == line_indent(block[index])
        and not ends_sentence(previous)
    )


def _lined(kinds: Sequence[Join | None], index: int) -> bool:
    """The break before line `index` is one of several deliberate breaks in a row."""
    before = index > 1 and kinds[index - 1] is None
    after = index + 1 < len(kinds) and kinds[index + 1] is None
    return before or after
