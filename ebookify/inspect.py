"""The document model as JSON-ready dicts and as a marked-up text view for `ebookify inspect`."""

from __future__ import annotations

from typing import Any

from ebookify.model import (
    COLOPHON_TITLE,
    Block,
    LayoutReport,
    Metadata,
    Paragraph,
    Quote,
    Span,
    Story,
    Subheading,
    Verse,
    VerseLine,
)
from ebookify.normalize.inline.thoughts import describe_convention

_MARKS = {
    "plain": ("", ""),
    "thought": ("⟨", "⟩"),
    "emphasis": ("_", "_"),
    "strong": ("**", "**"),
    "speaker": ("⸢", "⸣"),
    "direction": ("⟪", "⟫"),
}


def block_to_dict(block: Block) -> dict[str, Any]:
    """One block in the `inspect --json` shape."""
    if isinstance(block, Paragraph):
        if block.role == "illustration":
            # A bare mark where a picture stood is no paragraph of the story: a block type of its own.
            return {"type": "illustration", "spans": _spans_list(block.spans)}
        role = {"role": block.role} if block.role != "text" else {}  # an illustration's caption is marked
        return {"type": "paragraph", **role, "spans": _spans_list(block.spans)}
    if isinstance(block, Verse):
        return {"type": "verse", "lines": [_verse_line(line) for line in block.lines]}
    if isinstance(block, Quote):
        kind = {"kind": block.kind} if block.kind != "passage" else {}  # text messages are marked
        return {"type": "quote", **kind, "blocks": [block_to_dict(b) for b in block.blocks]}
    if isinstance(block, Subheading):
        return {"type": "subheading", "role": block.role.value, "spans": _spans_list(block.spans)}
    return {"type": "scene_break"}


def _verse_line(line: VerseLine) -> dict[str, Any]:
    # The hung opening quote is printed only when there is one, so most lines read as before.
    hang = {"hang": line.hang} if line.hang else {}
    return {"indent": line.indent, **hang, "spans": _spans_list(line.spans)}


def _spans_list(spans: tuple[Span, ...]) -> list[dict[str, str]]:
    return [{"text": s.text, "style": s.style} for s in spans]


def metadata_to_dict(meta: Metadata) -> dict[str, Any]:
    """Metadata in the `inspect --json` shape."""
    return {
        "title": meta.title,
        "authors": list(meta.authors),
        "language": meta.language,
        "summary": meta.summary,
        "rating": meta.rating,
        "genres": list(meta.genres),
        "pairings": list(meta.pairings),
        "fandoms": list(meta.fandoms),
        "characters": list(meta.characters),
        "warnings": list(meta.warnings),
        "series": meta.series,
        "series_index": meta.series_index,
        "status": meta.status,
        "published": meta.published,
        "updated": meta.updated,
        "words": meta.words,
        "fields": _fields_dict(meta.fields),
    }


