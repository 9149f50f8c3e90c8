"""Whether the text before a printed book's first heading is its front matter or the start of the story."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.plays import is_cast_heading
from ebookify.normalize.structure.raw import RawBlock, RawChapter, RawVerse

# Front matter is a small part of a book: more text than this before the first heading is the story.
_FRONT_MATTER_SHARE = 0.05
# A play's front matter ends in its cast list; with it, an editor's note and a dedicatory poem may take more
# (The School for Scandal's, 5.2% of the book): a play's own text is never set before its cast list.
_PLAY_FRONT_MATTER_SHARE = 0.15


def is_front_matter(before: Sequence[Item], chapters: Sequence[RawChapter]) -> bool:
    """The items before a printed book's first chapter are front matter unless they are much of the book."""
    size = sum(len(item.text) for item in before)
    rest = sum(_size(block) for chapter in chapters for block in chapter.blocks)
    cast = any(is_cast_heading(item.text) for item in before)
    return size <= (size + rest) * (_PLAY_FRONT_MATTER_SHARE if cast else _FRONT_MATTER_SHARE)


def _size(block: RawBlock) -> int:
    """A block's length in characters (a stanza's lines together)."""
    if isinstance(block, str):
        return len(block)
    return sum(len(text) for _, text in block.lines) if isinstance(block, RawVerse) else 0
