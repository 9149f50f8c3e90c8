"""A transcriber's "[Footnote X: ...]" blocks lifted, unclosed brackets and mentions left alone."""

from __future__ import annotations

from ebookify.normalize.structure.bracket_notes import lift_bracket_notes


def test_a_block_between_paragraphs_is_lifted_with_its_label_and_the_gap_stays() -> None:
    lines = ["NEGRO BOY SOLD FOR A WATCH.[1]", "", "[Footnote 1: Clay's body servant.]", "", "Next verse,"]
    feet = lift_bracket_notes(lines)
    assert feet.notes == ["[Footnote 1: Clay's body servant.]"]
    assert feet.lines == ["NEGRO BOY SOLD FOR A WATCH.[1]", "", "Next verse,"]


def test_a_multi_line_block_and_its_heading_are_lifted_and_the_chapter_gap_kept() -> None:
    lines = [
        "the floor.",
        "",
        "FOOTNOTES:",
        "",
        "[Footnote A: At the hospital [of Saint Giles], the prisoners",
        "were presented with a Bowl of Ale.]",
        "",
        "",
        "",
        "CHAPTER VI.",
    ]
    feet = lift_bracket_notes(lines)
    assert feet.notes == [
        "FOOTNOTES:",
        "[Footnote A: At the hospital [of Saint Giles], the prisoners were presented with a Bowl of Ale.]",
    ]
    assert feet.lines == ["the floor.", "", "", "", "CHAPTER VI."]


def test_a_note_closing_inside_a_line_gives_the_rest_back_to_its_paragraph() -> None:
    lines = ["sloped at all.", "[Footnote: It may be, of course,", "that it did not.-ED.]  The", "end I came"]
    feet = lift_bracket_notes(lines)
    assert feet.notes == ["[Footnote: It may be, of course, that it did not.-ED.]"]
    assert feet.lines == ["sloped at all.", "The", "end I came"]


def test_an_unclosed_block_and_a_mention_in_a_sentence_stay() -> None:
    lines = [
        "[Footnote 2: this bracket never",
        "closes in its block.",
        "",
        "See [Footnote 3: the one above] for the source,",
        "[Footnote 4] says the same.",
    ]
    feet = lift_bracket_notes(lines)
    assert feet.lines == lines
    assert not feet.notes
