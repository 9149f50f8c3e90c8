"""Evidence from a whole block that its line breaks are a print's wraps or lines kept on purpose."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.structure.layout import Layout, line_indent, starts_lower, starts_upper

# A set-in block of this many lines at least, all capitalised, is no wrapped prose: in English prose about
# one line in five starts with a capital, in German about two in five, so five such lines in a row almost
# never come from wrapping.
_INSET_LINES = 5
# A title bound to the name after it ("M. Canivet", "Mr. Darcy", "Hr. Meier"): wrappers and typesetters keep
# the two on one line (a no-break space), so the word a wrap had to fit at a line's end is the pair.
_BOUND_TITLE = re.compile(r"^(?:M\.|MM\.|(?:Mr|Mrs|Ms|Messrs|Mme|Mlle|Dr|St|Hr|Fr|Sr|Sra|Srta|Sig)\.?)$")


def capitalised_inset(block: Sequence[str], layout: Layout) -> bool:
    """A block of a wrapped text set in past the text's paragraph indent, every line starting with a capital:
    wrapped prose, even quoted prose set in, goes on in lower case somewhere within five lines."""
    if layout.wrap_width is None or len(block) < _INSET_LINES:
        return False
    inset = max(layout.margin, layout.paragraph_indent if layout.indented else layout.margin)
    return all(line_indent(line) > inset and starts_upper(line) for line in block)


def ragged_prose_line(block: Sequence[str], previous: str, layout: Layout) -> bool:
    """A line as long as nearly all the text's wrapped lines (its wrap floor), in a block whose lines mostly
    go on in lower case, filled its line: a ragged wrap of prose ("while he followed her on horseback." /
    "The Sultan sent musicians"), never a kept line of an address or a list, however much room the width
    left. Long lines that mostly start with a capital (Whitman's) are lines, and stay."""
    if not 0 < layout.wrap_floor <= len(previous.rstrip()):
        return False
    return sum(starts_lower(line) for line in block[1:]) * 2 >= len(block) - 1


def set_right(line: str, layout: Layout) -> bool:
    """The line is set a third of the wrap width in from the margin, or further."""
    return layout.wrap_width is not None and line_indent(line) >= layout.margin + layout.wrap_width // 3


def first_word(line: str) -> str:
    """The line's first word as a wrap had to fit it: a title with the name it is bound to."""
    words = line.split(maxsplit=2)
    if len(words) > 1 and _BOUND_TITLE.match(words[0]):
        return f"{words[0]} {words[1]}"
    return words[0] if words else ""


# Inside a line, one sentence's end and the next one's start ("lay her hands on it.  But when the magician").
_INNER_SENTENCE_END = re.compile(r"[a-z][.!?][\"'’”]?\s+[\"“]?[A-Z]")


def clause_of_prose(previous: str, prose: bool) -> bool:
    """A line of running prose broken after a clause's comma or semicolon: it ends one sentence and starts
    the next inside it. A line kept on purpose (an address, a list's item, a letter's closing) holds one
    item, so such a line is no part of a run of kept lines."""
    end = previous.rstrip()[-1:]
    return prose and end in {",", ";"} and _INNER_SENTENCE_END.search(previous) is not None


def runs_on_at_capital(previous: str, line: str, layout: Layout) -> bool:
    """A full line of prose broken after a lower-case word, before a capital ("made an appointment
    with" / "Sir Charles at the very hour"): a ragged wrap before a name. A letter's closing, a signature
    or a file's name ("Dear John," / "Your Loving Son", "16215-8.zip") end otherwise or falls short."""
    words = previous.split()
    last = words[-1] if words else ""
    width = layout.wrap_width or 0
    full = len(previous.rstrip()) * 3 >= width * 2
    # A clause closed by a comma or a semicolon goes on as well ("But when the magician came near," /
    # "Aladdin, seizing his dagger"): a full line is no letter's salutation ("Dear John,", short).
    word = last.rstrip(",;")
    # A line set in from the margin ("    Sole monarch acknowledged ...") is a quoted verse line of its own.
    return word[:1].islower() and word[-1:].isalpha() and full and line_indent(line) <= layout.margin
