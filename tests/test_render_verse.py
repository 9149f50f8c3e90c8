"""Verse in both writers: stanza markup, inspect's shape, the EPUB read-back check and EPUBCheck."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ebookify import write_epub
from ebookify.inspect import story_to_dict, story_to_text
from ebookify.model import Book, Chapter, Metadata, Paragraph, Span, Story, Verse, VerseLine
from ebookify.render.html import blocks_html

from .epubcheck import check_many

STANZA = Verse(
    (
        VerseLine((Span("From fairest creatures we desire increase,"),)),
        VerseLine((Span("That thereby "), Span("beauty’s", "emphasis"), Span(" rose might never die,"))),
        VerseLine((Span("Pity the world, or else this glutton be,"),), indent=1),
    )
)


def _story() -> Story:
    blocks = (Paragraph((Span("He read aloud:"),)), STANZA, STANZA, Paragraph((Span("And stopped."),)))
    return Story("poem.txt", Metadata(title="Verses", authors=("Ann",)), (Chapter("One", blocks),))


def test_a_stanza_is_one_paragraph_of_block_lines_with_levels() -> None:
    html = blocks_html([STANZA, Paragraph((Span("After."),))])
    first = '<p class="stanza"><span class="line">From fairest creatures we desire increase,</span>'
    assert html.startswith(first)
    assert '<br/><span class="line i1">Pity the world' in html
    assert "<em>beauty’s</em>" in html
    # The paragraph after a poem is an ordinary (indented) one.
    assert html.endswith("\n<p>After.</p>")


def test_a_negative_indent_is_refused() -> None:
    with pytest.raises(ValueError):
        VerseLine((Span("x"),), indent=-1)


def test_inspect_prints_verse_lines_with_their_indent() -> None:
    block = story_to_dict(_story())["chapters"][0]["blocks"][1]
    assert block["type"] == "verse"
    assert block["lines"][2] == {"indent": 1, "spans": [{"text": STANZA.lines[2].text, "style": "plain"}]}
    json.dumps(block)
    assert "|   Pity the world" in story_to_text(_story())


def test_verse_survives_the_epub_read_back_check(tmp_path: Path) -> None:
    target = tmp_path / "verse.epub"
    write_epub(Book(_story().metadata, (_story(),)), target)  # raises WriterError when text was lost
    with zipfile.ZipFile(target) as archive:
        names = [n for n in archive.namelist() if n.endswith(".xhtml")]
        text = "".join(archive.read(n).decode() for n in names)
    assert text.count('<p class="stanza">') == 2


@pytest.mark.slow
def test_a_book_with_verse_passes_epubcheck(tmp_path: Path) -> None:
    target = tmp_path / "verse.epub"
    write_epub(Book(_story().metadata, (_story(),)), target)
    assert check_many([target]) == {target: []}
