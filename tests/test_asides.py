"""Paragraphs in parentheses: thoughts only in prose that uses the convention, never notes or directions."""

from __future__ import annotations

import pytest

from ebookify.model import Span
from ebookify.normalize.inline.asides import is_play, parenthetical_thought, parenthetical_thoughts
from ebookify.normalize.inline.inline import mark_inline

PROSE = "She ran across the field and did not look back."
THOUGHTS = ["(Love. Love. Love.)", "(I'm the hero this time. I can save them.)", "(So hard to breathe...)"]


@pytest.mark.parametrize(
    "text",
    [
        "(Repeat the chorus.)",  # a song's performance note
        "(To the tune of Greensleeves.)",  # a line naming a tune
        "(Cet air se chante aussi en canon.)",
        "(Exit Romeo.)",  # a play's direction
        "(LADY BRACKNELL.)",  # a line naming a speaker
        "(Unopened by her.)",  # a note on a letter
        "(Not delivered.)",
        "(Kept in phonograph)",  # no sentence end: a label
        "(And the wind blew cold and high)",  # a parenthesised line of verse
        "(`I only wish it was,' the March Hare said to itself.)",  # quoted speech
        "(said Jordan Baker that afternoon, sitting up very straight.)",  # an attribution
    ],
)
def test_notes_directions_and_verse_in_parentheses_are_not_thoughts(text: str) -> None:
    assert not parenthetical_thought(text)


@pytest.mark.parametrize("text", THOUGHTS)
def test_a_characters_aside_in_parentheses_can_be_a_thought(text: str) -> None:
    assert parenthetical_thought(text)


def test_the_convention_needs_several_thoughts_in_the_story() -> None:
    assert parenthetical_thoughts([PROSE, *THOUGHTS, PROSE]) == [False, True, True, True, False]
    # One aside alone is the narrator's or the author's.
    assert parenthetical_thoughts([PROSE, THOUGHTS[1], PROSE]) == [False, False, False]


def test_a_play_has_directions_not_thoughts() -> None:
    play = [text for n in range(12) for text in ("ROMEO.", f"Speech number {n}.", "LADY CAPULET.", "Yes.")]
    assert is_play(play)
    assert not any(parenthetical_thoughts([*play, *THOUGHTS]))
    assert not is_play([PROSE] * 30)


def test_a_plays_speaker_in_italics_is_not_a_thought() -> None:
    spoken, thought = mark_inline(["_Polly._ I think it is a fine day.", "_No._ she thought."])
    assert spoken[0] == Span("_Polly._", "emphasis")
    assert thought[0] == Span("_No._", "thought")
