"""A poem's source under it after a blank line joins the stanza as its last line, one level deeper."""

from __future__ import annotations

import pytest

from ebookify.normalize.structure.attributions import is_source_line, with_displays, with_sources
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.raw import RawVerse
from ebookify.normalize.structure.structure import parse_structure

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
     "(Cet air se chante aussi en canon.)",
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


def test_a_display_inside_a_paragraph_joins_it_with_the_text_going_on_after_it() -> None:
    told = Item("Let us set these characters down, thus, leaving a space for the unknown--", 1, 3, indent=0)
    display = Item("t eeth.", 1, 1, indent=27)
    goes_on = Item("which, plainly, is the conclusion of the word.", 1, 2, indent=0)
    after = Item("Here we are enabled, at once, to discard the th.", 1, 2, indent=0)
    joined = with_displays([told, display, goes_on, after])
    assert [item.text for item in joined] == [f"{told.text}\nt eeth.\n{goes_on.text}", after.text]


def test_a_deep_line_after_a_finished_paragraph_or_a_heading_stays_apart() -> None:
    finished = Item("He put the paper down and looked at me for a long while.", 1, 2, indent=0)
    centred = Item("t eeth.", 1, 1, indent=27)
    assert with_displays([finished, centred]) == [finished, centred]
    heading = Item("I", 1, 1, indent=24)
    text = Item("The Nellie, a cruising yawl, swung to her anchor", 0, 4, indent=24)
    assert with_displays([heading, text]) == [heading, text]
    # A centred heading under an open sentence is no display either.
    open_sentence = Item("and so it went on", 1, 2, indent=0)
    assert len(with_displays([open_sentence, Item("CHAPTER II", 2, 1, indent=30)])) == 2


def _printed_book(front: list[str]) -> str:
    para = (
        "In my younger and more vulnerable years my father gave me some advice that I have turned over since."
    )
    chapters = [line for title in ("I", "II") for line in [f"{title:>30}", "", *([para, ""] * 20)]]
    return "\n".join(
        [
            "*** START OF THE PROJECT GUTENBERG EBOOK THE GREAT GATSBY ***",
            "",
            f"{'The Great Gatsby':>40}",
            f"{'by':>30}",
            f"{'F. Scott Fitzgerald':>40}",
            "",
            *front,
            "",
            *chapters,
            "*** END OF THE PROJECT GUTENBERG EBOOK THE GREAT GATSBY ***",
        ]
    )


def test_a_printed_books_epigraph_heads_its_first_chapter_as_verse() -> None:
    lines = ["Then wear the gold hat, if that will move her;", "If you can bounce high, bounce for her too,"]
    lines += ["Till she cry Lover, gold-hatted, high-bouncing lover,", "I must have you!"]
    epigraph = [*(f"  {line}" for line in lines), "", "  Thomas Parke d'Invilliers", ""]
    raw = parse_structure(_printed_book(["Once again to", "Zelda", "", *epigraph]))
    levels = ((0, line) for line in lines)
    # The story opens with it (a reader meets it before chapter I); the dedication stays front matter.
    assert raw.chapters[0].blocks[0] == RawVerse((*levels, (1, "Thomas Parke d'Invilliers")))
    assert raw.front_notes == ("Once again to\nZelda",)
    assert raw.chapters[1].blocks[0] != raw.chapters[0].blocks[0]
    # A stanza with its source after a dash directly under it is an epigraph at any indent.
    wordsworth = ['  "A child, more than all other gifts', "  That earth can offer to declining man,"]
    wordsworth += ['  Brings hope with it, and forward-looking thoughts."', "--WORDSWORTH.", ""]
    raw = parse_structure(_printed_book(wordsworth))
    first = raw.chapters[0].blocks[0]
    assert isinstance(first, RawVerse) and first.lines[-1][1] == "--WORDSWORTH."
    # A title page's block set in steps, in capitals over a by-line, is no epigraph: it stays front matter.
    title_page = ["  _A COMEDY_", "    _In Four Acts_", "      _By ARTHUR PINERO_", ""]
    raw = parse_structure(_printed_book(title_page))
    assert raw.front_notes == ("_A COMEDY_\n_In Four Acts_\n_By ARTHUR PINERO_",)
    assert not any(isinstance(block, RawVerse) for block in raw.chapters[0].blocks)
    # A cast list in front matter looks like verse and stays a list of lines.
    cast = parse_structure(
        _printed_book(["John Worthing, J.P.", "Algernon Moncrieff", "Lane, Manservant", ""])
    )
    assert cast.front_notes == ("John Worthing, J.P.\nAlgernon Moncrieff\nLane, Manservant",)
