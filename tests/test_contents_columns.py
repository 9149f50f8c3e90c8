"""An unlabelled contents list set in two columns is known by the titles the text then sets alone."""

from __future__ import annotations

from ebookify.normalize.matter.contents import drop_contents
from ebookify.normalize.matter.contents_columns import find_column_list
from ebookify.normalize.structure.listed import listed_titles

FABLE = "A cock was once strutting up and down the farmyard among the hens when he espied a pearl."
LEFT = [
    "The Cock and the Pearl",
    "The Wolf and the Lamb",
    "The Dog and the Shadow",
    "The Lion's Share",
    "The Sick Lion",
]
RIGHT = ["The Frog and the Ox", "Androcles", "The Hart and the Hunter", "The Fisher", "The Two Pots"]


def _rows(left: list[str], right: list[str]) -> list[str]:
    return [f"  {a:<40}{b}" for a, b in zip(left, right, strict=True)]


def _fables(titles: list[str]) -> list[str]:
    return [line for title in titles for line in ("", "", "", f"  {title}", "", "", FABLE)]


def test_two_columns_whose_titles_head_the_fables_are_a_contents_list() -> None:
    lines = ["AESOP'S FABLES", "", f"{'1-5':<40}6-10", *_rows(LEFT, RIGHT), "", "", *_fables(LEFT + RIGHT)]
    found = find_column_list(lines, 40)
    assert found is not None and found.titles == 10
    # Read down the first column, then the second.
    assert found.cells == ("1-5", *LEFT, "6-10", *RIGHT)
    split = drop_contents(lines)
    assert split.entries == 10 and not any("Androcles" in line and "Pearl" in line for line in split.lines)
    # The column heads name no chapter; without a "Contents" label the first entry is a title.
    assert listed_titles(split.dropped)[:2] == ["thecockandthepearl", "thewolfandthelamb"]
    assert listed_titles(["Contents", "I. The Return", "22-42"]) == ["thereturn"]


def test_two_columns_the_text_never_names_again_are_left_alone() -> None:
    # A table of names and parts (a cast list) is no contents list: its cells head nothing.
    cast = _rows(["Mr. Peachum", "Lockit", "Macheath", "Filch"], ["Mrs. Peachum", "Polly", "Lucy", "Diana"])
    lines = ["THE BEGGAR'S OPERA", "", *cast, *cast[:2], "", "", FABLE, "", FABLE]
    assert len(cast) + 2 >= 6  # enough rows: only the titles' absence leaves it alone
    assert find_column_list(lines, 40) is None
    assert drop_contents(lines).lines == tuple(lines)
