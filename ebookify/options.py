"""One frozen options record, built by the CLI (or a manifest) and passed to the library."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from ebookify.errors import OptionsError

# Codecs Python lists as text encodings that are no way to store a story: "undefined" fails on every
# byte, punycode and idna encode domain names (both crashed the reader with exit 70).
_NOT_FOR_STORIES = {"undefined", "punycode", "idna"}


def check_encoding(name: str, what: str = "--encoding") -> str:
    """The codec's canonical name when `name` is a text encoding a story can be stored in; else one line."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        raise OptionsError(f"{what}: unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FOR_STORIES:
        raise OptionsError(f"{what}: {name!r} is not a text encoding (try utf-8, cp1252 or latin-1)")
    return info.name


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


def core_count() -> int:
    """The CPU cores this process may run on (its affinity mask on Linux)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worker_count(jobs: int) -> int:
    """Processes to use: `jobs` (--jobs) up to one per core, or one per core for 0."""
    # More processes than cores only add memory (each PDF worker is ~80 MB): --jobs 1000 started 57.
    return min(jobs, core_count()) if jobs > 0 else core_count()
