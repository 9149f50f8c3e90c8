"""A poem set wholly in italics over several stanzas: its two framing markers become emphasis."""

from __future__ import annotations

from ebookify.model import SceneBreak
from ebookify.normalize import normalize_bytes
from ebookify.normalize.inline.italic_poems import wholly_italic
from ebookify.normalize.structure.raw import RawBlock, RawVerse


def _stanza(*lines: str) -> RawVerse:
    return RawVerse(tuple((0, line) for line in lines))


def test_a_frame_over_two_stanzas_is_taken_off_and_both_stanzas_are_italic() -> None:
    blocks: list[RawBlock] = [_stanza("*The sunsets", "Down"), _stanza("O land!", "loneliness.*"), "Prose."]
    out, italic = wholly_italic(blocks)
    assert out[:2] == [_stanza("The sunsets", "Down"), _stanza("O land!", "loneliness.")]
    assert out[2] == "Prose."
    assert italic == {0, 1}


def test_markers_the_stanzas_pair_themselves_or_prose_between_are_no_frame() -> None:
    own_pair: list[RawBlock] = [_stanza("*One* two", "three"), _stanza("four", "five*")]
    prose_between: list[RawBlock] = [_stanza("*One", "two"), "Prose.", _stanza("four", "five*")]
    a_break_between: list[RawBlock] = [_stanza("*One", "two"), SceneBreak(), _stanza("four", "five*")]
    spaced: list[RawBlock] = [_stanza("* One", "two"), _stanza("four", "five *")]
    for blocks in (own_pair, prose_between, a_break_between, spaced):
        assert wholly_italic(blocks) == (blocks, set())


def test_an_italic_poem_in_a_story_loses_its_stars_and_keeps_its_words() -> None:
    poem = (
        "*The lonely sunsets flare forlorn\n  Down valleys dreadly desolate;\n"
        "The lordly mountains soar in scorn\n  As still as death, as stern as fate.\n\n"
        "     The lonely sunsets flame and die;\n       The giant valleys gulp the night;\n"
        "     The monster mountains scrape the sky,\n       Where eager stars are diamond-bright.*\n"
    )
    text = "Title: Poems\n\nChapter 1\n\nShe read it aloud that night, slowly.\n\n" + poem
    story = normalize_bytes(text.encode(), "poems.txt")
    verse = [block for chapter in story.chapters for block in chapter.blocks if hasattr(block, "lines")]
    spans = [span for block in verse for line in block.lines for span in line.spans]
    assert spans and all(span.style == "emphasis" for span in spans)
    assert "*" not in "".join(span.text for span in spans)
    assert "diamond-bright." in spans[-1].text


def test_an_italic_run_with_roman_names_is_marked_again_on_each_line_it_covers() -> None:
    blocks: list[RawBlock] = [
        _stanza(
            "_Come live with me,",
            "Where we will sit upon the_ Rocks,",
            "_By shallow_ Rivers, _to whose falls",
        ),
        _stanza("Mellodious birds sing_ madrigals."),
        _stanza("_And I wil make thee beds of_ Roses,", "_And then", "Then live with me, and be my Love_."),
        "Prose.",
    ]
    out, italic = wholly_italic(blocks)
    assert out[:3] == [
        _stanza(
            "_Come live with me,_",
            "_Where we will sit upon the_ Rocks,",
            "_By shallow_ Rivers, _to whose falls_",
        ),
        _stanza("_Mellodious birds sing_ madrigals."),
        _stanza("_And I wil make thee beds of_ Roses,", "_And then_", "_Then live with me, and be my Love_."),
    ]
    assert italic == set()
    long_stanza = _stanza(
        "Lucian _well skill'd in_ scoffing, _this has writ,", "Friend,", "This you", "Meaning_."
    )
    assert wholly_italic([long_stanza])[0] == [
        _stanza(
            "Lucian _well skill'd in_ scoffing, _this has writ,_", "_Friend,_", "_This you_", "_Meaning_."
        )
    ]


def test_a_stray_marker_a_short_stanza_or_a_long_roman_stretch_keeps_its_lines() -> None:
    stray = [
        _stanza("_This is not half", "yet he that says so lies_:", "Then come away,", "County man with me_.")
    ]
    short = [_stanza("_The Adulterous_ Sargus _doth change,", "Goes courting_ She-Goats.")]
    roman_tail = [_stanza("_Come live_ with me and be my love,"), _stanza("_And I wil_ make thee beds_.")]
    names = [_stanza("_Open", "my_file", "two", "three", "four_.")]
    for blocks in (stray, short, roman_tail, names):
        assert wholly_italic(list(blocks)) == (blocks, set())
