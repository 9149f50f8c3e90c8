"""What stands around a story: each step's decision is recorded for `inspect` to show."""

from __future__ import annotations

from ebookify.normalize.matter.matter import fallback_fields, is_half_title, split_matter
from ebookify.normalize.matter.title_lines import letters_of
from ebookify.normalize.matter.titlepage import read_byline_page

PARA = "She walked along the river for a long time, thinking about nothing at all, then home."


def test_licence_contents_and_title_page_are_split_and_named() -> None:
    lines = [
        "The Project Gutenberg EBook of Tales, by Ann Author",
        "",
        "*** START OF THIS PROJECT GUTENBERG EBOOK TALES ***",
        "",
        "TALES",
        "",
        "By Ann Author",
        "",
        "CONTENTS",
        "",
        "CHAPTER I. The Start     1",
        "CHAPTER II. The End     9",
        "",
        "",
        "",
        "CHAPTER I.",
        "",
        PARA,
        "",
        "*** END OF THIS PROJECT GUTENBERG EBOOK TALES ***",
    ]
    matter = split_matter(lines)
    assert matter.printed
    assert [line for line in matter.body if line] == ["CHAPTER I.", PARA]
    assert matter.fields[:2] == (("Title", "TALES"), ("By", "Ann Author"))
    assert fallback_fields(matter, matter.fields) == []
    assert fallback_fields(matter, []) == [("Title", "Tales"), ("Author", "Ann Author")]
    assert "dropped the printed contents list (2 entries)" in matter.repairs
    assert any(repair.startswith("moved the Project Gutenberg licence") for repair in matter.repairs)
    # The licence is the colophon (About this edition), never the end notes.
    # Its START/END marker lines are the file's machinery: not shown (the header names the book already).
    assert not any("***" in line for line in matter.colophon)
    assert not any("GUTENBERG" in line for line in matter.back)


def test_plain_story_has_no_matter() -> None:
    matter = split_matter([PARA, "", PARA])
    assert matter.body == (PARA, "", PARA) and matter.repairs == () and not matter.printed


def test_half_title_is_the_title_again() -> None:
    fields = [("Title", "Dracula"), ("Author", "Bram Stoker")]
    assert is_half_title("DRACULA", fields)
    assert not is_half_title("DRACULA'S GUEST", fields)
    assert not is_half_title("Dracula\nby Bram Stoker", fields)
    # Letters and digits compared: an emphasised title line is the title too (the title page's reader
    # compares with the same letters_of: underscores are no letters).
    assert is_half_title("_Dracula._", fields)
    assert letters_of("_The Great Gatsby_") == letters_of("THE GREAT GATSBY!") == "thegreatgatsby"
    # A title and its subtitle, each on a line of its own; one word of the title is no half-title.
    earnest = [("Title", "The Importance of Being Earnest: A Trivial Comedy for Serious People")]
    assert is_half_title("The Importance of Being Earnest", earnest)
    assert is_half_title("A TRIVIAL COMEDY FOR SERIOUS PEOPLE", earnest)
    assert not is_half_title("The Importance of Being Idle", earnest)
    assert not is_half_title("Plays", [("Title", "Plays: Earnest and Idle")])


def test_a_title_page_gives_what_an_old_header_leaves_out() -> None:
    old = [
        "**The Project Gutenberg Etext of Tales**",
        "",
        "Tales Told Twice",
        "",
        "March, 1994  [Etext #11]",
        "",
        "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*",
        "",
        "TALES TOLD TWICE",
        "",
        "By Ann Author",
        "",
        "",
        "CHAPTER I.",
        "",
        PARA,
    ]
    fields = split_matter(old).fields
    # The header's title is trusted first; the title page's repeats it, its author is the only one.
    assert fields[0] == ("Title", "Tales Told Twice")
    assert ("Printed title", "TALES TOLD TWICE") in fields and ("By", "Ann Author") in fields
    # Once the header names the author too, the title page's by-line is the printed one.
    named = [*old[:3], "", "by Ann Author", *old[3:]]
    assert ("Printed author", "Ann Author") in split_matter(named).fields


def test_a_title_pages_article_on_a_line_of_its_own_opens_the_title() -> None:
    lines = ["", "Die", "Räuber", "", "ein Schauspiel", "von", "Schiller.", ""]
    page = read_byline_page(lines, range(len(lines)))
    assert ("Title", "Die Räuber") in page.fields and ("Subtitle", "ein Schauspiel") in page.fields
    # A title line that is no article stays a title of its own, the next line its subtitle.
    lines = ["", "Dramen", "Räuber", "", "von", "Schiller.", ""]
    page = read_byline_page(lines, range(len(lines)))
    assert ("Title", "Dramen") in page.fields and ("Subtitle", "Räuber") in page.fields
