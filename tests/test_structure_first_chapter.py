"""A first chapter printed under the book's own title (no "CHAP. I."), before "CHAP. II."."""

from __future__ import annotations

from ebookify.normalize.structure.structure import parse_structure

PARA = (
    "Sir, I know the thatcht house very well: I often make it my resting place, and taste a cup of Ale"
    " there, for which liquor that place is very remarkable."
)


def _titles(text: str) -> list[str | None]:
    return [chapter.title for chapter in parse_structure(text).chapters]


def _book(first: str) -> str:
    later = "".join(f"\n\n\n\nCHAP. {n}.\n\n{PARA}\n\n{PARA}" for n in ("II", "III", "IV"))
    head = "Title: The Complete Angler\nAuthor: Isaak Walton\n\n"
    return f"{head}{PARA}\n\n{PARA}\n\n\n\n{first}\n\n{PARA}{later}"


def test_the_book_title_over_the_text_before_chapter_two_heads_chapter_one() -> None:
    assert _titles(_book("The Complete ANGLER."))[1:] == [
        "The Complete ANGLER",
        "CHAP. II",
        "CHAP. III",
        "CHAP. IV",
    ]


def test_without_such_a_title_line_nothing_is_invented() -> None:
    # A sentence set apart is no title; a book that numbers its first chapter needs no guess.
    assert "The Complete ANGLER" not in _titles(_book("And so we walked on."))
    assert _titles(_book("CHAP. I.")).count("CHAP. I") == 1
