"""Line-end hyphens the layout adds copy as text that joins the word (weasy/hyphens.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pikepdf import Array, Pdf

from ebookify import Chapter, Metadata, Paragraph, Span, Story, WriteOptions, make_book
from ebookify.render.pdf import render_pdf_bytes
from ebookify.render.pdf.weasy import hyphens
from ebookify.render.pdf.weasy.hyphens import ACTUAL_TEXT, split_last_glyph

from .pdf_books import page_texts

SENTENCE = (
    "The distributed administration of international communications unquestionably necessitates "
    "extraordinary organisational responsibilities."
)


def test_the_last_glyph_of_a_line_gets_its_actual_text() -> None:
    assert split_last_glyph(b"[<00410042>-12<0043>] TJ") == [
        b"[<00410042>-12] TJ",
        ACTUAL_TEXT,
        b"[<0043>] TJ",
        b"EMC",
    ]
    # The kerning after the hyphen stays with it; a line that is only the hyphen keeps no empty run.
    assert split_last_glyph(b"[<00410042>12] TJ") == [b"[<0041>] TJ", ACTUAL_TEXT, b"[<0042>12] TJ", b"EMC"]
    assert split_last_glyph(b"[<0042>] TJ") == [ACTUAL_TEXT, b"[<0042>] TJ", b"EMC"]
    # Leave alone: anything not shaped as WeasyPrint's glyph runs.
    assert split_last_glyph(b"[<414>] TJ") is None
    assert split_last_glyph(b"0 0 m") is None


def test_installed_once_and_only_on_the_drawing_it_knows(monkeypatch: pytest.MonkeyPatch) -> None:
    from weasyprint.draw import text

    assert hyphens.install() and hyphens.install()
    assert not hasattr(text.draw_first_line.ebookify_original, "ebookify_original")  # wrapped once
    # Leave alone: a drawing function of another shape (a WeasyPrint that changed it).
    monkeypatch.setattr(text, "draw_first_line", lambda stream, textbox: None)
    assert not hyphens.install()


@pytest.mark.slow
def test_copied_text_joins_the_words_split_at_line_ends(tmp_path: Path) -> None:
    story = Story(
        "hyphens.txt",
        Metadata("Hyphens", ("Test Author",)),
        (Chapter("One", tuple(Paragraph((Span(SENTENCE * 3),)) for _ in range(4))),),
    )
    target = tmp_path / "narrow.pdf"
    target.write_bytes(render_pdf_bytes(make_book([story]), WriteOptions(page_size="70mm 140mm", jobs=1)))
    text = "\n".join(page_texts(target)[1:])  # the text pages, after the title page, with running heads
    words = set(re.findall(r"[A-Za-z]+", SENTENCE))
    found = set(re.findall(r"[A-Za-z]+", text))
    assert "‐" not in text and "\u00ad" not in text
    assert found <= words | {"Hyphens", "One", "by", "Test", "Author"}, (
        found - words
    )  # no "admin" or "istration"
    assert "administration" in found and "organisational" in found
    with Pdf.open(target) as pdf:
        contents = [page.obj.Contents for page in pdf.pages]
        streams = [s for c in contents for s in (c if isinstance(c, Array) else [c])]
        marked = sum(stream.read_bytes().count(b"/ActualText") for stream in streams)
    assert marked >= 5  # the hyphens are still drawn, each in its span
