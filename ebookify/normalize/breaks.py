"""Scene breaks from gaps: a gap is a break only when wider than usual and nothing else explains it."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.headings import is_title_like, match_heading
from ebookify.normalize.layout import ends_sentence
from ebookify.normalize.paragraphs import Item
from ebookify.normalize.scenes import is_wide_gap

_OPENING = "\"“‘'«`„"
_CLOSING = "\"”’'»"


def _heading_like(item: Item) -> bool:
    """A line set like a title ("THE END", "SCENE II. A Street"): the space around it frames a heading."""
    if "\n" in item.text:
        return False
    # "Three." ends a sentence: a title-like line with a full stop is a short paragraph.
    return match_heading(item.text) is not None or (is_title_like(item.text) and not ends_sentence(item.text))


def _set_apart(item: Item) -> bool:
    """A stanza, a list, a letter's closing or a heading: blank lines set such things off, scenes aside."""
    return bool(item.verse) or "\n" in item.text or _heading_like(item)


def _speech(text: str, start: bool) -> bool:
    """The paragraph opens (start) or closes (not start) with a quotation mark."""
    edge = text.lstrip()[:1] if start else text.rstrip()[-1:]
    return edge in (_OPENING if start else _CLOSING)


def is_scene_gap(items: Sequence[Item], index: int, normal: int) -> bool:
    """True when the gap before items[index] is a scene break: wider than the text's usual gap between
    paragraphs, and not framing a heading, a stanza or a list, nor inside a conversation."""
    if index == 0 or index >= len(items) or not is_wide_gap(items[index].gap, normal):
        return False
    before, item = items[index - 1], items[index]
    if before.divider or item.divider or _set_apart(before) or _set_apart(item):
        return False
    # "...and began to sing this:--": the space sets off what the colon announces (a song, a letter, a list).
    if before.text.rstrip("-—– ").endswith(":"):
        return False
    # One speech ends and the next begins: a pause in a conversation, not a change of scene.
    if _speech(before.text, start=False) and _speech(item.text, start=True):
        return False
    # A single short line with wide gaps on both sides is set off for itself (a motto, an outcry).
    after = items[index + 1] if index + 1 < len(items) else None
    if after is not None and is_wide_gap(after.gap, normal) and _short_line(item):
        return False
    return not (index > 1 and is_wide_gap(before.gap, normal) and _short_line(before))


def _short_line(item: Item) -> bool:
    return item.lines == 1 and len(item.text) < 60


def count_breaks(items: Sequence[Item], normal: int) -> tuple[int, int]:
    """The scene breaks a text shows: (runs of divider lines, gaps taken as breaks), for `inspect`."""
    dividers = sum(1 for i, item in enumerate(items) if item.divider and (i == 0 or not items[i - 1].divider))
    gaps = sum(1 for i in range(1, len(items)) if is_scene_gap(items, i, normal))
    return dividers, gaps
