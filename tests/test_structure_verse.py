"""Verse: runs of short capitalised lines become stanzas with indent levels; prose one-liners do not."""

from __future__ import annotations

import textwrap

from ebookify.model import SceneBreak
from ebookify.normalize.structure.paragraphs import detect_layout, split_items
from ebookify.normalize.structure.raw import RawVerse
from ebookify.normalize.structure.structure import parse_structure
from ebookify.normalize.structure.verse import looks_like_verse, verse_levels

SONNET = [
    "  From fairest creatures we desire increase,",
    "  That thereby beauty's rose might never die,",
    "  But as the riper should by time decease,",
    "  His tender heir might bear his memory:",
    "    Pity the world, or else this glutton be,",
    "    To eat the world's due, by the grave and thee.",
]
PROSE = (
    "It was a warm May morning, sweet with the fragrance of the locusts, for the great trees arching "
    "above her were all abloom, and the ground beneath was snowy with the wind-blown petals."
)


def test_a_sonnet_is_verse_and_keeps_its_indented_couplet() -> None:
    assert looks_like_verse(SONNET)
    assert verse_levels(SONNET) == (0, 0, 0, 0, 1, 1)


def test_dialogue_one_liners_are_not_verse() -> None:
    lines = ['"Are you William Wood?" said the courier.', '"Yes," I said.', '"This is for you."', '"Thanks."']
    assert not looks_like_verse(lines)


def test_title_blocks_and_headings_are_not_verse() -> None:
    assert not looks_like_verse(["My Lord Aquith", "By", "Yves Barbero"])
    assert not looks_like_verse(["Chapter One", "The Beginning of It", "Chapter Two"])
    assert not looks_like_verse(["THE GIRL OF THE MONTH CLUB", "COLIN CAMPBELL", "A Story"])


def test_a_couplet_must_be_set_off() -> None:
    couplet = ["    'Populus me sibilat, at mihi plaudo", "Ipse domi simul ac nummos contemplor in arca.'"]
    assert not looks_like_verse(couplet)
    assert looks_like_verse(couplet, set_off=True)


def test_centred_or_ragged_stanzas_are_set_flush() -> None:
    ragged = ["There was a pair", " Who thought they", "   Were so cool", "     The king of fools", " And"]
    assert verse_levels(ragged) == (0, 0, 0, 0, 0)


def test_stanzas_in_wrapped_prose_become_verse_blocks_without_scene_breaks() -> None:
    prose = textwrap.wrap(PROSE * 3, 70)
    lines = [*prose, "", *SONNET[:4], "", "", "", *SONNET[4:], "  Nor any more of it,", "", *prose]
    blocks = [b for chapter in parse_structure("\n".join(lines)).chapters for b in chapter.blocks]
    assert [type(b).__name__ for b in blocks] == ["str", "RawVerse", "RawVerse", "str"]
    assert not any(isinstance(b, SceneBreak) for b in blocks)
    stanza = blocks[1]
    assert isinstance(stanza, RawVerse)
    assert stanza.lines[0] == (0, "From fairest creatures we desire increase,")


def test_a_poem_after_a_paragraph_in_the_same_block_is_split_off() -> None:
    prose = textwrap.wrap(PROSE, 70)
    lines = [*prose, "", *prose, "", *prose, "", *textwrap.wrap(PROSE + " Then the girl began to sing:", 70)]
    items = split_items([*lines, *SONNET[:4]], detect_layout(lines))
    assert [bool(item.verse) for item in items] == [False, False, False, False, True]
    assert items[3].text.endswith("Then the girl began to sing:")


def test_a_long_verse_line_broken_by_metre_is_one_line_again() -> None:
    stanza = [
        "A bunch of the boys were whooping it up in the Malamute saloon;",
        "The kid that handles the music-box was hitting a jag-time tune;",
        "Back of the bar, in a solo game, sat Dangerous Dan McGrew,",
        "And watching his luck was his light-o'-love,",
        "          the lady that's known as Lou.",
    ]
    items = split_items([*stanza, "", *stanza], detect_layout([*stanza, "", *stanza]))
    assert items[0].verse == (0, 0, 0, 0) and items[0].lines == 5
    assert items[0].text.endswith("light-o'-love, the lady that's known as Lou.")


