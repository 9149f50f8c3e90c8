"""Chapter headings among a story's paragraphs, with the guards that keep sentences and contents lists out."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ebookify.normalize.structure.headings import (
    Heading,
    clean_heading,
    has_page_number,
    is_heading_word,
    is_title_like,
    match_heading,
)
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.poems import poem_titles, prose_titles

# "Contents", "Table of Contents", "CONTENTS.", "Inhalt", "Table des matières" as a line of its own.
_CONTENTS = re.compile(
    r"^[\W_]*(?:(?:table of )?contents|inhalt|inhaltsverzeichnis|table des mati[èe]res|sommaire|[íi]ndice"
    r"|contenidos?|sumario)[\W_]*$",
    re.I,
)
# A contents list ends where the text leaves a gap this wide, or where prose starts.
_CONTENTS_END_GAP = 3
# Headings in a row with nothing between them are a contents list, not chapters.
_TOC_RUN = 3
# A heading block set without blank lines ("PART I" / "Underground" / "I") has at most this many lines of
# at most this many characters.
_BLOCK_LINES = 3
_BLOCK_WIDTH = 60
# Subtitles sit close under their heading.
_SUBTITLE_GAP = 2
# Numbered sections may skip this many numbers ("45. STU" then "50. NIXON").
_NUMBER_SKIP = 5
# Numbered sections are chapters when there are at least this many.
_MIN_NUMBERED = 2
# Headings that are chapters (as opposed to parts that group them, or specials such as a prologue).
_CHAPTER_LEVEL = ("chapter", "bare", "numbered", "letter")
# Letter sections may skip a letter (no words under X); a run of fewer than this many is no alphabet.
_LETTER_SKIP = 2
_MIN_LETTERS = 5
# A word of the book's own is a heading word when at least this many headings count up with it.
_MIN_LEARNED = 3


@dataclass(frozen=True)
class ChapterStart:
    """A heading found at item `index`, its title, and how many items (heading and subtitles) it spans."""

    index: int
    title: str
    span: int
    kind: str
    keyword: str = ""
    number: int | None = None


def _block_line(line: str) -> bool:
    """A line of a heading block: a heading, or a short title ("PART I" / "Underground" / "I")."""
    return len(line.strip()) <= _BLOCK_WIDTH and (match_heading(line) is not None or is_title_like(line))


def _heading_lines(item: Item) -> int:
    """How many of the item's first lines are a heading block set without blank lines between."""
    lines = item.text.split("\n")
    if len(lines) == 1:
        return 0
    first = match_heading(lines[0])
    if first is not None and first.kind == "bare":
        # "I" over a paragraph of prose is a heading; "I." over a stanza numbers the stanza.
        return 1 if not item.verse and len(lines[1]) > _BLOCK_WIDTH else 0
    if first is not None:
        count = 1
        while count < min(len(lines) - 1, _BLOCK_LINES) and _block_line(lines[count]):
            count += 1
        return count
    # "Underground" / "I": a short block of titles ending in a heading.
    whole = len(lines) <= _BLOCK_LINES and all(_block_line(line) for line in lines)
    return len(lines) if whole and any(match_heading(line) for line in lines) else 0


# A line of the book's own words with a number ("FIRST CITIZEN.") that opens this many blocks is a
# speaker's label over a speech: a heading is not set over text again and again with the same number.
_LABEL_REPEATS = 3


def split_heading_lines(items: Sequence[Item]) -> Iterator[Item]:
    """Heading lines stuck to each other or to the paragraph under them ("Chapter 1" / "The Start" / text)
    become items of their own; a play's recurring label ("FIRST CITIZEN." over a speech) stays."""
    firsts = Counter(item.text.split("\n", 1)[0] for item in items if "\n" in item.text)
    for item in items:
        count = _heading_lines(item)
        if not count or _recurring_label(item.text.split("\n", 1)[0], firsts):
            yield item
            continue
        lines = item.text.split("\n")
        for number, line in enumerate(lines[:count]):
            yield Item(line.strip(), item.gap if number == 0 else 0, 1)
        if count < len(lines):
            rest = "\n".join(lines[count:])
            yield replace(item, text=rest, gap=0, lines=max(1, item.lines - count), verse=item.verse[count:])


