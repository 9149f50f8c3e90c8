"""Inner monologue: parenthetical paragraphs, single-quoted thoughts and the story's quote convention."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from ebookify.normalize.inline.asides import parenthetical_thought
from ebookify.normalize.inline.attribution import attribution_after, attribution_before
from ebookify.normalize.inline.quotes import find_quoted
from ebookify.normalize.inline.thoughts import QuoteConvention, detect_convention, find_thoughts

# Speech in double quotes, thoughts in single quotes (the change-of-plans convention).
AMERICAN_STORY = [
    '"Open your eyes," Kakashi said softly, "you aren\'t dead."',
    "'Why are they doing this?' she thought to herself, 'We are supposed to be friends.'",
    '"Don\'t worry," he said.',
    "She headed towards the gate. 'I will make sure that both of you stay alive,' she then looked forward.",
    "The last thing she remembered was hearing Sasuke say 'Thank you' and the rest was unheard.",
    '"Not anymore," he shot back. \'I love you Sasuke," she said in desperation.',
    "\"He wrote 'closed' on the door,\" she said.",
]


def thoughts_of(paragraphs: Sequence[str]) -> list[list[str]]:
    """The thought texts of each paragraph."""
    found = find_thoughts(paragraphs)
    return [[text[s:e] for s, e in ranges] for text, ranges in zip(paragraphs, found, strict=True)]


# --- parenthetical paragraphs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["(Love. Love. Love.)", "(Couldn't let another precious person die.)", "(So hard to breathe...)"],
)
def test_whole_parenthetical_paragraph_is_a_thought(text: str) -> None:
    assert parenthetical_thought(text)
    # The story uses the convention: two more thoughts in parentheses.
    others = ["(I can save them.)", "(Not another person. Please.)"]
    assert thoughts_of([text, *others])[0] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "But please review anyways! (:",
        "(:",
        "(1)",
        "(Trade Mark)",
        "(Trade Mark, Reg. U.S. Pat. Of.)",
        "(A/N: thanks for reading!)",
        "(_She sings._)",
        '(Containing the stories "The Little Colonel" and "Two Knights.")',
        "Later that day (I'm sorry but I don't want to relive the whole episode) she knew.",
    ],
)
def test_asides_labels_and_inline_parentheses_are_not_thoughts(text: str) -> None:
    assert not parenthetical_thought(text)
    assert thoughts_of([text]) == [[]]


# --- attribution ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "kind"),
    [
        (" she thought to herself.", "thought"),
        (" Naruto thought, 'next'", "thought"),
        (" he asked himself.", "thought"),
        (" she told herself.", "thought"),
        (" he reminded himself.", "thought"),
        (" she cursed silently.", "thought"),
        (" Sakura wondered.", "thought"),
        (" her father called.", "speech"),
        (" she said.", "speech"),
        (" he asked.", "speech"),
        (" she replied.", "speech"),
        (" she told the proud ramen lover.", "speech"),
        (" As they both started to run, she fell.", None),
        (" she then looked forward.", None),
        (" thoughts were going through her head.", None),
    ],
)
def test_attribution_after_a_quotation(after: str, kind: str | None) -> None:
    text = "'Go.'" + after
    assert attribution_after(text, 5) == kind


@pytest.mark.parametrize(
    ("before", "kind"),
    [
        ("'Damn it!' Naruto thought, ", "thought"),
        ("He asked himself, ", "thought"),
        ("She thought to herself: ", "thought"),
        ("hearing Sasuke say ", "speech"),
        ("'Go,' her father called, ", "speech"),
        ("Tsunade opened up the file, ", None),
    ],
)
def test_attribution_before_a_quotation(before: str, kind: str | None) -> None:
    assert attribution_before(before + "'Go.'", len(before)) == kind


# --- quoted thoughts --------------------------------------------------------------------------------


def test_thought_before_and_after_its_attribution_makes_two_spans() -> None:
    text = "'Damn it Sakura!' Naruto thought, 'I'm about to hit you.' Thankfully Kakashi appeared."
    assert thoughts_of([text]) == [["'Damn it Sakura!'", "'I'm about to hit you.'"]]


def test_thinking_verb_works_with_curly_quotes_and_apostrophes() -> None:
    text = "‘Why did she come?’ he asked himself, ‘I told her I didn’t need her.’"
    assert thoughts_of([text]) == [["‘Why did she come?’", "‘I told her I didn’t need her.’"]]


def test_american_story_marks_standalone_single_quotes_and_leaves_speech() -> None:
    found = thoughts_of(AMERICAN_STORY)
    assert found[1] == ["'Why are they doing this?'", "'We are supposed to be friends.'"]
    assert found[3] == ["'I will make sure that both of you stay alive,'"]
    assert found[4] == []  # say 'Thank you': a speech verb
    assert found[5] == []  # 'I love you Sasuke," mismatched quotes are speech
    assert found[6] == []  # single quotes inside double-quoted speech
    assert found[0] == found[2] == []


def test_convention_counts_the_evidence() -> None:
    quoted = [find_quoted(text) for text in AMERICAN_STORY]
    convention = detect_convention(AMERICAN_STORY, quoted)
    assert convention.single_for_thoughts
    assert convention.single_thinking == 2
    assert convention.single_speech == 1
    assert "double quotes are speech" in convention.describe()


BRITISH_STORY = [
    "'You'll be late,' her father called from the stairs.",
    "'I know,' said Anne, 'but the '90s were worse.' She laughed.",
    "'Don't be cheeky.' He put the kettle on. 'Tea?'",
    "'Rock 'n' roll at eight o'clock, ma'am,' she said, 'then the Potters' house.'",
    "'Give 'em a minute,' he said. 'Tis the season, 'cause it's cold.",
    "'He told me \"never\",' she said.",
    "'Fine.'",
]


def test_british_story_without_thoughts_marks_nothing() -> None:
    quoted = [find_quoted(text) for text in BRITISH_STORY]
    assert not detect_convention(BRITISH_STORY, quoted).single_for_thoughts
    assert thoughts_of(BRITISH_STORY) == [[] for _ in BRITISH_STORY]


def test_british_story_still_marks_a_quotation_with_a_thinking_verb() -> None:
    story = [*BRITISH_STORY, "'I hate Mondays,' she thought."]
    assert thoughts_of(story)[-1] == ["'I hate Mondays,'"]


def test_without_thought_evidence_unattributed_single_quotes_stay_plain() -> None:
    story = ['"Hello," he said.', "'Maybe tomorrow.' She shrugged.", '"Fine," he said.']
    assert thoughts_of(story) == [[], [], []]


def test_a_scare_quote_inside_a_sentence_is_not_a_thought() -> None:
    story = [*AMERICAN_STORY, "He had painted 'closed' on the door and left."]
    assert thoughts_of(story)[-1] == []


def test_apostrophes_never_open_or_close_a_quotation() -> None:
    text = "Give 'em the Potters' house, 'cause 'tis rock 'n' roll in the '90s at nine o'clock, ma'am."
    assert find_quoted(text) == []


def test_plural_possessive_inside_a_thought_does_not_end_it() -> None:
    text = "'I saw the Potters' house burn,' she thought."
    assert thoughts_of([text]) == [["'I saw the Potters' house burn,'"]]


def test_default_convention_is_conservative() -> None:
    assert not QuoteConvention().single_for_thoughts


def test_a_new_sentence_after_a_full_stop_is_not_an_attribution() -> None:
    assert attribution_after("'Fine.' She thought about it for a while.", 7) is None
    assert attribution_after("'Fine,' she thought.", 7) == "thought"
    assert attribution_after("'Fine.' Sakura thought.", 7) == "thought"


def test_a_quoted_name_before_a_thinking_verb_is_the_subject_not_a_thought() -> None:
    story = ["'Heinrich' would remember it as his first.", "'No!' she thought.", "'Why me' she thought."]
    assert thoughts_of(story) == [[], ["'No!'"], ["'Why me'"]]
