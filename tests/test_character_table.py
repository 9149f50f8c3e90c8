"""A table of an e-text's characters: rows of a character, "=", and its name, under a short heading."""

from __future__ import annotations

from ebookify.normalize.matter.character_table import (
    is_character_row,
    is_characters_label,
    starts_character_table,
)


def test_rows_name_a_character() -> None:
    for row in ("    à = a grave", "« = left angle quotation mark", ". . . = ellipsis", "— = em dash"):
        assert is_character_row(row), row
    # Sums and assignments in the story name letters, not characters.
    for line in ("a = b", "x = 3", "He said = and left.", "à = 1"):
        assert not is_character_row(line), line


def test_a_heading_over_rows_is_a_table_and_a_heading_over_prose_is_not() -> None:
    table = [
        "TABLE OF SPECIAL CHARACTERS",
        "",
        "à = a grave",
        "è = e grave",
        "",
        "« = left angle quotation mark",
    ]
    assert starts_character_table(table, 0, len(table))
    assert not starts_character_table(table, 1, len(table))  # it starts at the heading, never a blank
    prose = ["THE END OF IT", "", "à = a grave, he wrote, and è = e grave, and so on.", "Then he slept."]
    assert not starts_character_table(prose, 0, len(prose))
    # A sentence is no heading, however many rows follow it.
    said = ["He wrote these down, then slept.", "", *table[2:]]
    assert not starts_character_table(said, 0, len(said))


def test_a_heading_on_the_characters_or_encoding_is_a_label_and_a_sentence_is_not() -> None:
    for label in (
        "SPECIAL CHARACTERS",
        "Special characters used in this e-text:",
        "A Note on the Character Set",
    ):
        assert is_characters_label(label), label
    for line in ("Special characters were rare in his hand.", "CHAPTER XII. ENCODING", "The Encoding"):
        assert not is_characters_label(line), line
