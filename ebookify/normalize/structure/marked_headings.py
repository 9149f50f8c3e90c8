"""Lines opening with the mark the headings open with ("---\\ The Story" by "---\\ Chapter 2"): headings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.headings import clean_heading, is_title_like
from ebookify.normalize.structure.paragraphs import Item

# The mark is a few characters drawn before the words ("---\", "-=)", "~~>"), shared by two headings at least.
_MIN_SHARED = 2
_MAX_MARK = 8
# Emphasis and quotation marks open sentences and notes as well ("**Note:**", "'Tis"): no heading's mark.
_NO_MARK = set("*_\"'“‘`([")
# Headings framed on both sides ("-\\- Prologue -/-", "-=) 3 (=-"), this many of them, set their own mark;
# a line opening with a dash alone is a line of dialogue ("--Yes, sir.").
_DRAWN = set("-=~<>\\/|)(+#:")
_MIN_FRAMED = 3
# Framed: the marks stand apart from the words by a space, and the words end no sentence ("--Dove?--" and
# "--Sì,--disse" are speech between dashes).
_FRAMED = re.compile(r"^[^\w\s]{2,}\s+\w(?:[^\n]*?[^\s.!?…])?\s+[^\w\s]{2,}$")
_CLOSING = "".join(sorted(_DRAWN)) + " "


def _split(text: str) -> tuple[str, str]:
    """The characters before the line's first letter or digit, spaces closed up ("---\\"), and the rest."""
    stripped = text.strip()
    end = next((i for i, c in enumerate(stripped) if c.isalnum()), len(stripped))
    return stripped[:end].replace(" ", ""), stripped[end:]


def _drawn(mark: str) -> bool:
    return 2 <= len(mark) <= _MAX_MARK and not set(mark) & _NO_MARK


def _heading_mark(items: Sequence[Item], starts: Sequence[ChapterStart]) -> str | None:
    """The mark most of the found headings open with, when it is a drawn mark shared by two at least;
    else the mark of three lines at least framed by drawn marks on both sides ("-\\- 1 -/-")."""
    marks = Counter(_split(items[start.index].text)[0] for start in starts if start.kind != "part")
    if marks:
        mark, count = marks.most_common(1)[0]
        if _drawn(mark) and count >= _MIN_SHARED and count * 2 > sum(marks.values()):
            return mark
    framed = Counter(
        _split(item.text)[0]
        for item in items
        if item.text[:1] in _DRAWN and item.text.rstrip()[-1:] in _DRAWN and _FRAMED.match(item.text.strip())
    )
    mark, count = framed.most_common(1)[0] if framed else ("", 0)
    # Dashes alone around words are speech ("-- Sì --"): a frame draws something else as well.
    return mark if _drawn(mark) and set(mark) - set("-–—") and count >= _MIN_FRAMED else None


def with_marked_headings(items: Sequence[Item], starts: list[ChapterStart]) -> list[ChapterStart]:
    """The starts with every other single title-like line that opens with the headings' mark, set off by a
    blank line: the author marked it as a heading like the rest ("---\\ The Story" where "Chapter 1" would
    stand)."""
    mark = _heading_mark(items, starts)
    if mark is None:
        return starts
    taken = {start.index for start in starts}
    found = [
        ChapterStart(index, clean_heading(_split(item.text)[1].rstrip(_CLOSING)), 1, "chapter", "~mark")
        for index, item in enumerate(items)
        if index not in taken
        and (index == 0 or item.gap > 0)
        and item.text.lstrip()[:1] == mark[0]  # most lines are ruled out here, without a scan
        and "\n" not in item.text
        and _split(item.text)[0] == mark
        and is_title_like(_split(item.text)[1])
    ]
    return sorted([*starts, *found], key=lambda start: start.index) if found else starts
