"""Merged dialogue with attributions: split where a different speaker answers, never inside one speaker."""

from __future__ import annotations

import pytest

from ebookify.normalize.inline.speakers import different_speakers, speaker, split_speakers


@pytest.mark.parametrize(
    ("clause", "who"),
    [
        ("she said at last, quietly.", "she"),
        ("said Mary.", "Mary"),
        ("Professor McGonagall said flatly.", "Professor McGonagall"),
        ("he replied then quickly added.", "he"),
        ("said the old man.", None),  # not a name: only a reader can tell him from another man
        ("She turned away.", None),  # no verb of speech
    ],
)
def test_the_speaker_of_an_attribution(clause: str, who: str | None) -> None:
    assert speaker(clause) == who


def test_speakers_differ_only_when_surely_two_people() -> None:
    assert different_speakers("she", "he")
    assert different_speakers("Mary", "John")
    assert not different_speakers("she", "she")
    assert not different_speakers("Harry Potter", "Harry")
    assert not different_speakers("Mary", "she")  # maybe Mary herself
    assert not different_speakers(None, "he")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            '"I tried," she said at last, quietly. "I know," he said.',
            ['"I tried," she said at last, quietly.', '"I know," he said.'],
        ),
        (
            "“Where?” Shizune asked. “Here,” Tsunade said, leaning back. “Why?” Shizune asked.",
            ["“Where?” Shizune asked.", "“Here,” Tsunade said, leaning back.", "“Why?” Shizune asked."],
        ),
    ],
)
def test_a_second_speaker_after_an_attribution_is_split(text: str, want: list[str]) -> None:
    assert split_speakers(text) == want


@pytest.mark.parametrize(
    "text",
    [
        '"I tried," she said. "I know," she said.',  # one speaker
        '"Stop," he said, "just stop." He turned away.',  # one speaker's line, continued
        '"Fine," she said. He laughed. "Good," he said.',  # narration between: left as written
        'He looked up. "Fine," she said. "Good," he said.',  # narration first
        '"I tried," Mary said. "I know," she said.',  # she may be Mary
        '"I tried," she said. "I know it."',  # no attribution for the second line
        '"Roses," she said.\n"Violets," he said.',  # kept line breaks
    ],
)
def test_one_speaker_or_an_unclear_paragraph_is_left_alone(text: str) -> None:
    assert split_speakers(text) == [text]
