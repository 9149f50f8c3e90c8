"""A text set in stanzas of one size is verse by that pattern: tercets in lower case, closing lines, parts."""

from __future__ import annotations

from ebookify.normalize.structure.layout import filled_lines
from ebookify.normalize.structure.raw import RawVerse
from ebookify.normalize.structure.stanza_pattern import stanza_lines
from ebookify.normalize.structure.structure import parse_structure

TERCET = [
    "Nel mezzo del cammin di nostra vita",
    "mi ritrovai per una selva oscura,",
    "ché la diritta via era smarrita.",
]
PROSE = [
    "She walked along the river for a long time, thinking about nothing at",
    "all, and when the light went she turned back towards the town where her",
    "sister was waiting.",
]


def _stanza_size(block: list[str], count: int) -> int:
    lines = [line for _ in range(count) for line in [*block, ""]]
    return stanza_lines(lines, filled_lines(lines))


def test_tercets_whose_lines_start_in_lower_case_are_a_stanza_pattern() -> None:
    assert _stanza_size(TERCET, 25) == 3
    # Prose paragraphs of three lines each end on a short line: no stanzas.
    assert _stanza_size(PROSE, 25) == 0
    # Too few blocks say nothing.
    assert _stanza_size(TERCET, 5) == 0


def _canto(part: str, number: str, tercets: int = 8) -> str:
    body = "\n\n".join("\n".join(TERCET) for _ in range(tercets))
    return f"{part} · Canto {number}\n\n\n{body}\n\nAllor si mosse, e io li tenni dietro.\n\n\n"


def test_a_stanza_pattern_text_is_verse_with_its_closing_lines_and_parts_named_in_its_headings() -> None:
    text = "INFERNO\n\n\n" + _canto("Inferno", "I") + _canto("Inferno", "II")
    text += "PURGATORIO\n\n\n" + _canto("Purgatorio", "I") + _canto("Purgatorio", "II")
    story = parse_structure(text)
    assert [(c.part, c.title) for c in story.chapters] == [
        ("Inferno", "Inferno · Canto I"),
        ("Inferno", "Inferno · Canto II"),
        ("Purgatorio", "Purgatorio · Canto I"),
        ("Purgatorio", "Purgatorio · Canto II"),
    ]
    blocks = story.chapters[0].blocks
    assert all(isinstance(block, RawVerse) for block in blocks)
    assert blocks[-1] == RawVerse(((0, "Allor si mosse, e io li tenni dietro."),))


def test_one_name_before_every_heading_is_no_part_and_prose_keeps_its_closing_line() -> None:
    text = _canto("Inferno", "I") + _canto("Inferno", "II") + _canto("Inferno", "III")
    assert {c.part for c in parse_structure(text).chapters} == {None}
    para = "\n".join(PROSE)
    prose = "\n\n".join(f"Chapter {n}\n\n{para}\n\n{para}\n\nThe end of the day." for n in (1, 2, 3))
    assert not any(isinstance(b, RawVerse) for c in parse_structure(prose).chapters for b in c.blocks)
