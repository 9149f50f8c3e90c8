"""Text messages inside plain-text stories set apart as quote blocks, and the look-alikes left alone."""

from __future__ import annotations

from ebookify.model import Paragraph, Quote, Story
from ebookify.normalize.markup.messages import is_script, set_apart_messages
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.normalize.structure.raw import RawQuote, RawVerse
from ebookify.options import NormalizeOptions

BEFORE = "Jo had waited at the station for an hour when her phone buzzed at last."
AFTER = "She put the phone away and watched the last train pull out without her."


def read(text: str) -> Story:
    return normalize_bytes(text.encode(), "story.txt", NormalizeOptions(smart_quotes=False))


def test_a_conversation_of_message_lines_is_one_quote() -> None:
    story = read(
        f"{BEFORE}\n\nSam: where are you\nJo: at the station. where are YOU\nSam: still at work, sorry\n"
        f"Jo: you could have said\n\n{AFTER}\n\nThe walk home took longer than it should have.\n"
    )
    blocks = story.chapters[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Quote", "Paragraph", "Paragraph"]
    quote = blocks[1]
    assert isinstance(quote, Quote) and quote.kind == "message"
    assert "set apart 1 text-message conversation as quote blocks" in story.repairs  # inspect says so
    assert [b.text for b in quote.blocks if isinstance(b, Paragraph)] == [
        "Sam: where are you\nJo: at the station. where are YOU\nSam: still at work, sorry\n"
        "Jo: you could have said"
    ]


def test_stamped_messages_in_paragraphs_of_their_own_are_one_quote() -> None:
    blocks = set_apart_messages(
        [BEFORE, "[10:42] Sam: where are you", "[10:43] Sam: hello??", "10:45 PM Sam: fine then", AFTER]
    )
    assert blocks == (
        BEFORE,
        RawQuote(
            ("[10:42] Sam: where are you", "[10:43] Sam: hello??", "10:45 PM Sam: fine then"), "message"
        ),
        AFTER,
    )


def test_a_stanza_of_message_lines_becomes_lines_of_a_paragraph() -> None:
    stanza = RawVerse(((0, "Mum: dinner at 7"), (0, "Jo: ok"), (0, "Mum: bring bread")))
    assert set_apart_messages([BEFORE, stanza, AFTER])[1] == RawQuote(
        ("Mum: dinner at 7\nJo: ok\nMum: bring bread",), "message"
    )


def test_a_phone_message_under_its_address_is_a_quote() -> None:
    blocks = set_apart_messages([BEFORE, "To: Mum", "Missed the train. Home late, don't wait up x", AFTER])
    assert blocks[1] == RawQuote(("To: Mum", "Missed the train. Home late, don't wait up x"), "message")
    phone = set_apart_messages([BEFORE, "New message from Sam\nwhere are you??", AFTER])
    assert phone[1] == RawQuote(("New message from Sam\nwhere are you??",), "message")
    # A sentence about a message is narration.
    said = "A message from Sam arrived."
    assert set_apart_messages([BEFORE, said, "where are you", AFTER]) == (
        BEFORE,
        said,
        "where are you",
        AFTER,
    )


def test_ordinary_dialogue_labels_and_lists_stay_narration() -> None:
    blocks = [
        BEFORE,
        '"Where are you?" Sam asked.',
        "Sam said: where are you, and nobody answered him.",
        # Labels that never repeat are a list, not a conversation.
        "Monday: the dentist\nTuesday: the bank\nWednesday: nothing at all",
        # Two lines are no conversation yet.
        "Sam: where are you\nJo: here",
        "Note: the trains were late all week.",
        # An address over a long paragraph is narration.
        "To: Mum",
        AFTER * 4,
    ]
    assert set_apart_messages(blocks) == tuple(blocks)


def test_a_chapter_of_messages_only_is_left_as_it_is() -> None:
    blocks = ["Sam: where are you", "Jo: here", "Sam: where is here"]
    assert set_apart_messages(blocks) == tuple(blocks)


def test_a_play_s_speaker_lines_are_a_script_and_stay_as_they_are() -> None:
    play = ["Hamlet: Ay, my lord.", "Horatio: And then?", "Hamlet: Then nothing.", "Horatio: Nothing?"] * 3
    assert is_script([*play, "Exeunt."])
    story = read("\n\n".join(["Act one, in which nothing happens at all.", *play, "Exeunt."]) + "\n")
    assert not any(isinstance(b, Quote) for chapter in story.chapters for b in chapter.blocks)
    # Names in capitals are a play's speakers, even in a story that is no script.
    speakers = "HAMLET: Ay, my lord.\nHORATIO: And then?\nHAMLET: Then nothing."
    assert set_apart_messages([BEFORE, speakers, AFTER]) == (BEFORE, speakers, AFTER)
    assert not is_script([BEFORE, speakers, AFTER])


def test_script_style_dialogue_without_a_device_or_time_stamps_stays_as_it_is() -> None:
    scene = [
        "The training ground was empty except for the two of them.",
        "Naruto: Hey!\nSasuke: Hn.\nNaruto: Fight me!",
    ]
    blocks = [*scene, "They fought until the sun went down."]
    assert set_apart_messages(blocks) == tuple(blocks)
    # The same lines after a phone buzzes are messages.
    texted = ["Naruto's phone buzzed on the table.", scene[1], "He put it away."]
    assert set_apart_messages(texted)[1] == RawQuote((scene[1],), "message")
