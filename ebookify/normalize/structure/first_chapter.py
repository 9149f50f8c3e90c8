"""A first chapter printed under the book's title with no number, found when the numbering starts at II."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.headings import clean_heading, is_title_like, match_heading
from ebookify.normalize.structure.paragraphs import Item


def _title_at(items: Sequence[Item], index: int, wide: int, normal: int) -> bool:
    """A title line set apart by a gap wider than the text's and as wide as chapter II's heading has."""
    item = items[index]
    return (
        item.gap > normal
        and item.gap >= wide
        and not item.verse
        and "\n" not in item.text
        and is_title_like(item.text)
        and match_heading(item.text) is None
    )


def unheaded_first(items: Sequence[Item], starts: list[ChapterStart], normal: int) -> list[ChapterStart]:
    """A book whose numbered chapters begin at II prints its first under the book's own title ("The
    Complete ANGLER." over the dialogue, then "CHAP. II."): the last title line set apart before chapter
    II, after the headings before it (a preface), heads chapter one. Starts unchanged otherwise."""
    numbered = [s for s in starts if s.kind == "chapter" and s.number is not None]
    if not numbered or numbered[0].number != 2:
        return starts
    second = numbered[0]
    after = max((s.index + s.span for s in starts if s.index < second.index), default=1)
    wide = items[second.index].gap
    titles = [index for index in range(after, second.index) if _title_at(items, index, wide, normal)]
    if not titles:
        return starts
    index = titles[-1]
    first = ChapterStart(index, clean_heading(items[index].text), 1, "chapter", second.keyword, 1)
    return sorted([*starts, first], key=lambda start: start.index)
