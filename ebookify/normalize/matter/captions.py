"""A printed book's illustration captions ("[Illustration: Der Student]"), set as captions, not text."""

from __future__ import annotations

import re

from ebookify.model import Paragraph, ParagraphRole, Span

# A paragraph that is wholly a bracketed illustration mark, as Project Gutenberg's transcribers write it:
# "[Illustration]", "[Illustration: Der Student]", "[Frontispiece: ...]" (over several lines too).
_CAPTION = re.compile(r"^\[\s*(?:illustrations?|frontispiece|plate\s+[ivxlc\d]+)\b[^\[\]]*\]$", re.I)
# A bare mark without a caption ("[Illustration]"): it says only that a picture stood here. A picture book
# has one on every page (Peter Rabbit's 29); it is no paragraph of the story, only a quiet mark between them.
_BARE = re.compile(r"^\[\s*(?:illustrations?|frontispiece)\s*[.:]?\s*\]$", re.I)


def is_caption(text: str) -> bool:
    """True for a paragraph that only marks where a printed book had a picture, with its caption."""
    return bool(_CAPTION.match(text.strip()))


def caption(paragraph: Paragraph) -> Paragraph:
    """The paragraph as a caption when it is one: its brackets off ("Illustration: Der Student"), every
    word kept; a bare "[Illustration]" as an illustration's mark; otherwise the paragraph as it was."""
    if not is_caption(paragraph.text):
        return paragraph
    spans = list(paragraph.spans)
    first, last = spans[0], spans[-1]
    spans[0] = Span(first.text.lstrip()[1:].lstrip(), first.style)
    spans[-1] = Span(spans[-1].text.rstrip()[:-1].rstrip(), last.style)
    role: ParagraphRole = "illustration" if _BARE.match(paragraph.text.strip()) else "caption"
    return Paragraph(tuple(span for span in spans if span.text), role)
