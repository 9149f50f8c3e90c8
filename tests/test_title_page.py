"""The title page both writers share: title, authors, the publication date once, then the visible rows."""

from __future__ import annotations

from ebookify.model import Chapter, Paragraph, Span, Story
from ebookify.normalize.matter.metadata import metadata_from_fields
from ebookify.options import StoryOverrides
from ebookify.render.html import cover_page_html


def _page(fields: list[tuple[str, str]]) -> str:
    meta = metadata_from_fields(fields, "Fallback", StoryOverrides())
    return cover_page_html(Story("s.txt", meta, (Chapter(None, (Paragraph((Span("Text."),)),)),)))


def test_the_date_is_shown_once_under_the_authors_whatever_key_gave_it() -> None:
    gutenberg = _page([("Title", "Dracula"), ("Author", "Bram Stoker"), ("Release date", "October 1, 1995")])
    assert '<p class="author">by Bram Stoker</p>\n<p class="date">Published 1995-10-01</p>' in gutenberg
    assert "Release date" not in gutenberg
    fanfic = _page([("Title", "Rain"), ("Published", "2010-05-03"), ("Rating", "T")])
    assert fanfic.count("2010-05-03") == 1 and "<dt>Rating</dt>" in fanfic


def test_no_date_no_date_line() -> None:
    assert 'class="date"' not in _page([("Title", "Rain"), ("Rating", "T")])
