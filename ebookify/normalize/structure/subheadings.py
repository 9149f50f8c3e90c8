"""Short lines in a chapter that are no paragraphs: numbered or lettered sections' titles, datelines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from itertools import pairwise
from typing import Any

from ebookify.model import SubheadingRole
from ebookify.normalize.structure.datelines import dateline_indices
from ebookify.normalize.structure.numerals import roman_value
from ebookify.normalize.structure.paragraphs import Item

__all__ = ["RawSubheading", "SubheadingItem", "mark_subheadings"]


@dataclass(frozen=True)
class RawSubheading:
    """A sub-heading before inline marking: its text as written and its role."""

    text: str
    role: SubheadingRole


@dataclass(frozen=True)
class SubheadingItem(Item):
    """An item read as a sub-heading (a section's title, a dateline) rather than a paragraph."""

    role: SubheadingRole = SubheadingRole.SECTION


# An enumerator and a title: "A. First Choices", "2) The Pleasure Principle", "IV. Growing Up".
_ENUMERATED = re.compile(r"^\s*([A-Z]|\d{1,3}|[IVXLC]{1,7})[.)] +(\S.*)$")
# A number alone on its line: "I.", "II", "3.".
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3}|[IVXLC]{1,7})\.?\s*$")
# A number alone heads at least this many blocks before its next sibling.
_MIN_NUMBERED_BLOCKS = 2
# A section's title is a few words; a longer line is a sentence or a list item's text.
_TITLE_CHARS = 60
_TITLE_WORDS = 10
# Siblings count up, a number or two may be missing (a section the writer dropped): never a bigger jump.
_MAX_STEP = 3
# The first of a run is its first or second member ("B." when the chapter's "A." was its heading).
_MAX_FIRST = 2
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")


def _title_like(title: str) -> bool:
    """A short line without a sentence's end ("First Choices", not "I said no.")."""
    words = title.split()
    return (
        len(title) <= _TITLE_CHARS
        and len(words) <= _TITLE_WORDS
        and not _SENTENCE_END.search(title)
        and (title[0].isupper() or title[0].isdigit())
    )


def _values(enumerator: str) -> dict[str, int]:
    """What an enumerator may count: {"letter": 9, "roman": 1} for "I", {"digit": 3} for "3"."""
    if enumerator.isdigit():
        return {"digit": int(enumerator)}
    values: dict[str, int] = {}
    if len(enumerator) == 1:
        values["letter"] = ord(enumerator) - ord("A") + 1
    roman = roman_value(enumerator)
    if roman is not None:
        values["roman"] = roman
    return values


@dataclass
class _Run:
    """Sibling sections of one kind counting up: their item indices and the first and last value counted."""

    kind: str
    indices: list[int]
    first: int
    last: int = 0

    def __post_init__(self) -> None:
        self.last = self.first


def _place(runs: list[_Run], done: list[_Run], index: int, values: dict[str, int]) -> None:
    """Add a candidate to the open run it continues (a letter run takes "I" after "H" as a letter), or open
    a run for each thing it may count ("I" opens a letter run and a roman one; "II" will decide); an open run
    of the same kind is closed."""
    for run in runs:
        value = values.get(run.kind)
        if value is not None and run.last < value <= run.last + _MAX_STEP:
            run.indices.append(index)
            run.last = value
            return
    for kind, value in values.items():
        for run in [r for r in runs if r.kind == kind]:
            runs.remove(run)
            done.append(run)
        runs.append(_Run(kind, [index], value))


def _set_off(items: Sequence[Item], index: int, start: int) -> bool:
    """Blank lines before or after it, or the chapter's first line."""
    after = items[index + 1].gap if index + 1 < len(items) else 1
    return index == start or items[index].gap >= 1 or after >= 1


def _followed_by_text(items: Sequence[Item], index: int, end: int, members: set[int]) -> bool:
    """The section has text of its own: the next item is no sibling (a list's items follow each other)."""
    following = index + 1
    return following < end and following not in members and not items[following].divider


def _sections(items: Sequence[Item], start: int, end: int) -> set[int]:
    """The indices of a chapter's section titles: two or more siblings counting up, each set off from the
    text and followed by text of its own."""
    runs: list[_Run] = []
    done: list[_Run] = []
    bare: set[int] = set()
    for index in range(start, end):
        item = items[index]
        if "\n" in item.text or item.verse or item.divider:
            continue
        match = _ENUMERATED.match(item.text)
        if match and _title_like(match.group(2).strip()):
            _place(runs, done, index, _values(match.group(1)))
        elif _BARE_NUMBER.match(item.text):
            bare.add(index)
            _place(runs, done, index, _values(item.text.strip().rstrip(".")))
    found: set[int] = set()
    for run in [*done, *runs]:
        members = set(run.indices)
        if len(members) < 2 or run.first > _MAX_FIRST:
            continue
        # A number alone ("I." / "II.") heads a piece of several blocks (the poems under one title); over a
        # single stanza or paragraph it numbers that stanza (a song's verses) and stays in the text. A long
        # poem's sections (Whitman's) may hold one stanza now and then, but not most of them.
        pairs = list(pairwise(run.indices))
        single = sum(1 for a, b in pairs if b - a < _MIN_NUMBERED_BLOCKS + 1)
        if members & bare and single * 2 >= len(pairs):
            continue
        if all(_set_off(items, i, start) and _followed_by_text(items, i, end, members) for i in run.indices):
            found |= members
    return found


# How far down the text a first section's sibling is looked for.
_SIBLING_REACH = 100


def opens_sections(items: Sequence[Item], index: int) -> bool:
    """The first section of a run ("A. First Choices"), its next sibling further down: under a chapter's
    heading it is the first section's title, not the chapter's subtitle."""
    match = _ENUMERATED.match(items[index].text)
    if not match or "\n" in items[index].text or not _title_like(match.group(2).strip()):
        return False
    values = _values(match.group(1))
    if min(values.values()) > _MAX_FIRST:
        return False
    for item in items[index + 1 : index + _SIBLING_REACH]:
        sibling = _ENUMERATED.match(item.text)
        if sibling and "\n" not in item.text and _title_like(sibling.group(2).strip()):
            later = _values(sibling.group(1))
            if any(k in values and values[k] < v <= values[k] + _MAX_STEP for k, v in later.items()):
                return True
    return False


def mark_subheadings(
    items: Sequence[Item], chapters: Sequence[tuple[int, int]], given: Iterable[int] = ()
) -> list[Item]:
    """The items with the section titles and datelines of each chapter (its items' start and end) as
    SubheadingItems; `given` are the indices of headings the markup set below its chapters (mark first)."""
    marked = list(items)
    for index in given:
        # The markup said it: a heading under the chapter's, whatever its words.
        marked[index] = _marked(
            replace(items[index], text=items[index].text[1:].strip()), SubheadingRole.SECTION
        )
    for start, end in chapters:
        for index in _sections(items, start, end):
            marked[index] = _marked(items[index], SubheadingRole.SECTION)
        for index in dateline_indices(items, start, end):
            if not isinstance(marked[index], SubheadingItem):
                marked[index] = _marked(items[index], SubheadingRole.DATELINE)
    return marked


def _marked(item: Item, role: SubheadingRole) -> SubheadingItem:
    kept: dict[str, Any] = {field.name: getattr(item, field.name) for field in fields(item)}
    return SubheadingItem(**kept, role=role)
