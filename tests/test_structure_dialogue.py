"""Merged dialogue: one paragraph per speaker, never split inside a quotation or after an attribution."""

from __future__ import annotations

from ebookify.normalize.structure.dialogue import split_dialogue


def test_two_speakers_in_one_paragraph_are_split() -> None:
    text = '"Next time," he started, "don\'t interfere." "I\'ll try to remember that," she replied.'
    assert split_dialogue(text) == [
        '"Next time," he started, "don\'t interfere."',
        '"I\'ll try to remember that," she replied.',
    ]


def test_curly_quotes_are_split_too() -> None:
    text = "“Why do I have to?” “Just do it!”"
    assert split_dialogue(text) == ["“Why do I have to?”", "“Just do it!”"]


def test_one_speaker_continuing_after_an_attribution_is_kept() -> None:
    text = '"Stop," he said, "just stop." He turned away.'
    assert split_dialogue(text) == [text]


def test_quote_inside_a_quotation_is_not_a_split() -> None:
    text = '"The sign said "Keep out." "Danger" was painted below it," he said.'
    assert split_dialogue(text) == [text]


def test_kept_line_breaks_are_left_alone() -> None:
    text = '"Roses are red."\n"Violets are blue."'
    assert split_dialogue(text) == [text]


def test_single_quoted_thoughts_are_left_alone() -> None:
    text = "'Why are they doing this?' she thought. 'We are friends.'"
    assert split_dialogue(text) == [text]


def test_unbalanced_quotes_still_split_at_a_clear_close_and_open() -> None:
    text = '"Hokage-sama he said, "a genin left this." "Did she have pink hair?" "Yes."'
    assert split_dialogue(text) == [
        '"Hokage-sama he said, "a genin left this."',
        '"Did she have pink hair?"',
        '"Yes."',
    ]
