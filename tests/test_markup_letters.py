"""Letters and e-mails inside plain-text stories set apart as quote blocks, and what is left alone."""

from __future__ import annotations

from ebookify.model import Paragraph, Quote, Story
from ebookify.normalize.markup.letters import set_apart_letters
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.normalize.structure.raw import RawQuote, RawVerse
from ebookify.options import NormalizeOptions


def read(text: str) -> Story:
    return normalize_bytes(text.encode(), "story.txt", NormalizeOptions(smart_quotes=False))


def test_a_letter_from_salutation_to_signature_is_a_quote() -> None:
    story = read(
        "Harry opened the envelope.\n\nDear Harry,\n\nThe owl came back again. Are you eating?\n\n"
        "Love,\nHermione\n\nP.S. Write back.\n\nHe put it down and went to the window.\n\n"
        '"Post," said Ron from the door.\n\nThe owl was gone already, and the rain had started.\n\n'
        "Nobody slept much that night.\n"
    )
    blocks = story.chapters[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Quote", *["Paragraph"] * 4]
    assert "set apart 1 letter or e-mail as quote blocks" in story.repairs
    quote = blocks[1]
    assert isinstance(quote, Quote)
    assert [b.text for b in quote.blocks if isinstance(b, Paragraph)] == [
        "Dear Harry,",
        "The owl came back again. Are you eating?",
        "Love,\nHermione",
        "P.S. Write back.",
    ]


def test_an_email_header_opens_a_quote_to_its_sign_off() -> None:
    blocks = set_apart_letters(
        [
            "He read it twice.",
            "From: Hermione\nTo: Harry\nSubject: Owl",
            "Are you all right?",
            "Cheers,",
            "H.",
            "Odd.",
        ]
    )
    assert blocks[0] == "He read it twice." and blocks[-1] == "Odd."
    assert blocks[1] == RawQuote(
        ("From: Hermione\nTo: Harry\nSubject: Owl", "Are you all right?", "Cheers,", "H.")
    )


def test_exclamations_dialogue_and_unsigned_salutations_stay_narration() -> None:
    blocks = [
        "Dear God, what have I done?",
        '"Dear Harry," she read aloud. "Love, Mum."',
        "Dear Ron, the note began, and nothing followed.",
        "He waited for hours.",
    ]
    assert set_apart_letters(blocks) == tuple(blocks)


def test_a_chapter_that_is_one_letter_is_left_as_it_is() -> None:
    blocks = [
        "My dear Sister,",
        "I write a few lines in haste to say that I am safe.",
        "Your affectionate brother,",
        "R. Walton",
    ]
    assert set_apart_letters(blocks) == tuple(blocks)


def test_an_email_header_read_as_a_stanza_opens_a_quote() -> None:
    header = RawVerse(((0, "From: Dana Lee"), (0, "To: Jo March"), (0, "Subject: Monday")))
    blocks = set_apart_letters(["Home at last.", header, "Bring the figures.", "Best,", "Dana", "Bed."])
    assert blocks == (
        "Home at last.",
        RawQuote(("From: Dana Lee\nTo: Jo March\nSubject: Monday", "Bring the figures.", "Best,", "Dana")),
        "Bed.",
    )
    # A stanza that is no e-mail header stays verse, with or without a letter after it.
    poem = RawVerse(((0, "From the hills"), (0, "To the sea")))
    assert set_apart_letters(["Home.", poem, "Best,", "Bed."]) == ("Home.", poem, "Best,", "Bed.")
