"""Spans restyled over character ranges of their joined text, the text itself unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from ebookify.model import Span, SpanStyle


def restyle(spans: Sequence[Span], ranges: Sequence[tuple[int, int, SpanStyle]]) -> tuple[Span, ...]:
    """Spans with the text inside each range given the range's style (the text itself unchanged)."""
    if not ranges:
        return tuple(spans)
    pieces: list[Span] = []
    position = 0
    for span in spans:
        start, end = position, position + len(span.text)
        cuts = sorted({start, end, *(x for lo, hi, _ in ranges for x in (lo, hi) if start < x < end)})
        for low, high in pairwise(cuts):
            style = next((s for lo, hi, s in ranges if lo <= low and high <= hi), span.style)
            pieces.append(Span(span.text[low - start : high - start], style))
        position = end
    return _merge(pieces)


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Neighbouring spans of one style as one span."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].style == span.style:
            out[-1] = Span(out[-1].text + span.text, span.style)
        elif span.text:
            out.append(span)
    return tuple(out) or (Span(""),)


def replace_char(spans: Sequence[Span], offset: int, char: str) -> tuple[Span, ...]:
    """The spans with the character at `offset` of their joined text replaced."""
    out: list[Span] = []
    position = 0
    for span in spans:
        at = offset - position
        position += len(span.text)
        out.append(
            Span(span.text[:at] + char + span.text[at + 1 :], span.style)
            if 0 <= at < len(span.text)
            else span
        )
    return tuple(out)
