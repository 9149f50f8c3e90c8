"""Plain-text emphasis markers (*word*, _word_, /word/, **word**, =word=) to emphasis and strong ranges."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.model import Span, SpanStyle

# A marker opens after a space, an opening bracket or quote, or at the start: never inside a word
# (snake_case, and/or, 2*3*4, http://a.com/x/) and never after another marker.
_OPEN = r"(?<![^\s(\[{\"'“‘—–-])"
# It closes before a space, punctuation, a closing bracket or quote, or at the end: never inside a word.
_CLOSE = r"(?![^\s)\]}\"'”’.,;:!?…—–-])"
# One emphasis rarely runs past a long sentence; the bound keeps stray markers from swallowing paragraphs.
_MAX_INNER = 500
_MARKERS: tuple[tuple[str, SpanStyle], ...] = (
    ("**", "strong"),  # Markdown habit for bold
    ("__", "strong"),
    ("*", "emphasis"),  # forums and e-mail
    ("_", "emphasis"),  # Gutenberg's italics
    ("/", "emphasis"),  # some forums' italics
    ("=", "strong"),  # Gutenberg's bold
)
# Slash emphasis must look like words: a path (/usr/bin/), a date (1/2/3) or /r/ is not emphasis.
_SLASH_WORDS = re.compile(r"[A-Za-z][A-Za-z'’ ,.!?-]*[A-Za-z.!?]")
# In a paragraph that names a path or URL (a/b/c, /usr/bin/x, http://), slashes belong to paths: "/etc/".
_PATH = re.compile(r"\S/\S+/|//")


def _pattern(marker: str) -> re.Pattern[str]:
    char = re.escape(marker[0])
    inner = rf"[^{char}\s](?:[^{char}]{{0,{_MAX_INNER}}}?[^{char}\s])?"
    return re.compile(rf"{_OPEN}{re.escape(marker)}(?P<inner>{inner}){re.escape(marker)}{_CLOSE}")


_PATTERNS = tuple((marker, _pattern(marker), style) for marker, style in _MARKERS)


def _is_emphasis(marker: str, inner: str) -> bool:
    """Divider lines, blanks to fill in and numbers carry no letters; slashes must enclose words."""
    if not any(c.isalpha() for c in inner):
        return False
    return marker != "/" or _SLASH_WORDS.fullmatch(inner) is not None


def find_emphasis(text: str) -> list[tuple[int, int, SpanStyle]]:
    """Non-overlapping (start, end, style) ranges, markers included, in text order."""
    found: list[tuple[int, int, SpanStyle]] = []
    for marker, pattern, style in _PATTERNS:
        if marker not in text or (marker == "/" and _PATH.search(text)):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            overlaps = any(start < e and s < end for s, e, _ in found)
            if not overlaps and _is_emphasis(marker, match.group("inner")):
                found.append((start, end, style))
    return sorted(found)


def _marker_length(text: str) -> int:
    """Length of the marker run that both starts and ends an emphasis span's text."""
    for marker, _ in _MARKERS:
        if len(text) > 2 * len(marker) and text.startswith(marker) and text.endswith(marker):
            return len(marker)
    return 0


def drop_emphasis_markers(spans: Sequence[Span]) -> tuple[Span, ...]:
    """Remove the markers kept in emphasis, strong and marker-made thought spans (the italics carry them)."""
    out = []
    for span in spans:
        size = _marker_length(span.text) if span.style != "plain" else 0
        out.append(Span(span.text[size:-size], span.style) if size else span)
    return tuple(out)
