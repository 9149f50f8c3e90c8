"""Justified spaces folded into Tw only where poppler draws every glyph at the same double as before."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from ebookify.render.pdf.content_ops import split_operations
from ebookify.render.pdf.exact_spacing import Item, LineFont, Run, fold_spaces, pen_positions, reader_number
from ebookify.render.pdf.text_pen import continued_lines

_FONT = LineFont({32: 0.25, ord("a"): 0.5, ord("m"): 0.833, ord("i"): 0.278})


def _glyphs(runs: list[Run], x: float, size: float, font: LineFont = _FONT) -> list[tuple[int, float]]:
    """Each glyph but the spaces with the pen where poppler draws it (Gfx::doShowText, textShift)."""
    drawn = []
    for tw, items in runs:
        word = reader_number(tw or b"0") or 0.0
        for item in items:
            if isinstance(item, bytes):
                x = x + -(reader_number(item) or 0.0) * 0.001 * size
                continue
            if item != 32:
                drawn.append((item, x))
            x = x + ((font.advance(item) * size + 0.0) + (word if item == 32 else 0.0)) * 1.0
    return drawn


def _fold(items: list[Item], x: float, size: float = 14.0, *, fold_before: bool = True) -> list[Run]:
    positions = pen_positions(items, x, size, _FONT)
    assert positions is not None
    return fold_spaces(items, positions, size, _FONT, fold_before=fold_before, word_break=112.5)


def test_numbers_are_read_as_poppler_reads_them_not_as_python_does() -> None:
    # poppler adds 0.1 * 1 then 0.01 * 2 (0.1 * 0.1 rounded) to 88: an ulp below Python's 88.12.
    assert reader_number(b"88.12") == 88.11999999999999 != float("88.12")
    assert reader_number(b"0.3") == 0.30000000000000004 and reader_number(b"-.5") == -0.5
    assert math.copysign(1, reader_number(b"-0") or 1) == 1  # an integer: no negative zero
    assert reader_number(b"5.") == 5.0 and reader_number(b"-68") == -68.0
    assert reader_number(b"1e5") is None and reader_number(b"/F1") is None


def test_a_line_whose_sum_keeps_every_glyph_in_place_gets_it_as_its_one_tw() -> None:
    line: list[Item] = [97, b"-11.071428571428571", 32, b"-10", 109, b"-11.071428571428571", 32, b"-10", 97]
    runs = _fold(line, 88.12)
    assert runs == [(b"0.295", [97, 32, 109, 32, 97])]
    assert _glyphs(runs, 88.12, 14) == _glyphs([(None, line)], 88.12, 14)


def test_a_sum_that_moves_a_glyph_by_an_ulp_gives_way_to_a_tw_that_does_not() -> None:
    line: list[Item] = [97, b"-5", 32, b"-5", 109, b"-5", 32, b"-5", 97]
    x = reader_number(b"88.12") or 0.0
    runs = _fold(line, x)
    assert runs[0][0] == b"0.13999999999999"  # 0.14 would draw the last a one ulp to the right
    natural: list[Run] = [(b"0.14", [97, 32, 109, 32, 97])]
    assert _glyphs(natural, x, 14) != _glyphs([(None, line)], x, 14) == _glyphs(runs, x, 14)


def test_a_line_across_two_grids_gets_a_tw_for_each_part() -> None:
    # Past 256 units a double rounds to twice as coarse a step: the same moves may need another Tw.
    line: list[Item] = []
    for _ in range(12):
        line += [109] * 3 + [b"-103.5", 32, b"-100"]
    x = reader_number(b"67.12") or 0.0
    runs = _fold(line, x)
    assert [tw for tw, _ in runs] == [b"2.84900000000001", b"2.8489999999999"]
    assert _glyphs(runs, x, 14) == _glyphs([(None, line)], x, 14)


def test_a_wide_gap_before_a_space_and_a_visible_space_keep_their_numbers() -> None:
    wide: list[Item] = [97, b"-119.14285714285714", 32, b"-5", 97]  # an extractor's word break of its own
    assert _fold(wide, 80.0) == [(b"0", wide)]
    narrow: list[Item] = [97, b"-5", 32, b"-5", 97]
    assert _fold(narrow, 80.0, fold_before=False) == [(b"0", narrow)]  # the space glyph draws something
    assert _fold(narrow, 80.0)[0][1] == [97, 32, 97]


@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from([97, 109, 105]), min_size=1, max_size=6),
            st.integers(-3000, 300).map(lambda n: b"%d.%03d" % divmod(n, 1000) if n >= 0 else b"-%d" % -n),
            st.integers(-200, 50).map(lambda n: b"%d" % n),
        ),
        min_size=1,
        max_size=14,
    ),
    st.integers(0, 40000).map(lambda n: n / 100),
    st.sampled_from([9.0, 10.5, 14.0, 19.599609]),
)
def test_every_glyph_stays_where_it_was(
    words: list[tuple[list[int], bytes, bytes]], x: float, size: float
) -> None:
    line: list[Item] = []
    for glyphs, before, after in words:
        line += [*glyphs, before, 32, after]
    runs = _fold(line, x, size)
    assert _glyphs(runs, x, size) == _glyphs([(None, line)], x, size)


def test_text_continued_on_its_baseline_is_found() -> None:
    data = (
        b"BT 1 0 0 -1 67 100 Tm /F1 14 Tf [(a b)] TJ ET BT 1 0 0 -1 120 100 Tm [(c)] TJ ET "
        b"BT 1 0 0 -1 67 119.6 Tm [(d e)] TJ ET BT 1 0 0 -1 67 139.2 Tm [(f)] TJ 5 0 Td [(g)] TJ ET"
    )
    operations = split_operations(data)
    shown = [index for index, operation in enumerate(operations) if operation.operator == b"TJ"]
    # (a b) goes on at x 120 on its baseline; (c) and (d e) are followed by the next line; (f) by a Td.
    assert continued_lines(operations) == {shown[0], shown[3]}


def test_a_truetype_glyph_without_contours_is_blank_and_one_with_is_not() -> None:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    from ebookify.render.pdf.font_programs import blank_glyph

    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((400, 0))
    pen.closePath()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "space", "a"])
    builder.setupCharacterMap({32: "space", 97: "a"})
    builder.setupGlyf(
        {".notdef": TTGlyphPen(None).glyph(), "space": TTGlyphPen(None).glyph(), "a": pen.glyph()}
    )
    builder.setupHorizontalMetrics({".notdef": (500, 0), "space": (250, 0), "a": (400, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    assert blank_glyph(builder.font, 1) and not blank_glyph(builder.font, 2)
