"""Lines opening with the mark a text's headings open with are headings; dialogue dashes are not."""

from __future__ import annotations

from ebookify.normalize.structure.structure import parse_structure

PARA = (
    "The Underground was trying to forge out a new government to rule the\n"
    "Universe in conjunction with the other Galaxies, and it was not easy."
)


def _titles(headings: list[str]) -> list[str | None]:
    body = "".join(f"{heading}\n\n{PARA}\n\n{PARA}\n\n\n" for heading in headings)
    return [chapter.title for chapter in parse_structure(f"Title: SRE 6\n\n\n{body}").chapters]


def test_a_line_with_the_headings_mark_is_a_heading_where_chapter_1_would_stand() -> None:
    headings = ["---\\ Prologue", "---\\ The Story", "---\\ Chapter 2", "---\\ Chapter 3"]
    assert _titles(headings) == ["Prologue", "The Story", "Chapter 2", "Chapter 3"]


def test_headings_framed_by_drawn_marks_on_both_sides_are_headings() -> None:
    headings = ["-\\- Prologue -/-", "-\\- 1 -/-", "-\\- 2 -/-", "-\\- 3 -/-"]
    assert _titles(headings) == ["Prologue", "1", "2", "3"]


def test_dialogue_dashes_and_a_lone_marked_line_are_no_headings() -> None:
    # Lines opening with a dash of dialogue are no mark of the headings ("Chapter 1" has none).
    body = "Chapter 1\n\n--Yes, sir.\n\n--Go on, then.\n\n--Where to?\n\nChapter 2\n\n" + PARA
    assert [chapter.title for chapter in parse_structure(body).chapters] == ["Chapter 1", "Chapter 2"]
    # Two framed lines are too few to set a mark: an author's asides, no headings.
    aside = f"{PARA}\n\n-=< More soon >=-\n\n{PARA}\n\n-=< Enjoy it >=-\n\n{PARA}"
    assert [chapter.title for chapter in parse_structure(aside).chapters] == [None]
