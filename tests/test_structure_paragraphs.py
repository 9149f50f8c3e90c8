"""Paragraph layout: hard wrapping undone, deliberate short lines kept, blank/indent/one-line paragraphs."""

from __future__ import annotations

import textwrap

from ebookify.normalize.structure.paragraphs import Layout, detect_layout, split_items, wrap_width
from ebookify.normalize.structure.structure import parse_structure

from .conftest import DATA

PROSE = (
    "It was a warm May morning, sweet with the fragrance of the locusts, for the great trees arching "
    "above her were all abloom, and the ground beneath was snowy with the wind-blown petals. Under the "
    "long white arch she rode, with the fallen blossoms white at her feet, and the birds called from "
    "the cedars as they had done the spring before."
)


def _wrapped(paragraphs: list[str], width: int = 70) -> list[str]:
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in paragraphs).split("\n")


def _texts(lines: list[str], layout: Layout) -> list[str]:
    return [item.text for item in split_items(lines, layout)]


def test_hard_wrapped_text_is_detected_and_unwrapped() -> None:
    lines = _wrapped([PROSE, PROSE.upper(), PROSE])
    layout = detect_layout(lines)
    assert layout.wrap_width is not None and 60 <= layout.wrap_width <= 70
    assert _texts(lines, layout) == [PROSE, PROSE.upper(), PROSE]


def test_one_line_paragraphs_are_not_wrapped() -> None:
    lines = [PROSE, "", "Short one.", "", PROSE[:120], "", "Another."] * 3
    assert wrap_width(lines) is None
    layout = detect_layout(lines)
    assert (layout.wrap_width, layout.indented, layout.one_per_line) == (None, False, False)


def test_short_lines_inside_wrapped_text_are_kept() -> None:
    poem = [
        "    Dear and great Friend! In Katrine's fancied Land",
        "      You long have held your own place--",
    ]
    lines = [*_wrapped([PROSE, PROSE]), "", *poem, "", *_wrapped([PROSE])]
    texts = _texts(lines, detect_layout(lines))
    assert texts[2] == "Dear and great Friend! In Katrine's fancied Land\nYou long have held your own place--"
    assert texts[3] == PROSE


def test_word_broken_at_a_hyphen_is_rejoined() -> None:
    layout = Layout(wrap_width=40)
    lines = ["a long line of text that ends in self-", "satisfied people and more words"]
    assert _texts(lines, layout) == ["a long line of text that ends in self-satisfied people and more words"]


def test_columns_keep_their_lines() -> None:
    lines = [
        "CHAP.                                          PAGE",
        "   I. UNDER THE PINES                          1",
    ]
    assert _texts(lines, Layout(wrap_width=72)) == [
        "CHAP.                                          PAGE\nI. UNDER THE PINES                          1"
    ]


def test_one_paragraph_per_line() -> None:
    lines = [PROSE, "He nodded.", PROSE.upper(), "She left.", PROSE]
    layout = detect_layout(lines)
    assert layout.one_per_line
    assert _texts(lines, layout) == lines


def test_indented_first_lines_start_paragraphs() -> None:
    wrapped = [textwrap.wrap(p, 60, initial_indent="    ") for p in (PROSE, PROSE.upper(), PROSE, PROSE)]
    lines = [line for paragraph in wrapped for line in paragraph]
    layout = detect_layout(lines)
    assert layout.indented
    assert _texts(lines, layout) == [PROSE, PROSE.upper(), PROSE, PROSE]


def test_lyrics_in_blank_line_text_keep_their_lines() -> None:
    lines = [PROSE, "", "And I will always love you", "I will always love you", "", PROSE]
    assert _texts(lines, detect_layout(lines))[1] == "And I will always love you\nI will always love you"


def test_long_lines_in_one_block_are_separate_paragraphs() -> None:
    lines = [PROSE, "", PROSE, PROSE.upper(), "", PROSE]
    assert _texts(lines, detect_layout(lines)) == [PROSE, PROSE, PROSE.upper(), PROSE]


def test_gap_before_each_paragraph_is_counted() -> None:
    items = split_items(["", "One.", "", "", "", "Two.", "Three."], Layout(one_per_line=True))
    assert [(item.text, item.gap) for item in items] == [("One.", 1), ("Two.", 3), ("Three.", 0)]


