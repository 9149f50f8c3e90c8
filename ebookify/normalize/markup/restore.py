"""After the structure is known: quote placeholders become quote blocks, the markup's notes are added."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from ebookify.model import Span
from ebookify.normalize.decode.cleanup import plural
from ebookify.normalize.inline.inline import mark_inline
from ebookify.normalize.markup.letters import set_apart_letters
from ebookify.normalize.markup.marks import (
    LINE_BREAK,
    QUOTE,
    placeholder_number,
    restore_literals,
)
from ebookify.normalize.markup.messages import is_script, quote_kind, set_apart_messages
from ebookify.normalize.markup.read import MarkupText
from ebookify.normalize.markup.styles import mark_inline_with_markup
from ebookify.normalize.structure.paragraphs import Layout, detect_layout, split_items
from ebookify.normalize.structure.raw import RawBlock, RawChapter, RawQuote, RawStory, RawVerse
from ebookify.normalize.structure.structure import scene_blocks

_PLACEHOLDER = re.compile(f"{QUOTE}[\ue100-\ue10f]+")


def restore_markup(raw: RawStory, markup: MarkupText) -> RawStory:
    """The story with quote blocks in place of their placeholders and the markup's notes added; letters
    and e-mails in its chapters set apart as quote blocks, and text messages outside a script."""
    # Text messages only in a story that is not a script (a play's speaker lines look like them).
    script = is_script(block for c in raw.chapters for block in c.blocks)
    set_apart = tuple(replace(c, blocks=_set_apart(c.blocks, script)) for c in raw.chapters)
    raw = replace(raw, chapters=set_apart, repairs=(*raw.repairs, *_set_apart_repairs(set_apart)))
    if not markup.marked:
        return raw
    layout = detect_layout(markup.text.split("\n")) if markup.quotes else Layout()
    quotes = [_quote(lines, layout) for lines in markup.quotes]
    chapters = [
        replace(
            c,
            title=plain_text(c.title) if c.title else c.title,
            part=plain_text(c.part) if c.part else c.part,
            blocks=tuple(_with_quotes(c.blocks, quotes)),
            front_notes=_note_texts(c.front_notes, quotes),
            end_notes=_note_texts(c.end_notes, quotes),
        )
        for c in raw.chapters
    ]
    front = _front_sections(chapters)
    return replace(
        raw,
        fields=tuple((key, plain_text(value)) for key, value in raw.fields),
        chapters=tuple(chapters),
        front_notes=(
            *markup.front_notes,
            *(block for number in markup.epigraphs for block in quotes[number].blocks),
            *_with_quotes(raw.front_notes, quotes, in_notes=True),
            *front,
        ),
        end_notes=(*_with_quotes(raw.end_notes, quotes, in_notes=True), *markup.end_notes),
        colophon=tuple(_with_quotes(raw.colophon, quotes, in_notes=True)),
    )


def _set_apart(blocks: Sequence[RawBlock], script: bool) -> tuple[RawBlock, ...]:
    """Letters, e-mails and (outside a script) text messages as quote blocks."""
    letters = set_apart_letters(blocks)
    return letters if script else set_apart_messages(letters)


def _set_apart_repairs(chapters: Sequence[RawChapter]) -> list[str]:
    """What `inspect` says about the letters and messages set apart in a plain text."""
    quotes = [b for c in chapters for b in c.blocks if isinstance(b, RawQuote)]
    letters = sum(1 for quote in quotes if quote.kind == "passage")
    messages = len(quotes) - letters
    found = [
        *([f"{plural(letters, 'letter')} or e-mail{'' if letters == 1 else 's'}"] if letters else []),
        *([plural(messages, "text-message conversation")] if messages else []),
    ]
    return [f"set apart {' and '.join(found)} as quote blocks"] if found else []


# A book's dedication or epigraph set under a heading of its own, as a Markdown book has it.
_FRONT_SECTION = re.compile(
    r"^(?:dedication|dedicatoria|dédicace|widmung|dedica|epigraphs?|epígrafe|épigraphe)$", re.I
)
_FRONT_SECTION_BLOCKS = 6


def _front_sections(chapters: list[RawChapter]) -> list[RawBlock]:
    """Take the leading dedication and epigraph "chapters" out of the chapters: they are front matter."""
    taken: list[RawBlock] = []
    while len(chapters) > 1 and _FRONT_SECTION.match((chapters[0].title or "").strip(" .:")):
        if len(chapters[0].blocks) > _FRONT_SECTION_BLOCKS:
            break
        section = chapters.pop(0)
        taken += [section.title or "", *section.blocks]
    return taken


# A quote's longest line is its wrap width when it is a width text is wrapped at.
_WRAP_WIDTHS = range(50, 121)


def _quote_layout(lines: Sequence[str], layout: Layout) -> Layout:
    """The text's hard wrap, or the quote's own (an unwrapped story quoting a wrapped letter): a line with
    room left for the next line's first word was broken on purpose (a salutation, an e-mail's From line)."""
    if layout.wrap_width is not None:
        return layout
    width = max((len(line) for line in lines), default=0)
    return Layout(wrap_width=width) if width in _WRAP_WIDTHS else layout


def _quote(lines: Sequence[str], layout: Layout) -> RawQuote:
    """A quote's lines as paragraphs by the text's own layout: a letter's short lines stay lines."""
    lines = [line.rstrip() for line in lines]
    blocks = scene_blocks(split_items(lines, _quote_layout(lines, layout)))
    # A letter's short lines (an e-mail's From/To/Subject, a run of text messages) are lines of a
    # paragraph, not a stanza of verse.
    return RawQuote(
        tuple(
            "\n".join(text for _, text in block.lines) if isinstance(block, RawVerse) else block
            for block in blocks
            if not isinstance(block, RawQuote)
        ),
        quote_kind([plain_text(line) for line in lines]),
    )


