"""Hardening, metadata: empty, huge or odd values, many authors, repeated titles, languages, unsafe names."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ebookify import (
    Chapter,
    Metadata,
    Paragraph,
    Span,
    Story,
    load_story,
    make_book,
    normalize_bytes,
    write_epub,
)

from .epubcheck import check_many
from .hardening import assert_book_matches, chapter_texts, opf_values, run_cli

BODY = "\nThe story itself, a paragraph long enough to be read as the text of a story.\n"
LONG = "Long title word " * 640  # about 10 KB
BAD_NAMES = "../../etc/passwd CON NUL: a/b\\c*?<>| .hidden ~"

# name: (the header as typed, the title, the authors and the dc:language the book must carry)
HEADERS: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "empty-fields": ("Title:\nAuthor:\nLanguage:\nSummary:\n", "Empty Fields", (), "en"),
    "long": (f"Title: {LONG}\nAuthor: {LONG}\nSummary: {LONG * 2}\n", LONG.strip(), (LONG.strip(),), "en"),
    "odd-characters": ("Title: \u202eevil\x01 \ufffe title\nAuthor: \u2066x\n", "evil title", ("x",), "en"),
    # Balanced tags are HTML (issue 22): read as text, never injected; a lone "<b>" is just characters.
    "markup": ("Title: <b>Bold</b> & co\nAuthor: <i>me</i>\n", "Bold & co", ("me",), "en"),
    "markup-unpaired": ("Title: a <b> tag & co\nAuthor: x < y\n", "a <b> tag & co", ("x < y",), "en"),
    "language-posix": ("Title: Posix\nLanguage: en_US\n", "Posix", (), "en-US"),
    "language-name": ("Title: Named\nLanguage: english\n", "Named", (), "en"),
    "language-junk": ("Title: Junk\nLanguage: Klingon!!\n", "Junk", (), "en"),
    "language-rtl": ("Title: שלום\nLanguage: he\nAuthor: מחבר\n", "שלום", ("מחבר",), "he"),
    "bad-file-name": (f"Title: {BAD_NAMES}\n", BAD_NAMES, (), "en"),
}


@pytest.fixture(scope="module")
def header_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each header case as a story file and the EPUB the CLI made of it."""
    folder = tmp_path_factory.mktemp("metadata")
    books = {}
    for name, (header, *_) in HEADERS.items():
        source = folder / f"{name}.txt"
        source.write_text(header + BODY, encoding="utf-8")
        target = folder / f"{name}.epub"
        result = run_cli([str(source), "-o", str(target), "-q"])
        assert result.code == 0, result
        books[name] = (source, target)
    return books


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_metadata_reaches_the_package(header_books: dict[str, tuple[Path, Path]], name: str) -> None:
    _, title, authors, language = HEADERS[name]
    source, target = header_books[name]
    story = load_story(source)
    assert (story.metadata.title, story.metadata.authors) == (title, authors)
    assert_book_matches(target, make_book([story]))
    assert opf_values(target, "title") == [title]
    assert opf_values(target, "creator") == list(authors)
    assert opf_values(target, "language") == [language]
    with zipfile.ZipFile(target) as archive:
        # File names inside the book never come from metadata (PKG-010, path traversal).
        assert all(name.isascii() and " " not in name and ".." not in name for name in archive.namelist())


def test_many_authors_and_flags_that_are_odd(tmp_path: Path) -> None:
    source = tmp_path / "many.txt"
    source.write_text("Title: Many\n" + BODY, encoding="utf-8")
    authors = [f"Author {n}" for n in range(200)] + ["Author 7", "", "<x>"]
    target = tmp_path / "many.epub"
    flags = [arg for author in authors for arg in ("--author", author)]
    result = run_cli([str(source), "-o", str(target), "--lang", "en_US", "--title", "\x00", *flags, "-q"])
    assert result.code == 0, result
    creators = opf_values(target, "creator")
    assert creators[:200] == authors[:200] and "<x>" in creators
    assert opf_values(target, "language") == ["en-US"]


@pytest.mark.slow
def test_every_metadata_case_passes_epubcheck(
    header_books: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    # Each JVM start costs seconds: the story-level cases go into one anthology (with the same title twice
    # and a story without any header), the book-level ones (the package's title, language) stay books.
    sources = [source for source, _ in header_books.values()]
    for name, text in (("twin-1", "Title: Twice\n"), ("twin-2", "Title: Twice\n"), ("bare", "")):
        sources.append(tmp_path / f"{name}.txt")
        sources[-1].write_text(text + BODY, encoding="utf-8")
    anthology = tmp_path / "all-headers.epub"
    assert run_cli([*map(str, sources), "-o", str(anthology), "-q"]).code == 0
    assert_book_matches(anthology, make_book([load_story(s) for s in sources]))
    singles = [header_books[name][1] for name in ("long", "language-rtl", "bad-file-name")]
    blank = write_epub(make_book([_blank_story()]), tmp_path / "blank.epub")
    paths = [anthology, *singles, blank]
    assert check_many(paths) == {path: [] for path in paths}


def test_clean_value_cleans_flags_like_story_text() -> None:
    from ebookify.normalize.decode.cleanup import clean_value

    # Catch: controls, unclosed bidi overrides, NFD and runs of spaces in a title typed on the command line.
    assert clean_value("  Cafe\u0301\x00  \u202eTitle\t ") == "Café Title"
    # Leave alone: closed bidi isolates, emoji and a summary's line breaks (when asked to keep lines).
    assert clean_value("\u2067שלום\u2069 🙂") == "\u2067שלום\u2069 🙂"
    assert clean_value("Line one.\nLine two.", one_line=False) == "Line one.\nLine two."


def _blank_story() -> Story:
    """A model built by hand with nothing to show as its title and authors that are blank or invisible."""
    meta = Metadata(" \x00 ", authors=("", "\x01", "Real Author"), language="\x00")
    return Story("blank.txt", meta, (Chapter(None, (Paragraph((Span("Text."),)),)),))


def test_blank_metadata_gets_a_title_and_loses_blank_authors(tmp_path: Path) -> None:
    from ebookify.render.blank_metadata import showable_book

    # Catch: EPUB forbids an empty title or creator, so the writer fills in and leaves out.
    target = write_epub(make_book([_blank_story()]), tmp_path / "blank.epub")
    assert opf_values(target, "title") == ["Untitled"]
    assert opf_values(target, "creator") == ["Real Author"]
    assert chapter_texts(target) == ["Text."]
    # Leave alone: a book whose title and authors can be shown is the same object.
    book = make_book([load_story_text("Title: Shown\nAuthor: Someone\n" + BODY)])
    assert showable_book(book).metadata is book.metadata


def load_story_text(text: str) -> Story:
    return normalize_bytes(text.encode(), "story.txt")