def _recurring_label(line: str, firsts: Counter[str]) -> bool:
    """A learned heading ("FIRST CITIZEN.") that opens several blocks of text, as a speaker's label does."""
    if firsts[line] < _LABEL_REPEATS:
        return False
    heading = match_heading(line)
    return heading is not None and heading.keyword.startswith("~")


def is_contents_label(text: str) -> bool:
    """A "Contents" / "Table of Contents" line."""
    return bool(_CONTENTS.match(text))


def _list_like(text: str) -> bool:
    """A contents entry: most lines end with a page number or are headings, or the line is a short label."""
    lines = [line for line in text.split("\n") if line.strip()]
    listed = sum(1 for line in lines if has_page_number(line) or match_heading(line) is not None)
    if len(lines) > 1 and listed * 2 >= len(lines):
        return True
    return len(lines) == 1 and (listed == 1 or is_title_like(text) or len(text) < 40)


def _entry_key(text: str) -> tuple[str, int | None] | None:
    heading = match_heading(text.split("\n", 1)[0])
    return (heading.kind, heading.number) if heading else None


def contents_items(items: Sequence[Item]) -> set[int]:
    """Indexes of the items of contents lists: a "Contents" line and the list-like items after it."""
    found: set[int] = set()
    for start, item in enumerate(items):
        if not is_contents_label(item.text):
            continue
        found.add(start)
        first: tuple[str, int | None] | None = None
        for index in range(start + 1, len(items)):
            entry = items[index]
            key = _entry_key(entry.text)
            # The real headings start again with the contents' first entry: the list is over.
            if entry.gap >= _CONTENTS_END_GAP or not _list_like(entry.text) or (key and key == first):
                break
            first = first or key
            found.add(index)
    return found


def _is_subtitle(items: Sequence[Item], index: int, normal: int) -> bool:
    """A title line under a heading: set like a title, or short and set off by a wide gap below it."""
    item = items[index]
    if item.gap > _SUBTITLE_GAP or item.divider or "\n" in item.text or match_heading(item.text):
        return False
    # An "[Illustration: ...]" caption, a "(Kept in shorthand.)" note or a "SCENE" label is not a title.
    if item.text.lstrip()[:1] in "[(" or is_heading_word(item.text):
        return False
    below = items[index + 1] if index + 1 < len(items) else None
    # A title sits as close to its heading as to the text under it ("ACT II" / "Enter Chorus." is not one).
    if below is not None and below.gap < item.gap:
        return False
    if is_title_like(item.text):
        return True
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
    last_letter: int = 0

    def as_letter(self, heading: Heading) -> Heading | None:
        """A lone capital that goes on the alphabet ("H" then "I") as a letter section, else None."""
        place = heading.letter
        if place is None or not self.last_letter < place <= self.last_letter + _LETTER_SKIP:
            return None
        # "I" after "H" is the ninth letter, not the first numeral; "A" starts an alphabet only as a letter.
        if heading.kind == "bare" and not self.last_letter:
            return None
        return Heading("letter", place, heading.text, False, letter=place)

    def accepts(self, heading: Heading) -> bool:
        """A bare "IV" or a numbered "IV. Title" is a heading only as the next chapter number.

        A numbered section may skip a few numbers ("45." then "50."), a bare number may not: a lone "7" is
        as likely a numbered stanza or list item.
        """
        if heading.kind == "letter":
            return self.as_letter(heading) is not None
        if heading.kind not in ("bare", "numbered") or heading.number is None:
            return True
        skip = _NUMBER_SKIP if heading.kind == "numbered" and self.last else 1
        if self.last < heading.number <= self.last + skip and heading.number != self.refused_next:
            return True
        # "I." / "II." numbering stanzas inside a chapter: once one is refused, the ones after it are too.
        self.refused_next = heading.number + 1
        return False

    def follow(self, heading: Heading) -> None:
        if heading.kind == "part":
            self.last = 0
        elif heading.kind == "letter":
            self.last_letter = heading.number or 0
        elif heading.number is not None:
            self.last = heading.number


