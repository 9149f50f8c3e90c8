"""Chapter headings among a story's paragraphs, with the guards that keep sentences and contents lists out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ebookify.normalize.headings import Heading, clean_heading, has_page_number, is_title_like, match_heading
from ebookify.normalize.paragraphs import Item

# "Contents", "Table of Contents", "CONTENTS." as a line of its own.
_CONTENTS = re.compile(r"^[\W_]*(?:table of )?contents[\W_]*$", re.I)
# A contents list ends where the text leaves a gap this wide, or where prose starts.
_CONTENTS_END_GAP = 3
# Headings in a row with nothing between them are a contents list, not chapters.
_TOC_RUN = 3
# Subtitles sit close under their heading.
_SUBTITLE_GAP = 2


@dataclass(frozen=True)
class ChapterStart:
    """A heading found at item `index`, its title, and how many items (heading and subtitles) it spans."""

    index: int
    title: str
    span: int
    kind: str
    keyword: str = ""
    number: int | None = None


def split_heading_lines(items: Sequence[Item]) -> Iterator[Item]:
    """A heading line stuck to the paragraph under it ("Chapter 1" / "The Start") becomes its own item."""
    for item in items:
        first, sep, rest = item.text.partition("\n")
        heading = match_heading(first) if sep else None
        if heading is None or heading.kind == "bare":
            yield item
            continue
        yield Item(first.strip(), item.gap, 1)
        yield Item(rest, 0, item.lines - 1)


def is_contents_label(text: str) -> bool:
    """A "Contents" / "Table of Contents" line."""
    return bool(_CONTENTS.match(text))


def _list_like(text: str) -> bool:
    """A contents entry: most lines end with a page number, or the line is a heading or a short label."""
    lines = [line for line in text.split("\n") if line.strip()]
    numbered = sum(1 for line in lines if has_page_number(line))
    if numbered * 2 >= len(lines):
        return True
    return len(lines) == 1 and (match_heading(text) is not None or is_title_like(text) or len(text) < 40)


def contents_items(items: Sequence[Item]) -> set[int]:
    """Indexes of the items of contents lists: a "Contents" line and the list-like items after it."""
    found: set[int] = set()
    for start, item in enumerate(items):
        if not is_contents_label(item.text):
            continue
        found.add(start)
        seen: set[tuple[str, int | None]] = set()
        for index in range(start + 1, len(items)):
            entry = items[index]
            heading = match_heading(entry.text)
            key = (heading.kind, heading.number) if heading else None
            # The real headings repeat the contents' first entries: the list is over.
            if entry.gap >= _CONTENTS_END_GAP or not _list_like(entry.text) or key in seen:
                break
            if key:
                seen.add(key)
            found.add(index)
    return found


def _is_subtitle(items: Sequence[Item], index: int, normal: int) -> bool:
    """A title line under a heading: set like a title, or short and set off by a wide gap below it."""
    item = items[index]
    if item.gap > _SUBTITLE_GAP or item.divider or "\n" in item.text or match_heading(item.text):
        return False
    if is_title_like(item.text):
        return True
    below = items[index + 1] if index + 1 < len(items) else None
    # "The first Step towards the Ladder." with a wider gap below it than between paragraphs.
    return below is not None and below.gap > normal and is_title_like(item.text.title())


def _subtitles(items: Sequence[Item], index: int, heading: Heading, normal: int) -> list[str]:
    """Title lines set under a number-only heading ("CHAPTER I." / "The Widow and her Child.")."""
    if heading.titled:
        return []
    wanted = 2 if heading.kind == "part" else 1
    found: list[str] = []
    for offset in range(index + 1, min(index + 1 + wanted, len(items))):
        if not _is_subtitle(items, offset, normal):
            break
        found.append(items[offset].text.strip())
    return found


def _title(heading: Heading, subtitles: Sequence[str]) -> str:
    """The heading and its subtitles as one title: "CHAPTER I: The Widow and her Child"."""
    if not subtitles:
        return heading.text
    separator = ". " if heading.kind == "bare" else ": "
    return heading.text + separator + ". ".join(clean_heading(subtitle) for subtitle in subtitles)


@dataclass
class _Numbering:
    """The chapter numbering so far, and the run of numbers already turned down as not chapters."""

    last: int = 0
    refused_next: int | None = None

    def accepts(self, heading: Heading) -> bool:
        """A bare "IV" is a heading only as the next chapter number (not a numbered stanza or list)."""
        if heading.kind != "bare":
            return True
        if heading.number == self.last + 1 and heading.number != self.refused_next:
            return True
        # "I." / "II." numbering stanzas inside a chapter: once one is refused, the ones after it are too.
        self.refused_next = (heading.number or 0) + 1
        return False

    def follow(self, heading: Heading) -> None:
        if heading.kind == "part":
            self.last = 0
        elif heading.number is not None:
            self.last = heading.number


def _candidates(items: Sequence[Item], skip: set[int], normal: int) -> list[ChapterStart]:
    """Headings in reading order, each with the subtitles set under it."""
    starts: list[ChapterStart] = []
    numbering = _Numbering()
    index = 0
    while index < len(items):
        item = items[index]
        heading = None if index in skip or item.divider else match_heading(item.text)
        if heading is None or not numbering.accepts(heading):
            index += 1
            continue
        numbering.follow(heading)
        subtitles = _subtitles(items, index, heading, normal)
        title = _title(heading, subtitles)
        span = 1 + len(subtitles)
        starts.append(ChapterStart(index, title, span, heading.kind, heading.keyword, heading.number))
        index += span
    return starts


def _without_runs(starts: Sequence[ChapterStart]) -> list[ChapterStart]:
    """Drop runs of headings that follow each other with no text between (a contents list)."""
    kept: list[ChapterStart] = []
    run: list[ChapterStart] = []
    for start in [*starts, None]:
        if start is not None and run and run[-1].index + run[-1].span == start.index:
            run.append(start)
            continue
        if len(run) < _TOC_RUN:
            kept.extend(run)
        elif (run[-1].kind, run[-1].number) in {(s.kind, s.number) for s in run[:-1]}:
            kept.append(run[-1])  # the list's first entry again: the real heading right after the list
        run = [start] if start is not None else []
    return kept


def _consistent(starts: Sequence[ChapterStart]) -> list[ChapterStart]:
    """Keep the headings that fit the text's scheme: its main chapter word, and parts that hold chapters."""
    words = Counter(start.keyword for start in starts if start.kind == "chapter")
    main = words.most_common(1)[0][0] if words else None
    # "ACT I" inside a novel of "CHAPTER"s is a play within a chapter, not a chapter.
    kept = [start for start in starts if start.kind != "chapter" or start.keyword == main]
    if not any(start.kind in ("chapter", "bare") for start in kept):
        return kept
    # A part heading followed straight by another part heading ("VOL. XII" on a title page) holds no chapters.
    return [
        start
        for start, following in zip(kept, [*kept[1:], None], strict=True)
        if start.kind != "part" or (following is not None and following.kind != "part")
    ]


def find_chapters(items: Sequence[Item], normal: int = 1) -> list[ChapterStart]:
    """The chapter (and part) headings of a story's items."""
    return _without_runs(_consistent(_candidates(items, contents_items(items), normal)))
