"""Author's notes, disclaimers and header-less titles: what is the writer talking, what is the story."""

from __future__ import annotations

from ebookify.normalize.matter.notes import is_closing_note, is_note_label
from ebookify.normalize.structure.structure import parse_structure

PARA = "She walked along the river for a long time, thinking about nothing at all."
TALK = '"Don\'t go," he said. "Please tell me you will stay."'


def test_note_labels() -> None:
    for text in (
        "A/N: thanks to my beta!",
        "Author's Note: this is AU.",
        "[AN: short one]",
        "Disclaimer - not mine",
    ):
        assert is_note_label(text), text
    assert is_note_label("I don't own Naruto or any of the characters.")


def test_words_that_only_look_like_labels() -> None:
    for text in ("Notes from the meeting lay on the desk.", "An owl hooted.", "Note the time."):
        assert not is_note_label(text), text


def test_closing_note_cues_outside_quotations_only() -> None:
    assert is_closing_note("So if you liked it please tell me!")
    assert is_closing_note("Thanks for reading, and please review!")
    assert not is_closing_note(TALK)
    assert not is_closing_note("She thanked him for reading the letter aloud.")


def test_leading_author_note_is_a_front_note() -> None:
    story = parse_structure(f"A/N: This is my first fic.\n\n{PARA}\n\n{PARA}")
    assert story.front_notes == ("A/N: This is my first fic.",)
    assert story.chapters[0].blocks == (PARA, PARA)


def test_note_runs_on_to_a_divider() -> None:
    text = f"Disclaimer: not mine.\n\nAlso, thanks to Kim for the beta.\n\n***\n\n{PARA}\n\n{PARA}"
    story = parse_structure(text)
    assert story.front_notes == ("Disclaimer: not mine.", "Also, thanks to Kim for the beta.")
    assert story.chapters[0].blocks == (PARA, PARA)


def test_story_opening_is_not_a_front_note() -> None:
    story = parse_structure(f"Notes from the meeting lay on the desk.\n\n{PARA}")
    assert story.front_notes == ()
    assert story.chapters[0].blocks[0] == "Notes from the meeting lay on the desk."


def test_closing_note_with_the_writers_remarks_before_it() -> None:
    text = (
        f"{PARA}\n\n{TALK}\n\nGah, it took on a life of its own.\n\n"
        "This wasn't how it was going to end.\n\nBut please review anyways! (:"
    )
    story = parse_structure(text)
    assert story.end_notes == (
        "Gah, it took on a life of its own.",
        "This wasn't how it was going to end.",
        "But please review anyways! (:",
    )
    assert story.chapters[0].blocks == (PARA, TALK)


def test_wide_gap_sets_the_note_apart() -> None:
    text = f"{PARA}\n\nThe story was over, she wrote.\n\n\n\nThanks for reading!"
    story = parse_structure(text)
    assert story.end_notes == ("Thanks for reading!",)
    assert story.chapters[0].blocks[-1] == "The story was over, she wrote."


def test_story_ending_in_dialogue_keeps_it() -> None:
    story = parse_structure(f"{PARA}\n\n{PARA}\n\n{TALK}")
    assert story.end_notes == ()
    assert story.chapters[0].blocks[-1] == TALK


def test_all_notes_story_keeps_its_body() -> None:
    story = parse_structure("A/N: this is all there is.")
    assert story.chapters[0].blocks == ("A/N: this is all there is.",)


def test_bare_title_after_a_preface() -> None:
    text = f"This is what would happen if she followed him.\n\nChange of Plans\n\n{PARA}"
    story = parse_structure(text)
    assert story.fields == (("Title", "Change of Plans"),)
    assert story.front_notes == ("This is what would happen if she followed him.",)
    assert story.chapters[0].blocks == (PARA,)


def test_title_and_by_line() -> None:
    for text in (f"The Long Road\nby Jane Doe\n\n{PARA}", f"The Long Road\n\nBy: Jane Doe\n\n{PARA}"):
        story = parse_structure(text)
        assert story.fields == (("Title", "The Long Road"), ("By", "Jane Doe"))
        assert story.chapters[0].blocks == (PARA,)


def test_short_opening_sentence_is_not_a_title() -> None:
    for opening in ("Silence.", "Run!", '"Wait."'):
        story = parse_structure(f"{opening}\n\n{PARA}")
        assert story.fields == ()
        assert story.chapters[0].blocks[0] == opening


def test_header_title_wins_over_a_title_line() -> None:
    story = parse_structure(f"Title: Red\nRating: T\n\nBlue Skies\n\n{PARA}")
    assert story.fields == (("Title", "Red"), ("Rating", "T"))
    assert story.chapters[0].blocks == ("Blue Skies", PARA)


def test_disclaimer_field_does_not_swallow_the_first_scene() -> None:
    story = parse_structure(f"Title: X\nRating: K\n\nDisclaimer: not mine.\n\n{PARA}\n\n* * *\n\n{PARA}")
    assert story.front_notes == ("Disclaimer: not mine.",)
    assert story.chapters[0].blocks[0] == PARA


