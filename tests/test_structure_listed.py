"""Chapter titles a contents list names are the headings where they stand alone in the text."""

from __future__ import annotations

from ebookify.normalize.structure.contents_lists import is_contents_label
from ebookify.normalize.structure.structure import parse_structure

PARA = (
    "Vom freundlichen Dorfe Maienfeld führt ein Fußweg durch grüne, baumreiche Fluren bis zum Fuße\n"
    "der Höhen, die von dieser Seite groß und ernst auf das Tal herniederschauen, und weiter zur Alm."
)
TITLES = ["Zum Alm-Öhi hinauf", "Beim Großvater", "Auf der Weide", "Bei der Großmutter"]


def _book(titles: list[str], listed: list[str], gap: str = "\n\n\n\n") -> str:
    contents = "  Inhalt\n\n" + "\n".join(f"  {n}  {title}" for n, title in enumerate(listed, 1))
    chapters = "".join(f"{gap}{title}\n\n" + "\n\n".join([PARA] * 4) for title in titles)
    return f"Title: Heidi\nAuthor: Johanna Spyri\n\n{contents}{chapters}\n"


def test_titles_the_contents_list_names_are_the_chapters() -> None:
    story = parse_structure(_book(TITLES, TITLES))
    assert [chapter.title for chapter in story.chapters] == TITLES


def test_a_contents_list_whose_titles_are_not_in_the_text_finds_nothing() -> None:
    story = parse_structure(_book(TITLES, ["Erstes", "Zweites", "Drittes", "Viertes"]))
    assert [chapter.title for chapter in story.chapters] == [None]
    # A line the list names, set as close as the paragraphs around it, is no heading either.
    close = parse_structure(_book(TITLES, TITLES, gap="\n\n"))
    assert [chapter.title for chapter in close.chapters] == [None]


def test_contents_labels_in_the_books_languages() -> None:
    assert all(map(is_contents_label, ["Inhalt", "TABLE DES MATIÈRES", "Índice", "Contents."]))
    assert not is_contents_label("Content")
