"""The text before a printed book's first heading as front matter: a small share, more over a cast list."""

from __future__ import annotations

from ebookify.normalize.structure.front_matter import is_front_matter
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.plays import is_cast_heading
from ebookify.normalize.structure.raw import RawChapter

PLAY = [RawChapter("SCENE I", tuple(["LADY SNEERWELL. The Paragraphs you say were all inserted."] * 100))]
NOTE = Item("The text of this edition is taken from the manuscript. " * 5)


def test_a_cast_list_makes_an_editors_note_and_dedication_above_it_front_matter() -> None:
    before = [NOTE, Item("DRAMATIS PERSONAE<2>"), Item("SIR PETER TEAZLE      Mr. King")]
    assert is_front_matter(before, PLAY)
    # The same share of text without a cast list is the story's opening.
    assert not is_front_matter([NOTE, NOTE], PLAY)


def test_a_short_opening_is_front_matter_and_a_long_one_is_not_even_over_a_cast_list() -> None:
    assert is_front_matter([Item("TO MY MOTHER")], PLAY)
    assert not is_front_matter([NOTE] * 10 + [Item("Dramatis Personae")], PLAY)


def test_cast_headings_with_a_note_mark_or_in_the_old_words() -> None:
    for text in ("DRAMATIS PERSONAE<2>", "Persons Represented", "Dramatis Personæ.", "PERSONEN.", "The Cast"):
        assert is_cast_heading(text), text
    for text in ("Persons of quality were there.", "Characters<2> in a novel"):
        assert not is_cast_heading(text), text
