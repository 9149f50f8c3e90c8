"""Titled items of a collection: a poem's title set apart above its verse is a chapter of the book."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.structure.headings import is_title_like, match_heading
from ebookify.normalize.structure.paragraphs import Item

# A collection is mostly verse: at least this share of its paragraphs and stanzas are stanzas.
_VERSE_SHARE = 0.5
# A collection has at least this many titled poems.
_MIN_TITLES = 3
# A poem's title is short.
_TITLE_WORDS = 10


def _is_poem_title(items: Sequence[Item], index: int, normal: int) -> bool:
    """A short title line with more space above and below it than between stanzas, over a stanza."""
    item = items[index]
    following = items[index + 1] if index + 1 < len(items) else None
    if following is None or not following.verse or item.verse or item.divider or "\n" in item.text:
        return False
    framed = (index == 0 or item.gap > normal) and following.gap > normal
    return framed and is_title_like(item.text, _TITLE_WORDS) and match_heading(item.text) is None


def poem_titles(items: Sequence[Item], normal: int) -> list[int]:
    """Where the titles of a collection's poems are, or nothing when the text is not such a collection."""
    texts = [item for item in items if not item.divider]
    if not texts or sum(1 for item in texts if item.verse) < _VERSE_SHARE * len(texts):
        return []
    titles = [index for index in range(len(items)) if _is_poem_title(items, index, normal)]
    return titles if len(titles) >= _MIN_TITLES else []
