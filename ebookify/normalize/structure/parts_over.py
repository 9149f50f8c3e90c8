"""Lines set alone right over a chapter's heading, each over a run of chapters: an anthology's poets."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.headings import clean_heading, is_title_like
from ebookify.normalize.structure.paragraphs import Item

# Headings that are chapters, as chapters.py counts them.
_CHAPTER_LEVEL = ("chapter", "bare", "numbered", "letter")
# Parts come two to a book at least, and hold this many chapters on average: a signature over each letter's
# heading ("JOHN" / "LETTER II") holds one, and heads no part.
_MIN_PARTS = 2
_MEAN_CHAPTERS = 3


def _over(items: Sequence[Item], start: ChapterStart, normal: int) -> bool:
    """The item right above the heading is one title line, set apart above and below: a part's name."""
    if start.index < 1 or items[start.index].gap <= normal:
        return False
    item = items[start.index - 1]
    text = item.text.strip()
    return (
        item.gap > normal and not item.verse and not item.divider and "\n" not in text and is_title_like(text)
    )


def parts_over_runs(items: Sequence[Item], starts: list[ChapterStart], normal: int) -> list[ChapterStart]:
    """The starts with the lines set alone over a chapter's heading as parts ("JOHANN WOLFGANG VON GOETHE"
    over "1. WILLKOMMEN UND ABSCHIED", "HEINRICH HEINE" over "46. DIE GRENADIERE"), where the book has no
    parts of its own and such lines head runs of three chapters or more on average."""
    if any(start.kind == "part" for start in starts):
        return starts
    taken = {index for start in starts for index in range(start.index, start.index + max(start.span, 1))}
    chapters = [start for start in starts if start.kind in _CHAPTER_LEVEL]
    heads = [start for start in chapters if start.index - 1 not in taken and _over(items, start, normal)]
    if len(heads) < _MIN_PARTS or len(chapters) - chapters.index(heads[0]) < _MEAN_CHAPTERS * len(heads):
        return starts
    parts = [
        ChapterStart(head.index - 1, clean_heading(items[head.index - 1].text), 1, "part", "~over")
        for head in heads
    ]
    return sorted([*starts, *parts], key=lambda start: start.index)
