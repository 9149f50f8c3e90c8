"""One embedded program per font face in a book laid out in parts: same pages, same text, fewer bytes."""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, Pdf

from ebookify import Book, Chapter, Metadata, Paragraph, Span, Story, make_book
from ebookify.options import WriteOptions
from ebookify.render.pdf import render_pdf_bytes
from ebookify.render.pdf.fonts import SharedFonts, read_widths
from ebookify.render.pdf.merge import copy_pages
from ebookify.render.pdf.worker import RenderJob, render_job

from .pdf_books import page_texts
from .weasyprint_versions import differences


def test_widths_are_read_in_both_forms_of_w() -> None:
    assert read_widths(Array([3, Array([500, 600]), 10, 12, 250])) == {
        3: 500.0,
        4: 600.0,
        10: 250.0,
        11: 250.0,
        12: 250.0,
    }
    assert read_widths(None) == {}


def test_widths_of_another_shape_are_refused() -> None:
    assert read_widths(Array([3])) is None
    assert read_widths(Array([3, 4])) is None
    assert read_widths(Array([0, 70000, 250])) is None
    assert read_widths(Name.Identity) is None


def _book() -> Book:
    """Chapters of different words (and italics) so that each part draws glyphs the others do not."""
    words = ["quartz", "jumble", "vixen", "dwarf", "glyph", "kumquat", "zephyr", "fjord", "whisky", "boxing"]
    chapters = []
    for c, word in enumerate(words):
        blocks = tuple(
            Paragraph((Span(f"{word} {n} " * 30), Span(f"{word.upper()} {c}", "emphasis"))) for n in range(12)
        )
        chapters.append(Chapter(f"Chapter {c + 1}", blocks))
    return make_book([Story("fonts.txt", Metadata("Fonts", ("Test Author",)), tuple(chapters))])


def _programs(data: bytes) -> dict[str, set[tuple[int, int]]]:
    """The embedded programs of each font name (base font without its subset tag)."""
    found: dict[str, set[tuple[int, int]]] = defaultdict(set)
    with Pdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, Dictionary) and obj.get(Name.Type) == Name.FontDescriptor:
                for key in (Name.FontFile2, Name.FontFile3):
                    if key in obj:
                        found[str(obj.FontName).split("+")[-1]].add(obj[key].objgen)
    return found


def _unshared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SharedFonts, "add_object", lambda self, obj: None)


@pytest.mark.parametrize("style", ["classic", "truetype"])
def test_each_face_is_embedded_once_with_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, style: str
) -> None:
    if style == "truetype":  # DejaVu Serif: TrueType outlines (glyf), not Libertine's CFF
        css = tmp_path / "serif.css"
        css.write_text('body, p, h1, h2, em { font-family: "DejaVu Serif"; }', encoding="utf-8")
        style = str(css)
    options = WriteOptions(jobs=1, style=style)
    shared = render_pdf_bytes(_book(), options, part_weight=4000)
    with monkeypatch.context() as patch:
        _unshared(patch)
        apart = render_pdf_bytes(_book(), options, part_weight=4000)
    programs = _programs(shared)
    assert programs and all(len(objects) == 1 for objects in programs.values()), programs
    assert any(len(objects) > 3 for objects in _programs(apart).values())  # a program per part before
    assert len(shared) < len(apart) * 0.8
    (tmp_path / "shared.pdf").write_bytes(shared)
    (tmp_path / "apart.pdf").write_bytes(apart)
    assert differences(tmp_path / "apart.pdf", tmp_path / "shared.pdf", tmp_path) == []
    assert page_texts(tmp_path / "shared.pdf") == page_texts(tmp_path / "apart.pdf")
    # The same book gives the same bytes.
    assert render_pdf_bytes(_book(), options, part_weight=4000) == shared


def _laid_out(text: str, family: str) -> bytes:
    html = f"<p style=\"font-family: '{family}'\">{text}</p>"
    result = render_job(RenderJob(html, (), tagged=False))
    assert not result.problems, result.problems
    return result.pdf


def _descriptors(pages: list[pikepdf.Page]) -> list[pikepdf.Object]:
    return [font.FontDescriptor for font in _fonts(pages)]


def _used(pages: list[pikepdf.Page]) -> set[int]:
    """The glyph ids the fonts of `pages` draw (their /W)."""
    return {g for d in _fonts(pages) for g in read_widths(d.W) or {}}


def _fonts(pages: list[pikepdf.Page]) -> list[pikepdf.Object]:
    return [font.DescendantFonts[0] for page in pages for font in page.obj.Resources.Font.values()]


def test_another_font_under_the_same_name_keeps_its_own_program() -> None:
    with (
        Pdf.new() as book,
        Pdf.open(io.BytesIO(_laid_out("alpha beta", "DejaVu Serif"))) as first,
        Pdf.open(io.BytesIO(_laid_out("alpha gamma", "DejaVu Serif"))) as same,
        Pdf.open(io.BytesIO(_laid_out("alpha delta", "Liberation Serif"))) as other,
    ):
        name = next(iter(first.pages[0].Resources.Font.values())).DescendantFonts[0].BaseFont
        for font in other.pages[0].Resources.Font.values():
            font.BaseFont = font.DescendantFonts[0].BaseFont = name  # Liberation's program, DejaVu's name
        pages = [copy_pages(book, source) for source in (first, same, other)]
        fonts = SharedFonts(book)
        for copied in pages:
            fonts.add_pages(copied)
        fonts.finish()
        (a,), (b,), (c,) = (_descriptors(copied) for copied in pages)
        assert a.FontFile2.objgen == b.FontFile2.objgen  # the same face: one program
        assert c.FontFile2.objgen != a.FontFile2.objgen  # another font: its own
        face = fonts.faces[(str(name), "/FontFile2")]
        beta, gamma = _used(pages[0]), _used(pages[1])
        assert gamma - beta and beta | gamma <= face.glyphs  # the glyphs of both words in one program


def test_a_cff_face_becomes_a_cid_keyed_program_of_the_glyphs_drawn() -> None:
    from fontTools.cffLib import CFFFontSet

    from ebookify.render.pdf.font_programs import cid_keyed_cff, glyph_bytes, open_program

    with Pdf.open(io.BytesIO(_laid_out("quartz jumble", "Linux Libertine O"))) as pdf:
        (font,) = _fonts(list(pdf.pages))
        program = open_program(font.FontDescriptor.FontFile3)  # type: ignore[arg-type]
        drawn = {g for g in read_widths(font.W) or {} if g}
        outlines = {g: glyph_bytes(program, g) for g in drawn}
        count = len(program.getGlyphOrder())
        data = cid_keyed_cff(program, drawn)
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(data), None)
    top = cff.topDictIndex[0]
    assert top.ROS == ("Adobe", "Identity", 0) and len(top.charset) < count  # the empty glyphs gone
    assert top.charset == [".notdef", *(f"cid{g:05d}" for g in sorted(drawn))]  # glyph id = CID
    for glyph, outline in outlines.items():
        charstring = top.CharStrings[f"cid{glyph:05d}"]
        charstring.compile()
        assert charstring.bytecode == outline  # hints and all, as drawn before
