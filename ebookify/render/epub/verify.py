"""Reads a written book back and checks that the model's text and metadata are all in it, in order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator

from lxml import etree

from ebookify.errors import WriterError
from ebookify.model import Block, Book, Paragraph, Quote, Subheading, Verse
from ebookify.options import WriteOptions
from ebookify.render.documents import plan_book
from ebookify.render.html import xml_safe

_XHTML = "{http://www.w3.org/1999/xhtml}"
_OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
# Elements that hold one piece of the model's text each: paragraphs, headings, metadata rows.
_TEXT_ELEMENTS = {f"{_XHTML}{name}" for name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd")}
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


def model_pieces(book: Book, options: WriteOptions) -> Iterator[str]:
    """The model's texts in reading order: story titles, notes, chapter headings and paragraphs, then the
    colophon (About this edition) at the back of the book."""
    for plan in plan_book(book):
        story = plan.story
        yield story.metadata.title
        front, end = (story.front_notes, story.end_notes) if options.include_notes else ((), ())
        yield from _texts(front)
        for ref in plan.chapters:
            if ref.part and ref.opens_part:
                yield ref.part.title
            if ref.chapter.title:
                yield ref.chapter.title
            yield from _texts(ref.chapter.front_notes if options.include_notes else ())
            yield from _texts(ref.chapter.blocks)
            yield from _texts(ref.chapter.end_notes if options.include_notes else ())
        yield from _texts(end)
    for story in book.stories:
        yield from _texts(story.colophon)


def _texts(blocks: Iterable[Block]) -> Iterator[str]:
    """The text of each paragraph, stanza and sub-heading (a stanza is one paragraph element, its lines run
    together), those inside quote blocks included."""
    for block in blocks:
        if isinstance(block, Paragraph | Verse | Subheading):
            yield block.text
        elif isinstance(block, Quote):
            yield from _texts(block.blocks)


def squash(text: str) -> str:
    """Text compared without any whitespace (line breaks become <br/>, spacing may differ)."""
    return "".join(xml_safe(text).split())


def match_in_order(elements: Iterable[str], pieces: Iterable[str], where: str) -> None:
    """Each piece must equal a later element's whole text, whitespace aside; WriterError names the first that
    does not. Elements may be squashed or as written."""
    remaining = iter(elements)
    for piece in pieces:
        # As written, the piece's line breaks are <br/> (no text): most elements equal this exactly, and
        # comparing it first saves squashing both sides (a third of the time of writing a novel's EPUB).
        written = xml_safe(piece).replace("\n", "")
        if not written.strip():
            continue  # squashes to nothing
        needle: str | None = None
        for element in remaining:
            if element == written:
                break
            needle = needle if needle is not None else "".join(written.split())
            if "".join(element.split()) == needle:
                break
        else:
            raise WriterError(f"{where}: text was lost while writing (missing: {piece[:60]!r})")


def _spine_documents(archive: zipfile.ZipFile) -> Iterator[etree._Element]:
    opf_name = next(n for n in archive.namelist() if n.endswith(".opf"))
    opf = etree.fromstring(archive.read(opf_name), _PARSER)
    items = {i.get("id"): i for i in opf.iterfind(".//opf:manifest/opf:item", _OPF)}
    base = opf_name.rsplit("/", 1)[0] + "/" if "/" in opf_name else ""
    for ref in opf.iterfind(".//opf:spine/opf:itemref", _OPF):
        item = items[ref.get("idref")]
        if "nav" not in (item.get("properties") or "").split():
            yield etree.fromstring(archive.read(base + str(item.get("href"))), _PARSER)


def written_texts(data: bytes) -> list[str]:
    """The text of every paragraph, heading and metadata row of an EPUB, in spine order, as written."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            etree.tostring(element, method="text", encoding="unicode", with_tail=False)
            for root in _spine_documents(archive)
            for element in root.iter(*_TEXT_ELEMENTS)
        ]


def package_values(data: bytes, name: str) -> list[str]:
    """The values of one Dublin Core element (title, creator, ...) in an EPUB's package document."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        opf_name = next(n for n in archive.namelist() if n.endswith(".opf"))
        opf = etree.fromstring(archive.read(opf_name), _PARSER)
    return ["".join(str(t) for t in e.itertext()) for e in opf.iterfind(f".//opf:metadata/dc:{name}", _OPF)]


def verify_epub(data: bytes, book: Book, options: WriteOptions) -> None:
    """Fail when the EPUB lost any of the model's text, title or authors (ebooklib drops them silently)."""
    try:
        elements = written_texts(data)
        titles, creators = package_values(data, "title"), package_values(data, "creator")
    except (etree.XMLSyntaxError, KeyError, StopIteration, zipfile.BadZipFile) as exc:
        raise WriterError(f"EPUB: the written book cannot be read back ({exc})") from exc
    match_in_order(elements, model_pieces(book, options), "EPUB")
    if book.metadata.title.strip() and [squash(t) for t in titles] != [squash(book.metadata.title)]:
        raise WriterError(f"EPUB: the title was lost while writing (found {titles!r})")
    if [squash(c) for c in creators] != [squash(a) for a in book.metadata.authors]:
        raise WriterError(f"EPUB: authors were lost while writing (found {creators!r})")
