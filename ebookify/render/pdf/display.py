"""Metadata as the PDF sets it on its pages: very long values cut for display, kept whole in its metadata.

A title of one 60,000-character word filled 159 title pages and took WeasyPrint 28 s to lay out (its
line breaking costs ~7 ms a line, and such a word is 3,000 lines). No reader wants those pages: the PDF
sets the first few hundred characters, cut at a word where one is near, with an ellipsis; its document
metadata (/Title, /Author, /Subject), its bookmarks and the EPUB keep every value whole."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from ebookify.model import Book, Metadata, Story

TITLE_LIMIT = 300
"""Characters of a title set on a title page or a contents line: a page's worth at the title's size (AO3
allows 255 characters; the longest title among the corpus's Gutenberg books has under 100)."""
HEAD_LIMIT = 120
"""Characters of a running head (one line of some 60 characters, cut by the stylesheet's ellipsis): WeasyPrint
maps the ellipsis it draws to the whole text it hides, and a map entry over 512 bytes is refused by
readers ("Illegal entry in bfchar block")."""
FIELD_LIMIT = 2_000
"""Characters of any other metadata value set on a title page (a summary, a list of tags)."""


def shortened(text: str, limit: int) -> str:
    """`text` when it has at most `limit` characters; else its start cut at the last space in the second
    half of the limit (or at the limit in a word longer than that), with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _shown(value: Any, limit: int) -> Any:
    if isinstance(value, str):
        return shortened(value, limit)
    if isinstance(value, tuple):
        return tuple(_shown(item, limit) for item in value)
    return value


def shown_metadata(meta: Metadata) -> Metadata:
    """`meta` with every text value cut for display (header keys and the `hidden` list the same way, so
    that they still match)."""
    changes = {
        f.name: _shown(getattr(meta, f.name), TITLE_LIMIT if f.name == "title" else FIELD_LIMIT)
        for f in fields(meta)
        if f.name != "language"
    }
    return replace(meta, **changes)


def shown_story(story: Story) -> Story:
    """`story` with its metadata cut for display (its text is never cut)."""
    return replace(story, metadata=shown_metadata(story.metadata))


def shown_book(book: Book) -> Book:
    """`book` with its metadata, its editor and its stories' metadata cut for display."""
    editor = shortened(book.editor, FIELD_LIMIT) if book.editor else book.editor
    stories = tuple(shown_story(story) for story in book.stories)
    return replace(book, metadata=shown_metadata(book.metadata), editor=editor, stories=stories)
