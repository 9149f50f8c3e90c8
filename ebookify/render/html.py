"""The one HTML renderer both writers share; all escaping of story text lives here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from ebookify.model import (
    COLOPHON_TITLE,
    Block,
    Book,
    Chapter,
    Metadata,
    Paragraph,
    Quote,
    SceneBreak,
    Span,
    Story,
    Subheading,
    SubheadingRole,
    Verse,
)

# Characters XML 1.0 forbids, plus noncharacters; writers must never see them (ebooklib mangles them).
_XML_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
# A word this long cannot be broken by the renderer: WeasyPrint clips it or lays it out in quadratic time.
_LONG_WORD = re.compile(r"\S{40,}")
_TAGS = {
    "thought": ('<i class="thought">', "</i>"),
    "emphasis": ("<em>", "</em>"),
    "strong": ("<strong>", "</strong>"),
    "speaker": ('<span class="speaker">', "</span>"),
    "direction": ('<i class="direction">', "</i>"),
}
# Verse indentation levels the stylesheets set (class "i1" ... "i4"); deeper lines get the deepest.
_VERSE_LEVELS = 4


def xml_safe(text: str) -> str:
    """Drop characters that XML cannot carry (the normalizer already removed them from story text)."""
    return _XML_ILLEGAL.sub("", text)


def attr_text(text: str) -> str:
    """Escape text for an attribute value (line breaks become spaces)."""
    return escape(xml_safe(text).replace("\n", " "), quote=True)


def text_html(text: str, break_long_words: bool = False) -> str:
    """Escape text for XHTML; "\\n" becomes <br/>, very long words get break opportunities."""
    escaped = escape(xml_safe(text), quote=True)
    if break_long_words:
        escaped = _LONG_WORD.sub(lambda m: "<wbr/>".join(_chunks(m.group(0), 20)), escaped)
    return escaped.replace("\n", "<br/>")


def _chunks(word: str, size: int) -> list[str]:
    # Never cut inside an entity such as &amp;: split on character runs outside entities.
    parts = re.findall(r"&[a-z#0-9]+;|.", word)
    return ["".join(parts[i : i + size]) for i in range(0, len(parts), size)]


def span_html(span: Span, break_long_words: bool = False) -> str:
    """One span as inline XHTML."""
    inner = text_html(span.text, break_long_words)
    if span.style == "plain":
        return inner
    start, end = _TAGS[span.style]
    return f"{start}{inner}{end}"


def play_role(paragraph: Paragraph) -> str | None:
    """A play's paragraph class: "speech" (it opens with its speaker's label), "speaker" (the label alone,
    over its speech), "direction" (a stage direction between speeches); None for any other paragraph."""
    styles = {span.style for span in paragraph.spans if span.text.strip()}
    if styles == {"direction"}:
        return "direction"
    if paragraph.spans[0].style != "speaker":
        return None
    return "speaker" if styles <= {"speaker", "direction"} else "speech"


def verse_html(verse: Verse, break_long_words: bool = False) -> str:
    """A stanza: one paragraph, each line a block-level span (hanging indent, level class, its opening quote
    in a span of class "hang"), <br/> between lines for readers without CSS."""
    lines = []
    for line in verse.lines:
        level = min(line.indent, _VERSE_LEVELS)
        css = f"line i{level}" if level else "line"
        inner = "".join(span_html(s, break_long_words) for s in line.spans)
        if line.hang:
            # The opening quote hangs in the margin (the stylesheets place class "hang") so words align.
            inner = f'<span class="hang">{text_html(line.hang)}</span>{inner}'
        lines.append(f'<span class="{css}">{inner}</span>')
    # A verse paragraph longer than a page (a book of blank verse is one) is marked so the print stylesheet
    # lets it break: kept whole, it would leave its heading alone on a page.
    css = "stanza long" if len(verse.lines) > _PAGE_OF_LINES else "stanza"
    return f'<p class="{css}">' + "<br/>".join(lines) + "</p>"


# More verse lines than fit on a small page (A5 holds about 30).
_PAGE_OF_LINES = 24


def subheading_html(block: Subheading, level: str = "h3", break_long_words: bool = False) -> str:
    """A section's title as a small heading one level under the chapter's (`level`); a dateline as a line of
    its own, set as letters set it (to the right)."""
    inner = "".join(span_html(s, break_long_words) for s in block.spans)
    if block.role is SubheadingRole.SECTION:
        return f'<{level} class="section-title">{inner}</{level}>'
    return f'<p class="dateline">{inner}</p>'


def blocks_html(
    blocks: Iterable[Block], break_long_words: bool = False, continued: bool = False, subheading: str = "h3"
) -> str:
    """Paragraphs and scene breaks; the paragraph after a break or at the start gets class "first".

    `continued` is for the rest of a chapter split across files: its opening paragraph keeps its indent.
    `subheading` is the heading element of a section's title, one level under the chapter's.
    """
    out: list[str] = []
    first = not continued
    for block in blocks:
        if isinstance(block, Subheading):
            # Like a heading, a sub-heading or a dateline is followed by a paragraph without its indent.
            out.append(subheading_html(block, subheading, break_long_words))
            first = True
            continue
        if isinstance(block, SceneBreak):
            out.append('<hr class="scene-break"/>')
            first = True
            continue
        if isinstance(block, Verse):
            out.append(verse_html(block, break_long_words))
            first = False
            continue
        if isinstance(block, Quote):
            # A letter is set apart, indented, a text message boxed; their own paragraphs and lines kept.
            css = "quote message" if block.kind == "message" else "quote"
            inner = blocks_html(block.blocks, break_long_words, subheading=subheading)
            out.append(f'<blockquote class="{css}">\n{inner}\n</blockquote>')
            first = False
            continue
        assert isinstance(block, Paragraph)
        inner = "".join(span_html(s, break_long_words) for s in block.spans)
        if block.role != "text":
            # An illustration's caption (or its bare mark, set quietly) interrupts the text like a break:
            # the next paragraph is not indented.
            out.append(f'<p class="{block.role}">{inner}</p>')
            first = True
            continue
        role = play_role(block)
        if role:
            out.append(f'<p class="{role}">{inner}</p>')
        else:
            out.append(f'<p class="first">{inner}</p>' if first else f"<p>{inner}</p>")
        first = False
    return "\n".join(out)


def metadata_rows(meta: Metadata) -> list[tuple[str, str]]:
    """The header fields shown on a cover page, in a reader-friendly order, each once."""
    rows = [(key, value) for key, value in meta.fields if key not in meta.hidden]
    if not any(key.lower() == "summary" for key, _ in rows) and meta.summary:
        rows.append(("Summary", meta.summary))
    return rows


def cover_page_html(story: Story, heading: str = "h1", break_long_words: bool = False) -> str:
    """The metadata cover page: title, authors and every header field (like AO3's preface)."""
    meta = story.metadata
    parts = [
        '<section class="titlepage">',
        f'<{heading} class="title">{text_html(meta.title, break_long_words)}</{heading}>',
    ]
    if meta.authors:
        parts.append(f'<p class="author">by {text_html(", ".join(meta.authors), break_long_words)}</p>')
    if meta.published:
        # A printed book's date is its electronic edition's release, not the year it was first printed.
        said = "Released" if story.printed else "Published"
        parts.append(f'<p class="date">{said} {text_html(meta.published, break_long_words)}</p>')
    rows = metadata_rows(meta)
    if rows:
        parts.append('<dl class="fields">')
        for key, value in rows:
            parts.append(
                f"<dt>{text_html(key, break_long_words)}</dt><dd>{text_html(value, break_long_words)}</dd>"
            )
        parts.append("</dl>")
    parts.append("</section>")
    return "\n".join(parts)


def front_notes_html(story: Story, break_long_words: bool = False) -> str:
    """A story's front notes: the writer's notes in a box, or a printed book's front matter (imprint,
    dedication, epigraph) set as on its pages, unlabelled."""
    if story.printed:
        return f'<div class="front-matter">\n{blocks_html(story.front_notes, break_long_words)}\n</div>'
    return notes_html(story.front_notes, "front", break_long_words)


def notes_html(blocks: Iterable[Block], kind: str, break_long_words: bool = False) -> str:
    """Author's notes set apart in a box; kind is "front" or "end"."""
    body = blocks_html(blocks, break_long_words)
    label = "Author’s note" if kind == "front" else "End note"
    return f'<aside class="notes {kind}-notes"><p class="notes-label">{label}</p>\n{body}\n</aside>'


def colophon_html(book: Book, heading: str = "h2", break_long_words: bool = False) -> str:
    """About this edition: each story's licence and credits at the back of the book, under one heading (an
    anthology names the story each belongs to); "" when no story has any."""
    stories = [story for story in book.stories if story.colophon]
    if not stories:
        return ""
    sub = f"h{min(int(heading[1:]) + 1, 6)}"
    parts = [f'<{heading} class="colophon-title">{text_html(COLOPHON_TITLE)}</{heading}>']
    for story in stories:
        if book.is_anthology:
            title = text_html(story.metadata.title, break_long_words)
            parts.append(f'<{sub} class="colophon-story">{title}</{sub}>')
        parts.append(blocks_html(story.colophon, break_long_words))
    return "\n".join(parts)


def part_title_html(
    title: str, heading: str = "h1", break_long_words: bool = False, heading_id: str = ""
) -> str:
    """The title of a part (a Book, an Act) on the page of its own that opens it (`heading_id`: its id)."""
    ident = f' id="{heading_id}"' if heading_id else ""
    return f'<{heading} class="part-title"{ident}>{text_html(title, break_long_words)}</{heading}>'


def chapter_html(
    chapter: Chapter,
    heading: str = "h2",
    break_long_words: bool = False,
    notes: bool = False,
    heading_id: str = "",
) -> str:
    """A chapter with its heading (when it has one; `heading_id`: its id) and blocks; with `notes`, its
    own notes set apart under the heading and after the text."""
    parts = []
    if chapter.title:
        ident = f' id="{heading_id}"' if heading_id else ""
        title = text_html(chapter.title, break_long_words)
        parts.append(f'<{heading} class="chapter-title"{ident}>{title}</{heading}>')
    if notes and chapter.front_notes:
        parts.append(notes_html(chapter.front_notes, "front", break_long_words))
    sub = f"h{min(int(heading[1:]) + 1, 6)}"
    parts.append(blocks_html(chapter.blocks, break_long_words, subheading=sub))
    if notes and chapter.end_notes:
        parts.append(notes_html(chapter.end_notes, "end", break_long_words))
    return "\n".join(parts)


def book_title_page_html(book: Book, heading: str = "h1", break_long_words: bool = False) -> str:
    """An anthology's own title page: its title, editor, authors, summary and the list of its stories."""
    meta = book.metadata
    parts = [
        '<section class="titlepage book-titlepage">',
        f'<{heading} class="title">{text_html(meta.title, break_long_words)}</{heading}>',
    ]
    if book.editor:
        parts.append(f'<p class="editor">edited by {text_html(book.editor, break_long_words)}</p>')
    if meta.authors:
        parts.append(f'<p class="author">{text_html(", ".join(meta.authors), break_long_words)}</p>')
    if meta.summary:
        parts.append(f'<p class="summary">{text_html(meta.summary, break_long_words)}</p>')
    # The stories and who wrote each, as an anthology's title page lists them.
    parts.append('<ul class="story-list">')
    for story in book.stories:
        title = f'<span class="story-title">{text_html(story.metadata.title, break_long_words)}</span>'
        authors = story.metadata.authors
        by = (
            f' <span class="story-author">by {text_html(", ".join(authors), break_long_words)}</span>'
            if authors
            else ""
        )
        parts.append(f"<li>{title}{by}</li>")
    parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)