def _continues(items: Sequence[Item], index: int) -> bool:
    """The item goes on from the line above ("...once, in the" / "Fifth Act, at Mantua."): not a heading."""
    if index == 0 or items[index].gap > 0:
        return False
    above = items[index - 1].text.rstrip()
    if above and (above[-1].isalnum() or above[-1] in ",;-–"):
        # A heading or a title above ("ACT I" / "SCENE I.", "Underground" / "I") is not text to go on from.
        return match_heading(above) is None and not is_title_like(above)
    return False


def _candidates(items: Sequence[Item], skip: set[int], normal: int) -> list[ChapterStart]:
    """Headings in reading order, each with the subtitles set under it."""
    starts: list[ChapterStart] = []
    numbering = _Numbering()
    index = 0
    while index < len(items):
        item = items[index]
        heading = (
            None if index in skip or item.divider or _continues(items, index) else match_heading(item.text)
        )
        if heading is not None:
            heading = numbering.as_letter(heading) or heading
        if heading is None or not numbering.accepts(heading):
            index += 1
            continue
        numbering.follow(heading)
        if heading.inner is not None:
            # "ACT I. SCENE I.": the part opens here (spanning nothing), then its first chapter on the line.
            starts.append(ChapterStart(index, heading.text, 0, heading.kind, heading.keyword, heading.number))
            heading = heading.inner
            numbering.follow(heading)
        subtitles = _subtitles(items, index, heading, normal)
        title = _title(heading, subtitles)
        span = 1 + len(subtitles)
        starts.append(ChapterStart(index, title, span, heading.kind, heading.keyword, heading.number))
        index += span
    return starts


def _without_runs(starts: Sequence[ChapterStart]) -> list[ChapterStart]:
    """Drop runs of headings that follow each other with no text between (a contents list).

    A run is a list when it repeats a form ("ACT I." / "ACT II." / "ACT III."); "VOLUME I" / "BOOK I" /
    "CHAPTER I" in a row is one heading of each level, not a list.
    """
    kept: list[ChapterStart] = []
    run: list[ChapterStart] = []
    for start in [*starts, None]:
        if start is not None and run and run[-1].index + run[-1].span == start.index:
            run.append(start)
            continue
        forms = Counter((s.kind, s.keyword) for s in run)
        if len(run) < _TOC_RUN or max(forms.values()) < 2:
            kept.extend(run)
        elif (run[-1].kind, run[-1].number) in {(s.kind, s.number) for s in run[:-1]}:
            kept.append(run[-1])  # the list's first entry again: the real heading right after the list
        run = [start] if start is not None else []
    return kept


def _learned_words(starts: Sequence[ChapterStart]) -> list[ChapterStart]:
    """Headings of a word of the book's own ("ERSTE VIGILIE.") are chapters only in a book without chapter
    words, and only a run of three or more numbered 1, 2, 3, ... in order ("First Love" once is a title)."""
    learned = [start for start in starts if start.keyword.startswith("~")]
    if not learned:
        return list(starts)
    known = any(start.kind == "chapter" and not start.keyword.startswith("~") for start in starts)
    series: dict[str, list[int | None]] = {}
    for start in learned:
        series.setdefault(start.keyword, []).append(start.number)
    counting = {
        word
        for word, numbers in series.items()
        if len(numbers) >= _MIN_LEARNED and numbers == list(range(1, len(numbers) + 1))
    }
    keep = set() if known else set(sorted(counting, key=lambda word: len(series[word]))[-1:])
    return [start for start in starts if not start.keyword.startswith("~") or start.keyword in keep]