def _fields_dict(fields: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Header fields by key; a key given twice (two printed title lines) keeps both values, " / " apart."""
    out: dict[str, str] = {}
    for key, value in fields:
        out[key] = f"{out[key]} / {value}" if key in out else value
    return out


def layout_to_dict(layout: LayoutReport) -> dict[str, Any]:
    """The layout measured and decided, in the `inspect --json` shape."""
    return {
        "paragraphs": layout.paragraphs,
        "paragraph_starts": layout.paragraph_starts,
        "indented_starts": layout.indented_starts,
        "wrap_width": layout.wrap_width,
        "margin": layout.margin,
        "double_spaced": layout.double_spaced,
        "usual_gap": layout.usual_gap,
        "verse_blocks": layout.verse_blocks,
        "scene_breaks": {"dividers": layout.divider_breaks, "gaps": layout.gap_breaks},
        # Only a play has speeches and directions: other texts' layout stays as it was.
        **(
            {"play": {"speeches": layout.speeches, "directions": layout.directions}}
            if layout.speeches
            else {}
        ),
        # Only a text with sub-headings (sections, datelines) counts them: other layouts stay as they were.
        **(
            {"subheadings": {"sections": layout.sections, "datelines": layout.datelines}}
            if layout.sections or layout.datelines
            else {}
        ),
        "summary": layout.summary,
    }


def story_to_dict(story: Story) -> dict[str, Any]:
    """One story in the `inspect --json` shape."""
    return {
        "source": story.source,
        "encoding": story.encoding,
        "repairs": list(story.repairs),
        "markup": story.markup,
        "layout": layout_to_dict(story.layout),
        "metadata": metadata_to_dict(story.metadata),
        "printed": story.printed,
        "front_notes": [block_to_dict(b) for b in story.front_notes],
        # Everything after the story in reading order: its end notes, then the colophon (About this edition),
        # whose blocks are the last `colophon` of them, as a chapter's `front_notes` counts its first notes.
        "end_notes": [block_to_dict(b) for b in (*story.end_notes, *story.colophon)],
        "colophon": len(story.colophon),
        "chapters": [
            {
                "title": ch.title,
                "part": ch.part,
                "blocks": [block_to_dict(b) for b in ch.blocks],
                "notes": [block_to_dict(b) for b in ch.notes],
                "front_notes": len(ch.front_notes),
            }
            for ch in story.chapters
        ],
    }


def _marked(spans: tuple[Span, ...]) -> str:
    return "".join(_MARKS[s.style][0] + s.text + _MARKS[s.style][1] for s in spans)


def _verse_text(line: VerseLine) -> str:
    """ "| " and two spaces per level, the hung mark taking the last space: "|“How doth", "|   Improve"."""
    margin = "| " + "  " * line.indent
    return margin[: len(margin) - len(line.hang)] + line.hang + _marked(line.spans)


def _block_text(block: Block) -> str:
    if isinstance(block, Verse):
        # Verse is shown as set: each line after a bar, indented by its level, a hung quote left of its words.
        return "\n".join(_verse_text(line) for line in block.lines)
    if isinstance(block, Quote):
        # A quote block's paragraphs, each line marked like a Markdown quote.
        inner = "\n\n".join(_block_text(b) for b in block.blocks)
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    if isinstance(block, Subheading):
        # A sub-heading is shown with its role: "[section] A. First Choices", "[dateline] July 7th, 17—."
        return f"[{block.role.value}] {_marked(block.spans)}"
    if not isinstance(block, Paragraph):
        return "    * * *"
    return f"[{block.role}] {_marked(block.spans)}" if block.role != "text" else _marked(block.spans)


# Why a span is styled, so a reader of `inspect` can check each decision.
_WHY = [
    "why: ⟨thought⟩ is a paragraph wholly in parentheses, a single-quoted or *starred* passage next to a"
    " thinking verb (she thought, he asked himself), a single-quoted sentence without a speech verb in a"
    " story that speaks in double quotes, or a present-tense sentence leading a paragraph (first person, or"
    " answered by the character's speech) in a story told in the third person and past tense: lost italics",
    "why: _emphasis_ and **strong** come from the author's *stars*, _underscores_, /slashes/, **double"
    " stars** or =equals= (the markers are removed in the book)",
]


_WHY_SUBHEADINGS = (
    "why: [section] is a short line without a sentence's end, set off from the text, whose number or letter"
    " (A., B., C. / 1., 2. / I., II.) counts up with its siblings in the chapter, each followed by text (a"
    " list's items follow each other), or a heading the markup set below its chapters' level; [dateline] is a"
    " short line of places and dates only (a day, a year, a weekday) opening a chapter, under one short line"
    " at most, standing right above a letter's salutation, or recurring over a diary's entries"
)


_WHY_PLAY = (
    "why: ⸢SPEAKER⸣ and ⟪direction⟫: the text is a play (many paragraphs open with a few recurring speakers'"
    " names); a name opening a speech is its speaker's label, a bracketed or Enter/Exit paragraph between"
    " speeches and bracketed words inside them are stage directions"
)


def _paragraph_texts(story: Story) -> list[str]:
    blocks = [*story.front_notes, *(b for ch in story.chapters for b in ch.blocks), *story.end_notes]
    blocks += [inner for b in blocks if isinstance(b, Quote) for inner in b.blocks]
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def story_to_text(story: Story) -> str:
    """A readable view of the model: metadata, notes and chapters, styles visibly marked."""
    meta = story.metadata
    lines = [
        # What was measured and decided comes first: it explains everything below it.
        story.layout.summary,
        f"# {meta.title}",
        f"source: {story.source}  encoding: {story.encoding}",
        f"markup: {story.markup}",
    ]
    lines += [f"repair: {r}" for r in story.repairs]
    lines += [f"{key}: {value}" for key, value in meta.fields]
    lines.append("legend: ⟨thought⟩  _emphasis_  **strong**")
    lines += _WHY
    lines += [_WHY_PLAY] if story.layout.speeches else []
    lines += [_WHY_SUBHEADINGS] if story.layout.sections or story.layout.datelines else []
    lines.append(f"quotes: {describe_convention(_paragraph_texts(story))}")
    # A printed book's front notes are its printed front matter (imprint, dedication, epigraph).
    front = "front matter" if story.printed else "front note"
    lines += [f"[{front}] {_block_text(b)}" for b in story.front_notes]
    part = None
    for number, chapter in enumerate(story.chapters, 1):
        if chapter.part != part and chapter.part:
            lines += ["", f"# Part: {chapter.part}"]
        elif chapter.part != part:
            lines += ["", "# Part: (none)"]  # a closing chapter outside the parts (Middlemarch's FINALE)
        part = chapter.part
        lines += ["", f"## Chapter {number}: {chapter.title or '(untitled)'}", ""]
        lines += [f"[chapter note] {_block_text(b)}" for b in chapter.front_notes]
        lines += [_block_text(b) for b in chapter.blocks]
        lines += [f"[chapter note] {_block_text(b)}" for b in chapter.end_notes]
    lines += [f"[end note] {_block_text(b)}" for b in story.end_notes]
    if story.colophon:
        lines += ["", f"## {COLOPHON_TITLE}", ""]
        lines += [f"[colophon] {_block_text(b)}" for b in story.colophon]
    return "\n".join(lines) + "\n"
