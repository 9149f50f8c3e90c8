"""Tabs to spaces: indentation tabs stop every 8 columns (as `unexpand` has them) or 4, inner ones every 4."""

from __future__ import annotations

import re
import textwrap

from ebookify.inspect import story_to_dict
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.normalize.structure.tabs import expand_tabs, indent_tab_stop

# The opening of Poe's "A Descent into the Maelstrom" as a 1990s archive has it: a centred title, an
# epigraph with its author set far right, then paragraphs indented five spaces.
DESCENT = """
                   A Descent into the Maelstrom

The ways of God in Nature, as in Providence, are not as our ways;
nor are the models that we frame in any way commensurate to the
vastness, profundity, and unsearchableness of His works which
have a depth in them greater than the well of Democritus.
                                        JOSEPH GLANVILL

     We had now reached the summit of the loftiest crag.  For
some minutes the old man seemed too much exhausted to speak.
     'Not long ago,' said he at length, 'and I could have guided
you on this route as well as the youngest of my sons; but, about
three years past, there happened to me an event such as never
happened before to mortal man--or, at least, such as no man ever
survived to tell of--and the six hours of deadly terror which I
then endured have broken me up body and soul.  You suppose me a
very old man--but I am not.  It took less than a single day to
change these hairs from a jetty black to white, to weaken my
limbs, and to unstring my nerves, so that I tremble at the least
exertion, and am frightened at a shadow.  Do you know I can
scarcely look over this little cliff without getting giddy?'
     The 'little cliff', upon whose edge he had so carelessly
thrown himself down to rest that the weightier portion of his
body hung over it, while he was only kept from falling by the
tenure of his elbow on its extreme and slippery edge--this
'little cliff' arose, a sheer unobstructed precipice of black
shining rock, some fifteen or sixteen hundred feet from the world
of crags beneath us.  Nothing would have tempted me to be within
half a dozen yards of its brink.
"""


def _unexpanded(text: str) -> str:
    """Leading spaces as `unexpand` writes them: a tab for each 8 columns, spaces for the rest."""
    return re.sub(
        r"^ +", lambda m: "\t" * (len(m.group()) // 8) + " " * (len(m.group()) % 8), text, flags=re.M
    )


def _opening(text: str) -> tuple[str, list[str]]:
    story = story_to_dict(normalize_bytes(text.encode(), "descent.txt"))
    first = story["chapters"][0]["blocks"][0]["spans"][0]["text"]
    return first[:29], [note["spans"][0]["text"][:15] for note in story["front_notes"]]


def test_indentation_tabs_stop_every_eight_columns() -> None:
    # Centred under a line indented with 21 spaces, a line of tabs and spaces keeps its column.
    title_page = ["                     MILANO", "", "\t\t      1881.", "  \tSettima edizione."]
    assert expand_tabs(title_page)[2:] == [" " * 22 + "1881.", " " * 8 + "Settima edizione."]


def test_tabs_inside_a_line_keep_their_four_column_stops() -> None:
    assert expand_tabs(["showed up.\tJim"]) == ["showed up.  Jim"]
    assert expand_tabs(["\tup.\tJim"]) == [" " * 8 + "up. Jim"]
    assert expand_tabs(["No tab here.  "]) == ["No tab here.  "]  # left alone


def _paragraphs(columns: int) -> list[str]:
    """Paragraphs wrapped at 60 columns with first lines indented `columns` deep, then by one tab."""
    lines: list[str] = []
    for _ in range(6):
        wrapped = textwrap.wrap(PROSE, 60, initial_indent=" " * columns)
        lines += ["\t" + wrapped[0].lstrip(), *wrapped[1:], ""]
    return lines


PROSE = (
    "It was a warm May morning, sweet with the fragrance of the locusts, for the great trees arching "
    "above her were all abloom, and the ground beneath was snowy with the wind-blown petals."
)


def test_a_word_processors_tab_that_would_overrun_the_margin_stops_every_four_columns() -> None:
    # Paragraphs wrapped with the tab counted as 4 columns: at 8 their first lines pass the margin.
    lines = _paragraphs(4)
    assert indent_tab_stop(lines) == 4
    assert expand_tabs(lines)[0].startswith("    It was")
    # Left alone: an editor's tabs (counted as 8 when wrapping) end within the margin.
    assert indent_tab_stop(_paragraphs(8)) == 8


def test_a_text_indented_with_tabs_reads_as_the_same_text_indented_with_spaces() -> None:
    # Read as 4 columns, the tabs pulled the epigraph's author in from the right margin and the epigraph
    # became the story's first paragraph.
    expected = ("We had now reached the summit", ["The ways of God", "JOSEPH GLANVILL"])
    assert _opening(DESCENT) == expected
    assert _opening(_unexpanded(DESCENT)) == expected
