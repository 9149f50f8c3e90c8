"""A poem's source set under it after a blank line ("G.J.", "Jamrach Holobom"): kept as its last line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ebookify.normalize.structure.headings import match_heading
from ebookify.normalize.structure.paragraphs import Item

# A source is a few words: a name, a title and a year ("“The Mad Philosopher,” 1697"), or initials.
_MAX_CHARS = 60
_MAX_WORDS = 6
# Initials alone ("G.J.", "A. B.") are the one source set in capitals; other ALL-CAPS lines are titles.
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?){1,4}$")
# A word of a name: capitalised, a particle (of, the, de, von, van, y), a year, or "d’Invilliers".
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-Þ]|(?:of|the|de|da|di|du|le|la|von|van|der|y)$|[dl]['’][A-Z]|\d{3,4}\W*$)"
)
# A source set after a dash ("--Byron", "— All in the Wrong") or in brackets ("(from the headstone ...)").
_DASHED = re.compile(r"^(?:-{1,3}|[—–])\s?\S")
_WRAPPERS = "\"'“”‘’«»_*"


def is_source_line(text: str) -> bool:
    """A short line that names where a poem comes from: a name, initials, a dashed or bracketed credit."""
    text = text.strip()
    if "\n" in text or not text or len(text) > _MAX_CHARS or match_heading(text) is not None:
        return False
    if _INITIALS.match(text):
        return True
    if text.isupper():
        return False  # a poem's title ("TO MY PET TORTOISE") or a heading
    if _DASHED.match(text) or (text.startswith("(") and text.endswith(")")):
        return True
    words = text.strip(_WRAPPERS).split()
    if not words or len(words) > _MAX_WORDS or text.rstrip(_WRAPPERS)[-1:] in "!?:;,":
        return False
    # A sentence ends with a full stop after a word; a name ends with one only after an initial ("M.P.").
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        return False
    return all(_NAME_WORD.match(word.strip(_WRAPPERS)) for word in words)


def with_sources(items: Sequence[Item]) -> list[Item]:
    """Each stanza followed by its source line: the source joins the stanza as its last line, set one level
    deeper. The source is closer to the poem than to what follows (the gap after it is wider than the gap
    before it, or nothing follows), so a poem's title above the next poem is never taken."""
    out: list[Item] = []
    for index, item in enumerate(items):
        stanza = out[-1] if out else None
        after = items[index + 1].gap if index + 1 < len(items) else None
        if (
            stanza is not None
            and stanza.verse
            and item.lines == 1
            and not item.divider
            and (after is None or after > item.gap)
            and is_source_line(item.text)
        ):
            level = max(stanza.verse) + 1
            out[-1] = replace(
                stanza,
                text=f"{stanza.text}\n{item.text.strip()}",
                lines=stanza.lines + 1,
                verse=(*stanza.verse, level),
            )
            continue
        out.append(item)
    return out
