"""Emphasis markers: what becomes emphasis or strong, and what is left alone."""

from __future__ import annotations

import pytest

from ebookify.model import Span
from ebookify.normalize.emphasis import drop_emphasis_markers, find_emphasis


def marked(text: str) -> list[tuple[str, str]]:
    """(text with markers, style) for each emphasis found."""
    return [(text[s:e], style) for s, e, style in find_emphasis(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("She was *so* tired.", [("*so*", "emphasis")]),
        ("She was _so_ tired.", [("_so_", "emphasis")]),
        ("She was /so/ tired.", [("/so/", "emphasis")]),
        ("She was **so** tired.", [("**so**", "strong")]),
        ("She was __so__ tired.", [("__so__", "strong")]),
        ("The =Little Colonel= series.", [("=Little Colonel=", "strong")]),
        ("He read _The Last Dying Speech_, twice.", [("_The Last Dying Speech_", "emphasis")]),
        ("A wrapped _italic\nrun_ here.", [("_italic\nrun_", "emphasis")]),
        ('"_Never!_" she cried.', [("_Never!_", "emphasis")]),
        ("*one* and *two*", [("*one*", "emphasis"), ("*two*", "emphasis")]),
        ("**bold** and *it*", [("**bold**", "strong"), ("*it*", "emphasis")]),
    ],
)
def test_markers_become_emphasis(text: str, want: list[tuple[str, str]]) -> None:
    assert marked(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "See http://example.com/path/to/page/ for more.",
        "Edit /usr/local/bin/ and /etc/ files.",
        "Bring snacks and/or drinks.",
        "It costs 2*3*4 or 2 * 3 * 4 dollars.",
        "He was there.* The footnote says so.*",
        "* * *",
        "*****",
        "Fill in: _____ and ___.",
        "Call snake_case_name() now.",
        "Set x=y=z and a = b = c.",
        "Dates like 1/2/3 and the /r/ forum.",
        "The 5*7 grid and *sigh",
    ],
)
def test_things_that_are_not_emphasis_are_left_alone(text: str) -> None:
    assert find_emphasis(text) == []


def test_dropping_markers_keeps_the_words_and_other_spans() -> None:
    spans = (Span("I "), Span("_really_", "emphasis"), Span(" do, "), Span("**now**", "strong"))
    assert drop_emphasis_markers(spans) == (
        Span("I "),
        Span("really", "emphasis"),
        Span(" do, "),
        Span("now", "strong"),
    )


def test_dropping_markers_leaves_plain_and_quoted_thought_spans_alone() -> None:
    spans = (Span("_plain_"), Span("'_thought_'", "thought"), Span("(so tired)", "thought"))
    assert drop_emphasis_markers(spans) == spans


def test_dropping_markers_of_a_thought_set_in_stars() -> None:
    spans = (Span("_Why me?_", "thought"), Span(" she thought."))
    assert drop_emphasis_markers(spans) == (Span("Why me?", "thought"), Span(" she thought."))
