"""Titled items of a collection: a poem's title set apart above its verse is a chapter of the book."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from ebookify.normalize.structure.headings import is_title_like, match_heading
from ebookify.normalize.structure.paragraphs import Item

# A collection is mostly verse: at least this share of its text is in stanzas.
_VERSE_SHARE = 0.5
# A collection has at least this many titled poems; more when their titles are set apart only above.
_MIN_TITLES = 3
_MIN_LONE_TITLES = 5
# A poem's title is short.
_TITLE_WORDS = 10
# A poem's title block (title, dedication, date, "Epistle.") has at most this many lines.
_BLOCK_ITEMS = 6
# A date line under a title: "1768.", "Christmas Day, 1811.", "OCTOBER, 1814."
_DATE = re.compile(r"^(?:[A-Za-z]+\.? )*(?:[A-Za-z]+,? )?1[5-9]\d\d\.?$")
# A song's credit under its title: who wrote the words or the music, the tune it goes to ("Words by
# Whittier. Music by G.W. Clark.", "BY ELIZA LEE FOLLEN.", "Air--\"Bonny Doon.\"", "FROM THE LIBERATOR.").
_CREDIT = re.compile(r"\b(?:by|air|tune|words|music|arranged|parody|parodied|altered)\b|^\W*from\b", re.I)
# A placeholder for what the text could not hold, or a note set in brackets: "[Music]", "[Footnote 1: ...]".
_BRACKETED = re.compile(r"^\[[^\[\]]{1,400}\]$", re.DOTALL)
# Lines under a title before its first stanza (credits, a motto, "[Music]", "Solo."): at most this many.
_MATTER_ITEMS = 5


def _is_poem_title(items: Sequence[Item], index: int, normal: int) -> bool:
    """A short title line with more space above and below it than between stanzas, over a stanza."""
    item = items[index]
    following = items[index + 1] if index + 1 < len(items) else None
    if following is None or not following.verse or item.verse or item.divider or "\n" in item.text:
        return False
    framed = (index == 0 or item.gap > normal) and following.gap > normal
    return framed and is_title_like(item.text, _TITLE_WORDS) and match_heading(item.text) is None


def _is_block_line(item: Item, first: bool) -> bool:
    """A line of a poem's title block: a title, its dedication ("AN EPISTLE TO A LADY.", "ON"), a date;
    under the first line, any short line (a motto, a dedication over two lines). Never a placeholder."""
    text = item.text.strip()
    if item.verse or item.divider or "\n" in text or not text or _BRACKETED.match(text):
        return False
    if not first:
        return len(text.split()) <= _TITLE_WORDS and text[-1] not in ",;"
    return bool(_DATE.match(text)) or is_title_like(text.rstrip(":"), _TITLE_WORDS)


def _is_credit(item: Item) -> bool:
    """A credit line under a song's title ("Words by Cowper. Tune--\"Isle of Beauty.\"")."""
    text = item.text.strip()
    return not item.verse and "\n" not in text and len(text) <= _CREDIT_WIDTH and bool(_CREDIT.search(text))


# A credit is one line of at most this many characters.
_CREDIT_WIDTH = 80


def _matter(items: Sequence[Item], start: int, opening: int) -> int:
    """How many items from `start` are what a songbook sets between a title and the first stanza: credits,
    a bracketed placeholder or note ("[Music]"), a short motto or label ("Solo."); 0 unless one of them is
    a credit or a placeholder (any short line alone is no reason to look past it)."""
    end = start
    while end < len(items) and end - start < _MATTER_ITEMS:
        item = items[end]
        text = item.text.strip()
        short = "\n" not in text and len(text.split()) <= _TITLE_WORDS
        # Matter sits closer than the gap that sets the title apart: past such a gap is the next title.
        if item.verse or item.divider or item.gap >= opening:
            break
        if not (_is_credit(item) or _BRACKETED.match(text) or short):
            break
        end += 1
    marked = any(_is_credit(item) or _BRACKETED.match(item.text.strip()) for item in items[start:end])
    return end - start if marked else 0


