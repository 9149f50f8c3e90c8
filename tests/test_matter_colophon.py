"""The colophon's lines: Gutenberg's markers and asterisk banners lose their frames, not their words."""

from __future__ import annotations

from ebookify.normalize.matter.colophon import colophon_lines


def test_markers_go_when_the_header_names_the_book() -> None:
    lines = [
        "The Project Gutenberg EBook of Tales, by Ann Author",
        "",
        "*** START OF THIS PROJECT GUTENBERG EBOOK TALES ***",
        "",
        "*** END OF THIS PROJECT GUTENBERG EBOOK TALES ***",
    ]
    out = colophon_lines(lines)
    assert out == (lines[0], "", "", "", "")
    named = ["Project Gutenberg's Hero, by Ann", "*** START OF THIS PROJECT GUTENBERG EBOOK HERO ***"]
    assert colophon_lines(named) == (named[0], "")


def test_a_footer_marker_alone_keeps_the_book_name_once_as_a_sentence() -> None:
    out = colophon_lines(["*** END OF THE PROJECT GUTENBERG EBOOK DIE VERWANDLUNG ***", "Updated editions."])
    assert out == ("The Project Gutenberg eBook of Die Verwandlung", "Updated editions.")


def test_asterisk_banners_are_not_emphasis() -> None:
    lines = [
        "**Welcome To The World of Free Plain Vanilla Electronic Texts**",
        "*These Etexts Prepared By Hundreds of Volunteers and Donations*",
        "***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START***",
        "*This 30th edition should be labeled alice30.txt or alice30.zip.",
    ]
    assert colophon_lines(lines) == (
        "Welcome To The World of Free Plain Vanilla Electronic Texts",
        "These Etexts Prepared By Hundreds of Volunteers and Donations",
        "START THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS START",
        "This 30th edition should be labeled alice30.txt or alice30.zip.",
    )


def test_emphasis_inside_a_line_and_rules_stay() -> None:
    lines = [
        "*BEFORE!* YOU USE OR READ THIS ETEXT",
        "WHAT IF YOU *WANT* TO SEND MONEY",
        "******",
        "  [*]  The etext",
    ]
    assert colophon_lines(lines) == tuple(lines)
