"""Page furniture: running heads, footers and page numbers of a printout are taken out, pages rejoined."""

from __future__ import annotations

from ebookify.normalize.structure.furniture import drop_page_furniture

FILLER = "It was a quiet evening and the lamps were lit along the old road."


def _pages(
    count: int, last_line: str = "and then he went on his way home", first_line: str = "at last."
) -> list[str]:
    """A printout: each page ends with a footer and its number, the next opens with the running head."""
    lines = ["                           THE OUTCAST", ""]
    for number in range(1, count + 1):
        lines += [FILLER] * 30 + [last_line, "", "", "                  Box 926, Louisville, KY 40201"]
        lines += [
            f"                                {number}",
            "",
            "                           THE OUTCAST",
            "",
        ]
        lines.append(first_line)
    return lines


def test_running_heads_footers_and_page_numbers_are_taken_out_and_a_cut_sentence_joined() -> None:
    found = drop_page_furniture(_pages(6))
    assert found.removed == 6 * 3
    assert not any("Box 926" in line or line.strip().isdigit() for line in found.lines)
    # The title on the title page is no running head: it stands alone, away from any page break.
    assert found.lines[0].strip() == "THE OUTCAST"
    assert found.lines.count("                           THE OUTCAST") == 1
    # "and then he went on his way home" / "at last.": the page break cut a sentence.
    index = found.lines.index("at last.")
    assert found.lines[index - 1] == "and then he went on his way home"


def test_a_page_break_between_paragraphs_keeps_one_blank_line() -> None:
    found = drop_page_furniture(_pages(6, last_line="He went home.", first_line="The next day came."))
    index = found.lines.index("The next day came.")
    assert found.lines[index - 2 : index] == ["He went home.", ""]


def test_a_repeated_refrain_or_a_lone_repeated_line_is_kept() -> None:
    # One centred line that comes back page after page, with nothing else at the breaks: not enough.
    lines = []
    for _ in range(8):
        lines += [FILLER] * 30 + ["", "                  Oh, the wind and the rain,", ""]
    assert drop_page_furniture(lines).removed == 0
    # Short lines at the margin (a chorus) are never furniture, however often they come back.
    chorus = []
    for number in range(8):
        chorus += [FILLER] * 30 + ["", "Hey ho, the wind and the rain,", f"Verse {number}", ""]
    assert drop_page_furniture(chorus).removed == 0
