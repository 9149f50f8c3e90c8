"""Hanging punctuation for verse: which opening quotation mark a line sets outside its left edge."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.model import Span
from ebookify.normalize.inline.typography import opens_quotation

# Marks that open a quotation wherever they start a line of verse: curly double and low marks, guillemets
# either way round (French «…», German »…«), and the backtick old etexts type for an opening quote (`How
# doth). Fine verse setting hangs them so that the words of every line align (Bringhurst).
_OPENING = "“«»„‚‹›`"
# Marks that may instead be an elision's apostrophe ('Tis, ‘neath, 'em) or a closing mark: the typography
# step decides what they are, and only an opening one hangs.
_JUDGED = "'‘\""


def hung_mark(text: str, dialect: bool = False, curled: bool = True) -> str:
    """The opening quotation mark to hang from a verse line's text, or "". `curled` when the typography step
    has already set the line's quotes (its ‘ then always opens: an apostrophe became ’)."""
    if len(text) < 2 or text[1].isspace():
        # A mark alone, or before a space, opens no words on this line: nothing to align.
        return ""
    mark = text[0]
    if mark in _OPENING:
        return mark
    if mark in _JUDGED and (mark == "‘" if curled else opens_quotation(text, dialect)):
        return mark
    return ""


def hang_line(
    spans: Sequence[Span], dialect: bool = False, curled: bool = True
) -> tuple[str, tuple[Span, ...]]:
    """A verse line's hung mark (only the outermost one) and its spans without it; ("", spans) when its
    first character is no opening quotation mark."""
    hang = hung_mark("".join(span.text for span in spans), dialect, curled)
    return hang, without_hang(spans, hang)


def without_hang(spans: Sequence[Span], hang: str) -> tuple[Span, ...]:
    """The spans with the first len(hang) characters (the hung mark) cut off; spans left empty are dropped."""
    out: list[Span] = []
    left = len(hang)
    for span in spans:
        cut = min(left, len(span.text))
        left -= cut
        if span.text[cut:] or not span.text:
            out.append(Span(span.text[cut:], span.style) if cut else span)
    return tuple(out)
