"""Lyrics pasted one line a paragraph (a blank line after each) gathered back into one stanza."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ebookify.normalize.markup.marks import CHAPTER, PART, QUOTE, SECTION
from ebookify.normalize.structure.headings import is_title_like
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.verse import looks_like_verse, verse_levels

# A song's line is short; a paragraph of prose, even a short one, runs longer.
_LYRIC_WIDTH = 60
# A run of this many one-line items at least makes a stanza (a chorus of four lines, the first verse).
_MIN_LINES = 4
# Emphasis markers around a pasted lyric ("*I've been walking these streets alone*").
_MARKERS = "*_/"


def _lyric_line(item: Item) -> bool:
    """An item that could be a song's line pasted as a paragraph: one short line, no stanza, no divider,
    no item of a list ("* Bath every other day", "- eggs")."""
    text = item.text.strip()
    if item.verse or item.divider or "\n" in text or not 0 < len(text) <= _LYRIC_WIDTH:
        return False
    return not _BULLET.match(text) and text[:1] not in _MARKUP_BLOCKS


# A heading, section or quote the markup gave ("# Chapter 1", <h3>, a blockquote) is the text's structure,
# never a song's line: a Markdown story of one-line paragraphs between "#" chapters is not one stanza.
_MARKUP_BLOCKS = (PART, CHAPTER, SECTION, QUOTE)


# A list item's bullet: a star, a dash or a bullet sign and a space.
_BULLET = re.compile(r"^[*•·+-]\s")


def _bare(text: str) -> str:
    return text.strip().strip(_MARKERS).strip()


def _is_stanza(run: Sequence[Item]) -> bool:
    """The run reads as verse: short capitalised lines, few of them ending a sentence, no speech turns, and
    no list of titles (a contents list names, a song sings)."""
    texts = [_bare(item.text) for item in run]
    if sum(is_title_like(text) for text in texts) * 2 >= len(texts):
        return False
    return looks_like_verse(texts, strict=True)


def _runs(items: Sequence[Item], normal: int) -> Iterator[range]:
    """Maximal runs of lyric-like items set the text's usual gap apart."""
    start = 0
    while start < len(items):
        end = start + 1 if _lyric_line(items[start]) else start
        while end and end < len(items) and _lyric_line(items[end]) and items[end].gap == normal:
            end += 1
        if end - start >= _MIN_LINES:
            yield range(start, end)
        start = max(end, start + 1)


def spaced_stanzas(items: Sequence[Item], normal: int) -> list[Item]:
    """The items with each run of song lines pasted a paragraph apart (at the text's usual gap) joined
    into one stanza: "*So stay, stay with me tonight*" / "*Don't let go ...*" ... is one block of verse,
    not four paragraphs. Runs set farther apart than the usual gap, or that read as prose, stay."""
    out = list(items)
    for run in reversed(list(_runs(items, normal))):
        first, stop = _trimmed(items, run)
        group = items[first:stop]
        if len(group) < _MIN_LINES or not _is_stanza(group):
            continue
        text = "\n".join(item.text.strip() for item in group)
        # Each line keeps its indent as written: a song's alternate lines set in stay set in.
        levels = verse_levels([" " * max(item.indent, 0) + item.text.strip() for item in group])
        stanza = replace(group[0], text=text, lines=len(group), verse=levels)
        out[first:stop] = [stanza]
    return out


# Speech marks: a line of dialogue next to a song is the story's, not the song's.
_SPEECH = '"“”«»'


def _trimmed(items: Sequence[Item], run: range) -> tuple[int, int]:
    """The run without the lines at its ends that are unlike the song: a line of dialogue ("I'm not
    brooding," Harry said.), or a line without the emphasis markers that frame most of the song's lines."""
    framed = [_is_framed(items[i].text) for i in run]
    song_framed = sum(framed) * 2 > len(framed)

    def unlike(index: int) -> bool:
        text = items[index].text
        return any(mark in text for mark in _SPEECH) or _is_framed(text) != song_framed

    first, stop = run.start, run.stop
    while first < stop and unlike(first):
        first += 1
    while stop > first and unlike(stop - 1):
        stop -= 1
    return first, stop


def _is_framed(text: str) -> bool:
    """The line is wrapped in one emphasis marker ("*I've been walking these streets alone*")."""
    text = text.strip()
    return len(text) > 2 and text[0] in _MARKERS and text[-1] == text[0]
