"""Header-less titles: a title line with a "by NAME" line, or a bare title line after a short preface."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ebookify.normalize.structure.chapters import is_contents_label
from ebookify.normalize.structure.headings import byline_field, is_title_like, match_heading
from ebookify.normalize.structure.paragraphs import Item

# A preface is a line or two of prose before the title, not a chapter of its own.
_PREFACE_ITEMS = 2
_PREFACE_LENGTH = 500
# Titles are short.
_TITLE_WORDS = 10


@dataclass(frozen=True)
class TitleSplit:
    """What was found before the story: title/author fields, the preface paragraphs, and the rest."""

    fields: tuple[tuple[str, str], ...] = ()
    preface: tuple[Item, ...] = ()
    rest: tuple[Item, ...] = field(default_factory=tuple)


def _is_title(item: Item) -> bool:
    """A bare title line: short, set like a title (no sentence end), not a heading or a divider."""
    return (
        item.lines == 1
        and not item.divider
        and item.text[:1] not in "\"'“‘"
        and item.text.rstrip()[-1:] not in ".!?…"
        and is_title_like(item.text, _TITLE_WORDS)
        and match_heading(item.text) is None
        and not is_contents_label(item.text)
        and byline_field(item.text) is None
    )


def _is_prose(item: Item) -> bool:
    """A paragraph of running text (ends like a sentence or is long), the kind a story starts with."""
    return not item.divider and (len(item.text) > 80 or item.text.rstrip()[-1:] in ".!?\"”'’)…")


def _is_preface(items: Sequence[Item]) -> bool:
    return all(_is_prose(i) and len(i.text) <= _PREFACE_LENGTH and not byline_field(i.text) for i in items)


def split_title(items: Sequence[Item]) -> TitleSplit:
    """Find a header-less title (with its by-line and preface) at the start of a story."""
    for index in range(min(_PREFACE_ITEMS + 1, len(items))):
        item = items[index]
        lines = item.text.split("\n")
        # "Title\nby Name" set on two lines of one paragraph.
        byline = byline_field(lines[1]) if len(lines) == 2 else None
        if byline and is_title_like(lines[0], _TITLE_WORDS) and _is_preface(items[:index]):
            return _split(items, index, 1, (("Title", lines[0].strip()), byline))
        if not _is_title(item) or not _is_preface(items[:index]):
            continue
        following = items[index + 1 : index + 2]
        byline = byline_field(following[0].text) if following else None
        if byline:
            return _split(items, index, 2, (("Title", item.text.strip()), byline))
        # A bare title must be followed by the story itself (prose or a chapter heading).
        if following and (_is_prose(following[0]) or match_heading(following[0].text)):
            return _split(items, index, 1, (("Title", item.text.strip()),))
    return TitleSplit(rest=tuple(items))


def _split(items: Sequence[Item], index: int, used: int, found: tuple[tuple[str, str], ...]) -> TitleSplit:
    return TitleSplit(found, tuple(items[:index]), tuple(items[index + used :]))
