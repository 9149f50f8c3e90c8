"""Private-use marks the markup readers leave in text for later stages: headings, quotes, styles, literals."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.paragraphs import Item

# Private-use characters never occur in the stories we read (the decoder sees text, not fonts' glyph slots),
# have no letters or digits for the heading and title heuristics to see, and survive paragraph splitting.
PART = "\ue001"
"""Starts a line that is a part heading the markup gave ("# Book One" above "## Chapter 1")."""
CHAPTER = "\ue002"
"""Starts a line that is a chapter heading the markup gave ("## Chapter 1", "<h2>")."""
SECTION = "\ue00b"
"""Starts a line that is a heading the markup gave below the chapters' level ("### A smaller heading", a
diary entry's "## Miércoles 12 de Dic."): a section's title inside the chapter."""
QUOTE = "\ue003"
"""Starts a quote placeholder: the quote's number follows in private-use digits."""
_DIGITS = 0xE100
LINE_BREAK = "\ue004"
"""A deliberate line break the markup gave (an HTML <br>): kept whatever the text's wrapping."""
EMPHASIS = ("\ue005", "\ue006")
STRONG = ("\ue007", "\ue008")
# Characters a Markdown escape or a code span made literal: hidden from the emphasis markers' reader.
LITERALS = {"*": "\ue009", "_": "\ue00a"}
_RESTORE = str.maketrans({mark: char for char, mark in LITERALS.items()})


def quote_placeholder(number: int) -> str:
    """The paragraph that stands for quote `number` until the structure is known."""
    digits = f"{number:x}"
    return QUOTE + "".join(chr(_DIGITS + int(d, 16)) for d in digits)


def placeholder_number(text: str) -> int | None:
    """The quote number a paragraph stands for, or None."""
    text = text.strip()
    if not text.startswith(QUOTE) or len(text) < 2:
        return None
    digits = [ord(c) - _DIGITS for c in text[1:]]
    if not all(0 <= d < 16 for d in digits):
        return None
    return int("".join(f"{d:x}" for d in digits), 16)


def heading_line(kind: str, title: str) -> str:
    """A heading line as the markup gave it: "part" or "chapter"."""
    return (PART if kind == "part" else CHAPTER) + title


def is_marked_heading(text: str) -> bool:
    """True for a part or chapter heading line the markup gave."""
    return text[:1] in (PART, CHAPTER) and "\n" not in text


def marked_sections(items: Sequence[Item]) -> set[int]:
    """The indices of the section headings the markup gave below its chapters' level."""
    return {index for index, item in enumerate(items) if item.text[:1] == SECTION and "\n" not in item.text}


def marked_chapters(items: Sequence[Item]) -> list[ChapterStart]:
    """The chapter and part headings the markup gave, in order (empty when the text had none)."""
    return [
        ChapterStart(index, item.text[1:].strip(), 1, "part" if item.text[0] == PART else "chapter")
        for index, item in enumerate(items)
        if is_marked_heading(item.text)
    ]


# Any mark at all, and a quote placeholder's digits: what must never reach a book.
_ANY_MARK = re.compile("[\ue001-\ue0ff\ue100-\ue10f]")


def restore_literals(text: str) -> str:
    """Escaped characters back to themselves, once inline marking is done; a mark a heuristic moved where
    it was not read (a heading line taken into a note) is dropped, never printed."""
    text = text.translate(_RESTORE)
    return _ANY_MARK.sub("", text) if _ANY_MARK.search(text) else text
