"""Plans a book as an ordered list of content documents that both writers lay out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ebookify.model import Book, Chapter, Story


@dataclass(frozen=True)
class PartRef:
    """A part (Book, Act, ...) of a story: the id of its title page and its title."""

    doc_id: str
    title: str


@dataclass(frozen=True)
class ChapterRef:
    """Where one chapter lives: its document id, the title shown in the contents, and its part."""

    doc_id: str
    toc_title: str
    chapter: Chapter
    part: PartRef | None = None
    opens_part: bool = False
    """The part's first chapter: the part's title page comes right before it."""

    @property
    def first_doc_id(self) -> str:
        """The first document of this chapter: its part's title page when it opens the part."""
        return self.part.doc_id if self.part and self.opens_part else self.doc_id


@dataclass(frozen=True)
class StoryPlan:
    """A story's documents: its title page and its chapters, with deterministic ids."""

    number: int
    story: Story
    titlepage_id: str
    chapters: tuple[ChapterRef, ...]


def chapter_toc_title(chapter: Chapter, index: int, story: Story) -> str:
    """The title a table of contents shows: the heading, the part's title for an untitled chapter in a part
    (an act's chorus), or the story title for a one-chapter story."""
    if chapter.title:
        return chapter.title
    if chapter.part:
        return chapter.part
    if len(story.chapters) == 1:
        return story.metadata.title
    return f"Chapter {index}"


def _chapter_refs(story: Story, prefix: str) -> Iterator[ChapterRef]:
    """The chapters' refs; a chapter whose part differs from the one before opens a new part."""
    part: PartRef | None = None
    for index, chapter in enumerate(story.chapters, 1):
        opens = chapter.part is not None and (part is None or chapter.part != part.title)
        if opens:
            part = PartRef(f"{prefix}-p{index:04d}", chapter.part or "")
        elif chapter.part is None:
            part = None
        title = chapter_toc_title(chapter, index, story)
        yield ChapterRef(f"{prefix}-c{index:04d}", title, chapter, part, opens)


def plan_book(book: Book) -> list[StoryPlan]:
    """Deterministic document ids for every story's title page, parts and chapters."""
    plans = []
    for number, story in enumerate(book.stories, 1):
        prefix = f"s{number:03d}"
        chapters = tuple(_chapter_refs(story, prefix))
        plans.append(StoryPlan(number, story, f"{prefix}-title", chapters))
    return plans


@dataclass(frozen=True)
class ContentsLine:
    """A line of a story's contents: a chapter, or a part with its chapters nested under it."""

    ref: ChapterRef
    title: str
    doc_id: str
    children: tuple[ContentsLine, ...] = ()


def story_contents(plan: StoryPlan) -> list[ContentsLine]:
    """A story's contents, chapters nested under their parts. An untitled chapter that opens its part (a
    chorus before the first scene) is reached by the part's line and gets none of its own."""
    lines: list[ContentsLine] = []
    for ref in plan.chapters:
        line = ContentsLine(ref, ref.toc_title, ref.doc_id)
        if ref.part is None:
            lines.append(line)
            continue
        if ref.opens_part:
            lines.append(ContentsLine(ref, ref.part.title, ref.part.doc_id))
            if not ref.chapter.title:
                continue
        part = lines[-1]
        lines[-1] = ContentsLine(part.ref, part.title, part.doc_id, (*part.children, line))
    return lines
