"""A book's CFF faces drawn with one-byte codes: same pixels, same text (pdftotext and pypdf), fewer bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pikepdf import Dictionary, Name, Pdf, Stream
from pypdf import PdfReader

from ebookify import Chapter, Metadata, Paragraph, Span, Story, make_book
from ebookify.render.pdf import merge
from ebookify.render.pdf.one_byte import assign_codes, plan_one_byte
from ebookify.render.pdf.one_byte_dicts import two_byte_font
from ebookify.render.pdf.worker import RenderJob, render_job

from .weasyprint_versions import differences


def test_a_glyph_takes_its_characters_code_else_the_first_free_one() -> None:
    texts = {1: b"0020", 0x46: b"0065", 0x47: b"0065", 0x95F: b"00660069", 0x22: b"201c"}
    codes = assign_codes({0, 1, 0x46, 0x47, 0x95F, 0x22}, texts)
    assert codes == {0: 0, 1: 32, 0x46: ord("e"), 0x22: 1, 0x47: 2, 0x95F: 3}  # 0 stays .notdef


def test_only_the_space_takes_code_32_and_a_face_of_too_many_glyphs_gets_none() -> None:
    codes = assign_codes({5}, {5: b"0020"}) or {}
    assert codes[5] == 32
    assert 32 not in (assign_codes(set(range(1, 255)), {}) or {}).values()
    assert assign_codes(set(range(1, 256)), {}) is None  # 255 glyphs and no space: 254 codes


def _book(words: str, style: str = "classic") -> bytes:
    chapters = tuple(
        Chapter(f"Chapter {n}", tuple(Paragraph((Span(f"{words} {n}. " * 40),)) for _ in range(6)))
        for n in range(1, 4)
    )
    book = make_book([Story("b.txt", Metadata("One Byte", ("Test Author",)), chapters)])
    from ebookify.options import WriteOptions
    from ebookify.render.pdf import render_pdf_bytes

    return render_pdf_bytes(book, WriteOptions(jobs=1, style=style), part_weight=4000)


@pytest.mark.parametrize("style", ["classic", "modern"])  # Libertine's CFF outlines, DejaVu's TrueType
def test_the_book_is_smaller_with_the_same_pages_and_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, style: str
) -> None:
    words = "“Quartz,” she said—justified lines of fine words; the fjord’s zephyr? Yes!"
    small = _book(words, style)
    with monkeypatch.context() as patch:
        patch.setattr(merge, "plan_one_byte", lambda book, programs: plan_one_byte(book, set()))
        before = _book(words, style)
    assert len(small) < len(before)
    (tmp_path / "a.pdf").write_bytes(before)
    (tmp_path / "b.pdf").write_bytes(small)
    assert differences(tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path) == []
    old, new = PdfReader(tmp_path / "a.pdf"), PdfReader(tmp_path / "b.pdf")
    assert [p.extract_text() for p in new.pages] == [p.extract_text() for p in old.pages]
    with Pdf.open(io.BytesIO(small)) as pdf:
        fonts = [f for p in pdf.pages for f in p.Resources.get(Name.Font, {}).values()]
        assert fonts and all(isinstance(f.Encoding, Stream) for f in fonts)
        kinds = {str(f.DescendantFonts[0].Subtype) for f in fonts}
        assert kinds == ({"/CIDFontType2"} if style == "modern" else {"/CIDFontType0"})
        truetype = [f.DescendantFonts[0] for f in fonts if style == "modern"]
        assert all(isinstance(d.CIDToGIDMap, Stream) for d in truetype)  # new CIDs -> the same glyphs


def _part(content_tail: bytes = b"") -> Pdf:
    html = "<p style=\"font-family: 'Linux Libertine O'\">Some words to draw</p>"
    result = render_job(RenderJob(html, (), tagged=False))
    pdf = Pdf.open(io.BytesIO(result.pdf))
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(page.obj.Contents.read_bytes() + content_tail)
    return pdf


def _programs(pdf: Pdf) -> set[tuple[int, int]]:
    fonts = [two_byte_font(f) for f in pdf.pages[0].Resources.Font.values() if isinstance(f, Dictionary)]
    return {font.program for font in fonts if font is not None}


def test_a_face_whose_content_cannot_be_read_is_left_alone() -> None:
    readable = _part()
    assert plan_one_byte(readable, _programs(readable)).codes  # caught: the face is recoded
    unread = _part(b"\nq BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q\n")  # an inline image: not split
    assert plan_one_byte(unread, _programs(unread)).codes == {}
    assert plan_one_byte(readable, set()).codes == {}  # a program fonts.py does not write as CID-keyed


def test_codes_of_one_cid_keep_the_text_of_each_or_the_face_is_left_alone() -> None:
    from ebookify.render.pdf.one_byte_dicts import TwoByteFont

    font = TwoByteFont(
        Dictionary(), Dictionary(), (1, 0), {0x46: b"0065", 0xA72: b"2e3a"}, {}, {0x46: 70, 0xA72: 0}
    )
    font.shown = {0x46, 0xA72}  # the missing glyph's code draws CID 0 (.notdef)
    assert font.new_codes({70: ord("e"), 0: 0}) == {0x46: ord("e"), 0xA72: 0}
    font.shown.add(0)  # .notdef drawn by its own code too: two texts for the new code 0
    font.texts[0] = b"fffd"
    assert font.new_codes({70: ord("e"), 0: 0}) is None


def test_a_face_with_a_font_of_another_shape_is_left_alone() -> None:
    pdf = _part()
    font = next(iter(pdf.pages[0].Resources.Font.values()))
    assert isinstance(font, Dictionary)
    other = pdf.make_indirect(Dictionary(dict(font.items())))
    other.Encoding = Name("/Identity-V")  # a font of the same program that this module does not rewrite
    pdf.pages[0].Resources.Font.Other = other
    assert plan_one_byte(pdf, _programs(pdf)).codes == {}
