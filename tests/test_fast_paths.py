"""Shortcuts taken for speed give the same result as the full path: typography's rule gates and span cuts."""

from __future__ import annotations

import pytest

from ebookify.model import Span
from ebookify.normalize.typography import typeset_spans, typeset_text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Each rule still fires when its trigger characters are present.
        ("Wait. . . what?", "Wait… what?"),
        ("The end.... Or not.", "The end.… Or not."),
        ("Well......", "Well…"),
        ("1914--1918", "1914–1918"),
        ("lived----", "lived——"),
        ("Stop--now.", "Stop—now."),
        ("He is 5'10\" tall.", "He is 5′10″ tall."),
        ('He is 5′10" tall.', "He is 5′10″ tall."),
    ],
)
def test_every_rule_fires_on_its_trigger(text: str, want: str) -> None:
    assert typeset_text(text) == want


@pytest.mark.parametrize(
    "text",
    ["Plain words. No runs here.", "A - single hyphen, 5 feet", "One . two", "It is 5' and no inch mark"],
)
def test_text_without_triggers_is_left_alone(text: str) -> None:
    assert typeset_text(text) == text.replace("'", "’")


def test_spans_without_a_rule_match_keep_their_boundaries_and_drop_empty_ones() -> None:
    spans = (Span("He said "), Span("", "emphasis"), Span('"no"', "strong"), Span(" twice."))
    assert typeset_spans(spans) == (Span("He said "), Span("“no”", "strong"), Span(" twice."))


def test_spans_where_a_rule_matches_are_regrouped() -> None:
    spans = (Span("Wait..", "emphasis"), Span(". 'Go'"))
    assert typeset_spans(spans) == (Span("Wait…", "emphasis"), Span(" ‘Go’"))
