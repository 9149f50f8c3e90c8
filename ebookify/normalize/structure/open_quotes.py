"""Whether a line break falls inside a speech still open: a ragged print wrap, not a paragraph's end."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.structure.layout import Layout, line_indent

# Marks that open a quotation of one's own at a line's start.
_OPENING = "\"“'‘"


def continues_quotation(previous: str, line: str, layout: Layout) -> bool:
    """At the margin, without a quotation mark of its own, in a text whose blocks are its paragraphs."""
    at_margin = max(line_indent(previous), line_indent(line)) <= layout.margin
    return not layout.indented and at_margin and line.lstrip()[:1] not in _OPENING


def open_quotation(lines: Sequence[str]) -> bool:
    """A double quotation opened in these lines is still open at their end (straight marks odd in number)."""
    text = "".join(lines)
    if '"' in text:
        return text.count('"') % 2 == 1
    return text.count("“") > text.count("”")
