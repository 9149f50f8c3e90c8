"""One metadata contract: the same book built through the CLI, a manifest and the library has the same
metadata; an invalid language is a one-line error; writers only format what the model holds."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ebookify.book import make_book
from ebookify.cli import main
from ebookify.errors import OptionsError
from ebookify.model import Book, Chapter, Metadata, Paragraph, Span, Story
from ebookify.normalize import load_story
from ebookify.normalize.matter.languages import parse_language
from ebookify.options import StoryOverrides
from ebookify.render.epub import write_epub
from ebookify.render.epub.opf import package_metadata
from ebookify.render.pdf.sections import _document

STORY = (
    "Title: A Quiet Evening\nAuthor: Jane Doe\nPublished: March 5, 2010\n\nShe sat by the window and read.\n"
)


def _opf_metadata(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        opf = next(name for name in archive.namelist() if name.endswith(".opf"))
        text = archive.read(opf).decode("utf-8")
    return text[text.index("<metadata") : text.index("</metadata>")]


def test_cli_manifest_and_library_give_the_same_metadata(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    flags = ["--title", "THE QUIET EVENING.", "--author", "JANE  DOE", "--lang", "English"]
    assert main([str(story), *flags, "-o", str(tmp_path / "cli.epub"), "--quiet"]) == 0
    manifest = tmp_path / "book.toml"
    manifest.write_text(
        'title = "THE QUIET EVENING."\nauthors = ["JANE  DOE"]\nlanguage = "English"\n'
        '[[stories]]\npath = "story.txt"\ntitle = "THE QUIET EVENING."\nauthor = "JANE  DOE"\n'
        'language = "English"\n',
        encoding="utf-8",
    )
    assert main(["build", str(manifest), "-o", str(tmp_path / "manifest.epub"), "--quiet"]) == 0
    overrides = StoryOverrides(title="THE QUIET EVENING.", authors=("JANE  DOE",), language="English")
    book = make_book(
        [load_story(story, overrides=overrides)],
        title="THE QUIET EVENING.",
        authors=["JANE  DOE"],
        language="English",
    )
    write_epub(book, tmp_path / "library.epub")
    assert book.metadata.title == "The Quiet Evening" and book.metadata.authors == ("Jane Doe",)
    assert book.metadata.language == "en" and book.metadata.published == "2010-03-05"
    cli, from_manifest, library = (
        _opf_metadata(tmp_path / f"{n}.epub") for n in ("cli", "manifest", "library")
    )
    assert cli == from_manifest == library
    assert "<dc:date>2010-03-05</dc:date>" in library and "<dc:language>en</dc:language>" in library


def test_invalid_language_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(OptionsError):
        parse_language("Klingonese")
    assert parse_language("en_US") == "en-US" and parse_language("Deutsch") == "de"
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert main([str(story), "--lang", "Klingonese", "-o", str(tmp_path / "x.epub"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Klingonese" in err


def _book(meta: Metadata) -> Book:
    chapter = Chapter(None, (Paragraph((Span("Text."),)),))
    return Book(meta, (Story("x.txt", meta, (chapter,)),))


def test_writers_carry_contributors_rights_and_the_published_date() -> None:
    meta = Metadata(
        title="T",
        authors=("A",),
        published="2010-03-05",
        rights="Copyright 2010 by A",
        contributors=(("Ann Other", "trl"), ("Ivo Ill", "ill")),
    )
    entries = {(e.name, e.value) for e in package_metadata(_book(meta), "urn:x", False, "ebookify")}
    assert {
        ("contributor", "Ann Other"),
        ("role", "trl"),
        ("role", "ill"),
        ("rights", meta.rights),
    } <= entries
    assert ("date", "2010-03-05") in entries
    assert '<meta name="dcterms.created" content="2010-03-05"/>' in _document(meta, "", True)
    assert "dcterms.created" not in _document(Metadata(title="T"), "", True)
