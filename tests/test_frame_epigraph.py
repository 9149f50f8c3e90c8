"""A prose epigraph under a story's title, over its source set right or after a dash: front matter."""

from __future__ import annotations

from ebookify.normalize.matter.frame import split_frame

TITLE = "                   A Descent into the Maelstrom"
EPIGRAPH = [
    "The ways of God in Nature, as in Providence, are not as our ways;",
    "nor are the models that we frame in any way commensurate to the",
    "vastness, profundity, and unsearchableness of His works which",
    "have a depth in them greater than the well of Democritus.",
]
SOURCE = "                                        JOSEPH GLANVILL"
PROSE = [
    "     We had now reached the summit of the loftiest crag.  For",
    "some minutes the old man seemed too much exhausted to speak.",
    "     'Not long ago,' said he at length, 'and I could have guided",
    "you on this route as well as the youngest of my sons; but, about",
    "three years past, there happened to me an event such as never",
    "happened before to mortal man--or, at least, such as no man ever",
    "survived to tell of--and the six hours of deadly terror which I",
    "then endured have broken me up body and soul.  You suppose me a",
]


def _body(frame_body: tuple[str, ...]) -> list[str]:
    return [line for line in frame_body if line.strip()]


def test_a_prose_epigraph_over_its_source_set_right_is_front_matter() -> None:
    frame = split_frame([TITLE, "", *EPIGRAPH, SOURCE, "", *PROSE])
    assert [line for line in frame.front if line] == [*EPIGRAPH, "JOSEPH GLANVILL"]
    assert _body(frame.body) == PROSE


def test_a_prose_epigraph_over_its_source_after_a_dash_is_front_matter() -> None:
    motto = ["Knowledge is power, and the ways of the sea are the oldest knowledge", "of all men."]
    frame = split_frame([TITLE, "", *motto, "    --Bacon", "", *PROSE])
    assert [line for line in frame.front if line] == [*motto, "--Bacon"]


def test_a_first_paragraph_over_a_name_line_is_the_story() -> None:
    # A letter opening the story, signed at the right: its salutation says it is no epigraph.
    letter = ["Dear Sir,", *EPIGRAPH]
    frame = split_frame([TITLE, "", *letter, SOURCE, "", *PROSE])
    assert not frame.front
    assert _body(frame.body) == [*letter, SOURCE, *PROSE]
    # A name set left is the paragraph's last line, no source.
    plain = split_frame([TITLE, "", *EPIGRAPH, "Joseph Glanvill", "", *PROSE])
    assert _body(plain.body) == [*EPIGRAPH, "Joseph Glanvill", *PROSE]
    # A longer block is the story's first paragraph, whatever closes it.
    long = split_frame([TITLE, "", *EPIGRAPH, *EPIGRAPH, SOURCE, "", *PROSE])
    assert not long.front
    # The story's last block is no epigraph (no story follows it).
    alone = split_frame([TITLE, "", *EPIGRAPH, SOURCE])
    assert not alone.front