def test_writers_preface_before_the_first_chapter_is_a_front_note() -> None:
    preface = "At the request of over forty users, the sequel to my first story has come about. Enjoy!"
    story = parse_structure(f"{preface}\n\nChapter 1\n\n{PARA}\n\nChapter 2\n\n{PARA}")
    assert story.front_notes == (preface,)
    # One cue is the story's own opening line, not a preface.
    opening = "This is the story of how I died."
    story = parse_structure(f"{opening}\n\nChapter 1\n\n{PARA}\n\nChapter 2\n\n{PARA}")
    assert story.front_notes == () and story.chapters[0].blocks == (opening,)


def test_long_sign_off_about_the_sequel_is_an_end_note() -> None:
    sign_off = (
        "The sequel is coming soon. I hope you enjoyed this story as much as I enjoyed writing it. "
        + "The saga goes on in the next part, with more dialogue and more characters. " * 6
    )
    story = parse_structure(f"{PARA}\n\n{PARA}\n\n{sign_off}")
    assert story.end_notes == (sign_off.strip(),)
    long_prose = "She hoped you enjoyed the view, she said. " * 20
    assert parse_structure(f"{PARA}\n\n{long_prose}").end_notes == ()


CHAPTERED = (
    f"Chapter 1\n\nA/N: Thanks to everyone who reviewed the prologue!\n\n{PARA}\n\n{PARA}\n\n"
    "Please review and tell me what you think!\n\n"
    f"Chapter 2\n\nA/N: Sorry this took so long to update, my laptop died!\n\n{PARA}\n\n{PARA}\n\n"
    "Author's Note: That's the end. Thanks for reading!"
)


def test_author_notes_of_each_chapter_are_that_chapters_notes() -> None:
    story = parse_structure(CHAPTERED)
    first, second = story.chapters
    assert first.front_notes == ("A/N: Thanks to everyone who reviewed the prologue!",)
    assert first.end_notes == ("Please review and tell me what you think!",)
    assert first.blocks == (PARA, PARA)
    assert second.front_notes == ("A/N: Sorry this took so long to update, my laptop died!",)
    # The story's closing note is the story's end note, even in a story of chapters.
    assert story.end_notes == ("Author's Note: That's the end. Thanks for reading!",)


def test_a_single_chapter_or_a_printed_book_keeps_its_text() -> None:
    story = parse_structure(f"Chapter 1\n\nNote: the ship sailed at dawn.\n\n{PARA}\n\n{PARA}")
    assert story.chapters[0].front_notes == ()


def test_closing_remarks_reach_back_only_over_the_writers_own_paragraphs() -> None:
    remark = "I had so much fun writing this story, the sequel is coming soon."
    story = parse_structure(f"{PARA}\n\n{remark}\n\nPlease review!")
    assert story.end_notes == (remark, "Please review!")
    story = parse_structure(f"{remark}\n\n{PARA}\n\nPlease review!")
    assert story.end_notes == ("Please review!",)


def test_an_afterword_that_announces_the_sequel_is_an_end_note() -> None:
    afterword = "This concludes part nine. Stay tuned for part ten, it is coming soon."
    assert parse_structure(f"{PARA}\n\n{PARA}\n\n{afterword}").end_notes == (afterword,)


def test_an_end_mark_over_the_sign_off_goes_with_it_across_a_wide_gap() -> None:
    afterword = "This concludes part nine. Stay tuned for part ten, it is coming soon."
    mark = "-=<{[ TO BE CONCLUDED ]}>=-"
    text = f"{PARA}\n\n" * 4
    story = parse_structure(f"{text}\n\n{mark}\n\n\n\n{afterword}")
    assert story.end_notes == (mark, afterword)
    # A line of the story above the note stays the story's; an end mark closing the text is closing matter, as
    # "The End" is.
    line = "-=< The war was over. >=-"
    assert parse_structure(f"{text}\n\n{line}\n\n\n\n{afterword}").end_notes == (afterword,)
    assert parse_structure(f"{text}\n\n{mark}").end_notes == (mark,)


def test_an_introduction_and_a_conclusion_in_the_writers_voice_are_notes() -> None:
    intro = "-=< Who would've thought? The seventh story is here, and the readers keep writing. >=-"
    outro = "-=< The next story in the series is coming, and thanks to all my readers. >=-"
    text = (
        f"-\\- Introduction -/-\n\n{intro}\n\n\n-\\- Prologue -/-\n\n{PARA}\n\n\n-\\- 1 -/-\n\n{PARA}\n\n\n"
        f"-\\- 2 -/-\n\n{PARA}\n\n\n-\\- Conclusion -/-\n\n{outro}\n"
    )
    story = parse_structure(text)
    assert [chapter.title for chapter in story.chapters] == ["Prologue", "1", "2"]
    assert intro in story.front_notes and outro in story.end_notes
    # An introduction that tells the story is a chapter of it.
    told = f"Introduction\n\n{PARA}\n\n\nChapter 1\n\n{PARA}\n\n\nChapter 2\n\n{PARA}\n"
    assert [chapter.title for chapter in parse_structure(told).chapters] == [
        "Introduction",
        "Chapter 1",
        "Chapter 2",
    ]
