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
    """A built-in style name (see styles/) or a path to the user's own .css file."""
    include_notes: bool = True
    """False leaves author's notes out of the book (--no-notes)."""
    cover: str | None = None
    """The user's own cover image (--cover); None generates one."""
    page_size: str = "A5"
    """PDF page size: A5, A4, Letter, 6x9 or a CSS size (--page-size)."""
    pdf_variant: str | None = None
    """WeasyPrint PDF variant such as "pdf/ua-1" or "pdf/a-3b" (--pdf-variant)."""
    jobs: int = 0
    """PDF rendering processes; 0 means one per CPU core (--jobs)."""