def _chapter_words(starts: Sequence[ChapterStart]) -> list[ChapterStart]:
    """Chapters of the text's main word, and of other words only when they frame it (Letters 1-4 before it).

    "ACT I" or "SCENE II" between two CHAPTERs is a play within a chapter, not a chapter.
    """
    words = Counter(start.keyword for start in starts if start.kind == "chapter")
    if not words:
        return list(starts)
    main = words.most_common(1)[0][0]
    inside = [start.index for start in starts if start.kind == "chapter" and start.keyword == main]
    framing = {
        word
        for word in words
        if all(s.index < inside[0] for s in starts if s.kind == "chapter" and s.keyword == word)
        or all(s.index > inside[-1] for s in starts if s.kind == "chapter" and s.keyword == word)
    }
    return [s for s in starts if s.kind != "chapter" or s.keyword == main or s.keyword in framing]


def _letter_sections(starts: Sequence[ChapterStart]) -> list[ChapterStart]:
    """A dictionary's letters ("A" ... "Z") are its chapters when they run through much of the alphabet."""
    letters = sum(1 for start in starts if start.kind == "letter")
    return list(starts) if letters >= _MIN_LETTERS else [s for s in starts if s.kind != "letter"]


def _numbered_sections(starts: Sequence[ChapterStart]) -> list[ChapterStart]:
    """Numbered sections ("XII. La rentrée.") are chapters in a text without chapter words, two or more."""
    numbered = sum(1 for start in starts if start.kind == "numbered")
    worded = any(start.kind == "chapter" for start in starts)
    if numbered >= _MIN_NUMBERED and not worded:
        return list(starts)
    return [start for start in starts if start.kind != "numbered"]


def _holds_chapters(starts: Sequence[ChapterStart], keyword: str) -> bool:
    """Every heading of this part word has a chapter after it, before the next heading of the same word."""
    holding = False
    seen = False
    for start in starts:
        if start.kind == "part" and start.keyword == keyword:
            if seen and not holding:
                return False
            seen, holding = True, False
        elif start.kind in _CHAPTER_LEVEL:
            holding = True
    return holding


def _parts(starts: Sequence[ChapterStart]) -> list[ChapterStart]:
    """Parts that hold chapters; in a text without chapters its parts (a play's acts) are the chapters."""
    if not any(start.kind in _CHAPTER_LEVEL for start in starts):
        return [replace(s, kind="chapter") if s.kind == "part" else s for s in starts]
    words = Counter(start.keyword for start in starts if start.kind == "part")
    # A part heading that holds no chapters ("ACT I" of a play in a chapter) is text, and so is a lone one
    # ("VOL. XII" on a title page): parts come at least two to a book.
    holding = {word for word, count in words.items() if count > 1 and _holds_chapters(starts, word)}
    return [start for start in starts if start.kind != "part" or start.keyword in holding]


def _with_poem_titles(items: Sequence[Item], starts: list[ChapterStart], normal: int) -> list[ChapterStart]:
    """In a collection of poems, the poems' titles are its chapters: where it has no chapter headings, or
    only a few numbered pieces ("TWO HYMNS" / "I." / "II.") among many titled poems."""
    chapters = sum(1 for start in starts if start.kind in _CHAPTER_LEVEL)
    if chapters and len(starts) > _MIN_LEARNED:
        return starts
    found = poem_titles(items, normal)
    if chapters and len(found) <= chapters * 2:
        return starts
    # A collection of prose pieces titles them the same way, when nothing else heads its chapters.
    found = found or ([] if starts else prose_titles(items, normal))
    inside = {index for first, span in found for index in range(first, first + span)}
    titles = [
        ChapterStart(first, " ".join(clean_heading(item.text) for item in items[first : first + span]), span,
                     "chapter", "~poem")
        for first, span in found
        if not any(start.index == first for start in starts)
    ]  # fmt: skip
    kept = [start for start in starts if start.index not in inside]
    return sorted([*kept, *titles], key=lambda start: start.index) if titles else starts


def find_chapters(items: Sequence[Item], normal: int = 1) -> list[ChapterStart]:
    """The chapter and part headings of a story's items, in reading order."""
    starts = _without_runs(_candidates(items, contents_items(items), normal))
    starts = _letter_sections(_numbered_sections(_chapter_words(_learned_words(starts))))
    return _parts(_with_poem_titles(items, starts, normal))
