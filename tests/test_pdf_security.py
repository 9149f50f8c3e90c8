"""Hostile and broken text in a PDF: printed literally, nothing fetched or embedded, nothing lost."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ebookify import (
    Chapter,
    Metadata,
    Paragraph,
    Span,
    Story,
    WriteOptions,
    make_book,
    write_pdf,
)
from ebookify.errors import OptionsError
from ebookify.render.pdf.weasy.fetcher import INTERNAL_PREFIX

from .pdf_books import lines, page_texts

HOSTILE = (
    '<img src="file:///etc/passwd">',
    '<a rel="attachment" href="file:///etc/passwd">x</a>',
    '<link href="http://127.0.0.1:9/x.css">',
)
LONG_WORD = "abcdefghij" * 5000  # 50,000 characters without a space


def _flat(text: str) -> str:
    # pdftotext adds line breaks, and hyphenation adds U+2010 at line ends.
    return re.sub(r"[\s\u2010\u00ad]", "", text)


@pytest.mark.slow
def test_markup_in_story_and_metadata_is_printed_not_followed(tmp_path: Path, fetched: list[str]) -> None:
    meta = Metadata(title="Evil " + HOSTILE[0], authors=(HOSTILE[1],), summary=HOSTILE[2], genres=HOSTILE)
    chapter = Chapter(HOSTILE[2], tuple(Paragraph((Span(f"Text {h} end."),)) for h in HOSTILE))
    book = make_book([Story("evil.txt", meta, (chapter,), end_notes=(Paragraph((Span(HOSTILE[1]),)),))])
    target = write_pdf(book, tmp_path / "evil.pdf", WriteOptions(jobs=1))

    assert all(url.startswith(INTERNAL_PREFIX) for url in fetched), fetched  # only our own cover
    reader = PdfReader(target)
    assert reader.metadata is not None and reader.metadata.title == "Evil " + HOSTILE[0]
    assert reader.metadata.author == HOSTILE[1]
    root: Any = reader.trailer["/Root"]
    assert "/EmbeddedFiles" not in root.get("/Names", {})
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object()["/Subtype"] != "/FileAttachment"
    assert b"root:" not in target.read_bytes()  # /etc/passwd's first line is never in the file
    text = _flat("".join(page_texts(target)))
    for hostile in HOSTILE:
        assert text.count(_flat(hostile)) >= 2, hostile  # on the title page and in the text


@pytest.mark.slow
def test_a_50000_character_word_and_a_lone_surrogate_lose_nothing(tmp_path: Path) -> None:
    paragraphs = (
        Paragraph((Span("Before the long word."),)),
        Paragraph((Span(LONG_WORD),)),
        Paragraph((Span("Broken \ud800surrogate and the rest of the paragraph."),)),
    )
    story = Story("long.txt", Metadata("Long \udfff word"), (Chapter("One", paragraphs),))
    target = write_pdf(make_book([story]), tmp_path / "long.pdf", WriteOptions(jobs=1))
    furniture = {"Long word", "One"}  # running heads; folios are the lines of digits
    kept = [
        line
        for page in page_texts(target)
        for line in lines(page)
        if line not in furniture and not line.isdigit()
    ]
    text = _flat("".join(kept))
    assert LONG_WORD in text
    assert _flat("Broken surrogate and the rest of the paragraph.") in text
    assert PdfReader(target).metadata.title == "Long  word"  # type: ignore[union-attr]


@pytest.mark.slow
def test_a_style_that_asks_for_a_local_file_fails_loudly(tmp_path: Path) -> None:
    css = tmp_path / "evil.css"
    css.write_text('body { background: url("file:///etc/passwd"); }', encoding="utf-8")
    story = Story("s.txt", Metadata("S"), (Chapter(None, (Paragraph((Span("Hello."),)),)),))
    target = tmp_path / "s.pdf"
    # Refused before layout, as for the EPUB (render/stylesheets.py): an options error naming the file.
    with pytest.raises(OptionsError, match="passwd"):
        write_pdf(make_book([story]), target, WriteOptions(style=str(css), jobs=1))
    assert not target.exists()
    # Leave alone: a harmless user style renders.
    css.write_text("body { color: #222; }", encoding="utf-8")
    assert write_pdf(make_book([story]), target, WriteOptions(style=str(css), jobs=1)).exists()
