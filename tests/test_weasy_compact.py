"""WeasyPrint's text operations written compactly: the same operators, glyphs and moves, fewer bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from ebookify.render.pdf.weasy import compact as weasy_compact
from ebookify.render.pdf.weasy.compact import compact_operation, literal
from ebookify.render.pdf.worker import RenderJob, render_job

from .weasyprint_versions import differences, page_texts


def test_glyphs_without_a_move_between_them_share_one_literal_string() -> None:
    assert compact_operation(b"[<0041>0<0042>0<0043>0] TJ") == b"[(\x00A\x00B\x00C)] TJ"


def test_every_non_zero_move_is_kept_as_written() -> None:
    operation = b"[<0041>9<0042>-86.14285714285714<0043>] TJ"
    assert compact_operation(operation) == b"[(\x00A)9(\x00B)-86.14285714285714(\x00C)] TJ"


def test_empty_strings_go_and_the_moves_around_them_stay_in_order() -> None:
    # WeasyPrint's justified space: a move, an empty string, a move, the space glyph, a move.
    operation = b"[<0046>9<>-11.071428571428571<0001>-10<0049>0] TJ"
    assert compact_operation(operation) == b"[(\x00F)9 -11.071428571428571(\x00\x01)-10(\x00I)] TJ"


def test_a_leading_move_and_the_move_after_the_last_glyph_are_kept() -> None:
    assert compact_operation(b"[-1.5<0041>] TJ") == b"[-1.5(\x00A)] TJ"
    assert compact_operation(b"[<0041>0<0042>12] TJ") == b"[(\x00A\x00B)12] TJ"  # the next text starts there


def test_parentheses_backslash_and_carriage_return_are_escaped() -> None:
    assert literal(b"a(b)c\\d\re\nf") == b"(a\\(b\\)c\\\\d\\re\nf)"
    assert compact_operation(b"[<0028>0<0029>0<005c>0<000d>] TJ") == b"[(\x00\\(\x00\\)\x00\\\\\x00\\r)] TJ"


def test_operations_of_another_shape_are_left_as_they_are() -> None:
    for operation in (
        b"/Span <</MCID 3>> BDC",  # marked content
        b"1 0 0 -1 67.12 93.468978 Tm",
        b"[<abc>0<0042>] TJ",  # half a byte: a reader pads it, a merge would shift every byte after it
        b"[(\x00A)-3] TJ",  # literal strings (already compact)
        b"[<0041>0 0<0042>] TJ",  # two adjustments in a row: not WeasyPrint's writing
        b"[<0041>x<0042>] TJ",
    ):
        assert compact_operation(operation) == operation


def _tagged_page(compact: bool, monkeypatch: pytest.MonkeyPatch) -> bytes:
    words = " ".join(f"wor(d){i} back\\slash" if i % 7 == 0 else f"word{i}" for i in range(400))
    html = f'<html lang="en"><h1>A title</h1><p style="text-align: justify">{words}</p></html>'
    if not compact:
        monkeypatch.setattr(weasy_compact, "compact_operation", lambda operation: operation)
    result = render_job(RenderJob(html, ("", "@page { size: A6 }"), tagged=True))
    assert not result.problems
    return result.pdf


def _content_bytes(pdf: bytes) -> int:
    """The deflated size of the pages' content streams."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return sum(len(page.obj.Contents.read_raw_bytes()) for page in document.pages)


def _operators(pdf: bytes) -> list[list[tuple[str, str]]]:
    """Each page's operators in order, with the operands of every one but TJ."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return [
            [
                (str(op.operator), "" if str(op.operator) == "TJ" else str(list(op.operands)))
                for op in pikepdf.parse_content_stream(page)
            ]
            for page in document.pages
        ]


@pytest.mark.slow
def test_a_laid_out_document_keeps_its_operators_text_and_pixels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compact = _tagged_page(True, monkeypatch)
    with monkeypatch.context() as patch:
        plain = _tagged_page(False, patch)
    assert _content_bytes(compact) < _content_bytes(plain) * 0.97  # 10% in a novel (docs/benchmarks.md)
    operators = _operators(plain)
    assert any(op == "BDC" and "/MCID" in operands for page in operators for op, operands in page)
    # Marked content (MCIDs), the text matrices, fonts: every operation but the text operands is the same.
    assert _operators(compact) == operators
    (tmp_path / "plain.pdf").write_bytes(plain)
    (tmp_path / "compact.pdf").write_bytes(compact)
    texts = page_texts(tmp_path / "compact.pdf")
    assert len(texts) > 1 and "wor(d)7 back\\slash" in "".join(texts)
    assert differences(tmp_path / "plain.pdf", tmp_path / "compact.pdf", tmp_path) == []
