"""A 1990s Project Gutenberg header: its title and by-line over the date line, and the date line itself."""

from __future__ import annotations

from ebookify.normalize.matter.old_header import dateline_field, title_block_fields

PLEA = ["Information on contacting Project Gutenberg to get Etexts, and", "We need your donations.", ""]


def test_the_title_and_by_line_over_the_date_line_name_the_etext() -> None:
    header = [
        *PLEA,
        "",
        "Divina Commedia di Dante",
        "",
        "by Dante Alighieri",
        "",
        "August, 1997  [Etext #1012]",
    ]
    assert title_block_fields(header, []) == [
        ("Title", "Divina Commedia di Dante"),
        ("Author", "Dante Alighieri"),
    ]
    # A title alone over the date line (Alice's, whose author only the title page names).
    alone = [*PLEA, "", "Alice's Adventures in Wonderland", "", "March, 1994  [Etext #11]"]
    assert title_block_fields(alone, []) == [("Title", "Alice's Adventures in Wonderland")]
    # The by-line may stand right under the title.
    close = [
        "",
        "The Adventures of Sherlock Holmes",
        "by Sir Arthur Conan Doyle",
        "",
        "May, 1999  [Etext #1661]",
    ]
    assert title_block_fields(close, []) == [
        ("Title", "The Adventures of Sherlock Holmes"),
        ("Author", "Sir Arthur Conan Doyle"),
    ]
    assert dateline_field(alone, []) == [("Release date", "March, 1994")]


def test_no_title_from_licence_text_or_when_a_field_gives_it() -> None:
    # The sentence over the date line is the licence's, not a title.
    assert title_block_fields([*PLEA[:2], "", "March, 1994  [Etext #11]"], []) == []
    # A by-line that names no person, or a block of several lines, is no title block.
    header = ["Tales", "", "by the light of the moon we read", "", "March, 1994  [Etext #11]"]
    assert title_block_fields(header, []) == []
    header = ["Tales", "Told Again", "", "March, 1994  [Etext #11]"]
    assert title_block_fields(header, []) == []
    header = ["", "Tales", "Told Again", "by Ann Author", "", "March, 1994  [Etext #11]"]
    assert title_block_fields(header, []) == []
    # A `Title:` field wins; and without a date line there is nothing to read.
    header = ["Tales", "", "by Ann Author", "", "March, 1994  [Etext #11]"]
    assert title_block_fields(header, [("Title", "Tales Retold")]) == []
    assert title_block_fields(header[:3], []) == []


def test_a_title_line_naming_its_author_after_by_is_split() -> None:
    header = [*PLEA, "", "Middlemarch by George Eliot", "", "July, 1994  [Etext #145]"]
    assert title_block_fields(header, []) == [("Title", "Middlemarch"), ("Author", "George Eliot")]
    # "by" before no personal name is part of the title.
    header = [*PLEA, "", "Killed by Death", "", "July, 1994  [Etext #145]"]
    assert title_block_fields(header, []) == [("Title", "Killed by Death")]