def test_a_line_set_deeper_in_capitals_is_not_an_overflow() -> None:
    stanza = [
        "  How doth the little crocodile",
        "    Improve his shining tail,",
        "  And pour the waters",
        "    On it",
    ]
    items = split_items(stanza, detect_layout(stanza))
    assert items[0].verse == (0, 1, 0, 1)


def test_colons_go_on_and_a_bracketed_triplet_stays_verse() -> None:
    couplet = ["  Thou shalt no God but me adore:", "  'Twere too expensive to have more."]
    assert looks_like_verse(couplet, set_off=True)
    poem = [
        "To render justice to you both; and frame                       }",
        "Memorials worthy of each honour'd name:                    }",
        "Hail Felpham! Hail! in youth my favorite scene!",
        "First in my heart of villages marine!",
        "To me thy waves confirm'd my truest wealth,",
        "My only parent's renovated health,",
        "Whose love maternal, and whose sweet discourse",
        "Gave to my feelings all their cordial force:",
    ]
    assert looks_like_verse(poem)
    contents = ["Chapter the First         1", "The Second Part           9", "Another Thing            17"]
    assert not looks_like_verse(contents)


def test_lines_stepping_in_and_out_in_turn_are_verse_however_many_questions_they_ask() -> None:
    stanza = [
        "Have you wandered in the wilderness, the sagebrush desolation,",
        "  The bunch-grass levels where the cattle graze?",
        "Have you whistled bits of rag-time at the end of all creation?",
        "  And learned to know the desert's little ways?",
        "Have you chummed up with the mesa, have you known its moods?",
        "  Then listen to the Wild -- it's calling you.",
    ]
    assert looks_like_verse(stanza)
    # The same questions at one indent are prose one-liners (a list of questions).
    assert not looks_like_verse([line.strip() for line in stanza])


def test_an_epigraph_with_its_source_under_it_is_verse_even_when_its_lines_end_sentences() -> None:
    # The Gold-Bug: two lines from a play, then "--All in the Wrong" set far to the right.
    lines = [
        "     What ho! what ho! this fellow is dancing mad!",
        "     He hath been bitten by the Tarantula.",
        "                                        --All in the Wrong",
    ]
    assert looks_like_verse(lines, set_off=True)


def test_wrapped_prose_with_a_source_under_it_is_not_verse() -> None:
    lines = [
        "     The man who reads nothing at all is better educated than the",
        "     man who reads nothing but newspapers, as everyone knows well.",
        "                                        --Thomas Jefferson",
    ]
    assert not looks_like_verse(lines, set_off=True)


def test_lines_that_each_hold_a_whole_speech_are_dialogue_not_verse() -> None:
    # One speech a line, each quotation closed on its line (or before a "said he."): dialogue turns.
    assert not looks_like_verse(['  "Footprints?"', '  "Footprints. "', "  \"A man's or a woman's?\""])
    assert not looks_like_verse(
        ['"Yes," said he.', '"You saw this?"', '"As clearly as I see you."'], overflows=True
    )
    # A quoted poem opens a quotation on every line and closes it once; a ballad's speaker goes on.
    poem = [
        '"Tiger, tiger, burning bright',
        '"In the forests of the night,',
        '"What immortal hand or eye',
        '"Could frame thy fearful symmetry?"',
    ]
    assert looks_like_verse(poem)
    ballad = [
        '"O where are you going?" said reader to rider,',
        '"That valley is fatal when furnaces burn,',
        "\"Yonder's the midden whose odours will madden,",
        '"That gap is the grave where the tall return."',
    ]
    assert looks_like_verse(ballad)


