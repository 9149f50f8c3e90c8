"""Page-foot notes inside a paragraph lifted out, a notes list under its label left alone."""

from __future__ import annotations

from ebookify.normalize.structure.footnotes import lift_footnotes


def test_notes_cutting_a_paragraph_are_lifted_and_the_paragraph_closes_up() -> None:
    lines = [
        "     'La musique,' says Marmontel, in those 'Contes Moraux'<1>",
        "which, in all our translations, we have insisted upon calling",
        "them Moral Tales.  And it is only in common",
        "",
        "          <1>Moraux is here derived from moeurs and its",
        "meaning is fashionable.",
        "",
        "with other talents that it produces effects.",
        "     The next paragraph ends on a mark.<2>",
        "",
        "     <2>A second note.",
        "",
        "     And its own paragraph follows, marked by its indent.",
    ]
    feet = lift_footnotes(lines)
    assert feet.notes == [
        "<1>Moraux is here derived from moeurs and its meaning is fashionable.",
        "<2>A second note.",
    ]
    assert feet.lines == [*lines[:3], lines[7], lines[8], lines[12]]


def test_a_notes_list_under_its_label_and_a_numbered_line_stay() -> None:
    lines = ["He came home.{1}", "", "Footnotes:", "", "{1}  He did, in the end.", "", "[2] is no note here."]
    assert lift_footnotes(lines).lines == lines
    assert not lift_footnotes(lines).notes
