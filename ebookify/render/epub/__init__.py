"""The EPUB 3 writer: documents, navigation, package metadata, ZIP container and the text check."""

from ebookify.render.epub.writer import epub_bytes, write_epub

__all__ = ["epub_bytes", "write_epub"]
