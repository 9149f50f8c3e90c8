"""Very long metadata values are cut where the PDF sets them on a page, and kept whole in its metadata."""

from __future__ import annotations

import time
from pathlib import Path

import pikepdf

from ebookify.cli import main
from ebookify.model import Metadata
from ebookify.render.pdf.display import FIELD_LIMIT, TITLE_LIMIT, shortened, shown_metadata

from .pdf_books import page_texts


def test_a_value_within_the_limit_is_left_whole() -> None:
    assert shortened("A Study in Scarlet", 30) == "A Study in Scarlet"
    assert shortened("x" * 30, 30) == "x" * 30


def test_a_long_value_is_cut_at_a_word_near_the_limit() -> None:
    assert shortened("one two three four five six", 20) == "one two three four…"


def test_a_long_word_is_cut_at_the_limit() -> None:
    cut = shortened("x" * 60_000, 300)
    assert cut == "x" * 299 + "…" and len(cut) == 300
    assert shortened("a " + "x" * 100, 50) == "a " + "x" * 47 + "…"  # the only space is too early


def test_shown_metadata_cuts_every_text_value_and_keeps_hidden_keys_matching() -> None:
    key = "K" * (FIELD_LIMIT + 10)
    meta = Metadata(
        title="T" * 1000,
        authors=("A" * 5000, "Ann"),
        language="en",
        summary="S" * 5000,
        fields=((key, "v"), ("Rating", "R" * 5000)),
        hidden=(key,),
    )
    shown = shown_metadata(meta)
    assert len(shown.title) == TITLE_LIMIT and shown.authors[1] == "Ann"
    assert len(shown.authors[0]) == len(shown.summary or "") == len(shown.fields[1][1]) == FIELD_LIMIT
    assert shown.fields[0][0] in shown.hidden and shown.language == "en"


def test_a_60000_character_title_word_converts_quickly_and_stays_whole_in_the_metadata(
    tmp_path: Path,
) -> None:
    # It took 42 s (159 title pages, each line of the word laid out by WeasyPrint); a 30 s bound catches its
    # return even on a loaded machine. benchmarks/bench_cover_title.py times it (target 2 s).
    title = "x" * 60_000
    source = tmp_path / "story.txt"
    source.write_text(f"Title: {title}\nAuthor: A. Writer\n\nThe first paragraph.\n\nThe second one.\n")
    start = time.perf_counter()
    assert main([str(source), "-o", str(tmp_path / "book.pdf"), "-q", "--jobs", "1"]) == 0
    assert time.perf_counter() - start < 30
    with pikepdf.open(tmp_path / "book.pdf") as pdf:
        assert str(pdf.docinfo.Title) == title
        assert len(pdf.pages) <= 4
    title_page = next(page for page in page_texts(tmp_path / "book.pdf") if "A. Writer" in page)
    shown = "".join(title_page.split("by A. Writer")[0].split())
    assert shown == "x" * (TITLE_LIMIT - 1) + "…"
