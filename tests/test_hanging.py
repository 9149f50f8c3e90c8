"""Hanging punctuation in verse: which opening quote a line hangs, and what it leaves alone."""

from __future__ import annotations

import pytest

from ebookify.inspect import block_to_dict, story_to_text
from ebookify.model import Chapter, Metadata, Quote, Span, Story, Verse, VerseLine
from ebookify.normalize.inline.hanging import hang_line, hung_mark, without_hang
from ebookify.normalize.pipeline import _finish, normalize_bytes
from ebookify.normalize.structure.plays import Play
from ebookify.normalize.structure.raw import RawQuote, RawVerse
from ebookify.normalize.structure.speeches import set_play
from ebookify.options import NormalizeOptions


@pytest.mark.parametrize(
    ("text", "hang"),
    [
        ("“How doth the little crocodile", "“"),
        ("`How doth the little crocodile", "`"),  # an old etext's backtick, kept as typed
        ("«Petit Pierre,", "«"),
        ("»Der Mond ist aufgegangen", "»"),
        ("„Guten Morgen,", "„"),
        ("‘Populus me sibilat, at mihi plaudo", "‘"),
        # Only the outermost mark hangs: the inner quotation of Horace stays with the words.
        ("“‘Populus me sibilat, at mihi plaudo", "“"),
        ("`’Tis the voice of the Lobster", "`"),
    ],
)
def test_an_opening_quote_hangs(text: str, hang: str) -> None:
    assert hung_mark(text) == hang


@pytest.mark.parametrize(
    "text",
    [
        "’Tis the voice of the Lobster",  # an elision's apostrophe, curled as one
        "’Twixt my extremes and me",
        "”And so it ends",  # a closing mark
        "And pour the waters of the Nile",
        "“",  # a mark alone opens no words
        "“ Hark",  # nor one before a space
        "(Aside) my lord",
        "",
    ],
)
def test_what_is_not_an_opening_quote_stays_in_the_line(text: str) -> None:
    assert hung_mark(text) == ""


def test_uncurled_marks_are_judged_by_the_typography_step() -> None:
    # With smart quotes off a straight or typed mark is as typed: the curling's decision says what it is.
    assert hung_mark("'Tis the season to be jolly", curled=False) == ""
    assert hung_mark("‘Tis the season to be jolly", curled=False) == ""
    assert hung_mark("'neath the bough", curled=False) == ""
    assert hung_mark("'Up above the world,' she sang", curled=False) == "'"
    assert hung_mark('"Twinkle, twinkle," she sang', curled=False) == '"'
    # Old printers set 'tis apart ('T is); the elision table knows it, so it hangs neither way.
    assert hung_mark("'T is better, with wine,", curled=False) == ""


def test_a_line_loses_its_mark_from_the_first_span_only() -> None:
    spans = (Span("“"), Span("The rascal", "emphasis"), Span(" one day,”"))
    assert hang_line(spans) == ("“", (Span("The rascal", "emphasis"), Span(" one day,”")))
    assert hang_line((Span("No quote here"),)) == ("", (Span("No quote here"),))
    assert without_hang((Span("“Hi”", "emphasis"),), "“") == (Span("Hi”", "emphasis"),)


def test_a_stanza_hangs_its_opening_quotes_after_curling() -> None:
    text = (
        "She sang it once more:\n\n"
        "    'Tis the voice of the Lobster; I heard him declare,\n"
        '    "You have baked me too brown, I must sugar my hair.\n'
        "    As a duck with its eyelids, so he with his nose\n"
        '    Trims his belt and his buttons, and turns out his toes."\n\n'
        "And that was the end of it.\n"
    )
    verse = next(
        b for b in normalize_bytes(text.encode(), "s.txt").chapters[0].blocks if isinstance(b, Verse)
    )
    assert [line.hang for line in verse.lines] == ["", "“", "", ""]
    assert verse.lines[0].text.startswith("’Tis the voice")
    assert verse.lines[1].spans[0].text.startswith("You have baked")
    assert verse.lines[1].text.startswith("“You have baked")  # the hang is printed: nothing is lost


def test_verse_inside_a_quote_block_hangs_too() -> None:
    raw = RawQuote((RawVerse(((0, '"Up above the world you fly,'), (1, "Like a tea-tray in the sky."))),))
    quote = next(_finish([raw], iter(()), NormalizeOptions(), False, []))
    assert isinstance(quote, Quote) and isinstance(quote.blocks[0], Verse)
    assert [line.hang for line in quote.blocks[0].lines] == ["“", ""]


def test_a_play_keeps_the_hang_when_it_marks_directions() -> None:
    # The play step finds directions in the printed line (hang included) and restyles its words.
    lines = (
        VerseLine((Span("ROMEO. What light"),)),
        VerseLine((Span("Tis the east [Looks.] and fair,"),), 0, "‘"),
    )
    story = Story("p.txt", Metadata("P"), (Chapter(None, (Verse(lines),)),))
    chapters, _, _ = set_play(story.chapters, Play(frozenset({"romeo"}), False))
    line = chapters[0].blocks[0].lines[1]  # type: ignore[union-attr]
    assert line.hang == "‘"
    assert line.spans == (Span("Tis the east "), Span("[Looks.]", "direction"), Span(" and fair,"))


def test_inspect_shows_the_hang_only_where_there_is_one() -> None:
    verse = Verse((VerseLine((Span("How doth"),), 0, "“"), VerseLine((Span("Improve his"),), 1)))
    lines = block_to_dict(verse)["lines"]
    assert lines[0] == {"indent": 0, "hang": "“", "spans": [{"text": "How doth", "style": "plain"}]}
    assert "hang" not in lines[1]
    story = Story("v.txt", Metadata("V"), (Chapter(None, (verse,)),))
    # The hung mark sits left of the words, in the space after the bar: the words of both lines align.
    assert "|“How doth\n|   Improve his" in story_to_text(story)