def _with_quotes(
    blocks: Iterable[RawBlock], quotes: Sequence[RawQuote], in_notes: bool = False
) -> Iterator[RawBlock]:
    """Blocks with each quote placeholder replaced by its quote (text run into it is split off); in the
    notes, which are set apart already, by the quote's paragraphs."""
    for block in blocks:
        if isinstance(block, RawVerse):
            # A stanza's lines are set as written: the markup's marks are taken out of them.
            yield RawVerse(tuple((level, plain_text(text).strip()) for level, text in block.lines))
            continue
        if not isinstance(block, str) or QUOTE not in block:
            yield block
            continue
        position = 0
        for match in _PLACEHOLDER.finditer(block):
            if block[position : match.start()].strip():
                yield block[position : match.start()].strip()
            number = placeholder_number(match.group(0))
            if number is not None and number < len(quotes) and quotes[number].blocks:
                yield from quotes[number].blocks if in_notes else (quotes[number],)
            position = match.end()
        if block[position:].strip():
            yield block[position:].strip()


def _note_texts(notes: Sequence[str], quotes: Sequence[RawQuote]) -> tuple[str, ...]:
    """A chapter's notes with a quote in them as the quote's paragraphs (notes are set apart already)."""
    if not any(QUOTE in note for note in notes):
        return tuple(notes)
    return tuple(b for b in _with_quotes(notes, quotes, in_notes=True) if isinstance(b, str))


def raw_texts(blocks: Iterable[RawBlock]) -> Iterator[str]:
    """The paragraph texts of raw blocks in reading order, those inside quotes included."""
    for block in blocks:
        if isinstance(block, str):
            yield block
        elif isinstance(block, RawQuote):
            yield from (inner for inner in block.blocks if isinstance(inner, str))


def mark_story_inline(texts: Sequence[str], marked: bool) -> list[tuple[Span, ...]]:
    """Inline marking of a story's paragraphs; texts read from markup have their marks read too."""
    return mark_inline_with_markup(texts) if marked else mark_inline(texts)


def plain_text(text: str) -> str:
    """A title or a field value without markup marks (a heading's <i> is not kept in a title)."""
    if not any("\ue000" <= c <= "\ue0ff" for c in text):
        return text
    return restore_literals(text.replace(LINE_BREAK, " "))
