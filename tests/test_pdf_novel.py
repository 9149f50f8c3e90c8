"""The Jack Sheppard novel as a PDF: outline, metadata, tags, fonts, and contents that tell the truth."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ebookify import WriteOptions, write_pdf

from .pdf_books import jack_sheppard, lines, page_texts


@pytest.mark.slow
def test_jack_sheppard_pdf(tmp_path: Path) -> None:
    book = jack_sheppard()
    titles = [chapter.title or "" for chapter in book.stories[0].chapters]
    assert len(titles) == 58
    target = write_pdf(book, tmp_path / "jack.pdf", WriteOptions())
    reader = PdfReader(target)

    # Outline: every chapter, in order.
    outline = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in outline] == titles

    # Metadata and tags.
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author) == ("Jack Sheppard", "William Harrison Ainsworth")
    assert meta.subject == book.metadata.summary and meta.get("/Keywords") == "Historical, Adventure"
    root: Any = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "en" and "/StructTreeRoot" in root

    # Fonts embedded and subset.
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", row) for row in rows), fonts

    # The contents' page numbers are where the chapters really start, and the outline agrees.
    texts = page_texts(target)
    labels = reader.page_labels
    contents = " ".join(" ".join(lines(texts[i])) for i, label in enumerate(labels) if not label.isdigit())
    by_label = {label: index for index, label in enumerate(labels)}
    for title, item in zip(titles, outline, strict=True):
        match = re.search(rf"{re.escape(title)}[ .]*?(\d+)\b", contents)
        assert match, title
        page = by_label[match.group(1)]
        assert " ".join(lines(texts[page])[:3]).startswith(title), title  # the heading opens the page
        assert reader.get_destination_page_number(item) == page
