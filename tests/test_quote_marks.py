"""Where a paragraph's quote marks stand, found mark by mark."""

from __future__ import annotations

from ebookify.normalize.inline.quotes import DOUBLE_QUOTES, SINGLE_QUOTES, mark_positions


def test_the_marks_of_every_kind_are_found_in_the_order_of_the_text() -> None:
    text = '“Don\'t,” he said. ‘It’s "mine".’'
    assert mark_positions(text, SINGLE_QUOTES + DOUBLE_QUOTES) == [0, 4, 7, 18, 21, 24, 29, 31]
    assert [text[i] for i in mark_positions(text, "'\"‘")] == ["'", "‘", '"', '"']


def test_a_text_without_quote_marks_has_none() -> None:
    assert mark_positions("No quotes here, only words.", SINGLE_QUOTES + DOUBLE_QUOTES) == []