def test_wrapped_story_matches_the_unwrapped_one() -> None:
    clean = parse_structure((DATA / "change-of-plans.txt").read_text(encoding="utf-8"))
    wrapped = parse_structure(
        (DATA / "variants" / "change-of-plans.wrapped-bom.txt").read_text(encoding="utf-8-sig")
    )
    assert wrapped.chapters == clean.chapters
    assert wrapped.front_notes == clean.front_notes
    assert wrapped.end_notes == clean.end_notes


def test_lines_of_speech_are_separate_paragraphs() -> None:
    lines = [PROSE, "", '"Hi."', '"Hello, you."', "", PROSE]
    assert _texts(lines, detect_layout(lines)) == [PROSE, '"Hi."', '"Hello, you."', PROSE]


def test_quoted_verse_line_after_an_unquoted_one_stays_a_line() -> None:
    lines = [PROSE, "", 'Crying, "Keep it till called for!', '"The rascal one day,"', "", PROSE]
    assert (
        _texts(lines, detect_layout(lines))[1] == 'Crying, "Keep it till called for!\n"The rascal one day,"'
    )


def test_spaced_dash_at_a_line_end_keeps_its_space() -> None:
    lines = ["a long line of text that ends with a dash -", "and goes on to the end of it"]
    assert _texts(lines, Layout(wrap_width=40)) == [
        "a long line of text that ends with a dash - and goes on to the end of it"
    ]


def test_double_space_after_a_sentence_is_not_a_column() -> None:
    lines = ["It was late.  He went home and slept until the", "morning came around again."]
    assert _texts(lines, Layout(wrap_width=48)) == [
        "It was late.  He went home and slept until the morning came around again."
    ]


def test_a_speech_going_on_past_a_short_line_is_one_paragraph() -> None:
    # A print's ragged line end after a sentence inside an open quotation: the speech goes on.
    layout = Layout(wrap_width=72)
    lines = ['"Heyday, miss!" he said at last, "you have a fine color.', "Where's Fred?\""]
    joined = '"Heyday, miss!" he said at last, "you have a fine color. Where\'s Fred?"'
    assert _texts(lines, layout) == [joined]
    # Closed quotations, a quotation mark opening the next line, or quoted verse set in are left alone.
    closed = ['"Heyday, miss!" he said at last, "you have a fine color."', "Fred came in."]
    assert len(_texts(closed, layout)) == 2
    reopened = ['He said at last, "you have a fine color.', '"Where is Fred?" he asked.']
    assert len(_texts(reopened, layout)) == 2
    verse = ['    "My tablets! quick, my tablets!', "    'Tis meet that I put it down,\" etc.,"]
    assert "\n" in _texts(verse, layout)[0] or len(_texts(verse, layout)) == 2


def test_in_a_book_of_verse_a_lone_line_between_stanzas_is_a_one_line_stanza() -> None:
    stanza = ["O I see now that life cannot exhibit all to me,", "I see that I am to wait for what will be."]
    lone = "And you, paid to defile the People--you liars, mark!"
    lines = [*stanza, "", lone, "", *stanza]
    verse_book = Layout(verse_book=True)
    assert [bool(item.verse) for item in split_items(lines, verse_book)] == [True, True, True]
    # A title set off wider, a bracketed note, a label over a chorus stay as they are.
    for other, gap in (("}  To Old Age", 3), ("[Written in Platte Canyon, Colorado]", 1), ("Chorus.", 1)):
        framed = [*stanza, *[""] * gap, other, "", *stanza]
        assert [bool(item.verse) for item in split_items(framed, verse_book)] == [True, False, True]
    # The same line between two stanzas quoted in a prose book (set in from the margin) is a paragraph.
    quoted = [f"  {line}" for line in stanza]
    prose = [*quoted, "", lone, "", *quoted]
    assert [bool(item.verse) for item in split_items(prose, Layout())] == [True, False, True]


def test_a_rule_under_a_line_of_its_length_underlines_it_and_is_no_divider() -> None:
    lines = [
        "",
        "                             DRAMATIS PERSONAE",
        "                             -----------------",
    ]
    items = split_items([*lines, "", "Mr. Peachum."], Layout())
    assert [(item.text, item.divider) for item in items] == [
        ("DRAMATIS PERSONAE", False),
        ("Mr. Peachum.", False),
    ]
    # A rule of another length, or under a blank line, divides.
    rule = ["She left.", "-----------------", "", "He stayed."]
    assert [item.divider for item in split_items(rule, Layout())] == [False, True, False]
