"""Assembles one PDF from the front matter, the text parts and their page furniture, laid out apart.

The parts are joined with pikepdf (qpdf): it reads each part from its file only as far as needed and
copies page content streams as they are, so assembling is fast and its memory does not grow with the
text of the book (the pure-Python reader we used before needed 1.8 s and 2 GB for a 13,000-page book)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pikepdf import (
    Array,
    Dictionary,
    Name,
    NumberTree,
    Object,
    ObjectStreamMode,
    OutlineItem,
    Page,
    Pdf,
    Stream,
)

from ebookify.errors import WriterError
from ebookify.render.html import xml_safe
from ebookify.render.pdf_geometry import PageGeometry
from ebookify.render.pdf_html import FurniturePage, RunningHead, digit_anchor
from ebookify.render.pdf_layout import BookLayout
from ebookify.render.pdf_layout import OutlineItem as BookOutlineItem
from ebookify.render.pdf_structure import SourcePages, copy_object, copy_pages, merge_structure
from ebookify.render.pdf_worker import RenderedPart

_HEAD = Name("/EbookifyHead")
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


@dataclass(frozen=True)
class Furniture:
    """Running heads and figures laid out once (pdf_html.furniture_html); the assembly stamps them on
    every text page as artifacts, a folio figure by figure."""

    pdf: Pdf
    heads: dict[RunningHead, int]
    """The page of the furniture document that carries each running head."""
    digit_widths: tuple[float, ...]
    """The advance of each figure 0-9, in points."""

    @classmethod
    def from_layout(cls, pdf: Pdf, heads: Sequence[RunningHead], result: RenderedPart) -> Furniture:
        """Each figure is set flush right on a recto; its box gives its width."""
        try:
            widths = tuple(
                result.boxes[digit_anchor(d)][2] - result.boxes[digit_anchor(d)][0] for d in range(10)
            )
        except (KeyError, IndexError):
            raise WriterError("internal error: the figures for page numbers were not laid out") from None
        return cls(pdf, {head: index for index, head in enumerate(heads)}, widths)

    def digit_page(self, digit: int) -> int:
        return len(self.heads) + digit


def folio_offsets(
    folio: str, page_name: str, widths: Sequence[float], geometry: PageGeometry
) -> list[tuple[int, float]]:
    """Each figure of a folio, with how far to move its page (set flush right on a recto) sideways:
    flush right on a recto, flush left on a verso, centred on a chapter's opening page."""
    if not folio.isdigit():
        return []
    g = geometry
    digits = [int(char) for char in folio]
    total = sum(widths[digit] for digit in digits)
    measure = g.width - g.inner - g.outer
    right = g.width - g.outer
    starts = {
        "recto": right - total,
        "verso": g.outer,
        "opening-recto": g.inner + (measure - total) / 2,
        "opening-verso": g.outer + (measure - total) / 2,
    }
    if page_name not in starts:
        return []
    offsets, x = [], starts[page_name]
    for digit in digits:
        x += widths[digit]
        offsets.append((digit, x - right))
    return offsets


class _Stamper:
    """Makes each page's furniture: a head's page and the folio's figures as shared form XObjects."""

    def __init__(self, book: Pdf, furniture: Furniture, geometry: PageGeometry) -> None:
        self.book, self.furniture, self.geometry = book, furniture, geometry
        self.forms: dict[int, Object] = {}

    def _form(self, index: int) -> Object:
        if index not in self.forms:
            page = self.furniture.pdf.pages[index]
            self.forms[index] = self.book.copy_foreign(page.as_form_xobject())
        return self.forms[index]

    def stamp(self, page: FurniturePage) -> tuple[bytes, dict[Name, Object]]:
        """The marked content that draws `page`'s furniture, and the forms it names."""
        names: dict[Name, Object] = {}
        ops = []
        head = self.furniture.heads.get((page.page_name, page.head)) if page.head else None  # type: ignore[arg-type]
        if head is not None:
            names[_HEAD] = self._form(head)
            ops.append(f"q {_HEAD} Do Q")
        for digit, shift in folio_offsets(
            page.folio, page.page_name, self.furniture.digit_widths, self.geometry
        ):
            name = Name(f"/EbookifyDigit{digit}")
            names[name] = self._form(self.furniture.digit_page(digit))
            ops.append(f"q 1 0 0 1 {shift:.4f} 0 cm {name} Do Q")
        if not ops:
            return b"", {}
        return f"/Artifact <</Type /Pagination>> BDC {' '.join(ops)} EMC\n".encode(), names


def assemble_pdf(
    front: Sequence[Pdf],
    parts: Sequence[Pdf],
    furniture: Furniture,
    layout: BookLayout,
    geometry: PageGeometry,
) -> AssembledPdf:
    """Front matter (padded so that the text opens on a recto), then every part with its furniture."""
    book = Pdf.new()
    sources = [copy_pages(book, pdf) for pdf in front]
    if len(book.pages) % 2:
        book.add_blank_page(page_size=(geometry.width, geometry.height))
    text_start = len(book.pages)
    text_sources = [copy_pages(book, part) for part in parts]
    text_pages = [page for source in text_sources for page in source.pages]
    if len(text_pages) != layout.page_count:
        raise ValueError("the parts do not have the pages their layout says")
    stamper = _Stamper(book, furniture, geometry)
    for index, page in enumerate(text_pages):
        shift = geometry.verso_shift if index % 2 else 0.0
        _decorate(book, page, *stamper.stamp(layout.furniture[index]), shift)
    merge_structure(book, [*sources, *text_sources])
    for source in sources:
        _link_contents(source, layout, book, text_start)
    _add_outline(book, layout.outline, text_start)
    _label_pages(book, text_start)
    _copy_document_entries(book, front[0])
    versions = [pdf.pdf_version for pdf in (*front, *parts, furniture.pdf)]
    return AssembledPdf(book, max(versions, key=lambda v: tuple(int(n) for n in v.split("."))))


def _decorate(book: Pdf, page: Page, stamp: bytes, forms: dict[Name, Object], shift: float) -> None:
    """Move a verso's text block to mirrored margins and lay the furniture over it as an artifact."""
    prefix = f"q 1 0 0 1 {shift:.4f} 0 cm\n".encode() if shift else b"q\n"
    suffix = b"\nQ\n" + stamp
    if forms:
        # Each page gets resources of its own: WeasyPrint's may be shared, and each page's furniture differs.
        old = page.obj.get(Name.Resources)
        resources = _own(old) if isinstance(old, Dictionary) else Dictionary()
        xobjects = resources.get(Name.XObject)
        xobjects = _own(xobjects) if isinstance(xobjects, Dictionary) else Dictionary()
        for name, form in forms.items():
            xobjects[name] = form
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