def _verse_lines(text: str) -> list[str]:
    return [
        line
        for b in parse_structure(text).chapters[0].blocks
        if isinstance(b, RawVerse)
        for _, line in b.lines
    ]


def test_a_short_line_set_deeper_in_lower_case_is_a_line_of_its_own() -> None:
    # Herbert's "for thou must die." set to the right, a refrain set in: no line too long to fit was broken.
    stanza = (
        "   Sweet Rose, whose hew angry and brave\n   Bids the rash gazer wipe his eye,\n"
        "   Thy root is ever in its grave,\n                       and thou must die.\n"
    )
    assert _verse_lines(stanza)[-2:] == ["Thy root is ever in its grave,", "and thou must die."]


def test_a_long_lines_overflow_set_deeper_in_lower_case_joins_it() -> None:
    stanza = (
        "A bunch of the boys were whooping it up in the Malamute saloon;\n"
        "The kid that handles the music-box was hitting a jag-time tune;\n"
        "Back of the bar, in a solo game, sat Dangerous Dan McGrew,\n"
        "And watching his luck was his light-o'-love, the lady that's known\n"
        "          as Lou.\n"
    )
    assert (
        _verse_lines(stanza)[-1]
        == "And watching his luck was his light-o'-love, the lady that's known as Lou."
    )


def test_a_displayed_song_with_lower_case_refrain_lines_is_verse() -> None:
    # Set in from the prose margin at two indents: a poem, though half its lines go on in lower case.
    song = (
        "   For Courts are full of flattery,\n   As hath too oft been tri'd;\n"
        "     high trolollie lollie loe\n     high trolollie lee,\n"
        "   The City full of wantonness,\n   and both are full of pride:\n"
    )
    lines = [line for line in song.splitlines() if line]
    assert looks_like_verse(lines, set_off=True)
    # At one indent, or not set off, lines that go on in lower case are a sentence broken by hand.
    flat = [line.strip() for line in lines]
    assert not looks_like_verse(flat, set_off=True)
    assert not looks_like_verse(lines)


def test_free_verse_whose_long_lines_turn_over_is_verse() -> None:
    # Whitman's stanza, its long line broken onto a line set four spaces in (the overflow joined here).
    stanza = [
        "Of physiology from top to toe I sing,",
        "Not physiognomy alone nor brain alone is worthy for the Muse, I say"
        " the Form complete is worthier far,",
        "The Female equally with the Male I sing.",
    ]
    assert looks_like_verse(stanza, overflows=True, turned=True)
    # Without turned lines the joined line is too long for verse; and prose stays prose even so.
    assert not looks_like_verse(stanza, overflows=True)
    assert not looks_like_verse([PROSE, PROSE, PROSE], overflows=True, turned=True)


def _overflowing_poem(stanzas: int) -> list[str]:
    """Stanzas of long free-verse lines, each running over twice onto lines set four spaces in."""
    stanza = [
        "Of physiology from top to toe I sing, and of the brain and the",
        "    heart and the hands of the workmen and the hands of the women at",
        "    their looms,",
        "The Female equally with the Male I sing,",
        "",
        "All I mark as my own you shall offset it with your own,",
        "Else it were time lost listening to me.",
        "",
    ]
    return stanza * stanzas


def test_a_text_whose_long_lines_run_over_at_one_indent_is_a_book_of_free_verse() -> None:
    lines = _overflowing_poem(8)
    layout = detect_layout(lines)
    # The second overflow going on in lower case is no hard wrap of prose.
    assert layout.wrap_width is None and layout.verse_book
    items = split_items(lines, layout)
    # Its couplets, the first line ending on a stop, are stanzas too.
    assert all(item.verse for item in items)
    # Prose with a hanging indent now and then is no such book.
    item = ["", "1. A list item that runs on past the end of the", "   line."]
    prose = [*textwrap.wrap(PROSE * 40, 70), *item]
    assert not detect_layout(prose).verse_book
