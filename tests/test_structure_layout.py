"""Layout measured over the whole text: margin, indented first lines, double spacing, deliberate lines."""

from __future__ import annotations

import textwrap

from ebookify.normalize.structure.layout import detect_layout, undouble
from ebookify.normalize.structure.paragraphs import split_items

PROSE = (
    "It was a warm May morning, sweet with the fragrance of the locusts, for the great trees arching "
    "above her were all abloom, and the ground beneath was snowy with the wind-blown petals. Under the "
    "long white arch she rode, with the fallen blossoms white at her feet."
)


def _indented(paragraphs: list[str], margin: int = 0, indent: int = 5) -> list[str]:
    out: list[str] = []
    for text in paragraphs:
        out += textwrap.wrap(text, 60, initial_indent=" " * (margin + indent), subsequent_indent=" " * margin)
    return out


def test_indented_paragraphs_under_a_left_margin() -> None:
    paragraphs = [PROSE, "He nodded.", "She left him there.", PROSE, PROSE, PROSE, PROSE]
    lines = _indented(paragraphs, margin=5)
    layout = detect_layout(lines)
    assert (layout.margin, layout.paragraph_indent, layout.indented) == (5, 10, True)
    # A paragraph after a one-line paragraph starts at its own indented line.
    assert [item.text for item in split_items(lines, layout)] == paragraphs


def test_a_deeper_indented_lower_case_line_is_not_a_paragraph() -> None:
    lines = _indented([PROSE, PROSE], margin=5)
    lines.insert(2, "             favorite lakes, rivers, and streams.")
    texts = [item.text for item in split_items(lines, detect_layout(lines))]
    assert len(texts) == 2 and "favorite lakes" in texts[0]


def test_double_spaced_text_is_undone() -> None:
    wrapped = [line for p in (PROSE, PROSE, PROSE) for line in textwrap.wrap(p, 60, initial_indent="\t")]
    spaced = [part for line in wrapped for part in (line.expandtabs(4), "")]
    lines, double = undouble(spaced)
    assert double and "" not in lines[:-1]
    texts = [item.text for item in split_items(lines, detect_layout(lines))]
    assert texts == [PROSE, PROSE, PROSE]


def test_blank_line_paragraphs_are_not_double_spaced() -> None:
    lines = [part for _ in range(12) for part in (PROSE, "")]
    assert undouble(lines) == (lines, False)


def test_a_sloppy_rewrap_joins_but_a_closing_keeps_its_lines() -> None:
    wrapped = textwrap.wrap(PROSE, 76)
    lines = [*wrapped, "", "The Dursleys did not take in their nephew and start plotting", *wrapped[1:], ""]
    lines += ["I remain, dear sir, yours,", "John Smith", "London", "", *wrapped]
    texts = [item.text for item in split_items(lines, detect_layout(lines))]
    assert "start plotting " + wrapped[1] in texts[1]
    assert texts[2] == "I remain, dear sir, yours,\nJohn Smith\nLondon"


def test_wrap_width_is_measured_on_lines_that_run_on() -> None:
    verse = ["Two households, both alike in dignity,", "In fair Verona, where we lay our scene,"] * 40
    prose = textwrap.wrap(PROSE * 6, 70)
    layout = detect_layout([*verse, "", *prose, "", *verse])
    # Short verse lines outnumber the prose lines, yet the prose's wrap width is found.
    assert layout.wrap_width is not None and 60 <= layout.wrap_width <= 70


def test_even_capitalised_lines_are_not_wrapped() -> None:
    sonnets = [
        "From fairest creatures we desire increase,",
        "That thereby beauty's rose might never die,",
    ] * 50
    assert detect_layout(sonnets).wrap_width is None


def test_a_long_verse_line_stays_in_its_stanza_but_wrapped_german_prose_is_prose() -> None:
    prose = textwrap.wrap(PROSE * 6, 60)
    stanza = [
        "But Montague is bound as well as I,",
        "Whose names are written there, and to them say now my good friend,",
        "My house and welcome on their pleasure stay.",
        "In penalty alike; and 'tis not hard, I think,",
    ]
    items = split_items([*prose, "", *stanza], detect_layout(prose))
    assert items[-1].verse and items[-1].lines == 4
    german = [
        "Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte, fand",
        "Er sich in seinem Bett zu einem ungeheueren Ungeziefer verwandelt.",
        "Er lag auf seinem panzerartig harten Rücken und sah, wenn er den Kopf",
        "Ein wenig hob, seinen gewölbten, braunen, von bogenförmigen",
    ]
    items = split_items([*prose, "", *german], detect_layout(prose))
    assert not items[-1].verse and items[-1].lines == 4


def test_a_blank_line_before_a_paragraph_at_the_margin_is_a_page_break_in_indented_text() -> None:
    paragraphs = [PROSE] * 6
    lines = _indented(paragraphs)
    cut = 2 * len(textwrap.wrap(PROSE, 60, initial_indent="     ")) + 1
    # A page break in the middle of the third paragraph: the sentence goes on in lower case at the margin.
    assert lines[cut][:1].islower()
    items = split_items([*lines[:cut], "", *lines[cut:]], detect_layout(lines))
    assert [item.text for item in items] == paragraphs and all(item.gap == 0 for item in items[1:])