def _title_block(items: Sequence[Item], index: int, normal: int, title_gap: int = 0) -> int:
    """How many items from `index` make a poem's title block: lines set close together after a wider gap,
    right over the poem's first stanza ("FELPHAM:" / "AN EPISTLE TO HENRIETTA OF LAVANT." / "1814." /
    "FELPHAM."), or over a song's credits ("GONE, SOLD AND GONE." / "Words by Whittier." / "[Music]"),
    which stay text of the poem; 0 when there is none. Once the collection's `title_gap` is known, a short
    line of any case set that far apart opens a block too ("March on! March on!" / "TUNE:--...")."""
    if index and items[index].gap <= normal:
        return 0
    if title_gap and _set_apart(items[index], title_gap) and _matter(items, index + 1, items[index].gap):
        end = index + 1
        matter = _matter(items, end, items[index].gap)
        following = items[end + matter] if end + matter < len(items) else None
        return int(
            following is not None and bool(following.verse) and match_heading(items[index].text) is None
        )
    end = index
    opening = items[index].gap if index else len(items)  # the text's first item is set apart by its start
    # The block ends at a credit (the title is the lines above it) and at a gap as wide as the one that
    # sets the block apart: a half-title ("THE" / "LIBERTY MINSTREL.") over the first title is not part of it.
    while (
        end < len(items)
        and end - index < _BLOCK_ITEMS
        and _is_block_line(items[end], end == index)
        and (end == index or (items[end].gap < opening and not _is_credit(items[end])))
        and not _opens_numbered_parts(items, end)
    ):
        end += 1
    matter = _matter(items, end, opening) if end > index else 0
    if end - index < (1 if matter else 2) or not _over_poem(items, end + matter):
        return 0
    if _title_page_above(items, index, end):
        return 0
    return end - index if not any(match_heading(item.text) for item in items[index:end]) else 0


def _title_page_above(items: Sequence[Item], index: int, end: int) -> bool:
    """Three lines or more before any verse, whose last is set further below the lines above it than those
    are from each other: a book's title page (title, author) over its first poem's title ("Zueignung."),
    not one block. (Further on, a title over its date repeats the title so: "FELPHAM:" ... "FELPHAM.")"""
    gaps = [item.gap for item in items[index + 1 : end]]
    if len(gaps) < 2 or gaps[-1] <= max(gaps[:-1]):
        return False
    return not any(item.verse for item in items[:index])  # stops at the first verse: the text's start


def _opens_numbered_parts(items: Sequence[Item], index: int) -> bool:
    """A lone "I." (or "1.") right over a stanza: the first of the numbered poems under one title ("TWO
    HYMNS" / "Written for the Asylum of Female Orphans." / "I." / stanzas / "II." / stanzas); or over the
    first poem's own title, set close under it ("UN FANTOME" / "I" / "LES TÉNÈBRES" / stanzas)."""
    heading = match_heading(items[index].text) if index + 1 < len(items) else None
    if heading is None or heading.kind != "bare" or heading.number != 1:
        return False
    below = items[index + 1]
    if below.verse:
        return True
    titled = index + 2 < len(items) and bool(items[index + 2].verse) and "\n" not in below.text
    return (
        titled
        and below.gap <= items[index].gap
        and is_title_like(below.text)
        and not match_heading(below.text)
    )


def _over_poem(items: Sequence[Item], index: int) -> bool:
    """A title stands over a poem's first stanza, or over the first number of the poems it gathers."""
    return index < len(items) and (bool(items[index].verse) or _opens_numbered_parts(items, index))


def poem_titles(items: Sequence[Item], normal: int) -> list[tuple[int, int]]:
    """Where the titles of a collection's poems are and how many items each spans (a title line, or a
    title block), or nothing when the text is not such a collection."""
    # Measured in characters: a poem's title block is several short items over a stanza of many lines.
    texts = [item for item in items if not item.divider]
    verse = sum(len(item.text) for item in texts if item.verse)
    if not texts or verse < _VERSE_SHARE * sum(len(item.text) for item in texts):
        return []
    blocks = _titles(items, normal, lambda index: _title_block(items, index, normal))
    if len(blocks) >= _MIN_TITLES:
        # The collection sets its titles in blocks: a lone title line after a wide gap is one too, and so is
        # any short line set as far apart as its titles are ("Remembering that God is just.", "Oh! Charity!").
        title_gap = Counter(items[index].gap for index, _ in blocks).most_common(1)[0][0]
        return _titles(
            items,
            normal,
            lambda index: (
                _title_block(items, index, normal, title_gap) or _lone(items, index, normal, title_gap)
            ),
        )
    titles = _titles(items, normal, lambda index: int(_is_poem_title(items, index, normal)))
    if len(titles) >= _MIN_TITLES:
        return titles
    # A collection may set its titles apart only above, right over the first stanza ("}  Song of Myself"
    # three blank lines under the last poem, one over its verse): many such lines are its titles.
    lone = _titles(items, normal, lambda index: _lone(items, index, normal, normal + 1))
    return lone if len(lone) >= _MIN_LONE_TITLES else []


