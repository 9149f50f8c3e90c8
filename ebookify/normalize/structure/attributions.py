"""Lines set apart that belong to a neighbour: a poem's source, a display inside a paragraph.

A poem's source under it ("G.J.") is kept as its last line; a display inside a paragraph (a cipher's
fragment, a table) is kept in the paragraph that announces it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ebookify.normalize.structure.headings import match_heading
from ebookify.normalize.structure.layout import MAX_PARAGRAPH_INDENT, ends_sentence, starts_lower
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
    if _DASHED.match(text):
        return True
    if text.startswith("(") and text.endswith(")"):
        return not ends_sentence(text)  # a credit, not a note in a sentence ("(Sung as a round.)")
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


def attached(items: Sequence[Item]) -> list[Item]:
    """Sources joined to their stanzas, displays to the paragraphs they stand in."""
    return with_displays(with_sources(items))


# A display is a few lines (a fragment, a short table); more is a passage of its own.
_DISPLAY_LINES = 15
_DISPLAY_CHARS = 60


def _is_display(item: Item, previous: Item) -> bool:
    """A short block set much further in than the paragraph above it, which announces it: that paragraph
    leaves its sentence open ("leaving a space for the unknown--", "we obtain") or ends with a colon."""
    text = previous.text.rstrip()
    announced = text.endswith(":") or not ends_sentence(text)
    return (
        announced
        and previous.lines > 1  # a paragraph, not a heading ("I") over the text
        and not (item.verse or item.divider or previous.verse or previous.divider)
        and item.lines <= _DISPLAY_LINES
        and all(len(line) <= _DISPLAY_CHARS for line in item.text.split("\n"))
        and item.indent > max(previous.indent, 0) + MAX_PARAGRAPH_INDENT
        and not item.text.isupper()
        and match_heading(item.text.split("\n", 1)[0]) is None
    )


def with_displays(items: Sequence[Item]) -> list[Item]:
    """A display set deep inside a paragraph ("we find the combination" / "t eeth." / "which, plainly, is")
    belongs to that paragraph: it joins it on lines of its own, and so does the paragraph's text that goes
    on after it in lower case (a paragraph never starts in lower case)."""
    out: list[Item] = []
    displayed = False
    for item in items:
        previous = out[-1] if out else None
        if previous is not None and (
            _is_display(item, previous) or (displayed and not item.verse and starts_lower(item.text))
        ):
            # After a display the paragraph may go on; after its going on, only another display joins.
            displayed = not (displayed and starts_lower(item.text))
            text = f"{previous.text}\n{item.text}"
            out[-1] = replace(previous, text=text, lines=previous.lines + item.lines)
            continue
        out.append(item)
        displayed = False
    return out
