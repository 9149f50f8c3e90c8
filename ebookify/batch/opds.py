"""The OPDS 1.2 acquisition feed of a batch's books (catalog.xml, then catalog-2.xml... when paged).

Every link has a type (KOReader breaks on links without one); books are acquisition links with their
media type (Thorium offers downloads only for those); covers are image and thumbnail links; every entry has
an id, a title and an updated date, as Atom requires. Hrefs are relative, so any static web server (or a
folder on the reader) serves the catalog as it is."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from ebookify.batch.state import BookRow, now_iso

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
FEED_TYPE = "application/atom+xml;profile=opds-catalog;kind=acquisition"
ACQUISITION = "http://opds-spec.org/acquisition"
MEDIA_TYPES = {"epub": "application/epub+zip", "pdf": "application/pdf"}
PAGE_SIZE = 500
"""Entries per feed page: readers load a page at a time (a 100,000-book feed in one file is ~50 MB)."""
CATALOG = "catalog.xml"


def page_name(number: int) -> str:
    """catalog.xml for the first page, catalog-N.xml after it."""
    return CATALOG if number == 1 else f"catalog-{number}.xml"


def href(path: str) -> str:
    """A relative URL for a file under OUTDIR (spaces, #, ? and non-ASCII escaped)."""
    return quote(path, safe="/")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _link(parent: etree._Element, rel: str, target: str, media_type: str) -> None:
    _sub(parent, f"{{{ATOM}}}link", rel=rel, href=href(target), type=media_type)


def feed_id(outdir: Path) -> str:
    """A stable id for the catalog of this folder."""
    return "urn:ebookify:batch:" + hashlib.sha256(str(outdir.resolve()).encode()).hexdigest()[:32]


def _entry(feed: etree._Element, row: BookRow, base_id: str) -> None:
    entry = _sub(feed, f"{{{ATOM}}}entry")
    _sub(entry, f"{{{ATOM}}}title", row.title or row.stem.rsplit("/", 1)[-1])
    _sub(entry, f"{{{ATOM}}}id", f"{base_id}:{hashlib.sha256(row.stem.encode()).hexdigest()[:32]}")
    _sub(entry, f"{{{ATOM}}}updated", row.updated)
    for name in row.authors:
        _sub(_sub(entry, f"{{{ATOM}}}author"), f"{{{ATOM}}}name", name)
    if row.language:
        _sub(entry, f"{{{DC}}}language", row.language)
    for subject in row.subjects:
        _sub(entry, f"{{{ATOM}}}category", term=subject, label=subject)
    if row.summary:
        _sub(entry, f"{{{ATOM}}}summary", row.summary, type="text")
    if row.thumbnail:
        _link(entry, "http://opds-spec.org/image", row.thumbnail, "image/jpeg")
        _link(entry, "http://opds-spec.org/image/thumbnail", row.thumbnail, "image/jpeg")
    for output in row.outputs:
        media_type = MEDIA_TYPES.get(output.rsplit(".", 1)[-1])
        if media_type:
            _link(entry, ACQUISITION, output, media_type)


def feed_page(
    rows: Iterable[BookRow], *, number: int, pages: int, base_id: str, title: str, updated: str
) -> bytes:
    """One page of the acquisition feed, serialized with an XML declaration (UTF-8, uncompressed)."""
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM, "dc": DC, "opds": OPDS})  # type: ignore[dict-item]
    _sub(feed, f"{{{ATOM}}}id", base_id if number == 1 else f"{base_id}:page:{number}")
    _sub(feed, f"{{{ATOM}}}title", title)
    _sub(feed, f"{{{ATOM}}}updated", updated)
    _sub(_sub(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name", "ebookify")
    _link(feed, "self", page_name(number), FEED_TYPE)
    _link(feed, "start", page_name(1), FEED_TYPE)
    _link(feed, "first", page_name(1), FEED_TYPE)
    _link(feed, "last", page_name(pages), FEED_TYPE)
    if number > 1:
        _link(feed, "previous", page_name(number - 1), FEED_TYPE)
    if number < pages:
        _link(feed, "next", page_name(number + 1), FEED_TYPE)
    for row in rows:
        _entry(feed, row, base_id)
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _pages(rows: Iterator[BookRow]) -> Iterator[list[BookRow]]:
    while page := list(islice(rows, PAGE_SIZE)):
        yield page


def write_catalog(
    rows: Iterator[BookRow], count: int, outdir: Path, write: Callable[[Path, bytes], None], title: str = ""
) -> list[str]:
    """Write the feed's pages (the converted books, PAGE_SIZE per page); returns their names."""
    pages = max(1, -(-count // PAGE_SIZE))
    head = {"pages": pages, "base_id": feed_id(outdir), "updated": now_iso()}
    head["title"] = title or f"ebookify: {outdir.resolve().name}"
    names = []
    for number, page in enumerate(_pages(rows), start=1):
        names.append(page_name(number))
        write(outdir / page_name(number), feed_page(page, number=number, **head))  # type: ignore[arg-type]
    if not names:
        names.append(CATALOG)
        write(outdir / CATALOG, feed_page([], number=1, **head))  # type: ignore[arg-type]
    return names
