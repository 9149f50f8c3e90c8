"""One frozen options record, built by the CLI (or a manifest) and passed to the library."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoryOverrides:
    """Metadata given on the command line or in a manifest; these win over the story's header."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    summary: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class NormalizeOptions:
    """How text is read and repaired."""

    encoding: str | None = None
    smart_quotes: bool = True


@dataclass(frozen=True)
class WriteOptions:
    """How a book is written."""

    style: str = "classic"
    include_notes: bool = True
    cover: str | None = None
    page_size: str = "A5"
    pdf_variant: str | None = None
