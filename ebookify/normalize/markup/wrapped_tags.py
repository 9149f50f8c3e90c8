"""Which line ends inside an HTML paragraph a hard wrap made, measured on the markup's own lines."""

from __future__ import annotations

from functools import cached_property

from ebookify.normalize.structure.layout import detect_layout


class SourceWrap:
    """The lines of an HTML (or Markdown with tags) source as written, and the width they are wrapped at."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")

    @cached_property
    def width(self) -> int | None:
        """The hard-wrap width of the source's lines, None when they are not wrapped (measured once, when a
        paragraph first runs over lines)."""
        return detect_layout([line.rstrip() for line in self.lines]).wrap_width

    def wrapped(self, first: int, last: int) -> bool:
        """Whether every line end from source line `first` to `last` (counted from 1) is the wrap's: the next
        line's first word would not have fitted on the line. Measured in the source's columns, tags and
        entities ("&#8220;") counted as written, as the wrap counted them; a poem's lines in a paragraph
        leave room for the next line's word."""
        width = self.width
        if width is None or not 1 <= first < last <= len(self.lines):
            return False
        for index in range(first - 1, last - 1):
            words = self.lines[index + 1].split()
            if not words or len(self.lines[index].rstrip()) + 1 + len(words[0]) <= width:
                return False
        return True
