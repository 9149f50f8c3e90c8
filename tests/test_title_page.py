"""The title page both writers share: title, authors, the publication date once, then the visible rows."""

from __future__ import annotations

from ebookify.inspect import story_to_text
from ebookify.model import Chapter, Paragraph, Span, Story
from ebookify.normalize.matter.metadata import metadata_from_fields
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.options import StoryOverrides
from ebookify.render.html import cover_page_html, front_notes_html


def _page(fields: list[tuple[str, str]], printed: bool = False) -> str:
    meta = metadata_from_fields(fields, "Fallback", StoryOverrides())
    chapter = Chapter(None, (Paragraph((Span("Text."),)),))
    return cover_page_html(Story("s.txt", meta, (chapter,), printed=printed))


def test_the_date_is_shown_once_under_the_authors_whatever_key_gave_it() -> None:
    fields = [("Title", "Dracula"), ("Author", "Bram Stoker"), ("Release date", "October 1, 1995")]
    gutenberg = _page(fields, printed=True)
    # A printed book's date is its electronic edition's release.
    assert '<p class="author">by Bram Stoker</p>\n<p class="date">Released 1995-10-01</p>' in gutenberg
    assert "Release date" not in gutenberg
    fanfic = _page([("Title", "Rain"), ("Published", "2010-05-03"), ("Rating", "T")])
    assert fanfic.count("2010-05-03") == 1 and "<dt>Rating</dt>" in fanfic
    assert '<p class="date">Published 2010-05-03</p>' in fanfic


def test_no_date_no_date_line() -> None:
    assert 'class="date"' not in _page([("Title", "Rain"), ("Rating", "T")])


def test_a_printed_books_front_matter_is_set_as_printed_and_a_writers_note_in_a_box() -> None:
    licence = "*** START OF THIS PROJECT GUTENBERG EBOOK TALES ***\n\n"
    text = "\n\n".join(["It rained on the town all that week, and nobody went out."] * 20)
    chapters = f"CHAPTER I.\n\n{text}\n\nCHAPTER II.\n\n{text}\n"
    book = f"Title: Tales\n\n{licence}TALES\n\nBY ANN AUTHOR\n\nTo my mother, who read to me.\n\n{chapters}"
    printed = normalize_bytes(book.encode(), "tales.txt")
    assert printed.printed and front_notes_html(printed).startswith('<div class="front-matter">')
    assert "[front matter] To my mother, who read to me." in story_to_text(printed)
    fanfic = normalize_bytes(b"A/N: my first story!\n\nIt rained all day.\n\nThen it stopped.\n", "s.txt")
    assert not fanfic.printed and "Author’s note" in front_notes_html(fanfic)
