"""Assembles one PDF from the front matter, the text parts and their page furniture, laid out apart.

The parts are joined with pikepdf (qpdf): it reads each part from its file only as far as needed and
copies page content streams as they are, so assembling is fast and its memory does not grow with the
text of the book (the pure-Python reader we used before needed 1.8 s and 2 GB for a 13,000-page book)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pikepdf import Array, Dictionary, Name, NumberTree, ObjectStreamMode, OutlineItem, Page, Pdf, Stream

from ebookify.render.html import xml_safe
from ebookify.render.pdf_geometry import PageGeometry
from ebookify.render.pdf_layout import BookLayout
from ebookify.render.pdf_layout import OutlineItem as BookOutlineItem
from ebookify.render.pdf_structure import SourcePages, copy_object, copy_pages, merge_structure

_FURNITURE = Name("/EbookifyFurniture")
# Catalog entries that describe the whole document (language, tagging, PDF/A and PDF/UA metadata).
_CATALOG_KEYS = ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/OutputIntents")


def read_pdf(path: Path) -> Pdf:
    """Open a rendered PDF; its objects are read from the file when the assembly needs them."""
    return Pdf.open(path)


@dataclass(frozen=True)
class AssembledPdf:
    """The joined book, still reading from its parts' files until it is saved."""

    pdf: Pdf
    version: str
    """The highest PDF version of the parts (a new document would say 1.3)."""

    def save(self, handle: BinaryIO) -> None:
        """Write the book: object streams for size, an /ID from the content so that builds repeat."""
        self.pdf.save(
            handle,
            min_version=self.version,
            object_stream_mode=ObjectStreamMode.generate,
            compress_streams=True,
            deterministic_id=True,
        )


def assemble_pdf(
    front: Pdf,
    parts: Sequence[Pdf],
    furniture: Sequence[Pdf],
    layout: BookLayout,
    geometry: PageGeometry,
) -> AssembledPdf:
    """Front matter (padded so that the text opens on a recto), then every part with its furniture."""
    book = Pdf.new()
    sources = [copy_pages(book, front)]
    if len(book.pages) % 2:
        book.add_blank_page(page_size=(geometry.width, geometry.height))
    text_start = len(book.pages)
    for part in parts:
        sources.append(copy_pages(book, part))
    furniture_pages = [page for pdf in furniture for page in pdf.pages]
    text_pages = [page for source in sources[1:] for page in source.pages]
    if len(text_pages) != len(furniture_pages) or len(text_pages) != layout.page_count:
        raise ValueError("the parts and their furniture do not have the same number of pages")
    for index, (page, furniture_page) in enumerate(zip(text_pages, furniture_pages, strict=True)):
        blank = layout.furniture[index].page_name == "blank"
        shift = geometry.verso_shift if index % 2 else 0.0
        _decorate(book, page, None if blank else furniture_page, shift)
    merge_structure(book, sources)
    _link_contents(sources[0], layout, book, text_start)
    _add_outline(book, layout.outline, text_start)
    _label_pages(book, text_start)
    _copy_document_entries(book, front)
    versions = [pdf.pdf_version for pdf in (front, *parts, *furniture)]
    return AssembledPdf(book, max(versions, key=lambda v: tuple(int(n) for n in v.split("."))))


def _decorate(book: Pdf, page: Page, furniture: Page | None, shift: float) -> None:
    """Move a verso's text block to mirrored margins and lay the furniture over it as an artifact."""
    prefix = f"q 1 0 0 1 {shift:.4f} 0 cm\n".encode() if shift else b"q\n"
    suffix = b"\nQ\n"
    if furniture is not None:
        suffix += f"/Artifact <</Type /Pagination>> BDC q {_FURNITURE} Do Q EMC\n".encode()
        # Each page gets resources of its own: WeasyPrint's may be shared, and each page's furniture differs.
        old = page.obj.get(Name.Resources)
        resources = _own(old) if isinstance(old, Dictionary) else Dictionary()
        xobjects = resources.get(Name.XObject)
        xobjects = _own(xobjects) if isinstance(xobjects, Dictionary) else Dictionary()
        xobjects[_FURNITURE] = book.copy_foreign(furniture.as_form_xobject())
        resources.XObject = xobjects
        page.obj.Resources = resources
    page.contents_add(Stream(book, prefix), prepend=True)
    page.contents_add(Stream(book, suffix), prepend=False)
    if shift:
        for annotation in page.obj.get(Name.Annots, Array()):
            x0, y0, x1, y1 = (float(v) for v in annotation.Rect)
            annotation.Rect = Array([x0 + shift, y0, x1 + shift, y1])


def _own(dictionary: Dictionary) -> Dictionary:
    """A new direct dictionary with the same entries (the entries themselves are shared)."""
    return Dictionary(dict(dictionary.items()))


def _link_contents(front: SourcePages, layout: BookLayout, book: Pdf, text_start: int) -> None:
    """Contents entries link to themselves when laid out; point them at their chapter's page."""
    for page in front.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            dest = annotation.get(Name.Dest)
            named = dest is not None and not isinstance(dest, Array)
            anchor = str(dest).removeprefix("toc-") if named else None
            if anchor is not None and anchor in layout.starts:
                target = book.pages[text_start + layout.starts[anchor]]
                annotation.Dest = Array([target.obj, Name.Fit])


def _add_outline(book: Pdf, items: Sequence[BookOutlineItem], text_start: int) -> None:
    def item(entry: BookOutlineItem) -> OutlineItem:
        target = book.pages[text_start + entry.page]
        made = OutlineItem(xml_safe(entry.title), Array([target.obj, Name.Fit]))
        made.children.extend(item(child) for child in entry.children)
        return made

    with book.open_outline() as outline:
        outline.root.extend(item(entry) for entry in items)
    book.Root.PageMode = Name.UseOutlines


def _label_pages(book: Pdf, text_start: int) -> None:
    """Front matter numbered i, ii, iii; the text from 1."""
    labels = NumberTree.new(book)
    if text_start:
        labels[0] = Dictionary(S=Name.r)
    labels[text_start] = Dictionary(S=Name.D, St=1)
    book.Root.PageLabels = labels.obj


def _copy_document_entries(book: Pdf, front: Pdf) -> None:
    """Language, tagging flags, XMP and output intents of the front matter describe the whole book."""
    for key in _CATALOG_KEYS:
        if key in front.Root:
            book.Root[key] = copy_object(book, front.Root[key])
    info = front.trailer.get(Name.Info)
    if isinstance(info, Dictionary):
        book.trailer.Info = book.make_indirect(copy_object(book, info))
