"""Assembles stories into a Book: one story's own metadata, or an anthology's merged metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ebookify.model import Book, Metadata, Story


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def make_book(
    stories: Sequence[Story],
    *,
    title: str | None = None,
    authors: Sequence[str] = (),
    editor: str | None = None,
    language: str | None = None,
    summary: str | None = None,
) -> Book:
    """A single story keeps its metadata (overrides win); several become an anthology."""
    if not stories:
        raise ValueError("a book needs at least one story")
    if len(stories) == 1 and not editor:
        meta = stories[0].metadata
        meta = replace(
            meta,
            title=title or meta.title,
            authors=tuple(authors) or meta.authors,
            language=language or meta.language,
            summary=summary or meta.summary,
        )
        return Book(metadata=meta, stories=tuple(stories), editor=editor)
    metas = [s.metadata for s in stories]
    meta = Metadata(
        title=title or "Collected Stories",
        authors=tuple(authors) or _unique([a for m in metas for a in m.authors]),
        language=language or metas[0].language,
        summary=summary,
        genres=_unique([g for m in metas for g in m.genres]),
        pairings=_unique([p for m in metas for p in m.pairings]),
        fandoms=_unique([f for m in metas for f in m.fandoms]),
        characters=_unique([c for m in metas for c in m.characters]),
        warnings=_unique([w for m in metas for w in m.warnings]),
    )
    return Book(metadata=meta, stories=tuple(stories), editor=editor)
