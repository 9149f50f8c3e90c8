"""HTML fragments (text saved or pasted from web pages) to plain lines, with the stdlib parser."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from ebookify.normalize.markup.detect import BLOCK_TAGS
from ebookify.normalize.markup.document import MarkupDocument
from ebookify.normalize.markup.marks import EMPHASIS, LINE_BREAK, STRONG
from ebookify.normalize.markup.wrapped_tags import SourceWrap
from ebookify.normalize.matter.header import field_kind, parse_field

_STYLE_TAGS = {"i": EMPHASIS, "em": EMPHASIS, "cite": EMPHASIS, "b": STRONG, "strong": STRONG}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Paragraph-like elements: each starts and ends a paragraph.
_PARAGRAPHS = frozenset(
    [
        "p",
        "div",
        "li",
        "tr",
        "dd",
        "dt",
        "center",
        "article",
        "section",
        "header",
        "footer",
        "ul",
        "ol",
        "table",
    ]
)
# Elements a page sets a quoted passage in, with a class naming it.
_CONTAINERS = frozenset(["div", "section", "aside", "figure"])
_QUOTE_CLASS = re.compile(r"epigraph|quote|letter|message|email|e-mail", re.I)
# Their content is not text of the story.
_SKIPPED = frozenset(["script", "style", "head", "title"])
# Lines of the read text that stand for a heading ("\ue0f0" and its level) or a quote ("\ue0f1" and its
# number) until the document is assembled.
_HEADING_LINE = "\ue0f0"
_QUOTE_LINE = "\ue0f1"
# Where a tag ends a paragraph; it becomes a blank line unless the text already has one there.
_BOUNDARY = "\ue0f2"
_BOUNDARIES = re.compile(f"[ \\t\\n]*{_BOUNDARY}(?:[ \\t\\n]*{_BOUNDARY})*(?:[ \\t]*\\n)*")
# A line left with nothing but style marks (an empty paragraph inside <i>) is blank.
_MARKS_ONLY = re.compile("^[ \t\ue004-\ue008]*$")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACE_RUN = re.compile(" {2,}")
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


class _Reader(HTMLParser):
    """Text from tags: paragraphs from the tags (`blocks`), or the text's own lines with inline tags read."""

    def __init__(self, blocks: bool, source: SourceWrap | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks = blocks
        self.source = source
        self.buffers: list[list[str]] = [[]]
        self.styles: list[str] = []
        self.quotes: list[str] = []
        self.skipping = 0
        self.after_break = False
        self.removed: Counter[str] = Counter()
        self.containers: list[bool] = []
        self.page_title = ""
        self.after_term = False
        self.opened: dict[str, tuple[int, int]] = {}
        """Where each open <p> or heading starts: in the buffer, and its source line (see `_one_line`)."""
        """For each open <div>-like element, whether it is set apart as a quote (class="epigraph")."""

    def _put(self, text: str) -> None:
        self.buffers[-1].append(text)

    def _boundary(self) -> None:
        """End a paragraph; styles still open close here and open again in the next paragraph."""
        closers = "".join(_STYLE_TAGS[tag][1] for tag in reversed(self.styles))
        openers = "".join(_STYLE_TAGS[tag][0] for tag in self.styles)
        self._put(f"{closers}{_BOUNDARY}{openers}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        was_break, self.after_break = self.after_break, False
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _STYLE_TAGS:
            self.styles.append(tag)
            self._put(_STYLE_TAGS[tag][0])
        elif tag == "br":
            # Two <br> in a row are the web's blank line between paragraphs.
            if was_break:
                self._drop_line_break()
                self._boundary()
            else:
                self._put(LINE_BREAK)
            self.after_break = not was_break
        elif tag == "hr":
            self._put(f"{_BOUNDARY}* * *{_BOUNDARY}")
        elif tag == "img":
            self.removed["image"] += 1
        elif tag == "blockquote" or self._opens_quote(tag, attrs):
            self._boundary()
            self.buffers.append([])
        elif tag in _HEADINGS:
            self._boundary()
            self._put(_HEADING_LINE + str(_HEADINGS[tag]))
            self.opened[tag] = (len(self.buffers[-1]), self.getpos()[0])
        elif tag == "dd" and self.after_term:
            self._put(" ")  # "<dt>Rating:</dt><dd>Teen</dd>" is one "Rating: Teen" line, as a header has it
        elif tag in _PARAGRAPHS:
            self._boundary()
            if tag == "p":
                self.opened[tag] = (len(self.buffers[-1]), self.getpos()[0])
        self.after_term = False

    def _opens_quote(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """A <div class="epigraph"> (or "letter", "quote", "message") is set apart like a <blockquote>."""
        if tag not in _CONTAINERS:
            return False
        classes = " ".join(value or "" for name, value in attrs if name == "class")
        self.containers.append(bool(_QUOTE_CLASS.search(classes)))
        return self.containers[-1]

    def _closes_quote(self, tag: str) -> bool:
        return tag in _CONTAINERS and bool(self.containers) and self.containers.pop()

    def _drop_line_break(self) -> None:
        """Take back the line break of the first of two <br>."""
        buffer = self.buffers[-1]
        while buffer and (not buffer[-1].strip() or buffer[-1] == LINE_BREAK):
            if buffer.pop() == LINE_BREAK:
                break

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "img"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.after_break = False
        self.after_term = tag == "dt"
        if self.after_term:
            return
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            if tag in ("script", "style"):
                self.removed[f"<{tag}> element"] += 1
        elif tag in _STYLE_TAGS and tag in self.styles:
            del self.styles[len(self.styles) - 1 - self.styles[::-1].index(tag)]
            self._put(_STYLE_TAGS[tag][1])
        elif (tag == "blockquote" or self._closes_quote(tag)) and len(self.buffers) > 1:
            self._boundary()
            self.quotes.append("".join(self.buffers.pop()))
            self._put(f"{_BOUNDARY}{_QUOTE_LINE}{len(self.quotes) - 1}{_BOUNDARY}")
        elif tag in _HEADINGS or tag in _PARAGRAPHS:
            self._one_line(tag)
            self._boundary()

    def _one_line(self, tag: str) -> None:
        """A closed heading read line by line (Markdown with tags) is one line, as in HTML; so is a closed
        <p> whose every line end a hard wrap made (a poem's lines in a <p>, the writer's, stay). A blank
        line inside ends the tag's block in Markdown: then the lines stay too."""
        start, line = self.opened.pop(tag, (-1, 0))
        if self.blocks or not 0 <= start <= len(self.buffers[-1]):
            return
        text = "".join(self.buffers[-1][start:])
        if "\n" not in text.strip() or _BLANK_LINE.search(text):
            return
        if tag in _HEADINGS or (self.source is not None and self.source.wrapped(line, self.getpos()[0])):
            self.buffers[-1][start:] = [_SPACES.sub(" ", text)]

    def handle_data(self, data: str) -> None:
        if self.skipping:
            # The page's <title> is kept as a field (its words are the story's name, most often).
            if self.lasttag == "title":
                self.page_title += data
            return
        if data.strip():
            self.after_break = False
        self._put(_SPACES.sub(" ", data) if self.blocks else data)

    def handle_comment(self, data: str) -> None:
        self.removed["HTML comment"] += 1

    def text(self) -> str:
        while len(self.buffers) > 1:  # an unclosed <blockquote>
            self.quotes.append("".join(self.buffers.pop()))
            self._put(f"{_BOUNDARY}{_QUOTE_LINE}{len(self.quotes) - 1}{_BOUNDARY}")
        return "".join(self.buffers[0])


def uses_block_tags(text: str, tags: Counter[str]) -> bool:
    """The tags make the paragraphs: block tags are as many as half the text's blank-line blocks."""
    blocks = sum(tags[name] for name in BLOCK_TAGS)
    return blocks >= 3 and blocks * 2 >= text.count("\n\n") + 1


def read_html(text: str, blocks: bool) -> MarkupDocument:
    """Read an HTML fragment: paragraphs from its tags when `blocks`, else from its lines and inline tags."""
    reader = _Reader(blocks, None if blocks else SourceWrap(text))
    reader.feed(text)
    reader.close()
    doc = MarkupDocument()
    for line in _lines(reader.text(), blocks):
        if line.startswith(_HEADING_LINE):
            doc.add_heading(int(line[1]), line[2:].strip())
        elif line.startswith(_QUOTE_LINE):
            doc.add_quote(_quote_lines(reader.quotes, int(line[1:]), blocks))
        else:
            doc.add_line(line)
    doc.removed.update(reader.removed)
    _unstyle_fields(doc.lines)
    if " ".join(reader.page_title.split()):
        doc.fields.append(("Page title", " ".join(reader.page_title.split())))
    return doc


# A metadata header is in the first lines; "<b>Rating:</b> T" must read as the field "Rating: T".
_HEADER_LINES = 40
_STYLE_ONLY = re.compile("[\ue005-\ue008]")


def _unstyle_fields(lines: list[str]) -> None:
    """Header lines with a bold or italic label lose their styles, so the header reader sees the field."""
    for index, line in enumerate(lines[:_HEADER_LINES]):
        plain = _STYLE_ONLY.sub("", line)
        if plain != line and (field := parse_field(plain)) is not None and field_kind(field[0]):
            lines[index] = plain


def _quote_lines(quotes: list[str], number: int, blocks: bool) -> list[str]:
    """A quote's lines; a quote inside it (a reply quoting a letter) is set in it as its own lines."""
    lines: list[str] = []
    for line in _lines(quotes[number], blocks):
        if line.startswith(_QUOTE_LINE) and line[1:].isdigit() and int(line[1:]) < number:
            lines += ["", *_quote_lines(quotes, int(line[1:]), blocks), ""]
        else:
            lines.append(line[2:] if line.startswith(_HEADING_LINE) else line)
    return lines


def _tidy(line: str) -> str:
    """A paragraph made from tags: one space between words (the markup's line ends and indents were)."""
    return _SPACE_RUN.sub(" ", line).strip() if "  " in line else line.strip()


def _newlines(space: str) -> int:
    return space.count("\n")


def _lines(text: str, blocks: bool) -> list[str]:
    """The read text's lines; paragraphs made by tags are one line each, one blank line apart."""
    if blocks:
        text = _BOUNDARIES.sub("\n\n", text)
    else:
        # A tag's paragraph end keeps the blank lines the text has there (a wide gap stays wide): the widest
        # run between the tags, not their sum ("</p>⏎⏎<ul>⏎<li>" is one blank line, as the writer typed it).
        text = _BOUNDARIES.sub(lambda m: "\n" * max(2, *map(_newlines, m.group(0).split(_BOUNDARY))), text)
    lines = ["" if _MARKS_ONLY.match(line) else _tidy(line) if blocks else line for line in text.split("\n")]
    if blocks:
        lines = _BLANK_RUN.sub("\n\n", "\n".join(lines)).split("\n")
    while lines and not lines[0]:
        lines.pop(0)
    return lines
