"""Reads a written book back and checks that every piece of the model's text is in it, in order."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from lxml import etree

from ebookify.errors import WriterError
from ebookify.model import Book, Paragraph
from ebookify.options import WriteOptions
from ebookify.render.documents import plan_book
from ebookify.render.html import xml_safe

_SPACE = re.compile(r"\s+")


def model_pieces(book: Book, options: WriteOptions) -> Iterator[str]:
    """The model's texts in reading order: titles, notes, chapter headings and paragraphs."""
    for plan in plan_book(book):
        story = plan.story
        yield story.metadata.title
        front, end = (story.front_notes, story.end_notes) if options.include_notes else ((), ())
        yield from (b.text for b in front if isinstance(b, Paragraph))
        for ref in plan.chapters:
            if ref.chapter.title:
                yield ref.chapter.title
            yield from (b.text for b in ref.chapter.blocks if isinstance(b, Paragraph))
        yield from (b.text for b in end if isinstance(b, Paragraph))


def squash(text: str) -> str:
    """Text compared without any whitespace (line breaks become <br/>, spacing may differ)."""
    return _SPACE.sub("", xml_safe(text))


def find_in_order(haystack: str, pieces: Iterator[str], where: str) -> None:
    """Raise WriterError when a piece of text is missing or out of order."""
    position = 0
    for piece in pieces:
        needle = squash(piece)
        if not needle:
            continue
        found = haystack.find(needle, position)
        if found < 0:
            raise WriterError(f"{where}: text was lost while writing (missing: {piece[:60]!r})")
        position = found + len(needle)


def epub_text(data: bytes) -> str:
    """All body text of an EPUB's XHTML documents in spine order, without whitespace."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    opf_name = next(n for n in archive.namelist() if n.endswith(".opf"))
    opf = etree.fromstring(archive.read(opf_name))
    ns = {"opf": "http://www.idpf.org/2007/opf"}
    hrefs = {i.get("id"): str(i.get("href")) for i in opf.iterfind(".//opf:manifest/opf:item", ns)}
    base = opf_name.rsplit("/", 1)[0] + "/" if "/" in opf_name else ""
    texts = []
    for ref in opf.iterfind(".//opf:spine/opf:itemref", ns):
        href = hrefs[str(ref.get("idref"))]
        if href.endswith("nav.xhtml"):
            continue
        root = etree.fromstring(archive.read(base + href), etree.XMLParser(huge_tree=True))
        body = root.find("{http://www.w3.org/1999/xhtml}body")
        texts.append("".join(str(t) for t in body.itertext()) if body is not None else "")
    return squash("".join(texts))


def verify_epub_text(data: bytes, book: Book, options: WriteOptions) -> None:
    """Fail when the EPUB lost any of the model's text (ebooklib can drop text silently)."""
    find_in_order(epub_text(data), model_pieces(book, options), "EPUB")
