"""The roles of the headings a markup gave: the story's title, parts, chapters, or subheadings (text)."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.normalize.markup.document import MarkedHeading, MarkupDocument
from ebookify.normalize.markup.marks import SECTION, heading_line, is_marked_heading
from ebookify.normalize.matter.header import field_kind
from ebookify.normalize.structure.headings import byline_field, match_heading

CHAPTER_TITLE_KEY = "Chapter title"
"""The field that keeps a front matter `title: Chapter 1`, the title of the chapter a file holds."""


def _opens_text(doc: MarkupDocument, heading: MarkedHeading) -> bool:
    return not any(line.strip() for line in doc.lines[: heading.line])


def _title_heading(doc: MarkupDocument) -> MarkedHeading | None:
    """A heading opening the text with no other heading at its level or above: a title, not a chapter.

    "# My Story" straight above "# Chapter 1" is a title set at the chapters' level.
    """
    if not doc.headings or not _opens_text(doc, doc.headings[0]):
        return None
    first, *rest = doc.headings
    if not any(other.level <= first.level for other in rest):
        return first
    following = rest[0]
    between = [line for line in doc.lines[first.line + 1 : following.line] if line.strip()]
    if between and not (len(between) == 1 and _byline(between)):
        return None
    if match_heading(first.text) is None and match_heading(following.text) is not None:
        return first
    return None


# A by-line is short and ends without a sentence's punctuation ("By the time he came, ..." is prose).
_BYLINE_LENGTH = 50


def _byline(lines: Sequence[str]) -> tuple[str, str] | None:
    """The by-line in lines under a title heading ("by Jane Doe"): a short paragraph of one line."""
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None or (index + 1 < len(lines) and lines[index + 1].strip()):
        return None
    line = lines[index].strip()
    if len(line) > _BYLINE_LENGTH or line[-1:] in ".!?,;:":
        return None
    return byline_field(line)


def _take_byline(doc: MarkupDocument, title: MarkedHeading) -> list[tuple[str, str]]:
    """The author's by-line right under the title heading, as a field; its line leaves the text."""
    end = next((h.line for h in doc.headings if h.line > title.line), len(doc.lines))
    lines = doc.lines[title.line + 1 : end]
    field = _byline(lines)
    if field is None:
        return []
    index = title.line + 1 + next(i for i, line in enumerate(lines) if line.strip())
    doc.lines[index] = ""
    return [field]


def _roles(headings: Sequence[MarkedHeading]) -> dict[int, str]:
    """Each level's role: the top level is chapters, or parts when its headings read as parts ("Book One")
    and a lower level holds the chapters; headings below the chapters are sections inside them."""
    levels = sorted({heading.level for heading in headings})
    top = [h for h in headings if h.level == levels[0]]
    # "# Algunos recuerdos" over "## Miércoles 12 de Dic.": diary entries inside a chapter, not chapters.
    kinds = [found.kind if (found := match_heading(h.text)) else None for h in top]
    if len(levels) > 1 and kinds.count("part") * 2 > len(kinds):
        return {levels[0]: "part", levels[1]: "chapter"}
    return {levels[0]: "chapter"}


def place_headings(doc: MarkupDocument, fields: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Mark the document's part and chapter heading lines; return the fields its title heading adds.

    A lone heading opening the text is the story's title, or the chapter's title when the front matter
    already names the story (or the heading reads "Chapter 1"). A front matter chapter title stands
    above the text as its chapter heading.
    """
    added: list[tuple[str, str]] = []
    story_title = next((value for key, value in fields if field_kind(key) == "title" and value), None)
    chapter_title = next((value for key, value in fields if key == CHAPTER_TITLE_KEY and value), None)
    headings = list(doc.headings)
    opening = _title_heading(doc)
    if opening is not None:
        headings.remove(opening)
        if opening.text == story_title:
            doc.lines[opening.line] = ""
        elif story_title is None and match_heading(opening.text) is None:
            added += [("Title", opening.text), *_take_byline(doc, opening)]
            doc.lines[opening.line] = ""
        else:
            doc.lines[opening.line] = heading_line("chapter", opening.text)
    elif chapter_title and not (headings and _opens_text(doc, headings[0])):
        doc.lines.insert(0, "")
        doc.lines.insert(0, heading_line("chapter", chapter_title))
        headings = [MarkedHeading(h.line + 2, h.level, h.text) for h in headings]
    roles = _roles(headings) if headings else {}
    for heading in headings:
        role = roles.get(heading.level)
        if role:
            doc.lines[heading.line] = heading_line(role, heading.text)
            continue
        # A subheading right under a chapter heading is its subtitle ("Algunos recuerdos: Leonardo"); one
        # further down (a diary entry's date) is a section's title inside the chapter.
        above = next((i for i in range(heading.line - 1, -1, -1) if doc.lines[i].strip()), None)
        if above is not None and is_marked_heading(doc.lines[above]):
            doc.lines[above] += f": {heading.text}"
            doc.lines[heading.line] = ""
        else:
            doc.lines[heading.line] = SECTION + heading.text
    return added
