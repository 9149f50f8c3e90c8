"""Merged dialogue: one paragraph per speaker, never split inside a quotation or after an attribution."""

from __future__ import annotations

from ebookify.normalize.structure.dialogue import merges_to_split, split_dialogue, split_merged_dialogue
from ebookify.normalize.structure.structure import parse_structure


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


_MERGED = '"Next time, don\'t interfere." "I\'ll try," she replied.'
_PLAIN = "The wolf slept. The lamb grazed by the stream."
_SPEECH = '"Come in," she said.'


def test_a_writer_who_runs_speakers_together_habitually_is_split() -> None:
    assert merges_to_split([_MERGED, _MERGED, _PLAIN, _PLAIN])


def test_a_rare_merge_in_a_book_that_gives_each_speech_a_paragraph_is_a_lost_break() -> None:
    assert merges_to_split([_MERGED, *[_SPEECH] * 25, *[_PLAIN] * 20])


def test_an_exchange_kept_in_a_narrated_paragraph_now_and_then_is_the_authors_choice() -> None:
    # Aesop: a few fables keep the Wolf's and the Lamb's lines in one paragraph; almost no paragraph opens
    # with a quotation.
    assert not merges_to_split([_MERGED, *[_PLAIN] * 30])
    assert not merges_to_split([_SPEECH] * 5)


def test_parse_structure_splits_only_faults() -> None:
    habit = "\n\n".join([_MERGED] * 3 + [_PLAIN])
    assert len(parse_structure(habit).chapters[0].blocks) == 7
    rare = "\n\n".join([_MERGED] + [_PLAIN] * 20)
    assert parse_structure(rare).chapters[0].blocks[0] == _MERGED


def test_the_splits_come_with_the_decision() -> None:
    splits = split_merged_dialogue([_MERGED, _PLAIN, _MERGED])
    assert splits == [split_dialogue(_MERGED), [_PLAIN], split_dialogue(_MERGED)]
    assert len(splits[0]) == 2
    assert split_merged_dialogue([_MERGED, *[_PLAIN] * 30]) is None


def test_merges_after_straight_and_curly_closing_marks_are_split_in_order() -> None:
    text = '“Go.” “Where?” "Home." "Now?" “Yes.”'
    assert split_dialogue(text) == ["“Go.”", "“Where?”", '"Home."', '"Now?"', "“Yes.”"]
    assert split_dialogue("“Go,” she said. “Home.”") == ["“Go,” she said. “Home.”"]
