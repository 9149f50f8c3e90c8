"""A story's lines sorted into parts: fields, front matter and notes, the body's items, end notes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ebookify.normalize.markup.marks import is_marked_heading
from ebookify.normalize.matter.header import field_kind, split_header
from ebookify.normalize.matter.matter import fallback_fields, split_matter
from ebookify.normalize.matter.notes import take_end_notes, take_front_notes
from ebookify.normalize.matter.titles import split_title
from ebookify.normalize.structure.attributions import attached
from ebookify.normalize.structure.closing_notes import lift_closing_notes
from ebookify.normalize.structure.heading_blocks import split_heading_lines
from ebookify.normalize.structure.paragraphs import Item, Layout, detect_layout, split_items
from ebookify.normalize.structure.scenes import normal_gap


def _has_title(fields: Iterable[tuple[str, str]]) -> bool:
    return any(field_kind(key) == "title" and value for key, value in fields)


@dataclass
class StoryParts:
    """A story's pieces while they are being sorted out."""

    fields: list[tuple[str, str]]
    front: list[Item]
    items: list[Item]
    end: list[Item]
    colophon: list[Item]
    layout: Layout
    gutenberg: bool
    repairs: list[str]


def split_parts(lines: Sequence[str], known: Sequence[tuple[str, str]]) -> StoryParts:
    """Licence header/footer, metadata header, header-less title and preface, notes, and the body items."""
    matter = split_matter(lines)
    gathered = lift_closing_notes(matter.body)
    header = split_header(gathered.lines)
    layout = detect_layout(gathered.lines)
    items = attached(list(split_heading_lines(split_items(header.body, layout))))
    fields = [*known, *matter.fields, *header.fields]
    fields += fallback_fields(matter, fields)
    front = [*split_items(matter.front, layout), *(Item(note) for note in header.notes)]
    # A header ending in an A/N or Disclaimer field: the note may run on into the lines after it.
    after_note = bool(header.fields) and field_kind(header.fields[-1][0]) == "note"
    # When the markup gave headings, it has decided the title too.
    if not matter.printed and not _has_title(fields) and not any(is_marked_heading(i.text) for i in items):
        found = split_title(items)
        fields = [*found.fields, *fields]
        front += found.preface
        items = list(found.rest)
        after_note = after_note and not found.fields
    notes, items = take_front_notes(items, continued=after_note)
    items, closing = take_end_notes(items, normal_gap(item.gap for item in items[1:]))
    end = [*closing, *(Item(note) for note in gathered.notes), *split_items(matter.back, layout)]
    colophon = split_items(matter.colophon, layout)
    repairs = list(matter.repairs)
    if gathered.notes:
        repairs.append(
            f"moved the notes gathered after the text to the end notes ({len(gathered.notes)} blocks)"
        )
    return StoryParts(fields, [*front, *notes], items, end, colophon, layout, matter.printed, repairs)
