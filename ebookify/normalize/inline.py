"""Paragraph text to styled spans: inner monologue (thoughts) and emphasis markers."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.model import Span


def mark_inline(paragraphs: Sequence[str]) -> list[tuple[Span, ...]]:
    """Mark thoughts and emphasis in a story's paragraphs (skeleton: all plain)."""
    return [(Span(text),) for text in paragraphs]
