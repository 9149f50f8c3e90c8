"""A stage direction or a heading wrapped over two lines of an unwrapped text: its lines are one line."""

from __future__ import annotations

from ebookify.normalize.structure.headings import match_heading
from ebookify.normalize.structure.layout import starts_lower

# The small words a heading's line never ends on unless it goes on below.
_HANGING_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "and", "or", "in", "at", "with", "from", "by", "for"}
)


def wrapped_unit(previous: str, line: str) -> bool:
    """The line above is a stage direction in brackets left open ("[Alarum within. Enter King Duncan,
    Malcolm, Donalbain, Lennox," / "with Attendants, ...]") that this line goes on in lower case or closes,
    or a heading stopped on a small word ("SCENE III. The same. A Park or Lawn, with a gate leading to the"
    / "Palace."): the break is a wrap, even in a text whose other line breaks are all kept. (A bracket
    opened over lines of verse, "[later editions continued as follows" / "The Panther took pie-crust,",
    keeps them.)"""
    text = previous.strip()
    if text.startswith("[") and "]" not in text:
        return "]" in line or starts_lower(line)
    words = text.rsplit(maxsplit=1)
    return len(words) == 2 and words[1] in _HANGING_WORDS and match_heading(text) is not None
