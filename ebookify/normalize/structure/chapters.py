"""The chapters and parts among heading candidates: contents runs, learned words, sections, poem titles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ebookify.normalize.structure.contents_lists import contents_items
from ebookify.normalize.structure.first_chapter import unheaded_first
from ebookify.normalize.structure.heading_candidates import ChapterStart, chapter_candidates, title_with
from ebookify.normalize.structure.headings import PART_PREFIX, clean_heading
from ebookify.normalize.structure.marked_headings import with_marked_headings
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.parts_over import parts_over_runs
from ebookify.normalize.structure.poems import poem_titles, prose_titles, title_under_heading
from ebookify.normalize.structure.scene_titles import with_scene_titles

# Headings in a row with nothing between them are a contents list, not chapters.
_TOC_RUN = 3
# Numbered sections are chapters when there are at least this many.
_MIN_NUMBERED = 2
_OUTNUMBERED = 10
# Headings that are chapters (as opposed to parts that group them, or specials such as a prologue).
_CHAPTER_LEVEL = ("chapter", "bare", "numbered", "letter")
# A run of fewer letter sections than this is no alphabet.
_MIN_LETTERS = 5
# A word of the book's own is a heading word when at least this many headings count up with it.
_MIN_LEARNED = 3


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
    worded = sum(1 for start in starts if start.kind == "chapter")
    # A chapter word heard a few times among ten times as many numbered sections is a section's title
    # ("15. GESANG DER GEISTER ÜBER DEN WASSERN" among 138 numbered poems), no book of chapters.
    if numbered >= _MIN_NUMBERED and numbered >= _OUTNUMBERED * worded:
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
    # Bare numbers alone may be the sections of long poems ("     1" over "I celebrate myself"): then the
    # poems' titles may still hold them, as below.
    numbers_only = all(start.kind == "bare" for start in starts if start.kind in _CHAPTER_LEVEL)
    if chapters and len(starts) > _MIN_LEARNED and not numbers_only:
        return starts
    found = with_scene_titles(items, poem_titles(items, normal), normal)
    if found:
        # A part's first poem may stand right under the part's heading, closer than its titles stand.
        heads = {start.index + 1 for start in starts if start.kind == "part"} - {first for first, _ in found}
        found = sorted([*found, *((i, 1) for i in heads if title_under_heading(items, i))])
    # The numbers of the poems gathered under one of the titles are no chapters of their own.
    parts = _numbered_parts(starts, found)
    if numbers_only and _restarting(starts) and len(found) >= _MIN_LEARNED:
        # Numbers that count from 1 again and again among many titled poems number sections of poems.
        parts |= {start.index for start in starts if start.kind == "bare"}
    chapters -= len(parts)
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
    kept = [_without_title(items, start, inside) for start in starts if start.index not in parts]
    kept = [start for start in kept if start.index not in inside]
    return sorted([*kept, *titles], key=lambda start: start.index) if titles else starts


def _without_title(items: Sequence[Item], start: ChapterStart, titles: set[int]) -> ChapterStart:
    """A part heading that took a poem's title under it as its own ("[BOOK II]" / "}  Starting from
    Paumanok") gives it back: the title heads the part's first poem."""
    inside = any(start.index < i < start.index + start.span for i in titles)
    if start.kind != "part" or start.span < 2 or not inside:
        return start
    return replace(start, title=clean_heading(items[start.index].text), span=1)


def _restarting(starts: Sequence[ChapterStart]) -> bool:
    """Bare numbers that start again from 1 more than once: sections inside pieces, not a book's chapters."""
    return sum(1 for start in starts if start.kind == "bare" and start.number == 1) > 1


def _numbered_parts(starts: Sequence[ChapterStart], titles: Sequence[tuple[int, int]]) -> set[int]:
    """Where the numbers of poems gathered under one title stand ("TWO HYMNS" over "I." and "II."): a
    run of bare numbers counting up from 1 right under a title, up to the next title. They are parts of
    that title's chapter, not chapters of their own."""
    found: set[int] = set()
    ends = sorted(first for first, _ in titles)
    for first, span in titles:
        following = next((start for start in starts if start.index == first + span), None)
        if following is None or following.kind != "bare" or following.number != 1:
            continue
        stop = next((end for end in ends if end > first), None)
        number = 0
        for start in starts:
            if start.index < following.index or (stop is not None and start.index >= stop):
                continue
            if start.kind != "bare" or start.number != number + 1:
                break
            found.add(start.index)
            number += 1
    return found


def find_chapters(items: Sequence[Item], normal: int = 1) -> list[ChapterStart]:
    """The chapter and part headings of a story's items, in reading order."""
    starts = _without_runs(chapter_candidates(items, contents_items(items), normal))
    starts = _letter_sections(_numbered_sections(_chapter_words(_learned_words(starts))))
    starts = _special_titles(items, unheaded_first(items, starts, normal))
    starts = with_marked_headings(items, starts)
    starts = _prefix_parts(items, _with_poem_titles(items, starts, normal))
    return _parts(parts_over_runs(items, starts, normal))


# A special heading's word set close under a number-only chapter heading is that chapter's title, not a
# chapter of its own: "CHAPITRE XXX." / "Conclusion." is one chapter, the book's last (an empty chapter
# before it otherwise). Close: at most this many blank lines between them.
_SPECIAL_TITLE_GAP = 2


def _special_titles(items: Sequence[Item], starts: list[ChapterStart]) -> list[ChapterStart]:
    """The starts with each special heading that stands right under an untitled numbered chapter heading
    taken into that heading's title."""
    out: list[ChapterStart] = []
    for start in starts:
        last = out[-1] if out else None
        if (
            last is not None
            and start.kind == "special"
            and last.kind == "chapter"
            and last.span == 1
            and last.number is not None
            and start.index == last.index + 1
            and items[start.index].gap <= _SPECIAL_TITLE_GAP
            and "\n" not in items[start.index].text
        ):
            out[-1] = replace(last, title=title_with(last, items[start.index].text), span=2)
            continue
        out.append(start)
    return out


# Each part named before its chapters' numbers holds this many chapters at least, two parts at least.
_PREFIX_RUN = 2


def _prefix_parts(items: Sequence[Item], starts: list[ChapterStart]) -> list[ChapterStart]:
    """Chapters headed "Inferno · Canto I" ... "Purgatorio · Canto I" belong to the part their headings
    name, each run of one name a part: its heading opens the run, on the line set above its first chapter
    when that line is the part's name alone ("INFERNO"), else before the chapter itself."""
    names = [_prefix(start) for start in starts]
    runs: list[tuple[int, int]] = []  # (position in starts of a run's first chapter, run length)
    for position, name in enumerate(names):
        if name is None:
            continue
        if runs and names[position - 1] == name and position == runs[-1][0] + runs[-1][1]:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((position, 1))
    if (
        len(runs) < 2
        or any(length < _PREFIX_RUN for _, length in runs)
        or any(s.kind == "part" for s in starts)
    ):
        return starts
    out = list(starts)
    for position, _ in reversed(runs):
        first = starts[position]
        name = names[position] or ""
        above = first.index - 1
        lone = above >= 0 and items[above].text.strip().casefold() == name.casefold()
        index, span = (
            (above, 1) if lone and (position == 0 or starts[position - 1].index < above) else (first.index, 0)
        )
        out.insert(position, ChapterStart(index, name, span, "part", "~prefix"))
    return out


def _prefix(start: ChapterStart) -> str | None:
    match = PART_PREFIX.match(start.title) if start.kind in _CHAPTER_LEVEL else None
    return match.group("part").strip() if match else None
