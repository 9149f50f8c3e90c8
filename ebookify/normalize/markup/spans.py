"""Markdown inside a line: code spans, escapes, links, images, footnote marks and entities to plain text."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from ebookify.normalize.markup.detect import CODE_SPAN, ESCAPE, FOOTNOTE_REFERENCE, INLINE_LINK
from ebookify.normalize.markup.marks import LITERALS
from ebookify.normalize.markup.references import References

# Escaped characters wait in this private-use block while links are read, so "\[" never opens one.
_HELD = 0xE200
_HELD_CHAR = re.compile("[\ue200-\ue27f]")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[([^\]\n]*)\]")
_SHORTCUT_LINK = re.compile(r"\[([^\]\n^][^\]\n]*)\](?![(\[:])")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
# Only complete references ("&amp;", "&#8212;"): "AT&T" and "fish & chips" stay as they are.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What a footnote mark is attached to: an emphasised phrase just before it, or the word before it.
_MARKED_PHRASE = re.compile(r"([*_]{1,2})([^*_\n]{1,60}?)\1\W{0,3}$")
_WORD_BEFORE = re.compile(r"(\w[\w'’-]*)\W{0,8}$")


@dataclass
class FootnoteMark:
    """A footnote reference taken out of the text: its id and the words it was attached to."""

    id: str
    anchor: str


@dataclass
class SpanReader:
    """Reads the inline Markdown of lines, counting what it removed and the footnote marks in order."""

    refs: References
    removed: Counter[str] = field(default_factory=Counter)
    marks: list[FootnoteMark] = field(default_factory=list)

    def read(self, line: str) -> str:
        """A line's inline Markdown as plain text (emphasis markers are left for the inline reader)."""
        if not any(c in line for c in "`\\[]<&!"):
            return line
        line = CODE_SPAN.sub(lambda m: _hold(m.group(1)), line) if "`" in line else line
        line = ESCAPE.sub(lambda m: _hold(m.group(1)), line) if "\\" in line else line
        if "[" in line:
            line = self._links(line)
        if "<" in line:
            line = AUTOLINK.sub(r"\1", line)
        if "&" in line:
            line = _ENTITY.sub(lambda m: html.unescape(m.group(0)), line)
        return _HELD_CHAR.sub(_release, line)

    def _links(self, line: str) -> str:
        line, images = _IMAGE.subn("", line)
        self.removed["image"] += images
        line = INLINE_LINK.sub(r"\1", line)
        line = _REFERENCE_LINK.sub(
            lambda m: m.group(1) if self._known(m.group(2) or m.group(1)) else m.group(0), line
        )
        line = _SHORTCUT_LINK.sub(lambda m: m.group(1) if self._known(m.group(1)) else m.group(0), line)
        if "[^" in line:
            line = FOOTNOTE_REFERENCE.sub(lambda m: self._footnote(m, line), line)
        return line

    def _known(self, label: str) -> bool:
        return label.strip().lower() in self.refs.links

    def _footnote(self, match: re.Match[str], line: str) -> str:
        """A footnote mark leaves the text; the words before it name the note. A mark without a definition
        ("[^1]" typed as text) stays."""
        if match.group(1) not in self.refs.footnotes:
            return match.group(0)
        before = line[max(0, match.start() - 80) : match.start()]  # a phrase of 60 characters at most
        phrase = _MARKED_PHRASE.search(before) or _WORD_BEFORE.search(before)
        anchor = _release_all(phrase.group(phrase.lastindex or 0)) if phrase else ""
        self.marks.append(FootnoteMark(match.group(1), anchor.strip()))
        self.removed["footnote mark"] += 1
        return ""


def _hold(text: str) -> str:
    """Characters made literal (escaped or in a code span) held out of the way of link reading."""
    return "".join(chr(_HELD + ord(c)) if ord(c) < 0x80 and not c.isalnum() and c != " " else c for c in text)


def _release(match: re.Match[str]) -> str:
    char = chr(ord(match.group(0)) - _HELD)
    # A literal * or _ stays hidden from the emphasis reader until inline marking is done.
    return LITERALS.get(char, char)


def _release_all(text: str) -> str:
    return "".join(chr(ord(c) - _HELD) if "\ue200" <= c <= "\ue27f" else c for c in text)
