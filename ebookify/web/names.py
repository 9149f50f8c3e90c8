"""Safe names: an uploaded file's shown name and a downloaded book's file name, never used as paths."""

from __future__ import annotations

import re

from ebookify.normalize.decode.cleanup import clean_value

NAME_LIMIT = 120
"""Characters kept of a client-given file name (it is only shown and used as a fallback title)."""

_UNSAFE = re.compile(r"[^\w .,()'&+-]+")


def upload_name(raw: str) -> str:
    """The last component of a client-given file name, cleaned; the server never opens it."""
    base = re.split(r"[\\/]", raw)[-1]
    name = clean_value(base).strip(". ")[:NAME_LIMIT]
    return name or "story.txt"


def book_file_name(title: str, fmt: str) -> str:
    """A download name made from the book's title: letters, digits and plain punctuation only."""
    stem = " ".join(_UNSAFE.sub(" ", title).split()).strip(". ")[:80]
    return f"{stem or 'book'}.{fmt}"
