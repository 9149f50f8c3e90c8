"""A printed contents list near the top is dropped; a list of headings that is the text itself is not."""

from __future__ import annotations

from ebookify.normalize.matter.contents import drop_contents

PARA = "It was the best of times, it was the worst of times, it was the age of wisdom."


def test_contents_with_page_numbers_is_dropped_up_to_the_wide_gap() -> None:
    lines = [
        "CONTENTS",
        "",
        "CHAPTER I. The Period     1",
        "CHAPTER II. The Mail     9",
        "",
        "",
        "",
        "",
        "CHAPTER I.",
        "",
        PARA,
    ]
    split = drop_contents(lines)
    assert split.entries == 2
    assert [line for line in split.lines if line] == ["CHAPTER I.", PARA]
    assert split.dropped[0] == "CONTENTS"


def test_list_ends_where_the_first_entry_comes_back() -> None:
    lines = ["Contents", "Letter 1", "Letter 2", "Chapter 1", "", "Letter 1", "", PARA]
    assert [line for line in drop_contents(lines).lines if line] == ["Letter 1", PARA]


def test_text_without_a_contents_label_is_left_alone() -> None:
    lines = ["Chapter 1", "", PARA, "", "The contents of the box were strange.", "", PARA]
    assert drop_contents(lines).lines == tuple(lines) and drop_contents(lines).entries == 0


def test_a_numbered_list_ends_at_the_first_line_without_a_number() -> None:
    epigraph = "Then wear the gold hat, if that will move her;"
    lines = ["Table of Contents", "", "I", "II", "III", "IV", "", "Once again", "", "to", "", "Zelda", "",
             epigraph, "", "", "", "I", "", "In my younger years"]  # fmt: skip
    found = drop_contents(lines)
    assert found.dropped == ("Table of Contents", "I", "II", "III", "IV")
    assert "Zelda" in found.lines and epigraph in found.lines
    # An unnumbered list keeps going while its entries look like entries.
    plain = ["Contents", "", "The Land God Forgot", "The Spell of the Yukon", "Quatrains", "", "", "", "Text"]
    assert drop_contents(plain).entries == 3


def test_a_list_set_line_under_line_ends_at_two_blank_lines() -> None:
    parts = ["PREMIÈRE PARTIE", "I", "II", "III", "DEUXIÈME PARTIE", "I", "II"]
    dedication = [
        "",
        "",
        "À Marie-Antoine-Jules Senard",
        "",
        "Cher et illustre ami,",
        "",
        "",
        "À Louis Bouilhet",
    ]
    lines = ["Table des matières", "", *parts, *dedication, "", "", "PREMIÈRE PARTIE", "", "I", "", PARA]
    found = drop_contents(lines)
    assert found.dropped == ("Table des matières", *parts)
    assert "Cher et illustre ami," in found.lines and "À Louis Bouilhet" in found.lines
    # A list set one entry a paragraph, a blank line between its entries, goes on past two blank lines.
    spaced = [
        "Contents",
        "",
        "The Land God Forgot",
        "",
        "The Spell of the Yukon",
        "",
        "Quatrains",
        "",
        "",
        "Pilgrims",
    ]
    assert drop_contents([*spaced, "", "", "", PARA]).entries == 4
