"""A stage direction or a heading wrapped over two lines of an unwrapped text is joined into one line."""

from __future__ import annotations

from ebookify.normalize.structure.layout import Layout
from ebookify.normalize.structure.paragraphs import split_items
from ebookify.normalize.structure.wrapped_units import wrapped_unit


def _texts(lines: list[str]) -> list[str]:
    return [item.text for item in split_items(lines, Layout())]


def test_an_open_bracket_goes_on_in_lower_case_or_closes() -> None:
    opened = "[Alarum within. Enter King Duncan, Malcolm, Donalbain, Lennox,"
    assert wrapped_unit(opened, "with Attendants, meeting a bleeding Soldier.]")
    assert wrapped_unit("[Enter Macbeth, Lennox, Ross,", "Menteith, and Soldiers.]")
    assert _texts([opened, "with Attendants.]"]) == [opened + " with Attendants.]"]
    # A bracket opened over lines of verse keeps them (Alice's "[later editions continued as follows").
    assert not wrapped_unit("[later editions continued as follows", "The Panther took pie-crust, and meat,")


def test_a_heading_stopped_on_a_small_word_goes_on() -> None:
    heading = "SCENE III. The same. A Park or Lawn, with a gate leading to the"
    assert _texts([heading, "Palace."]) == [heading + " Palace."]
    # A verse line ending on "the" is no heading: its break is kept.
    assert not wrapped_unit("And all the while I watched the", "Slow river turning")
