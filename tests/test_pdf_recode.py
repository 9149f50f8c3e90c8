"""Content rewritten in one-byte codes; with word spacing, a justified line's spaces moved by one Tw."""

from __future__ import annotations

import pytest

from ebookify.render.pdf.content_ops import ContentSyntaxError, split_operations
from ebookify.render.pdf.recode import FontCodes, glyphs_shown, recode

# Glyph ids (two-byte codes) -> one-byte codes: 1 is the space, 0x46 'e', 0x95f a ligature.
_FONT = FontCodes({1: 32, 0x46: ord("e"), 0x49: ord("h"), 0x95F: 1}, blank_space=True)


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


# A justified line: each space moved by -11.07... before it and -10 after it, at 14 pt.
_LINE = (
    b"/F1 14 Tf [(\x00I)-11.071428571428571(\x00\x01)-10(\x00F)-11.071428571428571(\x00\x01)-10(\x00I)] TJ"
)


def test_with_word_spacing_the_spaces_that_move_alike_share_one_tw() -> None:
    tw = (11.071428571428571 + 10) * 14 / 1000
    assert _recode(_LINE, word_spacing=True) == b"/F1 14 Tf %r Tw\n[(h e h)] TJ" % tw
    # Without: each space keeps its moves.
    assert _recode(_LINE) == b"/F1 14 Tf [(h)-11.071428571428571( )-10(e)-11.071428571428571( )-10(h)] TJ"


def test_word_spacing_goes_back_to_zero_before_other_text_and_forms_and_q_restores_it() -> None:
    data = _LINE + b" q " + _LINE + b" Q [(\x00F)] TJ /Fm0 Do"
    out = _recode(data, word_spacing=True)
    assert out.endswith(b"Q [(e)] TJ 0 Tw\n/Fm0 Do")  # Q restored the Tw of before q; 0 before the form
    assert out.count(b"Tw") == 2


def test_spaces_that_move_otherwise_start_a_run_of_their_own() -> None:
    data = b"/F1 10 Tf [(\x00I)-5(\x00\x01)-5(\x00F)(\x00\x01)(\x00I)] TJ"
    out = _recode(data, word_spacing=True)
    assert out == b"/F1 10 Tf 0.1 Tw\n[(h e)]TJ".replace(b"]TJ", b"] TJ\n0 Tw\n[( h)] TJ")


def test_two_numbers_in_a_row_leave_the_line_unfolded() -> None:
    data = b"/F1 14 Tf [(\x00F)9 -11.071428571428571(\x00\x01)-10(\x00I)] TJ"
    assert _recode(data, word_spacing=True) == b"/F1 14 Tf [(e)9 -11.071428571428571( )-10(h)] TJ"


def test_a_size_that_is_not_a_number_leaves_the_spaces_moved_as_they_were() -> None:
    data = _LINE.replace(b"14 Tf", b"/Big Tf")
    assert _recode(data, word_spacing=True) == _recode(data) != data  # recoded, no Tw
