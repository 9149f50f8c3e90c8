"""Decoded text to what the structure reader takes: front matter, Markdown or HTML read when used."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ebookify.normalize.markup.detect import HTML_TAG, Evidence, detect_markup
from ebookify.normalize.markup.document import MarkupDocument
from ebookify.normalize.markup.frontmatter import FrontMatter, split_front_matter
from ebookify.normalize.markup.marks import is_marked_heading, placeholder_number
from ebookify.normalize.markup.outline import place_headings
from ebookify.normalize.markup.references import References
from ebookify.normalize.markup.spans import SpanReader
from ebookify.normalize.matter.header import field_kind


@dataclass(frozen=True)
class MarkupText:
    """A text read from its markup: plain lines for the structure reader, and what was set aside."""

    text: str
    description: str = "plain text"
    fields: tuple[tuple[str, str], ...] = ()
    front_notes: tuple[str, ...] = ()
    end_notes: tuple[str, ...] = ()
    quotes: tuple[tuple[str, ...], ...] = ()
    repairs: tuple[str, ...] = ()
    epigraphs: tuple[int, ...] = ()
    """Quotes standing before the first chapter heading (epigraphs): they go with the front notes."""
    marked: bool = False
    """True when the text may hold marks (styles, literals, quotes) that later stages must read."""


def _front_notes(fields: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Front matter notes (A/N, disclaimer) are notes of the story. Their keys ("notes:") are the file's
    labels for its data, not words the author set above the note: only the value is shown."""
    return tuple(value for key, value in fields if field_kind(key) == "note" and value)


def _field_text(reader: SpanReader, value: str) -> str:
    """A front matter value as text: its HTML tags read (a link as its words, <b> as strong), each of its
    paragraphs a line, then its Markdown."""
    if "<" in value and HTML_TAG.search(value):
        from ebookify.normalize.markup.html import read_html

        value = "\n".join(line for line in read_html(value, True).lines if line.strip())
    return reader.read(value)


def read_markup(text: str) -> MarkupText:
    """Read the markup a text uses (none, Markdown, HTML) into plain text plus fields, notes and quotes."""
    # Front matter must open the text: only its first line is looked at before deciding to split.
    front: FrontMatter | None = None
    if text.lstrip("\n\ufeff")[:3] in ("---", "+++"):
        front = split_front_matter(text.split("\n", 90)[:90])
    body = "\n".join(text.split("\n")[front.body_start :]) if front else text
    evidence = detect_markup(body, front is not None)
    if not evidence.kind and front is None:
        return MarkupText(text)
    # Values are Markdown or HTML too: a summary's links read as their text.
    reader = SpanReader(References())
    fields = tuple((key, _field_text(reader, value)) for key, value in front.fields) if front else ()
    doc = _read_body(body, evidence)
    fields = (*fields, *doc.fields)
    added = place_headings(doc, fields) if doc.headings or fields else []
    epigraphs = _take_epigraphs(doc.lines)
    repairs = [f"read {front.kind} front matter as metadata"] if front else []
    repairs += doc.repairs()
    return MarkupText(
        text="\n".join(doc.lines),
        description=evidence.describe(),
        fields=(*fields, *added),
        front_notes=(*_front_notes(fields), *doc.front_notes),
        end_notes=tuple(doc.notes),
        quotes=tuple(tuple(quote) for quote in doc.quotes),
        epigraphs=epigraphs,
        repairs=tuple(repairs),
        marked=True,
    )


def _take_epigraphs(lines: list[str]) -> tuple[int, ...]:
    """Take the quotes set before the first chapter heading, or opening a text without headings, out of
    the lines; return their numbers."""
    first = next((index for index, line in enumerate(lines) if is_marked_heading(line)), None)
    if first is None:
        # Without headings, only quotes before the first line of text open it.
        first = next(
            (i for i, line in enumerate(lines) if line.strip() and placeholder_number(line) is None), 0
        )
    numbers = [(index, placeholder_number(line)) for index, line in enumerate(lines[:first])]
    for index, number in reversed(numbers):
        if number is not None:
            lines[index] = ""
    return tuple(number for _, number in numbers if number is not None)


def _read_body(body: str, evidence: Evidence) -> MarkupDocument:
    """The body read as Markdown, HTML, both (Markdown with inline tags) or as it is."""
    from ebookify.normalize.markup.ao3 import split_ao3
    from ebookify.normalize.markup.html import read_html, uses_block_tags
    from ebookify.normalize.markup.markdown import read_markdown
    from ebookify.normalize.markup.spans import AUTOLINK

    if "html" in evidence.kind:
        tags = Counter(match.group(2).lower() for match in HTML_TAG.finditer(body))
        blocks = evidence.kind == "html" and uses_block_tags(body, tags)
        work = split_ao3(body) if blocks else None
        if work is not None:
            html_doc = read_html(work.body, True)
            html_doc.fields, html_doc.front_notes, html_doc.notes = (
                work.fields,
                work.front_notes,
                work.end_notes,
            )
            return html_doc
        html_doc = read_html(body if blocks else AUTOLINK.sub(r"\1", body), blocks)
        if evidence.kind == "html":
            return html_doc
        doc = read_markdown(_as_markdown(html_doc))
        doc.removed.update(html_doc.removed)
        return doc
    if "markdown" in evidence.kind:
        return read_markdown(body.split("\n"))
    doc = MarkupDocument()
    doc.lines = body.split("\n")
    return doc


def _as_markdown(doc: MarkupDocument) -> list[str]:
    """Lines read from HTML tags, headings and quotes written back as Markdown for the Markdown reader."""
    lines = list(doc.lines)
    for heading in doc.headings:
        lines[heading.line] = "#" * heading.level + " " + heading.text
    out: list[str] = []
    for line in lines:
        number = placeholder_number(line)
        out += [f"> {quoted}".rstrip() for quoted in doc.quotes[number]] if number is not None else [line]
    return out
