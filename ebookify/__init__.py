"""ebookify: plain-text stories to EPUB and PDF books that look like a publisher made them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ebookify.dataclass_cache import cached_dataclass_code

# The dataclasses of the model, the options and the normalizer are made as these imports run: their
# generated methods are compiled once per interpreter, then read back (see ebookify.dataclass_cache).
with cached_dataclass_code():
    from ebookify.book import make_book
    from ebookify.errors import DecodeError, EbookifyError, InputError, OptionsError, WriterError
    from ebookify.model import (
        Block,
        Book,
        Chapter,
        Metadata,
        Paragraph,
        Quote,
        SceneBreak,
        Span,
        Story,
        Subheading,
        SubheadingRole,
        Verse,
        VerseLine,
    )
    from ebookify.normalize import load_story, normalize_bytes
    from ebookify.options import NormalizeOptions, StoryOverrides, WriteOptions

if TYPE_CHECKING:
    from ebookify.render.epub import write_epub
    from ebookify.render.pdf import write_pdf

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Book",
    "Chapter",
    "DecodeError",
    "EbookifyError",
    "InputError",
    "Metadata",
    "NormalizeOptions",
    "OptionsError",
    "Paragraph",
    "Quote",
    "SceneBreak",
    "Span",
    "Story",
    "StoryOverrides",
    "Subheading",
    "SubheadingRole",
    "Verse",
    "VerseLine",
    "WriteOptions",
    "WriterError",
    "__version__",
    "load_story",
    "make_book",
    "normalize_bytes",
    "write_epub",
    "write_pdf",
]


def __getattr__(name: str) -> Any:
    """Import a writer on first use: WeasyPrint takes half a second to import and EPUBs never need it;
    ebooklib and lxml take 60 ms and PDFs never need them."""
    if name == "write_pdf":
        from ebookify.render.pdf import write_pdf

        return write_pdf
    if name == "write_epub":
        from ebookify.render.epub import write_epub as epub_writer

        return epub_writer
    raise AttributeError(f"module 'ebookify' has no attribute {name!r}")
