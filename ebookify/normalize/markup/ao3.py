"""An Archive of Our Own HTML download: its preface as header fields and notes, its afterword as end notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from ebookify.normalize.markup.frontmatter import header_key

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# AO3 marks the parts of a download by these ids; a page without them is read like any other HTML.
_MARKERS = ('id="preface"', 'id="chapters"')
# "Published: 2020-01-01 Updated: 2020-02-01 Words: 1,200 Chapters: 3/3" in one Stats row.
_STAT = re.compile(r"([A-Z][a-z]+):\s*(\S+)")
_BY = re.compile(r"^\s*by\s+", re.I)


@dataclass
class Ao3Work:
    """The parts of an AO3 download: header fields, front and end notes, and the chapters' HTML."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    front_notes: list[str] = field(default_factory=list)
    end_notes: list[str] = field(default_factory=list)
    body: str = ""


def _text(element: HtmlElement) -> str:
    """An element's text on one line (a <br> is a space between words)."""
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return " ".join(str(element.text_content()).split())


def _paragraphs(element: HtmlElement) -> list[str]:
    """The paragraphs of a block (its <p> elements, or its whole text)."""
    found = [_text(p) for p in element.iter("p")]
    return [text for text in found if text] or ([_text(element)] if _text(element) else [])


def split_ao3(text: str) -> Ao3Work | None:
    """The parts of an AO3 HTML download, or None when the text is not one."""
    if not all(marker in text for marker in _MARKERS):
        return None
    import lxml.html

    root = lxml.html.document_fromstring(text)
    chapters = root.find('.//div[@id="chapters"]')
    if chapters is None:
        return None
    work = Ao3Work(body=lxml.html.tostring(chapters, encoding="unicode"))
    preface = root.find('.//div[@id="preface"]')
    if preface is not None:
        _read_preface(preface, work)
    afterword = root.find('.//div[@id="afterword"]')
    if afterword is not None:
        for heading in list(afterword.iter("h1", "h2", "h3")):
            cast("HtmlElement", heading).drop_tree()  # "Afterword", "End Notes": labels, not notes
        work.end_notes += [p for block in afterword.iter("blockquote", "p") for p in _paragraphs(block)]
        work.end_notes = list(dict.fromkeys(work.end_notes))
    return work


def _read_preface(preface: HtmlElement, work: Ao3Work) -> None:
    """Tags as fields, the title and the by-line, the summary, the notes and the archive's message."""
    for message in preface.iterfind('.//p[@class="message"]'):
        work.fields.append(("Source", _text(message)))
    for term in preface.iter("dt"):
        value = term.getnext()
        key = _text(term).rstrip(":").strip()
        if value is None or value.tag != "dd" or not key:
            continue
        if key == "Stats":
            work.fields += [(name, number) for name, number in _STAT.findall(_text(value))]
        else:
            work.fields.append((header_key(key), _text(value)))
    title = preface.find(".//h1")
    if title is not None:
        work.fields.append(("Title", _text(title)))
    byline = preface.find('.//div[@class="byline"]')
    if byline is not None:
        work.fields.append(("Author", _BY.sub("", _text(byline))))
    for label in preface.iter("p"):
        quoted = label.getnext()
        if quoted is None or quoted.tag != "blockquote":
            continue
        name = _text(label).rstrip(":")
        if name == "Summary":
            work.fields.append(("Summary", "\n".join(_paragraphs(quoted))))
        else:
            work.front_notes += _paragraphs(quoted)
