"""Body text to structure: header fields, front notes, chapters of paragraphs and scene breaks, end notes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from ebookify.model import LayoutReport, ParagraphMarks, SceneBreak, SubheadingRole
from ebookify.normalize.markup.marks import marked_chapters, marked_sections
from ebookify.normalize.matter.contents import drop_contents
from ebookify.normalize.matter.languages import detect_language
from ebookify.normalize.matter.matter import is_half_title
from ebookify.normalize.matter.notes import (
    AFTERWORD_HEADINGS,
    PREFACE_HEADINGS,
    headed_note,
    is_preface,
    take_end_notes,
    take_front_notes,
)
from ebookify.normalize.structure.anchors import drop_hypertext_marks
from ebookify.normalize.structure.arguments import with_arguments
from ebookify.normalize.structure.attributions import is_source_line
from ebookify.normalize.structure.bracket_notes import lift_bracket_notes
from ebookify.normalize.structure.breaks import count_breaks, is_play, scene_gaps
from ebookify.normalize.structure.chapters import find_chapters
from ebookify.normalize.structure.dialogue import split_merged_dialogue
from ebookify.normalize.structure.footnotes import lift_footnotes
from ebookify.normalize.structure.front_matter import is_front_matter
from ebookify.normalize.structure.furniture import drop_page_furniture
from ebookify.normalize.structure.half_titles import drop_half_titles
from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.headings import byline_field
from ebookify.normalize.structure.layout import undouble
from ebookify.normalize.structure.line_breaks import is_credit_line
from ebookify.normalize.structure.line_numbers import drop_line_numbers
from ebookify.normalize.structure.listed import listed_titles, with_listed_titles
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.raw import RawBlock, RawChapter, RawStory, RawVerse
from ebookify.normalize.structure.scenes import normal_gap
from ebookify.normalize.structure.sections import ChapterRanges, split_sections
from ebookify.normalize.structure.spaced_stanzas import spaced_stanzas
from ebookify.normalize.structure.story_parts import StoryParts, split_parts
from ebookify.normalize.structure.subheadings import RawSubheading, SubheadingItem, mark_subheadings
from ebookify.normalize.structure.tabs import expand_tabs


def scene_blocks(items: Sequence[Item], normal: int = 1, play: bool = False) -> Iterable[RawBlock]:
    """Paragraphs with scene breaks for dividers and wide gaps, none at the edges (no gaps in a play)."""
    pending = False
    started = False
    gaps = scene_gaps(items, normal, play)
    for index, item in enumerate(items):
        if item.divider:
            pending = True
            continue
        if index in gaps:
            pending = True
        if pending and started:
            yield SceneBreak()
        pending, started = False, True
        if isinstance(item, SubheadingItem):
            yield RawSubheading(item.text, item.role)
        elif item.verse:
            yield RawVerse(tuple(zip(item.verse, item.text.split("\n"), strict=True)))
        else:
            yield item.text


def _split_dialogue(chapters: Sequence[RawChapter]) -> list[RawChapter]:
    """Merged dialogue split, one speaker per paragraph, when the text runs speakers together habitually."""
    texts = [block for chapter in chapters for block in chapter.blocks if isinstance(block, str)]
    splits = split_merged_dialogue(texts)
    if splits is None:
        return list(chapters)
    parts = iter(splits)  # each paragraph's own split, in the order of `texts`
    return [
        replace(chapter, blocks=tuple(b for block in chapter.blocks for b in _split_block(block, parts)))
        for chapter in chapters
    ]


def _split_block(block: RawBlock, parts: Iterator[list[str]]) -> Iterable[RawBlock]:
    return next(parts) if isinstance(block, str) else (block,)


def _note_texts(items: Iterable[Item]) -> tuple[str, ...]:
    """Notes keep their paragraphs as written; their divider lines are dropped."""
    return tuple(item.text for item in items if not item.divider)


def _is_epigraph(item: Item) -> bool:
    """A stanza of two lines or more over its source, set one level deeper ("Thomas Parke d’Invilliers").
    A title page's block set in steps is none: a line in capitals ("THE PINERO BIRTHDAY BOOK", "A COMEDY")
    is a title's, and "By ARTHUR PINERO" under it is a by-line, not a poem's source."""
    levels = item.verse
    *lines, last = item.text.split("\n")
    if any(line.isupper() for line in lines) or byline_field(last) is not None:
        return False
    # The source after a dash ("--WORDSWORTH.") names itself whatever its indent.
    if len(levels) > 2 and is_credit_line(last):
        return True
    return len(levels) > 2 and levels[-1] > max(levels[:-1]) and is_source_line(last)


def _front_blocks(items: Iterable[Item]) -> tuple[RawBlock, ...]:
    """Front matter keeps its paragraphs as written; other short lines there (a cast list, a list of
    impressions) look like verse and are not. An epigraph is the story's, not the front matter's."""
    return tuple(item.text for item in items if not item.divider and not _is_epigraph(item))


def _with_epigraphs(front: Iterable[Item], chapters: list[RawChapter]) -> list[RawChapter]:
    """The epigraphs of the front matter (a stanza over its source) head the first chapter as verse: the
    book opens its story with them, as a story with no front matter does ("What ho! what ho!")."""
    verses = tuple(
        RawVerse(tuple(zip(item.verse, item.text.split("\n"), strict=True)))
        for item in front
        if not item.divider and _is_epigraph(item)
    )
    if not verses or not chapters:
        return chapters
    return [replace(chapters[0], blocks=(*verses, *chapters[0].blocks)), *chapters[1:]]


def _clean_lines(text: str) -> list[str]:
    """Lines without byte-order marks or trailing spaces, tabs expanded (indentation is layout)."""
    return [line.rstrip() for line in expand_tabs(text.replace("\ufeff", "").split("\n"))]


def _chapters(
    items: Sequence[Item], starts: Sequence[ChapterStart], normal: int, notes: bool = True
) -> tuple[list[Item], list[RawChapter]]:
    """Items before the first heading, and the chapters from each heading to the next."""
    if not starts:
        return [], [RawChapter(None, tuple(scene_blocks(items, normal)))]
    play = is_play(items)  # measured over the whole text, not chapter by chapter
    chapters = [
        _chapter(items, section, normal, notes and len(starts) > 1, play)
        for section in split_sections(items, starts)
    ]
    return list(items[: starts[0].index]), chapters


def _section_blocks(
    items: Sequence[Item], ranges: Sequence[tuple[int, int]], normal: int, play: bool
) -> tuple[RawBlock, ...]:
    return tuple(block for start, end in ranges for block in scene_blocks(items[start:end], normal, play))


def _chapter(
    items: Sequence[Item], section: ChapterRanges, normal: int, several: bool, play: bool
) -> RawChapter:
    """A chapter; in a story of several chapters, the A/N and sign-off at its edges are its own notes. A note
    set under the heading of the part the chapter opens comes first among its notes."""
    ranges = list(section.ranges)
    opening = _note_texts(item for start, end in section.notes for item in items[start:end])
    if not several or not ranges:
        return RawChapter(section.title, _section_blocks(items, ranges, normal, play), section.part, opening)
    (first, first_end), (last, last_end) = ranges[0], ranges[-1]
    front, _ = take_front_notes(items[first:first_end])
    ranges[0] = (first + len(front), first_end)
    last = max(last, ranges[-1][0])
    rest, end = take_end_notes(items[last:last_end], normal)
    ranges[-1] = (ranges[-1][0], last + len(rest))
    body = _section_blocks(items, ranges, normal, play)
    if all(isinstance(block, SceneBreak) for block in body):
        # A chapter that is all "notes" is text.
        return RawChapter(
            section.title, _section_blocks(items, section.ranges, normal, play), section.part, opening
        )
    return RawChapter(section.title, body, section.part, (*opening, *_note_texts(front)), _note_texts(end))


def parse_structure(text: str, known: Sequence[tuple[str, str]] = ()) -> RawStory:
    """Recover header fields, notes, chapters and paragraphs from decoded text.

    `known` are fields read before (a Markdown front matter): they come first and count as the header.
    """
    lines, double = undouble(_clean_lines(text))
    lines, marks = drop_hypertext_marks(lines)
    furniture = drop_page_furniture(lines)
    numbered, line_numbers = drop_line_numbers(furniture.lines)
    feet = lift_footnotes(numbered)
    bracketed = lift_bracket_notes(feet.lines)
    parts = split_parts(bracketed.lines, known)
    if feet.notes:
        parts.repairs.append(
            f"moved {len(feet.notes)} page-foot notes out of their paragraphs to the end notes"
        )
    if bracketed.notes:
        # The notes' label ("FOOTNOTES:") went with them; only the bracketed notes are counted.
        count = sum(1 for note in bracketed.notes if note.startswith("["))
        parts.repairs.append(f"moved a transcriber's [Footnote] blocks to the end notes: {count}")
    if marks:
        parts.repairs.append(f"removed a hypertext edition's anchors and labels: {marks} lines")
    if line_numbers:
        parts.repairs.append(f"removed the verse's line numbers set in the margin: {line_numbers}")
    if furniture.removed:
        parts.repairs.append(
            f"removed page furniture (running heads, footers, page numbers): {furniture.removed} lines"
        )
    normal = normal_gap(item.gap for item in parts.items[1:])
    parts.items = spaced_stanzas(parts.items, normal)
    # A printed book's chapters have no writer's notes: only fan fiction's A/N are taken apart.
    listed = listed_titles(drop_contents(furniture.lines).dropped)
    starts = marked_chapters(parts.items) or with_arguments(
        parts.items,
        with_listed_titles(parts.items, find_chapters(parts.items, normal), listed, normal),
        normal,
    )
    if not parts.gutenberg and len(starts) > 1:
        # The writer's "Introduction" and "Conclusion" over their own talk are notes, no chapters.
        if headed_note(parts.items[: starts[1].index], PREFACE_HEADINGS):
            starts = starts[1:]
        if headed_note(parts.items[starts[-1].index :], AFTERWORD_HEADINGS):
            parts.end[:0] = parts.items[starts[-1].index :]
            parts.items, starts = parts.items[: starts[-1].index], starts[:-1]
    parts.items, starts = drop_half_titles(parts.items, starts, parts.fields)
    bodies = _chapter_bodies(starts, len(parts.items))
    parts.items = mark_subheadings(parts.items, bodies, marked_sections(parts.items))
    before, chapters = _chapters(parts.items, starts, normal, notes=not parts.gutenberg)
    if len(chapters) > 1 and not chapters[-1].blocks and chapters[-1].title and parts.end:
        # A last heading whose text all went to the end notes ("-=) Conclusion (=-" over the writer's
        # afterword) heads those notes; it is no empty chapter.
        parts.end.insert(0, Item(chapters.pop().title or ""))
    if parts.gutenberg and is_front_matter(before, chapters):
        # A printed book's front matter (title page, dedication, contents) comes before its first chapter;
        # its half-title (the title again, "DRACULA") is kept as the printed title, not shown twice.
        half_titles = [item for item in before if is_half_title(item.text, parts.fields)]
        parts.fields += [("Printed title", item.text) for item in half_titles]
        parts.front += [item for item in before if item not in half_titles]
    elif not parts.gutenberg and (is_preface(before) or headed_note(before, PREFACE_HEADINGS)):
        # The writer's preface before the first chapter ("At the request of over forty users, ...").
        parts.front += before
    elif any(not item.divider for item in before):
        chapters.insert(0, RawChapter(None, tuple(scene_blocks(before, normal))))
    if all(isinstance(block, SceneBreak) for chapter in chapters for block in chapter.blocks):
        # A text that is all "notes" is the story itself: never leave the body empty.
        body = [*parts.front, *parts.items, *parts.end, *parts.colophon]
        only = RawChapter(None, tuple(scene_blocks(body, normal)))
        return RawStory(tuple(parts.fields), tuple(_split_dialogue([only])))
    return RawStory(
        fields=tuple(parts.fields),
        chapters=tuple(_with_epigraphs(parts.front, _split_dialogue(chapters))),
        front_notes=_front_blocks(parts.front),
        end_notes=(*_note_texts(parts.end), *feet.notes, *bracketed.notes),
        colophon=_note_texts(parts.colophon),
        printed=parts.gutenberg,
        repairs=tuple(parts.repairs),
        language=detect_language(" ".join(item.text for item in parts.items)),
        layout=_layout_report(parts, double, normal, chapters),
    )


def _chapter_bodies(starts: Sequence[ChapterStart], count: int) -> list[tuple[int, int]]:
    """The (start, end) item ranges of the text before the first heading and under each heading."""
    bounds = [0, *(start.index for start in starts), count]
    heads = [0, *(start.span for start in starts)]
    return [(bounds[i] + heads[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _layout_report(
    parts: StoryParts, double: bool, normal: int, chapters: Sequence[RawChapter]
) -> LayoutReport:
    """What was measured and decided, for `inspect` to explain."""
    layout = parts.layout
    blocks = [block for chapter in chapters for block in chapter.blocks]
    verse = sum(1 for block in blocks if isinstance(block, RawVerse))
    prose = sum(1 for block in blocks if isinstance(block, str))
    marked: ParagraphMarks = (
        "indented" if layout.indented else "one per line" if layout.one_per_line else "blank lines"
    )
    # A book of poems: the few lines of prose (titles, dedications) say nothing about paragraphs.
    marked = "verse" if verse and prose * 10 <= verse else marked
    dividers, gaps = count_breaks(parts.items, normal)
    subheadings = [[b.role for b in c.blocks if isinstance(b, RawSubheading)] for c in chapters]
    sections = [roles.count(SubheadingRole.SECTION) for roles in subheadings]
    return LayoutReport(
        marked, layout.starts, layout.indented_starts, layout.wrap_width, layout.margin, double, normal,
        verse, dividers, gaps, sections=sum(sections), section_chapters=sum(1 for n in sections if n),
        datelines=sum(roles.count(SubheadingRole.DATELINE) for roles in subheadings),
    )  # fmt: skip
