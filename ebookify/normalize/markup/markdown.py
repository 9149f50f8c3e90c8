"""A Markdown story's lines to plain lines: headings found, quotes and notes set aside, markup removed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.markup.detect import COMMENT, HEADING, IMAGE_LINE, QUOTE_LINE
from ebookify.normalize.markup.document import MarkupDocument
from ebookify.normalize.markup.marks import LINE_BREAK, LITERALS
from ebookify.normalize.markup.references import References, take_definitions
from ebookify.normalize.markup.spans import SpanReader
from ebookify.normalize.structure.layout import detect_layout, ends_sentence, starts_lower

# "Title" underlined with "===" (level 1) or "---" (level 2) is a heading.
_SETEXT = re.compile(r"^(=+|-+)[ \t]*$")
# A thematic break ("---", "***", "_ _ _", a rule of 72 dashes) is a scene break whatever its length.
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```+|~~~+)")
# A line ending in a backslash or two spaces breaks the line there (a letter's salutation, a poem). White
# space after the backslash (an editor's or a paste's) does not undo the break the writer typed.
_HARD_BREAK = re.compile(r"(?<=[^\s>])(?:\\[ \t]*|[ \t]{2,})$")
_SPACED_BREAK = re.compile(r"(?<=[^\s>\\])[ \t]{2,}$")
_COMMENT_START = "<!--"
# A line that is only a site generator's directive (mdbook's "{{#include x.md}}" and "!{#copyright}",
# Liquid's "{% include note.html %}") is the publishing machinery, not words of the story.
_DIRECTIVE = re.compile(r"^[ \t]*(?:!?\{#[\w.:-]+[^{}\n]*\}|\{\{[ \t]*#[^{}\n]*\}\}|\{%[^\n]*?%\})[ \t]*$")


def read_markdown(lines: Sequence[str]) -> MarkupDocument:
    """Read Markdown lines (front matter already taken) into a MarkupDocument."""
    kept, refs = take_definitions(_marked_hard_breaks(lines))
    reader = SpanReader(refs)
    doc = MarkupDocument()
    index = 0
    while index < len(kept):
        index = _read_line(kept, index, doc, reader)
    doc.notes = _footnote_notes(reader, refs) + _link_notes(refs)
    doc.removed.update(reader.removed)
    return doc


def _read_line(lines: Sequence[str], index: int, doc: MarkupDocument, reader: SpanReader) -> int:
    """Read the construct starting at lines[index]; return the index after it."""
    line = lines[index]
    if _COMMENT_START in line:
        return _read_comment(lines, index, doc)
    if fence := _FENCE.match(line):
        return _read_fenced(lines, index, fence.group(1), doc)
    if QUOTE_LINE.match(line):
        end = index
        while end < len(lines) and QUOTE_LINE.match(lines[end]):
            end += 1
        doc.add_quote([reader.read(_unquoted(quoted)) for quoted in lines[index:end]])
        return end
    if heading := HEADING.match(line):
        doc.add_heading(len(heading.group(1)), reader.read(heading.group(2)).strip())
        return index + 1
    if _is_setext(lines, index):
        doc.add_heading(1 if lines[index + 1].startswith("=") else 2, reader.read(line).strip())
        return index + 2
    if _RULE.match(line):
        doc.add_line("* * *")
        return index + 1
    if IMAGE_LINE.match(line):
        doc.remove_line("image line")
        return index + 1
    if _DIRECTIVE.match(line):
        doc.remove_line("template directive")
        return index + 1
    doc.add_line(reader.read(line))
    return index + 1


def _is_setext(lines: Sequence[str], index: int) -> bool:
    """A one-line paragraph underlined with "=" or "-"; a dash rule under a sentence stays a scene break,
    so a "---" underline must run the length of a short line set like a title."""
    if index + 1 >= len(lines) or not lines[index].strip() or (index and lines[index - 1].strip()):
        return False
    underline = _SETEXT.match(lines[index + 1])
    if not underline:
        return False
    text = lines[index].strip()
    if underline.group(1)[0] == "=":
        return True
    return len(text) <= 60 and abs(len(underline.group(1)) - len(text)) <= 2 and text[-1:] not in ".,;!?"


def _unquoted(line: str) -> str:
    """A quoted line without its markers ("> > text" in a reply to a reply as well)."""
    while QUOTE_LINE.match(line):
        line = line[2:] if line.startswith("> ") else line[1:]
    return line


def _read_comment(lines: Sequence[str], index: int, doc: MarkupDocument) -> int:
    """An HTML comment ("<!-- more -->") is dropped, on one line or over several."""
    end = index
    text = lines[index]
    while "-->" not in text[text.index(_COMMENT_START) :] and end + 1 < len(lines):
        end += 1
        text += "\n" + lines[end]
    rest, count = COMMENT.subn("", text)
    if not count:
        doc.add_line(lines[index])  # an unclosed "<!--" is text
        return index + 1
    doc.removed["HTML comment"] += count
    if rest.strip():
        doc.add_line(rest)
    else:
        doc.remove_line("HTML comment")
        doc.removed["HTML comment"] -= 1
    return end + 1


def _read_fenced(lines: Sequence[str], index: int, fence: str, doc: MarkupDocument) -> int:
    """A fenced block (```) keeps its lines as written; the fences go."""
    end = index + 1
    while end < len(lines) and not lines[end].lstrip().startswith(fence):
        end += 1
    if end == len(lines):
        doc.add_line(lines[index])  # no closing fence: the backticks are text
        return index + 1
    for line in lines[index + 1 : end]:
        doc.add_line("".join(LITERALS.get(c, c) for c in line))
    doc.remove_line("code fence")
    doc.removed["code fence"] += 1
    return end + 1


def _marked_hard_breaks(lines: Sequence[str]) -> list[str]:
    """A hard break at a line's end (a backslash, two spaces) as a kept-break mark; the lines stay apart,
    so that the layout measures the text's wrapping as written."""
    wrapped = _wrap_points(lines)
    return [
        _HARD_BREAK.sub(LINE_BREAK, line)
        if index not in wrapped and _inside_paragraph(lines, index)
        else line
        for index, line in enumerate(lines)
    ]


def _inside_paragraph(lines: Sequence[str], index: int) -> bool:
    """Whether a line's end can be a hard break: as CommonMark has it, only between two lines of text of
    one paragraph; at a paragraph's end, after a rule ("* * *  ") or a heading it means nothing."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if not (line.strip() and following.strip()):
        return False
    return not (_RULE.match(line) or HEADING.match(line) or _SETEXT.match(following))


def _wrap_points(lines: Sequence[str]) -> set[int]:
    """The lines ending in spaces that a hard wrap ended, not a writer: there the spaces are the gap after
    a sentence (or an editor's) left at the wrap, not a typed line break."""
    spaced = [index for index, line in enumerate(lines[:-1]) if _SPACED_BREAK.search(line)]
    if not spaced:
        return set()
    width = detect_layout([line.rstrip() for line in lines]).wrap_width
    if width is None:
        return set()  # not hard-wrapped: each line ends where the writer ended it
    return {index for index in spaced if _ends_at_wrap(lines[index].rstrip(), lines[index + 1], width)}


def _ends_at_wrap(line: str, following: str, width: int) -> bool:
    """A line ends at the wrap when the next line's first word would not have fitted on it, or when it is
    as long as wrapped lines are (three quarters of the width: a salutation or most verse is shorter) and
    its sentence runs on in lower case (a converter's markup made some wraps come early)."""
    words = following.split()
    if not words:
        return False
    if len(line) + 1 + len(words[0]) > width:
        return True
    return len(line) * 4 >= width * 3 and starts_lower(following) and not ends_sentence(line)


def _footnote_notes(reader: SpanReader, refs: References) -> list[str]:
    """Footnotes as notes, in the order they are referred to, each named by the words it was attached to."""
    notes: list[str] = []
    done: set[str] = set()
    for mark in reader.marks:
        paragraphs = refs.footnotes.get(mark.id)
        if paragraphs is None or mark.id in done:
            continue
        done.add(mark.id)
        texts = [reader.read(p) for p in paragraphs]
        notes += [f"{mark.anchor}: {texts[0]}" if mark.anchor else texts[0], *texts[1:]]
    for note_id, paragraphs in refs.footnotes.items():
        if note_id not in done:
            notes += [reader.read(p) for p in paragraphs]
    return notes


def _link_notes(refs: References) -> list[str]:
    """Link definitions kept as one note: the addresses the text referred to."""
    if not refs.links:
        return []
    return ["Links:\n" + "\n".join(f"{refs.labels[key]}: {address}" for key, address in refs.links.items())]
