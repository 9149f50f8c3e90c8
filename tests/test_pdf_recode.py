"""Content rewritten in one-byte codes; with word spacing, a justified line's spaces moved by one Tw."""

from __future__ import annotations

import pytest

from ebookify.render.pdf.content_ops import ContentSyntaxError, split_operations
from ebookify.render.pdf.exact_spacing import LineFont
from ebookify.render.pdf.recode import FontCodes, glyphs_shown, recode

# Glyph ids (two-byte codes) -> one-byte codes: 1 is the space, 0x46 'e', 0x95f a ligature.
_FONT = FontCodes(
    {1: 32, 0x46: ord("e"), 0x49: ord("h"), 0x95F: 1},
    blank_space=True,
    line=LineFont({32: 0.25, ord("e"): 0.4, ord("h"): 0.55, 1: 0.6}),
)


def _recode(data: bytes, word_spacing: bool = False) -> bytes:
    return recode(data, split_operations(data), {b"/F1": _FONT}, word_spacing)


def test_glyphs_shown_are_gathered_for_the_two_byte_fonts_only() -> None:
    data = b"/F1 14 Tf [(\x00F)9(\x00I)] TJ <0001> Tj /F2 9 Tf (ab) Tj /F3 9 Tf (\x00F\x00) Tj"
    shown = glyphs_shown(split_operations(data), {b"/F1", b"/F3"})
    assert shown == {b"/F1": {0x46, 0x49, 1}, b"/F3": None}  # /F3: a string of an odd length


def test_a_stream_that_sets_word_spacing_itself_is_not_rewritten() -> None:
    with pytest.raises(ContentSyntaxError):
        glyphs_shown(split_operations(b"/F1 14 Tf 2 Tw [(\x00F)] TJ"), {b"/F1"})


def test_strings_of_the_font_are_recoded_and_everything_else_stays_as_written() -> None:
    data = b"q\nBT\n1 0 0 -1 88.12 73.868978 Tm\n/F1 14 Tf\n[(\x00I\x00F)9(\t_)] TJ\n<0001> Tj\nET\nQ\n"
    assert (
        _recode(data) == b"q\nBT\n1 0 0 -1 88.12 73.868978 Tm\n/F1 14 Tf\n[(he)9(\x01)] TJ\n( ) Tj\nET\nQ\n"
    )
    other = b"/F2 14 Tf\n[(\x00I\x00F)9(\t_)] TJ\n"
    assert _recode(other) == other  # another font: left as it is


# A justified line: each space moved by -11.07... before it and -10 after it, at 14 pt, from x = 88.12.
_LINE = (
    b"BT 1 0 0 -1 88.12 73.868978 Tm /F1 14 Tf "
    b"[(\x00I)-11.071428571428571(\x00\x01)-10(\x00F)-11.071428571428571(\x00\x01)-10(\x00I)] TJ"
)


def test_with_word_spacing_the_spaces_of_a_line_share_one_tw_where_the_glyphs_stay_in_place() -> None:
    out = _recode(_LINE, word_spacing=True)
    assert out == b"BT 1 0 0 -1 88.12 73.868978 Tm /F1 14 Tf 0.295 Tw\n[(h e h)] TJ"
    # Without: each space keeps its moves.
    assert _recode(_LINE).endswith(b"[(h)-11.071428571428571( )-10(e)-11.071428571428571( )-10(h)] TJ")


def test_a_line_whose_pen_is_not_known_keeps_its_numbers() -> None:
    data = _LINE.replace(b"1 0 0 -1 88.12 73.868978 Tm", b"88.12 73.868978 Td")  # a move not followed
    assert _recode(data, word_spacing=True) == _recode(data)
    scaled = _LINE.replace(b"Tm", b"Tm 90 Tz")  # horizontal scaling changes every move
    assert _recode(scaled, word_spacing=True) == _recode(scaled)


def test_word_spacing_goes_back_to_zero_before_other_text_and_forms_and_q_restores_it() -> None:
    inner = (
        _LINE.replace(b"73.868978", b"93.468978")
        .replace(b"-11.071428571428571", b"-5")
        .replace(b"-10", b"-5")
    )
    data = _LINE + b" ET q " + inner + b" ET Q BT 1 0 0 -1 88.12 113 Tm [(\x00\x01)] TJ ET"
    out = _recode(data, word_spacing=True)
    assert b"0.295 Tw\n[(h e h)] TJ ET q" in out
    # 0.14, the sum, would draw the last h an ulp from where -5 ( ) -5 draw it: the Tw that does not.
    assert b"0.13999999999999 Tw\n[(h e h)] TJ ET Q" in out
    # Q restored 0.295; a line whose space has no numbers needs 0.
    assert out.endswith(b"Q BT 1 0 0 -1 88.12 113 Tm 0 Tw\n[( )] TJ ET")
    assert _recode(_LINE + b" ET /Fm0 Do", word_spacing=True).endswith(b"TJ ET 0 Tw\n/Fm0 Do")  # a form


def test_a_space_without_numbers_starts_a_run_of_its_own() -> None:
    data = b"BT 1 0 0 -1 10 50 Tm /F1 10 Tf [(\x00I)-5(\x00\x01)-5(\x00F)(\x00\x01)(\x00I)] TJ"
    out = _recode(data, word_spacing=True)
    assert out.endswith(b"/F1 10 Tf 0.1 Tw\n[(h e)] TJ\n0 Tw\n[( h)] TJ")


def test_text_followed_on_its_baseline_keeps_its_numbers() -> None:
    # An extractor measures the gap to the next piece of the line from the numbers, not from Tw.
    follow = b" ET BT 1 0 0 -1 200 73.868978 Tm [(\x00F)] TJ"
    data = _LINE + follow
    assert _recode(data, word_spacing=True) == _recode(data)
    next_line = _LINE + follow.replace(b"73.868978", b"93.468978")
    assert b"Tw" in _recode(next_line, word_spacing=True)


def test_a_size_that_is_not_a_number_leaves_the_spaces_moved_as_they_were() -> None:
    data = _LINE.replace(b"14 Tf", b"/Big Tf")
    assert _recode(data, word_spacing=True) == _recode(data) != data  # recoded, no Tw
