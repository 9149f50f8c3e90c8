"""Property: typography only ever changes quote, dash, period and space characters, never a letter."""

from __future__ import annotations

from typing import get_args

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ebookify.model import Span, SpanStyle
from ebookify.normalize.inline.typography import typeset_spans

# What typography may rewrite: quotes (to curly ones or primes), hyphens (to dashes), periods (to ellipses).
_TYPOGRAPHIC = set("'\"‘’“”′″-–—⸺.… \n")
# Text made mostly of the characters the rules look at, so that the rules fire often.
_ALPHABET = st.sampled_from([*"aZé5 '\"‘’“”-—.…_*\n(),!?", "em ", "tis ", "'90s", "----", "...", "--"])
_TEXT = st.one_of(st.lists(_ALPHABET, max_size=30).map("".join), st.text(max_size=30))
_STYLES = st.sampled_from(get_args(SpanStyle))


def _kept(text: str) -> list[str]:
    return [c for c in text if c not in _TYPOGRAPHIC]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_TEXT, _STYLES), min_size=1, max_size=4), st.booleans())
@example([("'Tis 'em--\"Miss----\"!", "plain")], False)
@example([("He 'ad it", "plain"), ("'ome...", "emphasis")], True)
def test_typography_never_changes_letters(parts: list[tuple[str, SpanStyle]], dialect: bool) -> None:
    spans = tuple(Span(text, style) for text, style in parts)
    typeset = typeset_spans(spans, dialect)
    before = "".join(span.text for span in spans)
    after = "".join(span.text for span in typeset)
    assert _kept(after) == _kept(before)
    # Styles stay in order: a span may merge into a neighbour's dash, never move.
    styles = iter(span.style for span in spans)
    assert all(span.style in styles for span in typeset)