def test_a_blank_line_before_an_indented_paragraph_stays_a_gap() -> None:
    lines = _indented([PROSE] * 6)
    start = 3 * len(textwrap.wrap(PROSE, 60, initial_indent="     "))
    items = split_items([*lines[:start], "", *lines[start:]], detect_layout(lines))
    assert [item.gap for item in items] == [0, 0, 0, 1, 0, 0]


BALLAD = [
    "Now Sam McGee was from Tennessee, where the cotton blooms and blows.",
    "Why he left his home in the South to roam",
    "          'round the Pole, God only knows.",
    "He was always cold, but the land of gold",
    "          seemed to hold him like a spell;",
    "Though he'd often say in his homely way",
    "          that he'd sooner live in hell.",
    "On a Christmas Day we were mushing our way",
    "          over the Dawson trail.",
    "Talk of your cold! through the parka's fold",
    "          it stabbed like a driven nail.",
]


def test_overflows_at_one_indent_are_measured_and_a_capitalised_one_joins_too() -> None:
    stanza = [
        *BALLAD,
        "Have you chummed up with the mesa, the little trail of gold?",
        "          Do you know its moods and changes?",
    ]
    layout = detect_layout(stanza)
    assert layout.turnover_indent == 10 and layout.turnover_length == len(
        "On a Christmas Day we were mushing our way over the Dawson trail."
    )
    [item] = split_items(stanza, layout)
    assert item.verse and item.text.split("\n")[-1].endswith("gold? Do you know its moods and changes?")
    assert item.text.startswith("Now Sam McGee")  # a run with overflows may end sentences: no prose line
    # Without overflows at one indent, a capitalised line set deeper is a line of its own.
    plain = [
        "Have you chummed up with the mesa, the little trail of gold?",
        "          Do you know its moods and changes?",
    ]
    assert detect_layout(plain).turnover_indent is None


_JUSTIFIED = [
    "            Barringer  had  always been bothered by  phones.   Not  just",
    "       because  people called as he stepped into the shower,  or because",
    "       he  sometimes  got trapped on hold and was forced  to  listen  to",
    "       Muzak,  or  because  wrong  numbers always waited  until  he  was",
    "       asleep.  It was more than that.",
] * 4


def test_a_justified_text_is_measured_and_its_padded_lines_are_prose() -> None:
    layout = detect_layout(_JUSTIFIED)
    assert layout.justified
    items = split_items(_JUSTIFIED[:5], layout)
    assert len(items) == 1 and "\n" not in items[0].text


def test_columns_and_sentence_spacing_are_not_justification() -> None:
    columns = [
        "  le sucrier,                     de suikerpot.",
        "  le sucre,                       de suiker.",
    ]
    spaced = ["He thus addressed him.  The Lamb replied at once.", "Then said the Wolf.  It was late."]
    assert not detect_layout(columns * 10).justified
    assert not detect_layout(spaced * 10).justified


_SPACED = [
    "  Half past eight.  The bedside alarm woke Kelanie up with the sampled",
    "victory-screech of some carnivorous xenoform.  She was up immediately,",
    "system.   As she calmed down, her pupils dilated out from the crisis",
    "and she wondered if life was like this in the private sector, again.",
] * 10


def test_sentences_set_three_spaces_apart_are_no_table_row() -> None:
    layout = detect_layout(_SPACED)
    assert layout.spaced_sentences
    items = split_items(_SPACED[:4], layout)
    assert len(items) == 1 and "\n" not in items[0].text


def test_a_two_column_exchange_keeps_its_rows_in_a_text_with_spaced_sentences() -> None:
    rows = ["all the explanation I need to    Understood...", "concerned with this matter    Ah."]
    layout = detect_layout([*_SPACED, "", *rows])
    assert layout.spaced_sentences
    assert split_items(rows, layout)[0].text.count("\n") == 1


def test_blank_line_blocks_of_short_unwrapped_lines_are_not_one_paragraph_a_line() -> None:
    # Macbeth (1998 etext): speeches of two or three verse lines between blank lines, each one block.
    speech = ["FIRST WITCH.", "When shall we three meet again?", "In thunder, lightning, or in rain?", ""]
    direction = ["[Alarum within. Enter King Duncan, Malcolm, Donalbain, Lennox,", "with Attendants.]", ""]
    lines = (speech + direction) * 10
    layout = detect_layout(lines)
    assert not layout.one_per_line
    items = split_items(lines, layout)
    assert items[0].text == "\n".join(speech[:3])
    assert items[1].text == direction[0] + " " + direction[1]
    # A paste of short lines with hardly a blank line is still one paragraph a line.
    pasted = ["He nodded.", "She left.", "Then the rain came.", "Nobody spoke.", "It was late."] * 6
    assert detect_layout(pasted).one_per_line
    # So is a script typed a speech a line, in blocks.
    script = ["JOHN: Hi there.", "MARY: Hello, John.", "JOHN: How are you?", ""] * 20
    assert detect_layout(script).one_per_line
