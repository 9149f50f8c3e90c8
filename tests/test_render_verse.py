"""Verse in both writers: stanzas, hung quotes, inspect's shape, the EPUB read-back check and EPUBCheck."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from ebookify import write_epub, write_pdf
from ebookify.inspect import story_to_dict, story_to_text
from ebookify.model import Book, Chapter, Metadata, Paragraph, Quote, Span, Story, Verse, VerseLine
from ebookify.options import WriteOptions
from ebookify.render.html import blocks_html

from .epubcheck import check_many
from .pdf_books import page_texts

STANZA = Verse(
    (
        VerseLine((Span("From fairest creatures we desire increase,"),)),
        VerseLine((Span("That thereby "), Span("beauty’s", "emphasis"), Span(" rose might never die,"))),
        VerseLine((Span("Pity the world, or else this glutton be,"),), indent=1),
    )
)


HUNG = Verse(
    (
        VerseLine((Span("How doth the little crocodile"),), hang="“"),
        VerseLine((Span("Improve his shining tail,"),), indent=1),
        VerseLine((Span("Then pour the waters of the Nile"),)),
        VerseLine((Span("On every golden scale!”"),), indent=1, hang="«"),
    )
)


def _story() -> Story:
    blocks = (Paragraph((Span("He read aloud:"),)), STANZA, STANZA, Paragraph((Span("And stopped."),)), HUNG)
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
    assert text.count('<p class="stanza">') == 3
    assert '<span class="line"><span class="hang">“</span>How doth' in text


def test_a_hung_quote_is_its_own_span_at_any_level_and_inside_a_quote_block() -> None:
    html = blocks_html([Quote((HUNG,))])
    assert (
        '<blockquote class="quote">\n<p class="stanza"><span class="line"><span class="hang">“</span>How'
        in html
    )
    assert '<span class="line i1"><span class="hang">«</span>On every golden scale!”</span>' in html
    assert '<span class="line">Then pour' in html  # a line without a quote has no hang


@pytest.mark.parametrize("style", ["classic", "modern"])
def test_both_styles_hang_the_mark_left_of_the_text_edge(style: str) -> None:
    css = (Path(__file__).parent.parent / "styles" / f"{style}.css").read_text(encoding="utf-8")
    rule = re.search(r"p\.stanza span\.hang \{([^}]*)\}", css)
    assert rule is not None
    # A box as wide as it is pulled left holds the mark at its right edge: the words keep their place.
    assert "width: 1em" in rule.group(1) and "margin-left: -1em" in rule.group(1)
    assert "text-align: right" in rule.group(1) and "direction" not in rule.group(1)  # rtl mirrors « into »


def _word_lefts(pdf: Path) -> dict[str, float]:
    """The left edge (pt) of each word pdftotext finds in the PDF, by the word's text."""
    found = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    words = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]+)</word>', found.stdout)
    return {text: float(left) for left, text in words}


@pytest.mark.slow
def test_the_pdf_hangs_the_quote_in_the_margin_and_copies_it_with_its_line(tmp_path: Path) -> None:
    target = tmp_path / "verse.pdf"
    write_pdf(Book(_story().metadata, (_story(),)), target, WriteOptions(style="classic"))
    assert any("“How doth the little crocodile" in page for page in page_texts(target))
    left = _word_lefts(target)
    # "Then" starts an unhung line of the same level: "“How" starts left of it by the width of the mark (a
    # third to half an em); so does "«On" left of "Improve" one level in.
    assert 2 < left["Then"] - left["“How"] < 8
    assert 2 < left["Improve"] - left["«On"] < 8


@pytest.mark.slow
def test_a_book_with_verse_passes_epubcheck(tmp_path: Path) -> None:
    target = tmp_path / "verse.epub"
    write_epub(Book(_story().metadata, (_story(),)), target)
    assert check_many([target]) == {target: []}


def test_a_stanza_longer_than_a_page_may_break_and_a_short_one_is_kept_whole() -> None:
    # Blank verse runs for hundreds of lines: kept whole it would leave its heading alone on a page.
    line = VerseLine((Span("Of Man's first disobedience, and the fruit"),))
    html = blocks_html((Verse((line,) * 300), Verse((line,) * 4)))
    assert html.count('<p class="stanza long">') == 1 and html.count('<p class="stanza">') == 1
    css = (Path(__file__).parents[1] / "styles" / "print.css").read_text(encoding="utf-8")
    assert "p.stanza.long { break-inside: auto; }" in css
