"""Body text to structure: front notes, chapters of paragraphs and scene breaks, end notes."""

from __future__ import annotations

from dataclasses import dataclass

from ebookify.model import SceneBreak

RawBlock = str | SceneBreak
"""A paragraph's plain text ("\\n" marks a kept line break) or a scene break."""


@dataclass(frozen=True)
class RawChapter:
    """A chapter before inline marking: its heading and raw blocks."""

    title: str | None
    blocks: tuple[RawBlock, ...]


@dataclass(frozen=True)
class RawStory:
    """The structure of a story's text, before inline marking and typography."""

    fields: tuple[tuple[str, str], ...]
    chapters: tuple[RawChapter, ...]
    front_notes: tuple[RawBlock, ...] = ()
    end_notes: tuple[RawBlock, ...] = ()


def split_paragraphs(lines: list[str]) -> list[RawBlock]:
    """Blank-line separated paragraphs (skeleton)."""
    blocks: list[RawBlock] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    return blocks


def parse_structure(text: str) -> RawStory:
    """Recover header fields, notes, chapters and paragraphs from decoded text."""
    from ebookify.normalize.header import split_header

    fields, body = split_header(text.split("\n"))
    return RawStory(fields=tuple(fields), chapters=(RawChapter(None, tuple(split_paragraphs(body))),))
