"""A poem's source under it after a blank line joins the stanza as its last line, one level deeper."""

from __future__ import annotations

import pytest

from ebookify.normalize.structure.attributions import is_source_line, with_sources
from ebookify.normalize.structure.paragraphs import Item

STANZA = Item("Poor Isabella's dead\nShe left a throne", 1, 2, verse=(0, 0))


@pytest.mark.parametrize(
    "line",
    ["G.J.", "Jamrach Holobom", "M.P. Nopput", "“The Mad Philosopher,” 1697", "Thomas Parke d’Invilliers",
     "--All in the Wrong", "(from the headstone of a British nobleman in Kalamazoo)"],
)  # fmt: skip
def test_source_lines(line: str) -> None:
    assert is_source_line(line)


@pytest.mark.parametrize(
    "line",
    ["TO MY PET TORTOISE", "Chapter II", "He slept.", "Mr. Debs is a redundant citizen.", "What then?",
     "She said it was the best thing that ever happened to all of them"],
)  # fmt: skip
def test_lines_that_are_no_source(line: str) -> None:
    assert not is_source_line(line)


def test_a_source_closer_to_its_poem_than_to_what_follows_joins_the_stanza() -> None:
    items = [STANZA, Item("G.J.", 1), Item("ABDOMEN, n.  The temple of the god Stomach.", 2)]
    joined = with_sources(items)
    assert [item.text for item in joined] == [STANZA.text + "\nG.J.", items[2].text]
    assert joined[0].verse == (0, 0, 1) and joined[0].lines == 3


def test_a_title_over_the_next_poem_stays_apart() -> None:
    items = [STANZA, Item("Jamrach Holobom", 3), STANZA]
    assert with_sources(items) == items
    # Nor does a name after prose join anything.
    prose = [Item("He said it."), Item("Jamrach Holobom", 1), Item("More.", 2)]
    assert with_sources(prose) == prose
