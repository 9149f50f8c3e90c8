"""Styles the markup gave explicitly (HTML's <i>, <b>): marks out of the text, then laid over the spans."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ebookify.model import Span, SpanStyle
from ebookify.normalize.inline.inline import mark_inline
from ebookify.normalize.inline.thoughts import marked_thought
from ebookify.normalize.markup.marks import EMPHASIS, LINE_BREAK, STRONG, restore_literals

StyleRange = tuple[int, int, SpanStyle]
_OPENERS: dict[str, SpanStyle] = {EMPHASIS[0]: "emphasis", STRONG[0]: "strong"}
_CLOSERS: dict[str, SpanStyle] = {EMPHASIS[1]: "emphasis", STRONG[1]: "strong"}
_STYLE_MARKS = frozenset([*_OPENERS, *_CLOSERS])
_LINE_BREAK_RUN = re.compile(f"[ \\t]*{LINE_BREAK}[ \\t\\n]*")


def take_styles(text: str) -> tuple[str, list[StyleRange]]:
    """The text without style marks (a kept line break as "\\n"), and the styled ranges, strong last."""
    if LINE_BREAK in text:
        # The mark ends its line; the line end after it (joined as a space or a break) is the same break.
        text = _LINE_BREAK_RUN.sub("\n", text).strip("\n")
    if not _STYLE_MARKS.intersection(text):
        return text, []
    out: list[str] = []
    size = 0
    open_at: dict[SpanStyle, list[int]] = {"emphasis": [], "strong": []}
    ranges: list[StyleRange] = []
    for char in text:
        if char in _OPENERS:
            open_at[_OPENERS[char]].append(size)
        elif char in _CLOSERS:
            starts = open_at[_CLOSERS[char]]
            if starts:
                ranges.append((starts.pop(), size, _CLOSERS[char]))
        else:
            out.append(char)
            size += 1
    clean = "".join(out)
    trimmed = [_trim(clean, start, end, style) for start, end, style in ranges]
    kept = [r for r in trimmed if r[0] < r[1]]
    # Strong is laid over emphasis: bold italics read as bold ("<b><i>Stop!</i></b>").
    return clean, sorted(kept, key=lambda r: (r[2] == "strong", r[0]))


def _trim(text: str, start: int, end: int, style: SpanStyle) -> StyleRange:
    """A range without the spaces at its edges ("<i>word </i>" styles only the word)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, style


def _thought_or_emphasis(text: str, style_range: StyleRange) -> SpanStyle:
    """An italic run a thinking verb attributes is a thought, by the same rule as *starred* text."""
    start, end, style = style_range
    if style != "emphasis":
        return style
    probe = f"{text[:start]}*{text[start:end]}*{text[end:]}"
    return "thought" if marked_thought(probe, start, end + 2) else style


def overlay_styles(spans: Sequence[Span], ranges: Sequence[StyleRange]) -> tuple[Span, ...]:
    """Spans with each explicit range's style laid over them (the markup's styles win)."""
    if not ranges:
        return tuple(spans)
    text = "".join(span.text for span in spans)
    styles: list[SpanStyle] = [span.style for span in spans for _ in span.text]
    for style_range in ranges:
        start, end, _ = style_range
        style = _thought_or_emphasis(text, style_range)
        styles[start:end] = [style] * (end - start)
    out: list[Span] = []
    for index, char in enumerate(text):
        if out and out[-1].style == styles[index]:
            out[-1] = Span(out[-1].text + char, styles[index])
        else:
            out.append(Span(char, styles[index]))
    return tuple(out)


def mark_inline_with_markup(
    paragraphs: Sequence[str], mark: Callable[[Sequence[str]], list[tuple[Span, ...]]] = mark_inline
) -> list[tuple[Span, ...]]:
    """mark_inline on texts that may carry markup marks: explicit styles win, escaped characters return."""
    taken = [take_styles(text) for text in paragraphs]
    marked = mark([text for text, _ in taken])
    return [
        tuple(Span(restore_literals(s.text), s.style) for s in overlay_styles(spans, ranges))
        for spans, (_, ranges) in zip(marked, taken, strict=True)
    ]
