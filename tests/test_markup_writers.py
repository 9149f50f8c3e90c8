"""Quote blocks (a letter, an e-mail, text messages) in the model, in `inspect --json` and in both writers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ebookify import load_story, make_book, write_epub, write_pdf
from ebookify.inspect import story_to_dict, story_to_text
from ebookify.model import Paragraph, Quote, Span

from .conftest import DATA
from .epubcheck import check_many

LETTERS = DATA / "markup" / "letters.md"


def quotes() -> list[Quote]:
    story = load_story(LETTERS)
    return [b for ch in story.chapters for b in ch.blocks if isinstance(b, Quote)]


def test_letter_email_and_messages_are_quote_blocks_with_their_lines() -> None:
    letter, email, messages = quotes()
    assert [b.text for b in letter.blocks if isinstance(b, Paragraph)] == [
        "Dear Harry,",
        "The owl came back without a letter again, and I am starting to worry that you are not eating."
        " Please write, even if it is only a line.",
        "Love,\nHermione",
    ]
    assert email.blocks[0].text == "From: Hermione Granger\nTo: Harry Potter\nSubject: The owl"  # type: ignore[union-attr]
    # The text messages are a conversation: boxed, the letter and the e-mail indented.
    assert (letter.kind, email.kind, messages.kind) == ("passage", "passage", "message")
    assert isinstance(messages.blocks[0], Paragraph)
    assert messages.blocks[0].spans[:2] == (Span("Ron:", "strong"), Span(" where r u\n"))


def test_inspect_shows_quote_blocks() -> None:
    story = load_story(LETTERS)
    shown = story_to_dict(story)
    assert shown["markup"].startswith("Markdown (front matter, 1 heading, 3 quotes")
    assert shown["metadata"]["title"] == "Owl Post"
    blocks = shown["chapters"][0]["blocks"]
    quote = next(b for b in blocks if b["type"] == "quote")
    assert quote["blocks"][0] == {"type": "paragraph", "spans": [{"text": "Dear Harry,", "style": "plain"}]}
    assert "> Dear Harry,\n>\n> The owl" in story_to_text(story)


@pytest.mark.slow
def test_epub_sets_quotes_apart_and_passes_epubcheck(tmp_path: Path) -> None:
    target = tmp_path / "letters.epub"
    write_epub(make_book([load_story(LETTERS)]), target)  # reads the book back: no text lost
    import zipfile

    with zipfile.ZipFile(target) as archive:
        chapter = next(archive.read(n).decode() for n in archive.namelist() if n.endswith("c0001.xhtml"))
    assert chapter.count('<blockquote class="quote">') == 2
    assert chapter.count('<blockquote class="quote message">') == 1
    assert "<p>Love,<br/>Hermione</p>" in chapter
    assert check_many([target]) == {target: []}


@pytest.mark.slow
@pytest.mark.parametrize("style", ["classic", "modern"])
def test_pdf_keeps_the_quotes_text(tmp_path: Path, style: str) -> None:
    from ebookify.options import WriteOptions

    target = tmp_path / f"letters-{style}.pdf"
    write_pdf(make_book([load_story(LETTERS)]), target, WriteOptions(style=style))
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    )
    assert "Dear Harry," in text.stdout and "Subject: The owl" in text.stdout
