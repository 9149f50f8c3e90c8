"""The colophon's lines as a reader sees them: Gutenberg's marker lines and asterisk banners unframed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.matter.metadata import from_capitals

# "*** START OF THE PROJECT GUTENBERG EBOOK DRACULA ***" marks where the file's book begins or ends: the
# file's machinery. Its words that mean something to a reader are "The Project Gutenberg eBook of Dracula".
_MARKER = re.compile(
    r"^\W*\*{3}\s*(?:START|END) OF (?:THIS |THE )?PROJECT GUTENBERG\s+E-?(?:BOOK|TEXT)"
    r"\s*(?P<title>.*?)[\s*]*$",
    re.I,
)
# A header line naming the book already ("The Project Gutenberg EBook of Katrine, by ...", "Project
# Gutenberg's The Little Colonel's Hero, by ...").
_NAMES_BOOK = re.compile(
    r"^\W*(?:this is )?(?:the )?project gutenberg(?:['’]s\s|\s+e-?(?:book|text)\s+of\b)", re.I
)
_ASTERISKS = re.compile(r"\*+")


def _unframed(line: str) -> str:
    """A line framed in asterisks ("**Welcome To The World of Free Plain Vanilla Electronic Texts**",
    "*END*THE SMALL PRINT!*END*") is a banner, not emphasis: its words without the frame. A line opening
    with one asterisk that nothing closes loses it; emphasis inside a line ("*BEFORE!* YOU USE") stays."""
    text = line.strip()
    if not text.startswith("*") or not any(c.isalnum() for c in text):
        return line
    if text.endswith("*") or text.startswith("**"):
        return " ".join(_ASTERISKS.sub(" ", text).split())
    return text[1:] if "*" not in text[1:] else line


def colophon_lines(lines: Sequence[str]) -> tuple[str, ...]:
    """The licence header and footer lines without their START/END marker lines (their book's name kept
    once, as a sentence, when no header line gives it) and with banners unframed."""
    named = any(_NAMES_BOOK.match(line) for line in lines)
    out: list[str] = []
    for line in lines:
        marker = _MARKER.match(line)
        if marker is None:
            out.append(_unframed(line))
            continue
        title = from_capitals(marker.group("title").strip())
        if not named and title:
            out.append(f"The Project Gutenberg eBook of {title}")
            named = True
        else:
            out.append("")  # a blank line keeps the paragraphs around the marker apart
    return tuple(out)
