"""Verse among the lines of a text: runs of short, capitalised, unwrapped lines, and their indent levels."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import pairwise

from ebookify.normalize.inline.attribution import SPEECH_VERBS
from ebookify.normalize.structure.headings import has_page_number, match_heading
from ebookify.normalize.structure.layout import (
    SOURCE_DASH,
    WIDE_GAP,
    ends_sentence,
    line_indent,
    starts_upper,
)

# Verse lines are short: a line longer than this is prose (blank verse runs to about 60 columns, a
# ballad's long line with its overflow joined to about 90).
MAX_VERSE_LINE = 100
# A verse line with its overflows joined may run this many times as long (a free-verse line over three
# printed lines).
_TURNED_LENGTH = 3
# A byline ("by", "By Lucillus") or a copyright line marks a title block, not a stanza.
_TITLE_BLOCK = re.compile(
    r"^(?:(?:[Ww]ritten\s+)?[Bb][Yy]:?(?:\s+[A-Z][\w.'’-]*){0,4}$|(?i:copyright\b|\(c\)|©))"
)
# The source of an epigraph or a quoted poem, set under it after a dash: "--All in the Wrong", "— Byron".
_ATTRIBUTION = re.compile(rf"^{SOURCE_DASH}[A-Z]")
# Closing quotes and brackets after a line's last word.
_CLOSERS = "\"'”’»)]_*"
# A line that is a whole turn of speech: it opens a quotation and closes it after speech punctuation at
# its end ("Footprints?"), or right before a short attribution ("Yes," said he.).
_SPEECH_TURN = re.compile(r"^[\"“‘'«](?=\S).*[.!?,…—–-]\s*[\"”’'»](?:(?P<tag>(?:\s+[\w’'.-]+){1,5})[.!?])?$")
# Indentation differences under this many columns are ragged typing, not a level.
_LEVEL_STEP = 2
# More distinct indents than this in one stanza: centred or ragged lines, set flush instead.
_MAX_LEVELS = 3


def _even_lengths(lengths: Sequence[int]) -> bool:
    """Line lengths that stay near their mean (metre), as verse lines do; prose one-liners vary widely."""
    mean = sum(lengths) / len(lengths)
    spread: float = math.sqrt(sum((n - mean) ** 2 for n in lengths) / len(lengths))
    return spread <= mean * 0.5


def looks_like_verse(
    lines: Sequence[str],
    set_off: bool = False,
    strict: bool = False,
    overflows: bool = False,
    patterned: bool = False,
    *,
    turned: bool = False,
) -> bool:
    """True for a run of lines that reads as verse: short lines, capitalised starts, most lines ending
    without sentence punctuation, even lengths, no columns, headings or title-block lines.

    A couplet (two lines) is verse only when `set_off` (a block of its own, indented from the margin).
    `strict` is for lines among one-line paragraphs: there a run of short lines is verse only with four
    lines or more, at most a third of them ending a sentence. `overflows` says some of its long lines run
    over onto a line set deeper: then its lines may end sentences as often as they like. `turned` says
    those overflows were joined into `lines`: free verse (Whitman's) runs such lines to 150 columns and
    more, of any lengths, so length tells nothing there; the turned lines are the evidence."""
    texts = [line.strip() for line in lines]
    sourced = len(texts) > 2 and bool(_ATTRIBUTION.match(texts[-1]))
    if sourced:
        # An epigraph's source under its lines ("--All in the Wrong"): judged without it, kept with them;
        # a quotation with its source is set as lines, even lines that end sentences.
        texts = texts[:-1]
        overflows = True
    count = len(texts)
    longest = MAX_VERSE_LINE * _TURNED_LENGTH if turned else MAX_VERSE_LINE
    if count < 2 or (count == 2 and not set_off) or any(len(t) > longest for t in texts):
        return False
    # Verse ends sentences with a full stop, a question or an outcry; its colons and semicolons go on.
    ended = sum(1 for t in texts[:-1] if ends_sentence(t) and not t.rstrip(_CLOSERS).endswith(":"))
    # Dialogue set one speech a line is not verse: a poem's lines mostly do not each close a quotation.
    if sum(_is_speech_turn(t) for t in texts) * 2 > count:
        return False
    if strict and (count < 4 or ended * 3 > count - 1):
        return False
    if any(_TITLE_BLOCK.match(t) for t in texts):
        return False
    # A contents or cast list sets most lines in columns; a poem brackets a triplet now and then ("}").
    if sum(1 for t in texts if WIDE_GAP.search(t) or has_page_number(t)) * 4 > count:
        return False
    # Capitals at the start of nearly every line is the mark of verse (and of lyrics and hymns); a text set
    # in stanzas of one size (`patterned`) is verse by that pattern, its lines capitalised or not.
    capitals = sum(starts_upper(t) for t in texts)
    if (
        not patterned
        and capitals * 4 < count * 3
        and not (_displayed(lines, set_off) and capitals * 5 >= count * 2)
    ):
        return False
    # A run of ALL-CAPS lines is a title block or a list of headings.
    if sum(t.isupper() for t in texts) * 2 >= count:
        return False
    # Prose one-liners (dialogue, a list of short sentences) end their lines with sentences; a stanza whose
    # lines step in and out in turn ("Have you ...?" / "  The bunch-grass ...?") is verse whatever it asks.
    # (Lines longer than prose's with their overflows joined must show it by ending few sentences.)
    excused = overflows and all(len(t) <= MAX_VERSE_LINE for t in texts)
    if ended * 5 > (count - 1) * 3 and not excused and not _alternating([line_indent(t) for t in lines]):
        return False
    if not turned and not _even_lengths([len(t) for t in texts]):
        return False
    return not any(match_heading(t) for t in texts)


# A displayed poem whose lines go on in lower case has at least this many lines.
_MIN_DISPLAYED = 4


def _displayed(lines: Sequence[str], set_off: bool) -> bool:
    """A block of its own set in from the margin at two indents or more: a poem displayed in prose, whose
    lines may go on in lower case (a refrain "high trolollie lee,", "Other joyes" / "are but toyes,")."""
    indents = [line_indent(line) for line in lines]
    return set_off and len(lines) >= _MIN_DISPLAYED and max(indents) - min(indents) >= _LEVEL_STEP


def _is_speech_turn(text: str) -> bool:
    """A line holding one whole speech: "Footprints?" or "Yes," said he. (not 'Tis the voice...)."""
    match = _SPEECH_TURN.match(text)
    if match is None:
        return False
    tag = match.group("tag")
    return tag is None or any(word.lower() in SPEECH_VERBS for word in tag.split())


# Lines that step in and out in turn: at least this many.
_MIN_ALTERNATING = 4


def _alternating(indents: Sequence[int]) -> bool:
    """Two indents, each line at the other one than the line before (rhymes set in pairs): never prose."""
    low, high = min(indents), max(indents)
    return (
        len(indents) >= _MIN_ALTERNATING
        and high - low >= _LEVEL_STEP
        and set(indents) == {low, high}
        and all(a != b for a, b in pairwise(indents))
    )


def verse_levels(lines: Sequence[str]) -> tuple[int, ...]:
    """Indentation levels of a stanza's lines: 0 for the least indented, then 1, 2 for each step further in.
    Centred or ragged stanzas (many different indents) are set flush: their indents mean nothing."""
    indents = [line_indent(line) for line in lines]
    if len(set(indents)) > _MAX_LEVELS:
        return tuple(0 for _ in lines)
    steps: list[int] = []
    for indent in sorted(set(indents)):
        if not steps or indent - steps[-1] >= _LEVEL_STEP:
            steps.append(indent)
    return tuple(sum(1 for step in steps[1:] if indent >= step) for indent in indents)
