"""A transcriber's note under a printed title page lifted out for the colophon; the book's own text left."""

from __future__ import annotations

from ebookify.normalize.matter.transcriber_notes import lift_opening_note

TITLE = ["THE SCHOOL FOR SCANDAL", "", "A COMEDY", "", "BY R. B. SHERIDAN, ESQ.", "", ""]
NOTE = [
    "Transcriber's Comments on the preparation of this E-Text:",
    "",
    "SQUARE BRACKETS:",
    "",
    "The square brackets are copied from the printed book.",
    "",
    "",
    "FOOTNOTES:",
    "",
    "The footnotes have been consolidated at the end of the play.",
]
EDITOR = ["THE TEXT OF THE SCHOOL FOR SCANDAL", "", "The text in this edition is taken from Mr. Rae's."]


def test_a_labelled_note_runs_over_its_sections_to_the_wider_gap() -> None:
    note, rest = lift_opening_note([*TITLE, *NOTE, "", "", "", "", *EDITOR])
    assert note == NOTE
    assert rest == [*TITLE, "", "", "", "", *EDITOR]


def test_a_one_line_note_is_its_block_and_a_bracketed_one_runs_to_its_bracket() -> None:
    line = "Transcriber's Note: Obvious printer's errors have been corrected."
    assert lift_opening_note([*TITLE, line, "", *EDITOR]) == ([line], [*TITLE, "", *EDITOR])
    bracketed = ["[Transcriber's Note:", "", "Errors were corrected.]"]
    assert lift_opening_note([*TITLE, *bracketed, "", *EDITOR])[0] == bracketed


def test_an_opening_without_a_transcribers_note_or_with_one_after_a_heading_stays() -> None:
    assert lift_opening_note([*TITLE, *EDITOR]) == ([], [*TITLE, *EDITOR])
    late = [*TITLE, "CHAPTER I.", "", "Transcriber's Note: he said it was.", "", *EDITOR]
    assert lift_opening_note(late) == ([], late)
