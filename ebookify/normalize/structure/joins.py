"""The ways two lines of a block join (a wrap, a kept line, a new paragraph, an overflow), and the join."""

from __future__ import annotations

from enum import Enum
from typing import Final


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


# The members under names of their own: Python 3.11 finds `Join.NEW` through EnumType's `__getattr__` hook
# (a Python-level call, about 1,100 instructions a lookup where a module's name takes 30), and the joins of
# a novel's 20,000 lines are looked at several times each.
WRAP: Final = Join.WRAP
LINE: Final = Join.LINE
NEW: Final = Join.NEW
TURNOVER: Final = Join.TURNOVER


def join_lines(previous: str, line: str, how: Join) -> str:
    """Append a line to a paragraph's text; a word broken at a hyphen is rejoined without a space."""
    line = line.strip()
    if how is WRAP or how is TURNOVER:
        if previous.endswith("-") and (previous[-2:-1].isalpha() or previous.endswith("--")):
            return previous + line
        return previous + " " + line
    # Spelled out rather than how.value: the enum machinery costs a function call per line of a novel.
    return previous + ("\n" if how is LINE else "") + line
