"""Hardening, size: huge lines, words and paragraphs, many paragraphs and chapters lose no text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ebookify import Story, WriteOptions, make_book, normalize_bytes, write_epub

from .epubcheck import check_many
from .hardening import assert_book_matches, paragraphs

# Megabytes of text per test (seconds each): make test runs them; their times are benchmarks/bench_sizes.py's.
pytestmark = pytest.mark.slow

WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "a",
    "lazy",
    "dog",
    "and",
    "then",
    "she",
    "said",
    "nothing",
    "at",
    "all",
]


def _words(count: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _story(text: str, name: str) -> Story:
    return normalize_bytes(f"Title: {name}\n\n{text}\n".encode(), f"{name}.txt")


def _write(story: Story, folder: Path) -> Path:
    """The EPUB of one story, checked to hold exactly the model's text."""
    book = make_book([story])
    target = write_epub(book, folder / f"{story.metadata.title}.epub")
    assert_book_matches(target, book)
    return target


LINE = _words(200_000, 1)[: 2**20]
LONG_WORD = "abcdefghij" * 20_000
LONG_PARAGRAPH = _words(100_000, 2) + "."
TINY = [f"Line {n}." for n in range(100_000)]
# name: the story's text (benchmarks/bench_sizes.py times the same cases against their bounds)
MODERATE = {
    "line-1mb": LINE,
    "word-200k": f"Before. {LONG_WORD} after.",
    "para-100k": LONG_PARAGRAPH,
    "tiny-paragraphs": "\n\n".join(TINY),
}


@pytest.fixture(scope="module")
def sized(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Story, Path]]:
    """Each moderate case normalized and written as an EPUB."""
    folder = tmp_path_factory.mktemp("size")
    books = {}
    for name, text in MODERATE.items():
        story = _story(text, name)
        books[name] = (story, _write(story, folder))
    return books


def test_a_one_megabyte_line_is_one_paragraph(sized: dict[str, tuple[Story, Path]]) -> None:
    assert paragraphs(sized["line-1mb"][0]) == [LINE.rstrip()]


def test_a_200000_character_word_is_kept_whole(sized: dict[str, tuple[Story, Path]]) -> None:
    assert paragraphs(sized["word-200k"][0]) == [f"Before. {LONG_WORD} after."]


def test_a_100000_word_paragraph_is_one_paragraph(sized: dict[str, tuple[Story, Path]]) -> None:
    assert paragraphs(sized["para-100k"][0]) == [LONG_PARAGRAPH]


def test_100000_tiny_paragraphs_are_all_kept(sized: dict[str, tuple[Story, Path]]) -> None:
    assert paragraphs(sized["tiny-paragraphs"][0]) == TINY


def test_10000_chapter_headings_lose_no_text(tmp_path: Path) -> None:
    text = "\n\n".join(f"Chapter {n}\n\nThe text of chapter {n}." for n in range(1, 10_001))
    story = _story(text, "chapters-10k")
    assert len(story.chapters) >= 9_999
    headings = [c.title for c in story.chapters if c.title]
    assert headings[:3] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    body = [p for p in paragraphs(story) if p.startswith("The text")]
    assert body == [f"The text of chapter {n}." for n in range(1, 10_001)]
    _write(story, tmp_path)


@pytest.mark.slow
def test_a_12_megabyte_line_is_written_whole(tmp_path: Path) -> None:
    # ebooklib drops a text run of 10 MB or more (libxml2's limit): the writer must not lose it.
    line = (_words(20_000, 3) + " ") * 140
    assert len(line) > 12_000_000
    story = _story(line, "line-12mb")
    assert paragraphs(story) == [line.strip()]
    _write(story, tmp_path)


@pytest.mark.slow
def test_the_moderate_size_books_pass_epubcheck(sized: dict[str, tuple[Story, Path]]) -> None:
    # The 10,000-chapter book is left out: EPUBCheck needs minutes for 10,000 documents.
    books = [path for _, path in sized.values()]
    assert check_many(books) == {book: [] for book in books}


@pytest.mark.slow
def test_a_200000_character_word_in_a_pdf_loses_nothing(tmp_path: Path) -> None:
    from ebookify import write_pdf

    from .pdf_books import lines, page_texts

    story = _story(f"Before. {LONG_WORD} after.", "pdf-word")
    target = write_pdf(make_book([story]), tmp_path / "word.pdf", WriteOptions(jobs=1))
    # Running heads (the title) and folios (digits) sit between the pages' pieces of the word.
    kept = [line for page in page_texts(target) for line in lines(page) if line != "pdf-word"]
    # A line-end hyphen is the hyphenation mark, not the word's: WeasyPrint draws U+2010, which the PDF's
    # /ActualText gives as "-" (render/pdf/weasy/hyphens.py); the word itself has no hyphen.
    pieces = ["".join(line.split()).removesuffix("-") for line in kept if not line.isdigit()]
    assert LONG_WORD in "".join(pieces).replace("\u2010", "").replace("\u00ad", "")
