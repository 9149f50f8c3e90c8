"""Plans a book as an ordered list of content documents that both writers lay out."""

from __future__ import annotations

from dataclasses import dataclass

from ebookify.model import Book, Chapter, Story


@dataclass(frozen=True)
class ChapterRef:
    """Where one chapter lives: its document id and the title shown in the contents."""

    doc_id: str
    toc_title: str
    chapter: Chapter


@dataclass(frozen=True)
class StoryPlan:
    """A story's documents: its title page and its chapters, with deterministic ids."""

    number: int
    story: Story
    titlepage_id: str
    chapters: tuple[ChapterRef, ...]


def chapter_toc_title(chapter: Chapter, index: int, story: Story) -> str:
    """The title a table of contents shows: the heading, or the story title for a one-chapter story."""
    if chapter.title:
        return chapter.title
    if len(story.chapters) == 1:
        return story.metadata.title
    return f"Chapter {index}"


def plan_book(book: Book) -> list[StoryPlan]:
    """Deterministic document ids for every story's title page and chapters."""
    plans = []
    for number, story in enumerate(book.stories, 1):
        prefix = f"s{number:03d}"
        chapters = tuple(
            ChapterRef(f"{prefix}-c{index:04d}", chapter_toc_title(chapter, index, story), chapter)
            for index, chapter in enumerate(story.chapters, 1)
        )
        plans.append(StoryPlan(number, story, f"{prefix}-title", chapters))
    return plans
