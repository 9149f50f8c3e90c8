"""Whether a text's unwrapped lines are paragraphs of their own or lines of the blocks blank lines set off."""

from __future__ import annotations

from collections.abc import Sequence

# A text of one line per paragraph: its blank lines are rare (this many lines run on for each block), or its
# lines are paragraphs' length (this share of them longer than a verse line).
_RARE_BLOCKS = 10
# Blocks of verse are judged so in a text of this many blocks at least (a play has hundreds); a few short
# lines in two or three blocks are as likely prose lines with a scene's gap between them.
_MIN_BLOCKS = 20
_LONG_SHARE = 0.1
_LONG_LINE = 100
# A script typed a speech a line ("JOHN: Hi there." / "MARY: Hello."): a third of its lines open so.
_SCRIPT_SHARE = 1 / 3
_NAME_LENGTH = 30


def lines_are_paragraphs(lines: Sequence[str], runs: int, blocks: int) -> bool:
    """Unwrapped lines are paragraphs of their own, unless blank lines set them off in blocks of short
    lines: the speeches of Macbeth (1998 etext) or Nathan der Weise (2.7 lines a block, none over 70) are
    verse, whose lines belong together, and a stage direction or a scene's heading wrapped over two lines
    is one; a paste without blank lines (154 lines a block), of lines a paragraph long, or a script of a
    speech a line is one paragraph a line."""
    if blocks < _MIN_BLOCKS or runs >= blocks * _RARE_BLOCKS:
        return True
    if sum(1 for line in lines if len(line) > _LONG_LINE) >= len(lines) * _LONG_SHARE:
        return True
    filled = [line for line in lines if line.strip()]
    return sum(1 for line in filled if _labelled(line)) >= len(filled) * _SCRIPT_SHARE


def _labelled(line: str) -> bool:
    """The line opens with a speaker's name and a colon ("MARY: Hello", "Mary: Hello")."""
    name, colon, rest = line.partition(": ")
    return bool(colon and rest) and 0 < len(name) <= _NAME_LENGTH and name[:1].isupper() and "." not in name
