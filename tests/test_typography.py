"""Typography on model text: quotes, apostrophes, dashes and ellipses, and what must stay as it is."""

from __future__ import annotations

import pytest

from ebookify.model import Span
from ebookify.normalize.inline.typography import typeset_spans, typeset_text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('"Hello," he said.', "“Hello,” he said."),
        ("'Why?' she thought.", "‘Why?’ she thought."),
        ("\"'Hi,' he said,\" she said.", "“‘Hi,’ he said,” she said."),
        ("She said, \"He told me 'go away.'\"", "She said, “He told me ‘go away.’”"),
        ("Give 'em hell.", "Give ’em hell."),
        ("'Cause I said so.", "’Cause I said so."),
        ("'Tis the season.", "’Tis the season."),
        ("'Twas brillig.", "’Twas brillig."),
        ("Rock 'n' roll!", "Rock ’n’ roll!"),
        ("Back in the '90s.", "Back in the ’90s."),
        ("Nobody, 'specially not him, 'gainst the wall.", "Nobody, ’specially not him, ’gainst the wall."),
        ("At nine o'clock, ma'am.", "At nine o’clock, ma’am."),
        ("The Potters' house.", "The Potters’ house."),
        ("Don't, won't, can't.", "Don’t, won’t, can’t."),
        ("He was 5'10\" tall.", "He was 5′10″ tall."),
        ("If she 'scapes, I tell 'ee.", "If she ’scapes, I tell ’ee."),
        ("She cried 'murder!' twice.", "She cried ‘murder!’ twice."),
        ("'Multi-paragraph speech opens here", "‘Multi-paragraph speech opens here"),
    ],
)
def test_quotes_and_apostrophes(text: str, want: str) -> None:
    assert typeset_text(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Wait--what?", "Wait—what?"),
        ("Wait---what?", "Wait—what?"),
        ("The war of 1914--1918.", "The war of 1914–1918."),
        ("So... tired.", "So… tired."),
        ("So. . . tired.", "So… tired."),
        ("The end....", "The end.…"),
        ("Sasuke......", "Sasuke…"),
        ('"He lived----" she began.', "“He lived⸺” she began."),
    ],
)
def test_dashes_and_ellipses(text: str, want: str) -> None:
    assert typeset_text(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # After a dash or an ellipsis a quote closes before punctuation, a space or the end...
        ('"Miss--"!', "“Miss—”!"),
        ('"Wait--" she said.', "“Wait—” she said."),
        ('"Well..."', "“Well…”"),
        ("'Wait--' she said.", "‘Wait—’ she said."),
        ("\"He said 'go--'\" she said.", "“He said ‘go—’” she said."),
        # ... and opens before a letter, even past the marks of a nested quotation.
        ('She said--"Stop!"', "She said—“Stop!”"),
        ('"Ah"--he waved--"\'tis so."', "“Ah”—he waved—“’tis so.”"),
        ('So...."Next', "So.…“Next"),
        # A word processor's opening marks after a dash, where they close, are turned; elsewhere trusted.
        ("“Miss—“!", "“Miss—”!"),
        ("‘Wait—‘ she said.", "‘Wait—’ she said."),
        ("She said—“Stop!”", "She said—“Stop!”"),
        # A spaced dash is a space: the usual rules decide.
        ('"No -" she said. He began - "Yes."', "“No -” she said. He began - “Yes.”"),
    ],
)
def test_quotes_next_to_dashes_and_ellipses(text: str, want: str) -> None:
    assert typeset_text(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Lord D---- came.", "Lord D⸺ came."),
        ("The ---- regiment marched.", "The ⸺ regiment marched."),
        ('"But----" She stopped.', "“But⸺” She stopped."),
        ("Wait------what?", "Wait⸺what?"),
    ],
)
def test_long_hyphen_runs_in_text_are_a_two_em_dash(text: str, want: str) -> None:
    assert typeset_text(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "“Already curly,” she said, ‘and this’ isn’t changed… at all—really.",
        "A rule: ----",
        "One - two, and a hyphen-ated word.",
        "Plain words with no quotes at all.",
        "",
    ],
)
def test_text_already_typographic_or_without_straight_marks_is_unchanged(text: str) -> None:
    assert typeset_text(text) == text


def test_quote_at_a_span_boundary_sees_the_neighbouring_span() -> None:
    spans = (Span("Hi "), Span("'Why?'", "thought"), Span(" she thought. It's Sakura's."))
    assert typeset_spans(spans) == (
        Span("Hi "),
        Span("‘Why?’", "thought"),
        Span(" she thought. It’s Sakura’s."),
    )


def test_apostrophe_starting_a_span_after_a_word_is_an_apostrophe() -> None:
    spans = (Span("Sakura"), Span("'s", "emphasis"))
    assert typeset_spans(spans) == (Span("Sakura"), Span("’s", "emphasis"))


def test_a_dash_made_of_two_spans_keeps_every_span_style() -> None:
    spans = (Span("word-", "emphasis"), Span("-next"))
    out = typeset_spans(spans)
    assert "".join(s.text for s in out) == "word—next"
    assert [s.style for s in out] == ["emphasis", "plain"]


def test_a_span_swallowed_by_a_dash_disappears() -> None:
    assert typeset_spans((Span("a-"), Span("-", "emphasis"), Span("b"))) == (Span("a—"), Span("b"))


def test_a_space_before_the_quote_closing_the_paragraph_goes() -> None:
    assert typeset_text('"Footprints. "') == "“Footprints.”"
    assert typeset_spans([Span('"It was '), Span("enormous", "emphasis"), Span('! "')])[-1] == Span("!”")
    # Inside a paragraph a spaced mark may open the next quotation; after a word a dash may be lost; a
    # closing single quote keeps its space before the double one.
    assert typeset_text('"Go. " she said') == "“Go. ” she said"
    assert typeset_text('"I have no doubt "') == "“I have no doubt ”"
    assert typeset_text("\"It ran 'keep away.' \"") == "“It ran ‘keep away.’ ”"
