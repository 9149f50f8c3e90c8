"""A book's title printed again over its first act or chapter, inside the body, is a half-title."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ebookify.normalize.matter.title_lines import letters_of
from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.paragraphs import Item

# A printed title runs to a few lines set apart ("THE" / "B E G G A R'S   O P E R A"), each one short and
# set in capitals: a chapter's last paragraph "Emma!" in a book called "Emma" is the story's.
_TITLE_LINES = 3
_LINE_WIDTH = 60


def _titles(fields: Sequence[tuple[str, str]]) -> set[str]:
    return {letters_of(value) for key, value in fields if key.lower().endswith("title") and value}


def _half_title(items: Sequence[Item], start: int, titles: set[str]) -> int:
    """How many items right before item `start` spell one of the titles together (0 when none do)."""
    letters = ""
    for count in range(1, min(_TITLE_LINES, start) + 1):
        item = items[start - count]
        if item.divider or item.verse or not item.text.isupper() or len(item.text.strip()) > _LINE_WIDTH:
            return 0
        letters = letters_of(item.text) + letters
        if letters in titles:
            return count
    return 0


def drop_half_titles(
    items: list[Item], starts: list[ChapterStart], fields: list[tuple[str, str]]
) -> tuple[list[Item], list[ChapterStart]]:
    """The items and headings without the book's title set again right over a heading after the first (a
    play's "THE BEGGAR'S OPERA" over "ACT I", after its introduction): that is the printed book's half-title,
    kept among the fields, never the last lines of the chapter before. Over the first heading it is front
    matter, which the front matter's own rules read."""
    titles = _titles(fields) - {""}
    # The headings' own lines are never a half-title: "ACT II" right under an "ACT I" heading is a heading.
    drop = {s.index + k for s in starts for k in range(max(s.span, 1))}
    heads = set(drop)
    for start in starts[1:]:
        count = _half_title(items, start.index, titles)
        if count and not drop & set(range(start.index - count, start.index)):
            taken = items[start.index - count : start.index]
            printed = ("Printed title", " ".join(item.text.strip() for item in taken))
            fields += [] if printed in fields else [printed]
            drop.update(range(start.index - count, start.index))
    drop -= heads
    if not drop:
        return items, starts
    kept = [item for index, item in enumerate(items) if index not in drop]
    moved = [replace(s, index=s.index - sum(1 for i in drop if i < s.index)) for s in starts]
    return kept, moved
