"""Fills in metadata a book cannot show empty: a blank title becomes "Untitled", blank authors go."""

from __future__ import annotations

from dataclasses import replace

from ebookify.model import Book, Metadata
from ebookify.render.html import xml_safe

UNTITLED = "Untitled"


def _blank(text: str) -> bool:
    """Nothing a reader could see once the characters XML cannot carry are gone."""
    return not xml_safe(text).strip()


def _showable(meta: Metadata) -> Metadata:
    if not _blank(meta.title) and not any(_blank(author) for author in meta.authors):
        return meta
    # EPUB forbids an empty <title>, dc:title, dc:creator and navigation label (EPUBCheck RSC-005).
    title = UNTITLED if _blank(meta.title) else meta.title
    return replace(meta, title=title, authors=tuple(a for a in meta.authors if not _blank(a)))


def showable_book(book: Book) -> Book:
    """The book with every title showable and no blank author (a model built by hand may have them)."""
    stories = tuple(replace(story, metadata=_showable(story.metadata)) for story in book.stories)
    return replace(book, metadata=_showable(book.metadata), stories=stories)