def _titles(items: Sequence[Item], normal: int, span_at: Callable[[int], int]) -> list[tuple[int, int]]:
    titles: list[tuple[int, int]] = []
    index = 0
    while index < len(items):
        span = span_at(index)
        if span:
            titles.append((index, span))
        index += max(span, 1)
    return titles


def _lone(items: Sequence[Item], index: int, normal: int, title_gap: int) -> int:
    """1 for a title line alone after a wide gap, right over a stanza ("_Hymn to Contrition._") or its first
    section's number, or for a short line of any case after a gap as wide as the collection's titles have."""
    item = items[index]
    if not _over_poem(items, index + 1) or item.gap <= normal:
        return 0
    if not (_is_block_line(item, True) or _set_apart(item, title_gap)):
        return 0
    return int(match_heading(item.text) is None)


def title_under_heading(items: Sequence[Item], index: int) -> bool:
    """A title line right under a part's heading, over a stanza: the part's first poem ("[BOOK II]" /
    "}  Starting from Paumanok" / verse), however close under the heading it is set."""
    following = items[index + 1] if index + 1 < len(items) else None
    if following is None or following.divider:
        return False
    # Over its first stanza, the first number of its sections, or a one-line stanza: never over a heading.
    heading = match_heading(following.text)
    over = heading is None or (heading.kind == "bare" and heading.number == 1)
    return over and _is_block_line(items[index], True) and match_heading(items[index].text) is None


def _set_apart(item: Item, title_gap: int) -> bool:
    """A short line set as far apart as the collection's titles: a title, whatever its case."""
    text = item.text.strip()
    short = len(text.split()) <= _TITLE_WORDS and text[-1:] not in ",;:"
    return item.gap >= title_gap and short and _is_block_line(item, False)


# A collection of short prose pieces (fables, sketches) titles at least this many of them.
_MIN_PROSE_TITLES = 5


def prose_titles(items: Sequence[Item], normal: int) -> list[tuple[int, int]]:
    """The titles of a collection of prose pieces ("The Wolf and the Lamb" over its fable): a title line,
    no sentence, after a gap wider than the text's usual one and over a paragraph set closer. Nothing
    unless the text titles many pieces so."""
    titles = [(index, 1) for index in range(len(items)) if _is_prose_title(items, index, normal)]
    if len(titles) < _MIN_PROSE_TITLES:
        return []
    # Where the pieces open in capitals ("A WOLF, meeting with a Lamb"), a title line set no wider apart
    # than the text (a stretch of Aesop typed with single gaps) over a piece that opens so is a title too.
    if sum(1 for index, _ in titles if _opens_in_capitals(items[index + 1])) * 5 >= len(titles) * 4:
        closer = [
            (index, 1)
            for index in range(1, len(items) - 1)
            if _opens_in_capitals(items[index + 1]) and _is_prose_title(items, index, normal, set_apart=False)
        ]
        titles = sorted({*titles, *closer})
    return titles


# A piece's first words set in capitals: "A WOLF,", "THE BEASTS of the field".
_CAPITALS_OPENING = re.compile(r"^(?:(?:A|AN|THE)\s+)?[A-Z][A-Z'’-]{2,}\b")


def _opens_in_capitals(item: Item) -> bool:
    return not item.verse and _CAPITALS_OPENING.match(item.text.lstrip()) is not None


def _is_prose_title(items: Sequence[Item], index: int, normal: int, set_apart: bool = True) -> bool:
    """A title line over a piece: set apart by a wider gap than the text's (unless not `set_apart`)."""
    item = items[index]
    following = items[index + 1] if index + 1 < len(items) else None
    if following is None or following.verse or following.divider or item.verse or item.divider:
        return False
    text = item.text.strip()
    if "\n" in text or (index and set_apart and item.gap <= normal) or following.gap > normal:
        return False
    # A title names; it does not end a sentence (unless set in capitals) and is no heading of another kind.
    if text[-1:] in ".!?:;," and not text.isupper():
        return False
    return is_title_like(text, _TITLE_WORDS) and match_heading(text) is None
