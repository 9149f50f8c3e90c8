"""The book's title set again over a later heading is its half-title, not the chapter before's last lines."""

from __future__ import annotations

from ebookify.normalize.structure.half_titles import drop_half_titles
from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.paragraphs import Item


def _book(last: list[str], title: str) -> tuple[list[Item], list[ChapterStart], list[tuple[str, str]]]:
    """An introduction, then the lines `last`, then the first act."""
    items = [Item("INTRODUCTION"), Item("BEGGAR. If Poverty be a Title to Poetry."), *map(Item, last)]
    items += [Item("ACT I"), Item("PEACHUM. Through all the Employments of Life.")]
    starts = [
        ChapterStart(0, "INTRODUCTION", 1, "heading"),
        ChapterStart(len(items) - 2, "ACT I", 1, "heading"),
    ]
    return items, starts, [("Title", title)]


def test_the_title_letter_spaced_over_two_lines_before_the_first_act_is_a_half_title() -> None:
    items, starts, fields = _book(["THE", "B E G G A R'S   O P E R A"], "The Beggar's Opera")
    kept, moved = drop_half_titles(items, starts, fields)
    assert [item.text for item in kept] == [items[i].text for i in (0, 1, 4, 5)]
    assert [start.index for start in moved] == [0, 2]
    assert ("Printed title", "THE B E G G A R'S   O P E R A") in fields


def test_a_last_paragraph_naming_the_title_in_a_sentence_or_another_title_stays() -> None:
    for last, title in ((["Emma!"], "Emma"), (["THE", "END"], "The Beggar's Opera")):
        items, starts, fields = _book(last, title)
        assert drop_half_titles(items, starts, fields) == (items, starts)
        assert fields == [("Title", title)]
