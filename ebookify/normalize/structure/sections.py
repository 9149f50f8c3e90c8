"""Headings to chapters: the items each chapter holds, and the part (Book, Act, Volume) it belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.paragraphs import Item

# Text this short between a part heading and its first chapter (a note on the source, a running title) is
# set apart on the part's page as that chapter's notes (a short poem opens the chapter's text); longer text
# (a chorus before the act's first scene) is a chapter of its own in the part.
_INTRO_WORDS = 100
_INTRO_ITEMS = 2


@dataclass(frozen=True)
class ChapterRanges:
    """A chapter: its title, its part's title (None outside parts) and the item ranges it holds."""

    title: str | None
    part: str | None
    ranges: tuple[tuple[int, int], ...]
    notes: tuple[tuple[int, int], ...] = ()
    """Item ranges set apart at the chapter's head (the epigraph under the heading of the part it opens)."""


@dataclass
class _PartPath:
    """The titles of the parts the reader is in, outermost first ("VOLUME II", "BOOK IV")."""

    levels: list[str]
    titles: dict[str, str]

    def enter(self, keyword: str, title: str) -> None:
        """A part heading: it replaces its level's title and closes the levels inside it."""
        if keyword not in self.levels:
            self.levels.append(keyword)
        depth = self.levels.index(keyword)
        for inner in self.levels[depth + 1 :]:
            self.titles.pop(inner, None)
        self.titles[keyword] = title

    @property
    def title(self) -> str | None:
        names = [self.titles[level] for level in self.levels if level in self.titles]
        return ": ".join(names) if names else None


def _is_short(items: Sequence[Item], start: int, end: int) -> bool:
    words = sum(len(item.text.split()) for item in items[start:end])
    return end - start <= _INTRO_ITEMS and words <= _INTRO_WORDS


# A book's opening and closing sections around its parts, as heading words (accents stripped, any language).
_OPENERS = frozenset({"prelude", "prologue", "prolog", "prologo"})
_CLOSERS = frozenset(
    {
        "finale",
        "epilogue",
        "epilog",
        "epilogo",
        "afterword",
        "nachwort",
        "postface",
        "conclusion",
        "conclusione",
    }
)


def _closing_outside(starts: Sequence[ChapterStart]) -> int:
    """Where the closing sections that belong to no part begin (len(starts) when none do). A Finale or
    Epilogue after the last part's last chapter mirrors a Prelude or Prologue set before the first part,
    outside it (Middlemarch's PRELUDE ... BOOK VIII ... FINALE, a play's Prologue ... ACT V ... Epilogue);
    without that opening (Silas Marner's CONCLUSION in Part Two) nothing says it leaves its part."""
    first_part = next((i for i, start in enumerate(starts) if start.kind == "part"), None)
    if first_part is None:
        return len(starts)
    opened = any(s.kind == "special" and s.keyword in _OPENERS for s in starts[:first_part])
    end = len(starts)
    while end > first_part + 1 and starts[end - 1].kind == "special" and starts[end - 1].keyword in _CLOSERS:
        end -= 1
    return end if opened else len(starts)


def split_sections(items: Sequence[Item], starts: Sequence[ChapterStart]) -> list[ChapterRanges]:
    """The chapters from each heading to the next, each in the part its last part heading opened."""
    bounds = [*(start.index for start in starts[1:]), len(items)]
    sections: list[ChapterRanges] = []
    path = _PartPath([], {})
    intro: tuple[tuple[int, int], ...] = ()
    closing = _closing_outside(starts)
    for number, (start, end) in enumerate(zip(starts, bounds, strict=True)):
        body = (start.index + start.span, end)
        if start.kind != "part":
            # A poem set under the part's heading stays in the text, where its stanzas are read as verse.
            verse = any(item.verse for first, last in intro for item in items[first:last])
            ranges, notes = ((*intro, body), ()) if verse else ((body,), intro)
            part = None if number >= closing else path.title
            sections.append(ChapterRanges(start.title, part, ranges, notes))
            intro = ()
            continue
        path.enter(start.keyword, start.title)
        if body[0] >= body[1]:
            continue
        if _is_short(items, *body):
            intro = (*intro, body)
        else:
            sections.append(ChapterRanges(None, path.title, (*intro, body)))
            intro = ()
    if intro:
        sections.append(ChapterRanges(None, path.title, (), intro))
    return sections
