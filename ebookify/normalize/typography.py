"""Typographic quotes, dashes and ellipses on model text, before any markup exists."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.model import Span


def typeset_spans(spans: Sequence[Span]) -> tuple[Span, ...]:
    """Apply typography to a paragraph's spans (skeleton: unchanged)."""
    return tuple(spans)
