"""Chapter heading candidates in reading order: the numbering they follow and the subtitles set under them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ebookify.normalize.structure.headings import (
    Heading,
    clean_heading,
    is_heading_word,
    is_title_like,
    match_heading,
)
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.subheadings import opens_sections

# Subtitles sit close under their heading.
_SUBTITLE_GAP = 2
# A motto under a chapter's heading, a sentence closed by its author's name after a dash ("These little
# things are great to little man.--GOLDSMITH."): an epigraph, not the chapter's title.
_SOURCED = re.compile(r"[a-z][^\n]*[.!?,;]\s*(?:--|—|–)\s*[A-Z][A-Z .,'’-]{2,}\.?$")
# Numbered sections may skip this many numbers ("45. STU" then "50. NIXON").
_NUMBER_SKIP = 5
# Letter sections may skip a letter (no words under X).
_LETTER_SKIP = 2
# A bare number may skip one number once this many have counted up: an old etext's misprinted heading
# ("XV", "XVl" lost to OCR, "XVII") must not end the book's chapters there.
_ESTABLISHED_RUN = 5


@dataclass(frozen=True)
class ChapterStart:
    """A heading found at item `index`, its title, and how many items (heading and subtitles) it spans."""

    index: int
    title: str
    span: int
    kind: str
    keyword: str = ""
    number: int | None = None


def _is_subtitle(items: Sequence[Item], index: int, normal: int) -> bool:
    """A title line under a heading: set like a title, or short and set off by a wide gap below it."""
    item = items[index]
    if item.gap > _SUBTITLE_GAP or item.divider or "\n" in item.text or match_heading(item.text):
        return False
    # An "[Illustration: ...]" caption, a "(Kept in shorthand.)" note or a "SCENE" label is not a title.
    if item.text.lstrip()[:1] in "[(" or is_heading_word(item.text) or _SOURCED.search(item.text.strip()):
        return False
    # "A. First Choices" under "CHAPTER 1", "B. ..." further down: the chapter's first section, not its title.
    if opens_sections(items, index):
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
        if not (_is_subtitle(items, offset, normal) or _half_title(items, offset, heading)):
            break
        # A part's title does stand right above its first chapter's heading; a chapter's does not.
        if heading.kind != "part" and _over_heading(items, offset):
            break
        found.append(items[offset].text.strip())
    return found


def _half_title(items: Sequence[Item], index: int, heading: Heading) -> bool:
    """A part's title alone between its heading and its first chapter's, however wide the gaps around it
    (Middlemarch's "BOOK II." / four blank lines / "OLD AND YOUNG." / "CHAPTER XIII.", a print's half-title
    page): nothing else stands there."""
    item = items[index]
    if heading.kind != "part" or item.divider or "\n" in item.text or index + 1 >= len(items):
        return False
    following = match_heading(items[index + 1].text)
    if following is None or following.kind == "part" or match_heading(item.text) is not None:
        return False
    return is_title_like(item.text)


def _over_heading(items: Sequence[Item], index: int) -> bool:
    """The item stands right above a heading, or ends the text: it is all the text its chapter has, so it is
    that text, never the chapter's title (a play's scene that is one short speech)."""
    return index + 1 >= len(items) or match_heading(items[index + 1].text) is not None


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
        if heading.kind == "bare" and self.last >= _ESTABLISHED_RUN:
            skip = 2
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


def _repeated(items: Sequence[Item], index: int, heading: Heading, taken: set[tuple[str, str]]) -> list[str]:
    """The line under an untitled heading when it repeats word for word the title an earlier heading of the
    same word took: Frankenstein's 'Letter 4' sets its '_To Mrs. Saville, England._' two blank lines down
    where Letters 1-3 set it one; the same words under a sibling are its title whatever the gap."""
    below = index + 1
    if heading.titled or below >= len(items) or _over_heading(items, below):
        return []
    text = items[below].text.strip()
    return [text] if (heading.keyword, text) in taken else []


def chapter_candidates(items: Sequence[Item], skip: set[int], normal: int) -> list[ChapterStart]:
    """Headings in reading order, each with the subtitles set under it."""
    starts: list[ChapterStart] = []
    numbering = _Numbering()
    taken: set[tuple[str, str]] = set()  # (heading word, subtitle) pairs taken so far
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
        subtitles = _subtitles(items, index, heading, normal) or _repeated(items, index, heading, taken)
        taken.update((heading.keyword, subtitle) for subtitle in subtitles)
        title = _title(heading, subtitles)
        span = 1 + len(subtitles)
        starts.append(ChapterStart(index, title, span, heading.kind, heading.keyword, heading.number))
        index += span
    return _with_book_titles(items, starts)


# A book that prints a title under most of its number-only chapter headings prints one under each: when more
# than this share of them (three at least) carry a title by the strict test above, a plainer line under the
# others is their title too ("CHAPITRE I." / "Comment Candide fut élevé dans un beau château, et comment il
# fut chassé d'icelui.", a sentence too long and not in title case; "-V-" / "Trabajo. Paisaje. Figura").
_TITLED_SHARE = 1 / 2
_MIN_TITLED = 3
# Such a title is short: two lines as written, this many words at most.
_BOOK_TITLE_LINES = 2
_BOOK_TITLE_WORDS = 30
# Speech, a quotation, a note or a direction opens with one of these: text, not a title.
_NOT_TITLE_START = "\"“‘'«»„([-—–_*"


def _with_book_titles(items: Sequence[Item], starts: list[ChapterStart]) -> list[ChapterStart]:
    """The number-only headings without a title given the short line under them as theirs, when most of the
    book's number-only headings carry one."""
    untitled = [
        start
        for start in starts
        if start.kind in ("chapter", "bare")
        and (heading := match_heading(items[start.index].text)) is not None
        and not heading.titled
    ]
    titled = sum(1 for start in untitled if start.span > 1)
    if titled < _MIN_TITLED or titled <= len(untitled) * _TITLED_SHARE:
        return starts
    chosen = {start.index for start in untitled if start.span == 1 and _plain_title(items, start.index + 1)}
    return [
        replace(start, title=title_with(start, items[start.index + 1].text), span=2)
        if start.index in chosen
        else start
        for start in starts
    ]


def _plain_title(items: Sequence[Item], index: int) -> bool:
    """A short line close under a heading, set as a title is in this book: not speech, a note or a stanza,
    with the text going on under it no closer than it sits under the heading."""
    if _over_heading(items, index):
        return False
    item, below = items[index], items[index + 1]
    text = " ".join(item.text.split())
    if item.gap > _SUBTITLE_GAP or item.divider or item.verse or below.gap < item.gap:
        return False
    if item.lines > _BOOK_TITLE_LINES or len(text.split()) > _BOOK_TITLE_WORDS or text[-1] in ",;:":
        return False
    return text[0] not in _NOT_TITLE_START and text[0].isupper() and match_heading(text) is None


def title_with(start: ChapterStart, subtitle: str) -> str:
    """The start's title with the line under it added: "CHAPITRE XXX: Conclusion"."""
    separator = ". " if start.kind == "bare" else ": "
    return start.title + separator + clean_heading(" ".join(subtitle.split()))
