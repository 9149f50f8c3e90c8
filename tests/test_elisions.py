"""Elided words: every form in the table is an apostrophe, and what stays a quotation; dialect texts."""

from __future__ import annotations

import pytest

from ebookify.normalize.inline.elisions import ELIDED_FORMS, WORD_FORMS, dialect_marks, is_dialect
from ebookify.normalize.inline.quotes import find_quoted
from ebookify.normalize.inline.thoughts import detect_convention, find_thoughts
from ebookify.normalize.inline.typography import typeset_text


@pytest.mark.parametrize("form", sorted(ELIDED_FORMS))
def test_every_elided_form_is_an_apostrophe(form: str) -> None:
    assert typeset_text(f"Then 'twas 'im, 'e said, an' '{form} went on.") == (
        f"Then ’twas ’im, ’e said, an’ ’{form} went on."
    )
    # Even when a closing quote follows later in the paragraph, the elision does not pair with it.
    text = f"'Tell '{form} now,' she said."
    assert [(q.start, q.end) for q in find_quoted(text)] == [(0, text.index(" she"))]


@pytest.mark.parametrize("form", sorted(ELIDED_FORMS))
def test_a_longer_word_is_not_the_elided_form(form: str) -> None:
    # 'emq is no elision: the word must be the whole form, and the answered quote opens.
    assert typeset_text(f"'{form.capitalize()}qx went on,' she said.").startswith("‘")


@pytest.mark.parametrize("form", sorted(WORD_FORMS))
def test_a_form_that_is_also_a_word_opens_a_quotation_when_answered(form: str) -> None:
    word = form.capitalize()
    assert typeset_text(f"'{word} it is,' she said.") == f"‘{word} it is,’ she said."
    assert typeset_text(f"{word} it is. '{word} it goes on.") == f"{word} it is. ’{word} it goes on."


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A word processor set an opening mark before the elision.
        ("‘Tis ‘em, ‘e said.", "’Tis ’em, ’e said."),
        # A double quotation closed around a single mark that nothing answered: h dropped inside a clause.
        ("“Saved by ‘Arry, she could not ‘andle it.”", "“Saved by ’Arry, she could not ’andle it.”"),
        # ... but a nested quotation that opens after punctuation stays open.
        ("“He said, ‘You may have it.”", "“He said, ‘You may have it.”"),
        # A typed ‘ before a small letter in verse runs on to a later line: trusted.
        ("‘Yea,’ quoth he, ‘dost thou fall", "‘Yea,’ quoth he, ‘dost thou fall"),
        # Old printers set 'tis and 'twere apart: a lone T before the verb lost "i" ...
        ("'T is better, with wine,", "’T is better, with wine,"),
        ('"\'T were better," he said.', "“’T were better,” he said."),
        # ... and before anything else it is a quotation's first letter.
        ("'T-shirts are cheap,' she said.", "‘T-shirts are cheap,’ she said."),
    ],
)
def test_typed_and_nested_single_quotes(text: str, want: str) -> None:
    assert typeset_text(text) == want


DIALECT = (
    "'Xcuse me, missus, I'm lookin' f'r th' 'ouse o' Mister 'Arris, 'im as keeps th' 'orses, an' 'is"
    " 'ound, wi' th' ol' cart."
)


PROSE = (
    "The rain had stopped by the time they reached the village, and the lamps were being lit one by one along"
    " the street while the carts went home from the market and the dogs barked at every one of them."
)


def test_a_dialect_paragraph_is_counted_and_plain_prose_is_not() -> None:
    assert dialect_marks(DIALECT) >= 10
    assert is_dialect([DIALECT] * 3)
    plain = "She didn't know it was five o'clock at the Potters' house, 'cause nobody told 'em."
    assert dialect_marks(plain) == 0
    assert not is_dialect([plain, DIALECT, *([PROSE] * 60)])


def test_dialect_marks_are_counted_for_each_kind_of_mark() -> None:
    # Straight, right and left marks, each counted once (’cause and 'em are everyday elisions, not dialect).
    assert dialect_marks("'ome an’ ‘ere, runnin' to th’ ’ouse wi' 'em an' ’cause o' 'er") == 10
    assert dialect_marks("“Stop!” she said, and nobody did.") == 0


def test_dialect_text_curls_small_letter_marks_as_apostrophes() -> None:
    # Without the dialect flag, 'ad pairs with the closing mark of runnin'; in dialect it never opens.
    text = "He 'ad it comin', runnin' away."
    assert typeset_text(text, dialect=True) == "He ’ad it comin’, runnin’ away."


def test_dialect_apostrophes_never_open_a_thought() -> None:
    story = [
        *([PROSE] * 60),
        '"Go home," he said.',
        "'Why me?' she thought.",
        '"Fine," she said.',
        "'We are friends,' she thought.",
        '"No," he said.',
        DIALECT + " 'ome, she thought.",
    ]
    assert detect_convention(story, [find_quoted(t) for t in story]).single_for_thoughts
    assert find_thoughts(story)[-1] == []
    assert find_thoughts(story)[61] != []


def test_a_dialect_story_switches_single_quoted_thoughts_off() -> None:
    story = [DIALECT, '"Go," he said.', "'Why me?' she asked.", '"Yes," he said.', "'I hate 'im.'"]
    convention = detect_convention(story, [find_quoted(t) for t in story])
    assert convention.dialect
    assert not convention.single_for_thoughts
    assert "dialect" in convention.describe()
