"""Chapter titles a contents list names, found where they stand alone in the text: the book's headings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.structure.contents_lists import is_contents_label
from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.headings import without_page_number
from ebookify.normalize.structure.paragraphs import Item

# An entry's number ("1  Zum Alm-Öhi hinauf", "XII. The Return", "Chapter 3:") is not part of its title.
_ENTRY_NUMBER = re.compile(
    r"^(?:(?:chapter|chap\.|kapitel|chapitre|cap[ií]tulo|capitolo)\s+)?(?:\d+|[ivxlc]+)\b[.:)]?\s*", re.I
)
# Most of the list's titles must be found as headings, in the list's order, for the list to be believed.
_FOUND_SHARE = 2 / 3
_MIN_FOUND = 3
# A heading line is short and stands after a gap.
_MAX_TITLE = 100


def _key(text: str) -> str:
    """A title's words for comparing an entry with a line: no number, page number, case or punctuation."""
    title = _ENTRY_NUMBER.sub("", without_page_number(text.strip()))
    return re.sub(r"[\W_]+", "", title).lower()


def listed_titles(entries: Sequence[str]) -> list[str]:
    """The keys of a contents list's entries (its label, empty keys and column heads such as "22-42" left
    out)."""
    keys = [_key(entry) for entry in entries[1 if entries and is_contents_label(entries[0]) else 0 :]]
    return [key for key in keys if len(key) > 2 and not key.isdigit()]


def with_listed_titles(
    items: Sequence[Item], starts: list[ChapterStart], listed: Sequence[str], normal: int
) -> list[ChapterStart]:
    """Where the text's contents list names more chapters than headings were found, the lines that match
    its entries, one by one in its order, each alone after a gap, are the chapters' headings."""
    if len(listed) < _MIN_FOUND or len([s for s in starts if s.kind != "part"]) >= len(listed):
        return starts
    found: list[ChapterStart] = []
    wanted = 0
    for index, item in enumerate(items):
        if wanted == len(listed):
            break
        text = item.text.strip()
        if item.verse or "\n" in text or len(text) > _MAX_TITLE or (index and item.gap <= normal):
            continue
        if _key(text) == listed[wanted]:
            found.append(ChapterStart(index, text, 1, "chapter", "~contents"))
            wanted += 1
    if len(found) < max(_MIN_FOUND, len(listed) * _FOUND_SHARE):
        return starts
    return found
