"""The EPUB package metadata: language tags, dates, identifier, creators, subjects, series, accessibility."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from ebookify import write_epub
from ebookify.model import Book, Chapter, Metadata, Paragraph, Span, Story
from ebookify.normalize.matter.dates import w3c_date
from ebookify.render.epub import opf
from ebookify.render.epub.opf import book_identifier, language_tag

OPF_NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
# The vocabularies of the EPUB Accessibility / schema.org properties (EPUBCheck does not check values).
ACCESS_MODE_VOCABULARY = {
    "auditory",
    "chartOnVisual",
    "chemOnVisual",
    "colorDependent",
    "diagramOnVisual",
    "mathOnVisual",
    "musicOnVisual",
    "tactile",
    "textOnVisual",
    "textual",
    "visual",
}
FEATURE_VOCABULARY = {
    "alternativeText",
    "annotations",
    "ARIA",
    "audioDescription",
    "bookmarks",
    "braille",
    "captions",
    "ChemML",
    "describedMath",
    "displayTransformability",
    "highContrastAudio",
    "highContrastDisplay",
    "index",
    "largePrint",
    "latex",
    "longDescription",
    "MathML",
    "none",
    "printPageNumbers",
    "pageBreakMarkers",
    "pageNavigation",
    "readingOrder",
    "rubyAnnotations",
    "signLanguage",
    "structuralNavigation",
    "synchronizedAudioText",
    "tableOfContents",
    "taggedPDF",
    "tactileGraphic",
    "tactileObject",
    "timingControl",
    "transcript",
    "ttsMarkup",
    "unlocked",
}
HAZARD_VOCABULARY = {
    "flashing",
    "noFlashingHazard",
    "motionSimulation",
    "noMotionSimulationHazard",
    "sound",
    "noSoundHazard",
    "unknown",
    "none",
}


def story(title: str = "A Story", text: str = "Some text.", **meta: Any) -> Story:
    metadata = Metadata(title=title, **meta)
    return Story("s.txt", metadata, (Chapter(None, (Paragraph((Span(text),)),)),))


def book_of(*stories: Story, editor: str | None = None) -> Book:
    return Book(stories[0].metadata, stories, editor=editor)


def package(book: Book, tmp_path: Path) -> etree._Element:
    target = tmp_path / "book.epub"
    write_epub(book, target)
    return etree.fromstring(zipfile.ZipFile(target).read("EPUB/content.opf"))


def meta_values(root: etree._Element, prop: str) -> list[str]:
    return [str(e.text) for e in root.iterfind(f".//opf:meta[@property='{prop}']", OPF_NS)]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("en", "en"),
        ("en_US", "en-US"),
        ("pt-BR", "pt-BR"),
        ("English", "en"),
        ("français", "fr"),
        ("zh-Hant-TW", "zh-Hant-TW"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_language_tag_makes_header_values_bcp47(given: str | None, expected: str) -> None:
    assert language_tag(given) == expected


def test_language_tag_replaces_what_is_not_a_language_with_en(caplog: pytest.LogCaptureFixture) -> None:
    assert language_tag("Klingon dialect, mostly") == "en"
    assert language_tag("en-12") == "en"  # looks like a tag, but no region is two digits
    assert "not a language code" in caplog.text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2010-05-03", "2010-05-03"),
        ("2010/5/3", "2010-05-03"),
        ("May 3, 2010", "2010-05-03"),
        ("3rd May 2010", "2010-05-03"),
        ("Sept. 14, 2009", "2009-09-14"),
        ("25/12/2011", "2011-12-25"),
        ("12/25/2011", "2011-12-25"),
        ("2009", "2009"),
    ],
)
def test_w3c_date_reads_unambiguous_dates(given: str, expected: str) -> None:
    assert w3c_date(given) == expected


@pytest.mark.parametrize("given", ["03/05/2010", "sometime last year", "2010-02-30", "Smarch 3, 2010", None])
def test_w3c_date_does_not_guess(given: str | None) -> None:
    result = w3c_date(given)
    # An ambiguous day/month keeps only its year; an unreadable or impossible date gives nothing.
    assert result == ("2010" if given == "03/05/2010" else None)


def test_identifier_is_stable_for_the_same_story_and_changes_with_the_text() -> None:
    first = book_identifier(book_of(story()))
    assert first == book_identifier(book_of(story()))
    assert first.startswith("urn:uuid:")
    assert first != book_identifier(book_of(story(text="Other text.")))
    assert first != book_identifier(book_of(story(title="Another Title")))


def test_package_metadata_lists_everything_a_library_shows(tmp_path: Path) -> None:
    meta: dict[str, Any] = dict(
        authors=("Ann", "Bob"),
        summary="What happens.",
        rating="T",
        genres=("Romance",),
        fandoms=("Naruto",),
        pairings=("SasuSaku",),
        characters=("Sakura",),
        warnings=("Violence",),
        series="Saga",
        series_index=2.0,
        published="2010-05-03",
        language="fr",
    )
    root = package(book_of(story(**meta)), tmp_path)
    texts = {
        name: [str(e.text) for e in root.iterfind(f".//dc:{name}", OPF_NS)]
        for name in ("title", "creator", "language", "description", "subject", "date", "identifier")
    }
    assert texts["title"] == ["A Story"]
    assert texts["creator"] == ["Ann", "Bob"]
    assert texts["language"] == ["fr"]
    assert texts["description"] == ["What happens."]
    assert texts["subject"] == ["Naruto", "Romance", "SasuSaku", "Sakura", "Violence", "Rating: T"]
    assert texts["date"] == ["2010-05-03"]
    assert texts["identifier"] == [book_identifier(book_of(story(**meta)))]
    creators = root.findall(".//dc:creator", OPF_NS)
    roles = {e.get("refines"): e.text for e in root.iterfind(".//opf:meta[@property='role']", OPF_NS)}
    assert [roles[f"#{c.get('id')}"] for c in creators] == ["aut", "aut"]
    assert meta_values(root, "belongs-to-collection") == ["Saga"]
    assert meta_values(root, "group-position") == ["2"]
    calibre = {e.get("name"): e.get("content") for e in root.iterfind(".//opf:meta[@name]", OPF_NS)}
    assert calibre["calibre:series"] == "Saga" and calibre["calibre:series_index"] == "2"
    assert calibre["cover"] == "cover-image"
    assert meta_values(root, "dcterms:modified") == ["2000-01-01T00:00:00Z"]


def test_package_metadata_leaves_out_what_is_unknown(tmp_path: Path) -> None:
    root = package(book_of(story()), tmp_path)
    for name in ("creator", "description", "subject", "date", "contributor"):
        assert root.find(f".//dc:{name}", OPF_NS) is None, name
    assert meta_values(root, "belongs-to-collection") == []


def test_editor_is_a_contributor_with_role_edt(tmp_path: Path) -> None:
    book = book_of(story(authors=("Ann",)), story("Two", authors=("Bob",)), editor="Ed")
    root = package(replace(book, metadata=Metadata(title="Both", authors=("Ann", "Bob"))), tmp_path)
    contributor = root.find(".//dc:contributor", OPF_NS)
    assert contributor is not None and contributor.text == "Ed"
    role = root.find(f".//opf:meta[@refines='#{contributor.get('id')}']", OPF_NS)
    assert role is not None and role.text == "edt" and role.get("scheme") == "marc:relators"


def test_modified_date_honours_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = package(book_of(story()), tmp_path)
    assert meta_values(root, "dcterms:modified") == ["2023-11-14T22:13:20Z"]


def test_accessibility_metadata_uses_only_vocabulary_values(tmp_path: Path) -> None:
    root = package(book_of(story()), tmp_path)
    modes = meta_values(root, "schema:accessMode")
    assert modes and set(modes) <= ACCESS_MODE_VOCABULARY
    assert "visual" in modes  # the book has a cover image
    sufficient = meta_values(root, "schema:accessModeSufficient")
    assert sufficient and all(set(v.split(",")) <= ACCESS_MODE_VOCABULARY for v in sufficient)
    features = meta_values(root, "schema:accessibilityFeature")
    assert features and set(features) <= FEATURE_VOCABULARY
    hazards = meta_values(root, "schema:accessibilityHazard")
    assert hazards and set(hazards) <= HAZARD_VOCABULARY
    assert len(meta_values(root, "schema:accessibilitySummary")[0]) > 40


def test_accessibility_claims_match_the_book_without_a_cover() -> None:
    entries = opf._accessibility_entries(has_cover=False)
    values = {(e.name, e.value) for e in entries}
    assert ("schema:accessMode", "visual") not in values
    assert ("schema:accessibilityFeature", "alternativeText") not in values
    assert ("schema:accessMode", "textual") in values


def test_metadata_control_characters_are_removed_not_the_whole_field(tmp_path: Path) -> None:
    # ebooklib silently drops a metadata element that holds a control character.
    root = package(book_of(story(title="Bad\x0bTitle", authors=("An\x1bn",))), tmp_path)
    assert [e.text for e in root.iterfind(".//dc:title", OPF_NS)] == ["BadTitle"]
    assert [e.text for e in root.iterfind(".//dc:creator", OPF_NS)] == ["Ann"]
