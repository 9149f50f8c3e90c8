"""A text set in stanzas of one size (Dante's tercets): verse by its pattern, whatever its capitals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

# Most blocks of several lines (this share, this many at least) hold the same number of lines, 2 to 8:
# prose paragraphs vary in length, a poem in tercets or quatrains does not.
_PATTERN_SHARE = 0.8
_MIN_STANZAS = 20
_MAX_STANZA = 8
# A prose paragraph's last line ends short (half a line on average); a stanza's last line is as long as
# its others: the last lines average at least this share of the other lines' length.
_LAST_LINE_SHARE = 0.8
# Verse lines are short: the stanzas' lines average at most this many characters.
_MAX_MEAN_LINE = 60


def stanza_lines(lines: Sequence[str], filled: Sequence[bool]) -> int:
    """The number of lines of the text's stanzas when nearly all its blocks are stanzas of that size and
    their last lines are as long as the others; 0 for any other text."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line, full in zip([*lines, ""], [*filled, False], strict=True):
        if full:
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    several = [block for block in blocks if len(block) > 1]
    if len(several) < _MIN_STANZAS:
        return 0
    size, count = Counter(len(block) for block in several).most_common(1)[0]
    if size > _MAX_STANZA or count < len(several) * _PATTERN_SHARE:
        return 0
    stanzas = [block for block in several if len(block) == size]
    others = [len(line) for block in stanzas for line in block[:-1]]
    last = [len(block[-1]) for block in stanzas]
    mean_other = sum(others) / len(others)
    if mean_other > _MAX_MEAN_LINE or sum(last) / len(last) < mean_other * _LAST_LINE_SHARE:
        return 0
    return size
