"""The document model: frozen dataclasses the normalizer produces and the writers consume."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, TypeAlias

SpanStyle: TypeAlias = Literal["plain", "thought", "emphasis", "strong", "speaker", "direction"]
"""A span's role: "speaker" is the label naming who speaks in a play, "direction" a stage direction."""


@dataclass(frozen=True)
class Span:
    """A run of text with one style; a "\\n" inside the text is a deliberate line break."""

    text: str
    style: SpanStyle = "plain"


ParagraphRole: TypeAlias = Literal["text", "caption", "illustration"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: a sequence of styled spans."""

    spans: tuple[Span, ...]
    role: ParagraphRole = "text"
    """ "caption" for a printed book's illustration caption ("Illustration: Der Student"), set apart;
    "illustration" for a bare mark where a picture stood ("[Illustration]"): no paragraph, set quietly."""

    @property
    def text(self) -> str:
        """The paragraph's text without styles."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class SceneBreak:
    """A break between scenes inside a chapter (a divider line or a wide gap)."""


@dataclass(frozen=True)
class VerseLine:
    """One line of verse: styled spans and its indentation level (0 at the margin, 1, 2, ... further in)."""

    spans: tuple[Span, ...]
    indent: int = 0
    hang: str = ""
    """The line's opening quotation mark, printed outside its left edge so that the words of every line
    align (hanging punctuation); "" when the line opens with no quotation."""

    def __post_init__(self) -> None:
        if self.indent < 0:
            raise ValueError(f"a verse line's indent is a level of 0 or more, not {self.indent}")

    @property
    def text(self) -> str:
        """The line's text as printed, its hung mark first, without styles."""
        return self.hang + "".join(span.text for span in self.spans)

    @property
    def spans_with_hang(self) -> tuple[Span, ...]:
        """The spans with the hung mark back at the head of the first, as the text has it."""
        if not self.hang:
            return self.spans
        if not self.spans:
            return (Span(self.hang),)
        first = self.spans[0]
        return (Span(self.hang + first.text, first.style), *self.spans[1:])


@dataclass(frozen=True)
class Verse:
    """A stanza of verse (a poem, song lyrics, a hymn): lines kept as written, one block per stanza."""

    lines: tuple[VerseLine, ...]

    @property
    def text(self) -> str:
        """The stanza's lines without styles, one "\n" between lines."""
        return "\n".join(line.text for line in self.lines)


QuoteKind: TypeAlias = Literal["passage", "message"]


@dataclass(frozen=True)
class Quote:
    """A passage set apart from the narration (a letter, an e-mail, a text message, a quoted document)."""

    blocks: tuple[Block, ...]
    kind: QuoteKind = "passage"
    """ "message" for text messages (set in a box), "passage" for everything else (indented)."""

    @property
    def text(self) -> str:
        """The quoted text without styles, its paragraphs separated by blank lines."""
        return "\n\n".join(block.text for block in self.blocks if not isinstance(block, SceneBreak))


class SubheadingRole(StrEnum):
    """What a short line set apart inside a chapter is (neither a paragraph nor the chapter's heading)."""

    SECTION = "section"
    """The title of a numbered or lettered section of the chapter ("A. First Choices", "2. Reincarnation")."""
    DATELINE = "dateline"
    """The place and date heading a letter or a diary entry ("St. Petersburgh, Dec. 11th, 17—.")."""


@dataclass(frozen=True)
class Subheading:
    """A short line set apart inside a chapter: a section's title or a letter's dateline, by its role."""

    spans: tuple[Span, ...]
    role: SubheadingRole

    @property
    def text(self) -> str:
        """The line's text without styles."""
        return "".join(span.text for span in self.spans)


Block: TypeAlias = Paragraph | Verse | SceneBreak | Quote | Subheading


@dataclass(frozen=True)
class Chapter:
    """A chapter: an optional heading, its blocks, and the title of the part (Book, Act) it belongs to."""

    title: str | None
    blocks: tuple[Block, ...]
    part: str | None = None
    front_notes: tuple[Block, ...] = ()
    """The writer's notes at the start of this chapter (A/N, disclaimer), set apart from its text."""
    end_notes: tuple[Block, ...] = ()
    """The writer's notes at the end of this chapter."""

    @property
    def notes(self) -> tuple[Block, ...]:
        """The chapter's notes, those at its start first."""
        return (*self.front_notes, *self.end_notes)


@dataclass(frozen=True)
class Metadata:
    """What is known about a story (or a book); defaults are filled in here, in one place."""

    title: str
    authors: tuple[str, ...] = ()
    language: str = "en"
    summary: str | None = None
    rating: str | None = None
    genres: tuple[str, ...] = ()
    pairings: tuple[str, ...] = ()
    fandoms: tuple[str, ...] = ()
    characters: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    series: str | None = None
    series_index: float | None = None
    status: str | None = None
    published: str | None = None
    updated: str | None = None
    words: str | None = None
    rights: str | None = None
    """The copyright statement ("Copyright 1987 by Yves Barbero")."""
    contributors: tuple[tuple[str, str], ...] = ()
    """(name, MARC relator code) of translators ("trl"), illustrators ("ill") and editors ("edt")."""
    fields: tuple[tuple[str, str], ...] = ()
    """Every header field as written (key, value), in order."""
    hidden: tuple[str, ...] = ()
    """Keys of `fields` no cover page shows: they fed the title, authors or language, or describe the edition
    (release date, encoding, credits). Decided once, here, so that every writer shows the same rows."""

    @property
    def tags(self) -> tuple[str, ...]:
        """Fandoms, genres, pairings, characters, warnings and rating, without repeats."""
        rating = (f"Rating: {self.rating}",) if self.rating else ()
        seen: dict[str, None] = {}
        for tag in (*self.fandoms, *self.genres, *self.pairings, *self.characters, *self.warnings, *rating):
            seen.setdefault(tag, None)
        return tuple(seen)


COLOPHON_TITLE = "About this edition"
"""The heading every writer and `inspect` give a story's colophon."""

ParagraphMarks: TypeAlias = Literal["blank lines", "indented", "one per line", "verse"]


@dataclass(frozen=True)
class LayoutReport:
    """What the normalizer measured in a text's layout and decided from it, for `inspect` to explain."""

    paragraphs: ParagraphMarks = "blank lines"
    """How paragraphs are marked: blank lines between them, indented first lines, a line each; "verse"
    when the text is (nearly) all stanzas."""
    paragraph_starts: int = 0
    indented_starts: int = 0
    wrap_width: int | None = None
    """The hard-wrap column, None when lines are not wrapped."""
    margin: int = 0
    """The left margin every running line carries, in columns."""
    double_spaced: bool = False
    usual_gap: int = 1
    """Blank lines between paragraphs as a rule; a wider gap may be a scene break."""
    verse_blocks: int = 0
    divider_breaks: int = 0
    gap_breaks: int = 0
    speeches: int = 0
    """In a play, the speeches given their speaker's label (0 when the text is no play)."""
    directions: int = 0
    """In a play, the stage directions set apart between speeches."""
    sections: int = 0
    """Sections' titles inside chapters: numbered or lettered ("A. First Choices"), or the markup's headings
    below its chapters' level."""
    section_chapters: int = 0
    """The chapters those sections are in."""
    datelines: int = 0
    """Datelines heading letters or diary entries."""

    @property
    def summary(self) -> str:
        """One line: "paragraphs: indented first lines (163 of 170 starts), hard-wrapped at 72 columns...";
        then the verse blocks and the scene breaks."""
        if self.paragraphs == "indented":
            marked = f"indented first lines ({self.indented_starts} of {self.paragraph_starts} starts)"
        elif self.paragraphs == "one per line":
            marked = "one line per paragraph"
        elif self.paragraphs == "verse":
            marked = "none, the text is verse"
        else:
            marked = "blank lines between them"
        layout = [marked, f"hard-wrapped at {self.wrap_width} columns" if self.wrap_width else "not wrapped"]
        layout += [f"left margin of {self.margin} columns"] if self.margin else []
        layout += ["double-spaced (undone)"] if self.double_spaced else []
        layout.append(f"usual gap {self.usual_gap} blank line{'' if self.usual_gap == 1 else 's'}")
        breaks = f"{self.divider_breaks} dividers, {self.gap_breaks} gaps"
        breaks += f"; play: {self.speeches} speeches, {self.directions} directions" if self.speeches else ""
        summary = (
            f"paragraphs: {', '.join(layout)}; verse: {self.verse_blocks} blocks; scene breaks: {breaks}"
        )
        return summary + self._subheadings

    @property
    def _subheadings(self) -> str:
        """ "; sub-headings: 33 sections in 6 chapters, 4 datelines", or "" when there are none."""
        chapters = f"{self.section_chapters} chapter{'' if self.section_chapters == 1 else 's'}"
        found = [f"{self.sections} sections in {chapters}"] if self.sections else []
        found += [f"{self.datelines} datelines"] if self.datelines else []
        return f"; sub-headings: {', '.join(found)}" if found else ""


@dataclass(frozen=True)
class Story:
    """One story: its metadata, notes set apart from the body, and its chapters."""

    source: str
    metadata: Metadata
    chapters: tuple[Chapter, ...]
    front_notes: tuple[Block, ...] = ()
    end_notes: tuple[Block, ...] = ()
    encoding: str = "utf-8"
    repairs: tuple[str, ...] = ()
    markup: str = "plain text"
    """The markup the text was read as, with the evidence: "Markdown (front matter, 4 headings)"."""
    layout: LayoutReport = LayoutReport()
    """What was measured and decided about the text's paragraphs, verse and scene breaks."""
    printed: bool = False
    """A printed book (a Project Gutenberg edition): its front notes are the printed front matter (imprint,
    dedication, epigraph), set as on its pages, not the writer's notes in a box."""
    colophon: tuple[Block, ...] = ()
    """About this edition: the licence, production credits and transcriber's notes of the edition the text
    came from (a Project Gutenberg header and footer). Writers set it at the back of the book, after the
    end notes, under a heading of its own; it is no part of the story."""


@dataclass(frozen=True)
class Book:
    """What a writer turns into one file: one story, or an anthology of several."""

    metadata: Metadata
    stories: tuple[Story, ...]
    editor: str | None = None

    @property
    def is_anthology(self) -> bool:
        """True when the book bundles more than one story."""
        return len(self.stories) > 1
