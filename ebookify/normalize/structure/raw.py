"""The raw story: the structure found in a text, before inline marking and typography."""

from __future__ import annotations

from dataclasses import dataclass, field

from ebookify.model import LayoutReport, QuoteKind, SceneBreak
from ebookify.normalize.structure.subheadings import RawSubheading


@dataclass(frozen=True)
class RawVerse:
    """A stanza before inline marking: each line's indentation level and text."""

    lines: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class RawQuote:
    """A quote block (a letter, a message) before inline marking: its own raw blocks."""

    blocks: tuple[str | RawVerse | SceneBreak | RawSubheading, ...]
    kind: QuoteKind = "passage"


RawBlock = str | RawVerse | SceneBreak | RawQuote | RawSubheading
"""A paragraph's plain text ("\\n" marks a kept line break), a stanza, a scene break, a quote block or a
sub-heading (a section's title, a dateline)."""


@dataclass(frozen=True)
class RawChapter:
    """A chapter before inline marking: its heading, raw blocks and the part it belongs to."""

    title: str | None
    blocks: tuple[RawBlock, ...]
    part: str | None = None
    front_notes: tuple[str, ...] = ()
    end_notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawStory:
    """The structure of a story's text, before inline marking and typography."""

    fields: tuple[tuple[str, str], ...]
    chapters: tuple[RawChapter, ...]
    front_notes: tuple[RawBlock, ...] = ()
    end_notes: tuple[RawBlock, ...] = ()
    printed: bool = False
    """A printed book's text: its front notes are the printed front matter."""
    colophon: tuple[RawBlock, ...] = ()
    """About this edition: the licence and production credits, for the back of the book."""
    repairs: tuple[str, ...] = ()
    language: str | None = None
    """The language the body is written in, as measured (a header's Language field wins over it)."""
    layout: LayoutReport = field(default_factory=LayoutReport)
