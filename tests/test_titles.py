"""Header-less titles: a title with its author on one line or the next, and the title page's other lines."""

from __future__ import annotations

from ebookify.normalize.structure.structure import parse_structure

_PROSE = "It was a bright morning, and the town was already awake when she left the house."


def _fields(text: str) -> dict[str, str]:
    return dict(parse_structure(text).fields)


def test_title_and_author_on_one_line_with_an_edition_line_before_the_first_heading() -> None:
    text = "Die Leiden des jungen Werther von Johann Wolfgang von Goethe\n\nHamburger Ausgabe, Band 6\n\n\n"
    text += f"Erstes Buch\n\n{_PROSE}\n\n{_PROSE}\n\nZweites Buch\n\n{_PROSE}\n"
    story = parse_structure(text)
    fields = {"Title": "Die Leiden des jungen Werther", "By": "Johann Wolfgang von Goethe"}
    assert dict(story.fields) == fields
    assert story.front_notes == ("Hamburger Ausgabe, Band 6",)
    assert story.chapters[0].blocks[0] == _PROSE


def test_a_translator_named_with_the_title() -> None:
    text = f"Aesop's Fables Translated by George Fyler Townsend\n\n\n\nThe Wolf and the Lamb\n\n{_PROSE}\n"
    fields = _fields(text)
    assert fields["Title"] == "Aesop's Fables"
    assert fields["Translated by"] == "George Fyler Townsend"


def test_a_title_line_then_the_authors_name_alone() -> None:
    fields = _fields(f"Heidis Lehr- und Wanderjahre\n\nJohanna Spyri\n\n\n{_PROSE}\n\n{_PROSE}\n")
    assert fields == {"Title": "Heidis Lehr- und Wanderjahre", "By": "Johanna Spyri"}


def test_a_title_with_by_in_it_and_a_sentence_naming_someone_are_left_alone() -> None:
    assert _fields(f"Killed by Death Itself\n\n{_PROSE}\n") == {"Title": "Killed by Death Itself"}
    text = f"She walked by John Smith's house.\n\n{_PROSE}\n"
    assert "By" not in _fields(text)
