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
from ebookify.render.pdf_structure import SourcePages, StructureMerger, copy_object, copy_pages
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


class BookAssembly:
    """The book being joined: first the text parts with their furniture (while the contents are still
    being laid out), then the front matter in front of them."""

    def __init__(self, furniture: Furniture, layout: BookLayout, geometry: PageGeometry) -> None:
        self.book = Pdf.new()
        self.furniture, self.layout, self.geometry = furniture, layout, geometry
        self.structure = StructureMerger(self.book)
        self.text: list[SourcePages] = []
        self.versions = [furniture.pdf.pdf_version]

    def add_text(self, parts: Sequence[Pdf]) -> None:
        """Every part's pages, a verso's shifted to mirrored margins, each with its furniture."""
        book, layout, geometry = self.book, self.layout, self.geometry
        self.text = [copy_pages(book, part) for part in parts]
        text_pages = [page for source in self.text for page in source.pages]
        if len(text_pages) != layout.page_count:
            raise ValueError("the parts do not have the pages their layout says")
        stamper = _Stamper(book, self.furniture, geometry)
        for index, page in enumerate(text_pages):
            shift = geometry.verso_shift if index % 2 else 0.0
            _decorate(book, page, *stamper.stamp(layout.furniture[index]), shift)
        for source in self.text:
            self.structure.add(source)
        self.versions += [part.pdf_version for part in parts]

    def finish(self, front: Sequence[Pdf]) -> AssembledPdf:
        """Put the front matter before the text (padded so that the text opens on a recto); then the
        tag tree, the contents' links, the outline, page labels and the document's metadata."""
        book, at = self.book, 0
        sources = []
        for pdf in front:
            sources.append(copy_pages(book, pdf, at))
            at += len(pdf.pages)
            self.structure.add(sources[-1])
        if at % 2:
            width, height = self.geometry.width, self.geometry.height
            blank = Dictionary(Type=Name.Page, MediaBox=Array([0, 0, width, height]), Resources=Dictionary())
            book.pages.insert(at, Page(book.make_indirect(blank)))
            at += 1
        self.structure.finish([*sources, *self.text])
        for source in sources:
            _link_contents(source, self.layout, book, at)
        _add_outline(book, self.layout.outline, at)
        _label_pages(book, at)
        _copy_document_entries(book, front[0])
        versions = self.versions + [pdf.pdf_version for pdf in front]
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
