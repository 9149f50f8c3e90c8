"""What the page shows of a story: the book's own HTML for the preview, and the normalizer's findings."""

from __future__ import annotations

from typing import Any

from ebookify.inspect import metadata_to_dict, story_to_text
from ebookify.model import Block, Book, SceneBreak, Story
from ebookify.render import html
from ebookify.render.documents import chapter_toc_title

# The lines of `ebookify inspect` that explain what was measured, repaired and styled, and why.
_EXPLAINING = ("repair: ", "why: ", "quotes: ")


def _sheet(body: str) -> str:
    """One document of the book (a page opening), drawn as a sheet of paper in the preview."""
    return f'<div class="sheet">\n{body}\n</div>'


PREVIEW_LIMIT = 600_000
"""Characters of HTML the preview shows (a long novel's first chapters): a browser frame holding a whole
32 MiB story would take seconds to draw after every switch."""


def story_body_html(story: Story, include_notes: bool, limit: int = PREVIEW_LIMIT) -> str:
    """The story as the writers set it: title page and notes, part openings, chapters, end notes; each
    of the book's documents on a sheet of its own (render/html.py makes every piece). After `limit`
    characters the preview stops, saying how many chapters it leaves out."""
    opening = html.cover_page_html(story)
    if include_notes and story.front_notes:
        opening += "\n" + html.front_notes_html(story)
    sheets = [opening]
    part = None
    size = len(opening)
    for number, chapter in enumerate(story.chapters):
        if size > limit:
            left = len(story.chapters) - number
            sheets.append(
                f'<p class="preview-end">The preview stops here: {left} more chapters are in the book.</p>'
            )
            return "\n".join(map(_sheet, sheets))
        if chapter.part and chapter.part != part:
            sheets.append(html.part_title_html(chapter.part))
        part = chapter.part
        sheets.append(f'<section class="chapter">{html.chapter_html(chapter, notes=include_notes)}</section>')
        size += len(sheets[-1])
    if include_notes and story.end_notes:
        sheets[-1] += "\n" + html.notes_html(story.end_notes, "end")
    colophon = html.colophon_html(Book(metadata=story.metadata, stories=(story,)))
    if colophon:
        sheets.append(colophon)
    return "\n".join(map(_sheet, sheets))


def book_title_html(book: Book) -> str:
    """An anthology's title page as the book will have it."""
    return _sheet(html.book_title_page_html(book))


def explanations(story: Story) -> list[dict[str, str]]:
    """Every repair and decision with its reason, the same lines `ebookify inspect` prints."""
    lines = story_to_text(story).splitlines()
    found = [{"kind": "layout", "text": lines[0]}] if lines and lines[0] else []
    for line in lines[1:]:
        if line.startswith("## "):
            break  # the chapters start: the explanations are all above them
        for prefix in _EXPLAINING:
            if line.startswith(prefix):
                found.append({"kind": prefix.rstrip(": "), "text": line.removeprefix(prefix)})
    return found


NOTE_PREVIEW = 200
"""Characters of each note shown in the list of notes (the preview shows them whole)."""


def _short(block: Block) -> str:
    text = " ".join(block.text.split()) if not isinstance(block, SceneBreak) else "* * *"
    return text if len(text) <= NOTE_PREVIEW else text[: NOTE_PREVIEW - 1] + "…"


def notes_list(story: Story) -> list[dict[str, str]]:
    """Every paragraph the normalizer took for an author's note, with where it was found: the user sees
    at a glance what the "notes on/off" switch keeps or leaves out."""
    found = [{"where": "before the story", "text": _short(b)} for b in story.front_notes]
    for number, chapter in enumerate(story.chapters, 1):
        name = chapter_toc_title(chapter, number, story)
        found += [{"where": f"start of {name}", "text": _short(b)} for b in chapter.front_notes]
        found += [{"where": f"end of {name}", "text": _short(b)} for b in chapter.end_notes]
    found += [{"where": "after the story", "text": _short(b)} for b in story.end_notes]
    return found


def story_summary(story: Story) -> dict[str, Any]:
    """The metadata read, the chapters and parts, the notes and the explanations, as JSON."""
    meta = metadata_to_dict(story.metadata)
    return {
        "metadata": {key: meta[key] for key in ("title", "authors", "summary", "language", "series")}
        | {"series_index": meta["series_index"], "fields": meta["fields"]},
        "encoding": story.encoding,
        "markup": story.markup,
        "chapters": [
            {"title": chapter_toc_title(c, number, story), "part": c.part, "blocks": len(c.blocks)}
            for number, c in enumerate(story.chapters, 1)
        ],
        "notes": notes_list(story),
        "explanations": explanations(story),
    }
