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


def test_a_bare_numbered_note_is_lifted_when_the_text_above_carries_its_number() -> None:
    lines = [
        "     This act did not prevent young Ellison from entering into",
        "possession of a fortune of four hundred and fifty millions of dollars.1",
        "",
        "     1 An incident, similar in outline to the one here imagined,",
        "occurred, not very long ago, in England.",
        "",
        "     When it had become known that such was the enormous wealth",
    ]
    feet = lift_footnotes(lines)
    assert feet.notes == [
        "1 An incident, similar in outline to the one here imagined, occurred, not very long ago, in England."
    ]
    assert feet.lines == [lines[0], lines[1], lines[6]]


def test_a_bare_number_not_called_above_stays_text() -> None:
    # The year ends a word-free number ("in 1891"), and the block below goes on in lower case: neither
    # proves a note opened by a bare number.
    lines = [
        "It happened in the spring of 1891",
        "",
        "1 cup of flour and the rest of it,",
        "",
        "and so the recipe ended.",
    ]
    assert lift_footnotes(lines).lines == lines
    assert not lift_footnotes(lines).notes


def test_bare_numbered_notes_closing_the_text_answer_a_mark_anywhere_above() -> None:
    lines = [
        "     A cylinder swims with more difficulty than a sphere of an",
        "equally bulky body, of any form whatever.1",
        "     I told them my story--they did not believe it.",
        "",
        "     1 See Archimedes, 'De incidentibus in Fluido', lib. 2.",
        "",
    ]
    feet = lift_footnotes(lines)
    assert feet.notes == ["1 See Archimedes, 'De incidentibus in Fluido', lib. 2."]
    assert [line for line in feet.lines if line.strip()] == lines[:3]
    # The same block inside the text, its mark not on the line above, stays text.
    inside = [*lines[:5], "", "     The next paragraph goes on."]
    assert lift_footnotes(inside).lines == inside
