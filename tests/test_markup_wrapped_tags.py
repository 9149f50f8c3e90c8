"""Markdown with HTML tags hard-wrapped in its source: a heading or a wrapped <p> is one line, a poem not."""

from __future__ import annotations

import textwrap

from ebookify.model import Paragraph, Verse
from ebookify.normalize.markup.wrapped_tags import SourceWrap
from ebookify.normalize.pipeline import normalize_bytes

PROSE = (
    "&#8220;If you will permit me,&#8221; said Holmes. Mr Giles nodded. Holmes rose, moving close to our "
    "visitor. Mr Giles looked at Holmes with the greatest expression of delight I have ever seen on one of "
    "our clients. He bore Holmes&#8217; examination with every sign of good nature, and it was a remarkably "
    "close examination, of the sort that often causes our visitors to bristle with offence."
)
POEM = (
    "<p>As some day it may happen that a victim must be found,\n"
    "  I&#8217;ve got a little list&#8212;I&#8217;ve got a little list\n"
    "Of undead demonic bastards who no doubt are underground,\n"
    "  And who never would be missed&#8212;who never would be missed!</p>"
)


def _story(width: int | None) -> str:
    """A story as an archive converted it (front matter, tags, entities), its source wrapped at `width`."""
    blocks = [
        '<h2 id="extracts">Extracts from the personal diary of John H. Watson, MD</h2>',
        *[f"<p>{PROSE}</p>"] * 3,
        POEM,
        *[f"<p>{PROSE}</p>"] * 3,
    ]
    wrapped = [
        block if "\n" in block or not width else "\n".join(textwrap.wrap(block, width)) for block in blocks
    ]
    return "---\ntitle: The Watcher\nauthor: antennapedia\n---\n" + "\n\n".join(wrapped) + "\n"


def _read(width: int | None) -> tuple[list[str | None], list[str]]:
    story = normalize_bytes(_story(width).encode(), "watcher.md")
    blocks = [block for chapter in story.chapters for block in chapter.blocks]
    kinds = [
        "verse" if isinstance(b, Verse) else b.text[:20] if isinstance(b, Paragraph) else "?" for b in blocks
    ]
    return [chapter.title for chapter in story.chapters], kinds


def test_a_wrapped_source_reads_as_the_unwrapped_one() -> None:
    unwrapped = _read(None)
    assert unwrapped == (
        ["Extracts from the personal diary of John H. Watson, MD"],
        ["“If you will permit "] * 3 + ["verse"] + ["“If you will permit "] * 3,
    )
    assert _read(72) == unwrapped
    assert _read(65) == unwrapped


def test_source_wrap_finds_the_line_ends_a_wrap_made() -> None:
    prose = textwrap.wrap(PROSE.replace("&#8220;", '"').replace("&#8221;", '"') * 4, 60)
    source = SourceWrap("\n".join(prose))
    assert source.width == 60
    assert source.wrapped(1, 4)
    # Left alone: a line the next word would have fitted on (a poem's line), and an unwrapped source.
    source.lines[2] = "Mr Giles nodded."
    assert not source.wrapped(1, 4)
    assert not SourceWrap(PROSE * 4).wrapped(1, 1)
