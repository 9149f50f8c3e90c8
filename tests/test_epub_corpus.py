"""EPUBs of every input in tests/data pass EPUBCheck with no message at all; Calibre reads the metadata."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ebookify import load_story, make_book, write_epub
from ebookify.model import Book, Chapter, Metadata, Paragraph, Span, Story
from ebookify.options import WriteOptions

from .conftest import DATA
from .epubcheck import check_many, require_ebook_meta

INPUTS = (
    sorted(DATA.glob("*.txt"))
    + sorted((DATA / "variants").glob("*.txt"))
    + sorted((DATA / "gutenberg").glob("*.txt"))
)


@pytest.mark.slow
def test_every_corpus_epub_passes_epubcheck_without_any_message(tmp_path: Path) -> None:
    assert len(INPUTS) == 10
    books = []
    for source in INPUTS:
        target = tmp_path / f"{source.stem}.epub"
        write_epub(make_book([load_story(source)]), target)
        books.append(target)
    # The styles and an anthology with an editor go through the same check (one JVM batch per module).
    modern = tmp_path / "modern.epub"
    write_epub(make_book([load_story(INPUTS[0])]), modern, WriteOptions(style="modern", include_notes=False))
    anthology = tmp_path / "anthology.epub"
    write_epub(make_book([load_story(p) for p in INPUTS[:2]], title="Two", editor="Ed"), anthology)
    reports = check_many([*books, modern, anthology])
    assert {path.name: messages for path, messages in reports.items() if messages} == {}


def test_cli_and_library_builds_are_byte_identical(tmp_path: Path) -> None:
    source = DATA / "goodbye-my-almost-lover.txt"
    library = tmp_path / "library.epub"
    write_epub(make_book([load_story(source)]), library)
    for name in ("cli-1.epub", "cli-2.epub"):
        subprocess.run(
            [sys.executable, "-m", "ebookify", str(source), "-o", str(tmp_path / name), "-q"], check=True
        )
        assert (tmp_path / name).read_bytes() == library.read_bytes()


def _calibre_book() -> Book:
    meta = Metadata(
        title="The Long Way Round",
        authors=("Ann Author", "Bob Writer"),
        genres=("Romance",),
        fandoms=("Naruto",),
        series="Seasons",
        series_index=3.0,
        summary="A journey.",
    )
    chapter = Chapter("One", (Paragraph((Span("Text."),)),))
    return Book(meta, (Story("s.txt", meta, (chapter,)),))


@pytest.mark.slow
def test_calibre_reads_title_authors_tags_and_series(tmp_path: Path) -> None:
    ebook_meta = require_ebook_meta()
    target = tmp_path / "book.epub"
    write_epub(_calibre_book(), target)
    out = subprocess.run([ebook_meta, str(target)], capture_output=True, text=True, check=True).stdout
    fields = dict(re.findall(r"^(\S[^:]*?)\s*:\s(.*)$", out, re.M))
    assert fields["Title"] == "The Long Way Round"
    assert fields["Author(s)"] == "Ann Author & Bob Writer"
    assert fields["Tags"] == "Naruto, Romance"
    assert fields["Series"] == "Seasons #3"
    assert fields["Languages"] == "eng"
    assert fields["Comments"] == "A journey."


@pytest.mark.slow
def test_calibre_reads_title_author_language_and_date_of_every_gutenberg_book(tmp_path: Path) -> None:
    ebook_meta = require_ebook_meta()
    for source in sorted((DATA / "gutenberg").glob("*.txt")):
        story = load_story(source)
        target = write_epub(make_book([story]), tmp_path / f"{source.stem}.epub")
        out = subprocess.run([ebook_meta, str(target)], capture_output=True, text=True, check=True).stdout
        fields = dict(re.findall(r"^(\S[^:]*?)\s*:\s(.*)$", out, re.M))
        meta = story.metadata
        assert meta.published, source.name  # each has a Release Date
        assert (fields["Title"], fields["Author(s)"]) == (meta.title, " & ".join(meta.authors)), source.name
        assert fields["Languages"] == "eng", source.name
        assert fields["Published"].startswith(meta.published[:10]), source.name
