"""Sub-headings in both writers: a section's title as a small heading, a dateline set to the right."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ebookify import write_epub
from ebookify.inspect import story_to_dict, story_to_text
from ebookify.model import Book, Chapter, Metadata, Paragraph, Span, Story, Subheading, SubheadingRole
from ebookify.options import WriteOptions
from ebookify.render.epub.verify import model_pieces
from ebookify.render.html import blocks_html, chapter_html

from .epubcheck import check_many

SECTION = Subheading((Span("A. First Choices"),), SubheadingRole.SECTION)
DATELINE = Subheading((Span("St. Petersburgh, Dec. 11th, 17—."),), SubheadingRole.DATELINE)
TEXT = Paragraph((Span("You will rejoice to hear that no disaster has accompanied the commencement."),))


def _story() -> Story:
    blocks = (DATELINE, TEXT, TEXT, SECTION, TEXT, TEXT)
    return Story("letter.txt", Metadata(title="Letters", authors=("Ann",)), (Chapter("Letter 1", blocks),))


def test_a_section_is_a_heading_under_the_chapters_and_a_dateline_a_line_to_the_right() -> None:
    html = blocks_html([TEXT, SECTION, TEXT, DATELINE, TEXT])
    assert '<h3 class="section-title">A. First Choices</h3>' in html
    assert '<p class="dateline">St. Petersburgh, Dec. 11th, 17—.</p>' in html
    # The paragraph under either starts flush, like a chapter's first.
    assert html.count('<p class="first">') == 3
    # A chapter headed by an h3 (an anthology's PDF) has its sections one level down.
    assert '<h4 class="section-title">' in chapter_html(Chapter("One", (SECTION, TEXT)), heading="h3")


def test_inspect_prints_the_role_and_never_calls_it_a_paragraph() -> None:
    blocks = story_to_dict(_story())["chapters"][0]["blocks"]
    assert blocks[0] == {
        "type": "subheading",
        "role": "dateline",
        "spans": [{"text": DATELINE.text, "style": "plain"}],
    }
    assert blocks[3]["type"] == "subheading" and blocks[3]["role"] == "section"
    json.dumps(blocks)
    text = story_to_text(_story())
    assert "[dateline] St. Petersburgh" in text and "[section] A. First Choices" in text


def test_subheadings_survive_the_epub_read_back_check(tmp_path: Path) -> None:
    target = tmp_path / "letters.epub"
    write_epub(Book(_story().metadata, (_story(),)), target)  # raises WriterError when text was lost
    with zipfile.ZipFile(target) as archive:
        names = [n for n in archive.namelist() if n.endswith(".xhtml")]
        text = "".join(archive.read(n).decode() for n in names)
        nav = archive.read(next(n for n in names if "nav" in n)).decode()
    assert '<h3 class="section-title">A. First Choices</h3>' in text
    assert '<p class="dateline">' in text
    # Sections are no entries of the book's navigation.
    assert "First Choices" not in nav


@pytest.mark.slow
def test_a_book_with_subheadings_passes_epubcheck(tmp_path: Path) -> None:
    target = tmp_path / "letters.epub"
    write_epub(Book(_story().metadata, (_story(),)), target)
    assert check_many([target]) == {target: []}


def test_the_read_back_check_looks_for_every_subheading() -> None:
    # A sub-heading the writer dropped would be missed without it among the model's pieces.
    pieces = list(model_pieces(Book(_story().metadata, (_story(),)), WriteOptions()))
    assert SECTION.text in pieces and DATELINE.text in pieces
