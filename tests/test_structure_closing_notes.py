"""Notes gathered after a book's last page lifted into the end notes; a closing numbered list left alone."""

from __future__ import annotations

from ebookify.normalize.structure.closing_notes import lift_closing_notes

TEXT = [
    "DRAMATIS PERSONAE<1>",
    "",
    "LADY SNEERWELL. The Paragraphs you say were all inserted:<2>",
    "",
    "VERJUICE. They were Madam.",
    "",
    "END OF PLAY",
    "",
    "",
]


def test_marked_notes_counting_up_from_one_after_the_text_go_to_the_end_notes() -> None:
    notes = [
        "<1> From Sheridan's manuscript.",
        "",
        "<2> The story is repeated here:",
        "",
        "   SIR PETER.  O nine out of ten malicious inventions",
        "   are founded on misrepresentation.",
        "",
        "<3> From this place several sheets are missing.",
        "",
    ]
    gathered = lift_closing_notes([*TEXT, "FOOTNOTES:", "", *notes])
    assert gathered.lines == TEXT
    assert gathered.notes == [
        "FOOTNOTES:",
        "<1> From Sheridan's manuscript.",
        "<2> The story is repeated here:",
        "SIR PETER.  O nine out of ten malicious inventions are founded on misrepresentation.",
        "<3> From this place several sheets are missing.",
    ]


def test_a_list_the_text_never_calls_or_one_out_of_order_stays() -> None:
    uncalled = ["The rules were these:", "", "[1] Never lie.", "", "[2] Never tell."]
    assert lift_closing_notes(uncalled).notes == []
    skipping = [*TEXT, "<1> From the manuscript.", "", "<3> Missing."]
    assert lift_closing_notes(skipping).lines == skipping
    lone = [*TEXT, "<1> From the manuscript."]
    assert lift_closing_notes(lone).notes == []
