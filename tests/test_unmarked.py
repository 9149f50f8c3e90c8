"""Thoughts whose italics were lost: present-tense sentences in a story told in the third person and past."""

from __future__ import annotations

from ebookify.normalize.inline.unmarked import measure_narration, unmarked_thoughts

# Narration in the third person and the past tense, the way most fan fiction is told.
NARRATION = [
    f"Harry looked at the glass on desk {n}. It was cold, and he had waited for an hour. Nothing happened."
    for n in range(10)
]


def thoughts_of(paragraphs: list[str]) -> list[str]:
    return [text[r[0] : r[1]] for text, r in zip(paragraphs, unmarked_thoughts(paragraphs), strict=True) if r]


def test_a_first_person_present_paragraph_is_a_thought() -> None:
    thought = "I don't care if it's unfair. I know exactly what I am doing."
    assert thoughts_of([*NARRATION, thought, *NARRATION]) == [thought]


def test_a_present_tense_sentence_answered_by_speech_is_a_thought() -> None:
    paragraph = 'Because a single error can be incredibly dangerous. "No."'
    assert thoughts_of([*NARRATION, paragraph, *NARRATION]) == [
        "Because a single error can be incredibly dangerous."
    ]


def test_narration_signs_speech_and_past_tense_are_left_alone() -> None:
    paragraphs = [
        "TRANSFIGURATION IS NOT PERMANENT!",  # a sign in capitals
        '"I will never do it," said the students.',  # speech
        "The rule is simple, and she knew it.",  # past tense in the sentence
        "The rule is simple.",  # present, but neither first person nor followed by speech
        'He said, "I am fine."',  # an attribution leads into the quotation
        "Yes.",  # too short to tell
    ]
    assert thoughts_of([*NARRATION, *paragraphs, *NARRATION]) == []


def test_a_letter_in_the_story_is_not_a_thought() -> None:
    letter = ["The letter ran:", "I shall not see you again. I am going to Paris."]
    assert thoughts_of([*NARRATION, *letter, *NARRATION]) == []
    pages = ["I want the papers ready. I have asked twice.", "There is a girl I want you to meet."]
    assert thoughts_of([*NARRATION, *pages, *NARRATION]) == []


def test_a_story_told_in_the_first_person_or_present_has_no_unmarked_thoughts() -> None:
    first_person = [f"I looked at the glass on desk {n}. I was cold and I had waited." for n in range(10)]
    thought = "I don't care if it's unfair. I know what I am doing."
    assert not measure_narration(first_person).third_person_past
    assert thoughts_of([*first_person, thought]) == []
    present = [f"Harry looks at glass {n}. It is cold, and he is waiting." for n in range(10)]
    assert thoughts_of([*present, thought]) == []


def test_verse_and_parentheses_are_left_to_their_own_rules() -> None:
    assert thoughts_of([*NARRATION, "I am the hand\nthat is yours.", "(I am so tired.)", *NARRATION]) == []
