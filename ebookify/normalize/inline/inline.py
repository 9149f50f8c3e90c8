"""Paragraph text to styled spans: inner monologue (thoughts) and emphasis markers."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.model import Span, SpanStyle
from ebookify.normalize.inline.emphasis import drop_emphasis_markers, find_emphasis
from ebookify.normalize.inline.thoughts import find_thoughts, marked_thought


def mark_inline(paragraphs: Sequence[str]) -> list[tuple[Span, ...]]:
    """Mark thoughts and emphasis in all paragraphs of one story; span texts join to the paragraph text."""
    thoughts = find_thoughts(paragraphs)
    return [
        split_spans(text, ranges, _emphasis_or_thought(text))
        for text, ranges in zip(paragraphs, thoughts, strict=True)
    ]


_MAX_LINES = 3


def mark_lines(lines: Sequence[str]) -> list[tuple[Span, ...]]:
    """Emphasis in the lines of one stanza, markers dropped; a marker pair may span lines (a title or a
    direction over two lines). Verse carries no thoughts."""
    text = "\n".join(lines)
    # A pair over more than three lines is two stray markers, not one long emphasis, unless it opens and
    # closes the stanza itself: a refrain set wholly in italics ("*There are strange things ... McGee.*"),
    # or opens a line and closes one ("_For Courts are full ..." / "... full of pride_:" / "Then care away,").
    ranges = [
        (s, e, style)
        for s, e, style in find_emphasis(text)
        if text.count("\n", s, e) <= _MAX_LINES - 1 or (s == 0 and e == len(text)) or _whole_lines(text, s, e)
    ]
    spans = drop_emphasis_markers(split_spans(text, (), ranges))
    marked: list[list[Span]] = [[]]
    for span in spans:
        for number, piece in enumerate(span.text.split("\n")):
            if number:
                marked.append([])
            if piece:
                marked[-1].append(Span(piece, span.style))
    return [tuple(line) or (Span(""),) for line in marked]


def _whole_lines(text: str, start: int, end: int) -> bool:
    """The range opens at a line's first character and closes its line (only punctuation after it)."""
    opens = start == 0 or text[start - 1] == "\n"
    rest = text[end:].split("\n", 1)[0]
    return opens and not any(char.isalnum() for char in rest)


def _emphasis_or_thought(text: str) -> list[tuple[int, int, SpanStyle]]:
    """Emphasis ranges; one a thinking verb attributes is a thought the writer set in *stars* or _lines_."""
    return [
        (start, end, "thought" if style == "emphasis" and marked_thought(text, start, end) else style)
        for start, end, style in find_emphasis(text)
    ]


def split_spans(
    text: str, thoughts: Sequence[tuple[int, int]], emphasis: Sequence[tuple[int, int, SpanStyle]]
) -> tuple[Span, ...]:
    """Cut text into spans: each emphasis range is one span (it wins), thoughts and plain text between."""
    spans: list[Span] = []
    position = 0
    for start, end, style in emphasis:
        spans += _thought_spans(text, position, start, thoughts)
        spans.append(Span(text[start:end], style))
        position = end
    spans += _thought_spans(text, position, len(text), thoughts)
    return tuple(spans) or (Span(text),)


def _thought_spans(text: str, start: int, end: int, thoughts: Sequence[tuple[int, int]]) -> list[Span]:
    """Spans of text[start:end], thought where a thought range covers it, plain elsewhere."""
    spans: list[Span] = []
    position = start
    for t_start, t_end in thoughts:
        lo, hi = max(t_start, start), min(t_end, end)
        if lo >= hi:
            continue
        if lo > position:
            spans.append(Span(text[position:lo]))
        spans.append(Span(text[lo:hi], "thought"))
        position = hi
    if position < end:
        spans.append(Span(text[position:end]))
    return spans
