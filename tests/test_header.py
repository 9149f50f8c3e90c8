"""The metadata header: fields and their synonyms, lists, genres, language tags, series, overrides."""

from __future__ import annotations

import pytest

from ebookify.normalize.matter.header import (
    parse_field,
    split_genres,
    split_header,
    split_list,
    split_series,
)
from ebookify.normalize.matter.languages import language_code
from ebookify.normalize.matter.metadata import metadata_from_fields
from ebookify.options import StoryOverrides

GOODBYE_HEADER = [
    "Title: Goodbye, my almost lover.",
    "",
    "Pairing: SasuSaku, Team 7.",
    "",
    "Genre: Romance/Hurt/Comfort.",
    "",
    "Setting: Training field in Amegakure.",
    "",
    "Rating: T",
    "",
    "Summary: I'm the hero of this story; I don't need to be saved.",
    "",
    "",
    "",
    "It was a strange setting.",
]


def test_header_fields_in_order_and_body_after() -> None:
    header = split_header(GOODBYE_HEADER)
    assert [key for key, _ in header.fields] == ["Title", "Pairing", "Genre", "Setting", "Rating", "Summary"]
    assert dict(header.fields)["Setting"] == "Training field in Amegakure."
    assert [line for line in header.body if line] == ["It was a strange setting."]


def test_value_continues_on_following_lines() -> None:
    lines = [
        "Title: The Long Road",
        "Summary: Harry finds a dragon in",
        "the attic and keeps it.",
        "",
        "Story.",
    ]
    header = split_header(lines)
    assert dict(header.fields)["Summary"] == "Harry finds a dragon in the attic and keeps it."
    assert [line for line in header.body if line] == ["Story."]


def test_indented_continuation_after_complete_value() -> None:
    header = split_header(
        ["Title: Jack Sheppard", "       A Romance", "Author: W. H. Ainsworth", "", "Text."]
    )
    assert dict(header.fields)["Title"] == "Jack Sheppard A Romance"


def test_story_line_right_after_a_finished_value_is_not_swallowed() -> None:
    header = split_header(["Rating: T", "Summary: She leaves.", "It was raining when she left."])
    assert dict(header.fields)["Summary"] == "She leaves."
    assert header.body == ("It was raining when she left.",)


def test_dialogue_opening_is_not_a_header() -> None:
    lines = ['Naruto: "Hello!"', 'Sasuke: "Hn."', "", "They stared."]
    header = split_header(lines)
    assert header.fields == ()
    assert header.body == tuple(lines)


def test_labels_without_known_keys_are_not_a_header() -> None:
    assert split_header(["Monday: rain", "Tuesday: sun", "", "The week went by."]).fields == ()


def test_author_note_field_is_also_a_note() -> None:
    header = split_header(["Title: X", "A/N: Written for a friend.", "", "Story."])
    assert header.notes == ("A/N: Written for a friend.",)
    assert ("A/N", "Written for a friend.") in header.fields


def test_parse_field_needs_a_label_shape() -> None:
    assert parse_field("Rated: M") == ("Rated", "M")
    assert parse_field("title: lower case known key") == ("title", "lower case known key")
    assert parse_field("she said: no") is None
    assert parse_field("It was late, and he thought about it: nothing") is None


def test_synonyms_feed_metadata() -> None:
    fields = [
        ("Story Title", "Red"),
        ("Writer", "Jane Doe & John Roe"),
        ("Rated", "M."),
        ("Relationship", "Harry/Draco, Ron/Hermione"),
        ("Category", "Harry Potter"),
        ("Characters", "Harry, Draco and Luna"),
        ("Warnings", "Violence; Language"),
        ("Status", "Complete"),
        ("Words", "12,000"),
        ("Published", "2009-01-02"),
        ("Updated", "2010-03-04"),
    ]
    meta = metadata_from_fields(fields, "fallback", StoryOverrides())
    assert meta.title == "Red"
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.rating == "M"
    assert meta.pairings == ("Harry/Draco", "Ron/Hermione")
    assert meta.fandoms == ("Harry Potter",)
    assert meta.characters == ("Harry", "Draco", "Luna")
    assert meta.warnings == ("Violence", "Language")
    assert (meta.status, meta.words, meta.published, meta.updated) == (
        "Complete",
        "12,000",
        "2009-01-02",
        "2010-03-04",
    )
    assert meta.fields == tuple(fields)


def test_overrides_win_and_file_name_is_the_fallback() -> None:
    fields = [("Title", "Header Title"), ("Author", "Header Author"), ("Language", "French")]
    meta = metadata_from_fields(
        fields, "fallback", StoryOverrides(title="Mine", authors=("Me",), language="de")
    )
    assert (meta.title, meta.authors, meta.language) == ("Mine", ("Me",), "de")
    assert metadata_from_fields([], "From File", StoryOverrides()).title == "From File"
    assert metadata_from_fields(fields, "x", StoryOverrides()).language == "fr"


def test_genres_keep_slashed_names_whole() -> None:
    assert split_genres("Romance/Hurt/Comfort.") == ("Romance", "Hurt/Comfort")
    assert split_genres("Hurt/Comfort/Angst") == ("Hurt/Comfort", "Angst")
    assert split_genres("Romance/Humor") == ("Romance", "Humor")
    assert split_genres("Drama, Tragedy & Angst") == ("Drama", "Tragedy", "Angst")


def test_pairing_lists_do_not_split_on_and() -> None:
    assert split_list("SasuSaku, Team 7.") == ("SasuSaku", "Team 7")
    assert split_list("Cat and Mouse") == ("Cat and Mouse",)
    assert split_list("Cat and Mouse", words=True) == ("Cat", "Mouse")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Shadows #2", ("Shadows", 2.0)),
        ("Part 3 of Shadows", ("Shadows", 3.0)),
        ("Shadows, Book 4", ("Shadows", 4.0)),
    ],
)
def test_series_position(value: str, expected: tuple[str, float]) -> None:
    assert split_series(value) == expected


def test_series_without_position() -> None:
    assert split_series("The Long Road Saga") == ("The Long Road Saga", None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("English", "en"),
        ("english.", "en"),
        ("Français", "fr"),
        ("en_US", "en-US"),
        ("pt-br", "pt-BR"),
        ("de", "de"),
        # A header naming two languages: the text's is the first ("German, with English comments").
        ("German, with English comments", "de"),
        ("English and French", "en"),
    ],
)
def test_language_names_and_tags(value: str, expected: str) -> None:
    assert language_code(value) == expected


def test_unknown_language_falls_back() -> None:
    assert language_code("Klingon") == "en"
    # Nor is a known name after an unknown one taken for the text's language.
    assert language_code("Klingon, with English comments", default="und") == "und"
    assert language_code("Klingon", default="und") == "und"


def test_title_and_by_line_above_the_fields() -> None:
    header = split_header(["My Story", "by Jane Doe", "", "Summary: A tale.", "", "It began."])
    assert header.fields == (("Title", "My Story"), ("By", "Jane Doe"), ("Summary", "A tale."))
    assert [line for line in header.body if line] == ["It began."]


def test_title_line_without_fields_below_is_left_to_the_body() -> None:
    lines = ["My Story", "by Jane Doe", "", "It began."]
    header = split_header(lines)
    assert header.fields == () and header.body == tuple(lines)
