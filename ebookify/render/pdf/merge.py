"""Assembles one PDF from the front matter, the text parts and their page furniture, laid out apart.

Each part is opened with pikepdf (qpdf), given its furniture and mirrored margins in memory, and then
streamed into the book (copier, stream) and closed, so the assembly holds one part at a time: on a
6,418-page anthology the book assembled in qpdf's memory took 726 MB, growing with every page.
The text parts are joined first, while the contents are still being laid out; the front matter is
written after them, and the page tree puts it in front."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pikepdf import Array, Dictionary, Name, Object, Page, Pdf, Stream, String

from ebookify.errors import WriterError
from ebookify.render.html import xml_safe
from ebookify.render.pdf.copier import SourceCopier
from ebookify.render.pdf.geometry import PageGeometry
from ebookify.render.pdf.layout import BookLayout
from ebookify.render.pdf.layout import OutlineItem as BookOutlineItem
from ebookify.render.pdf.sections import FurniturePage, RunningHead, digit_anchor
from ebookify.render.pdf.stream import PdfStreamWriter, refs
from ebookify.render.pdf.structure import StructureJoin
from ebookify.render.pdf.worker import RenderedPart

_HEAD = Name("/EbookifyHead")
# Catalog entries that describe the whole document (language, tagging, PDF/A and PDF/UA metadata).
_CATALOG_KEYS = ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/OutputIntents")


def read_pdf(path: Path) -> Pdf:
    """Open a rendered PDF; its objects are read from the file when the assembly needs them."""
    return Pdf.open(path)


def file_version(path: Path) -> str:
    """The PDF version a file's header states ("1.7")."""
    with open(path, "rb") as handle:
        header = handle.read(16)
    if not header.startswith(b"%PDF-"):
        raise WriterError(f"internal error: {path.name} is not a PDF")
    return header[5:8].decode("ascii")


def version_key(version: str) -> tuple[int, ...]:
    """A PDF version ("1.7") in a form that compares as versions do."""
    return tuple(int(n) for n in version.split("."))


@dataclass(frozen=True)
class Furniture:
    """Running heads and figures laid out once (sections.furniture_html); the assembly stamps them on
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
    """Makes each page's furniture: a head's page and the folio's figures as form XObjects, each
    written into the book once and shared by every page that shows it."""

    def __init__(self, writer: PdfStreamWriter, furniture: Furniture, geometry: PageGeometry) -> None:
        self.copier = SourceCopier(writer, furniture.pdf)
        self.furniture, self.geometry = furniture, geometry
        self.forms: dict[int, int] = {}

    def _form(self, index: int) -> int:
        if index not in self.forms:
            page = self.furniture.pdf.pages[index]
            self.forms[index] = self.copier.number(page.as_form_xobject())
            self.copier.flush()
        return self.forms[index]

    def stamp(self, page: FurniturePage) -> tuple[bytes, dict[Name, int]]:
        """The marked content that draws `page`'s furniture, and the book's forms it names."""
        names: dict[Name, int] = {}
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


class BookJoiner:
    """The book being written: first the text parts, one at a time in book order, each with its
    furniture (while the contents are still being laid out); then the front matter, the page tree, the
    tag tree, the outline, page labels and the document's metadata."""

    def __init__(
        self,
        handle: BinaryIO,
        version: str,
        furniture: Furniture,
        layout: BookLayout,
        geometry: PageGeometry,
    ) -> None:
        self.writer = writer = PdfStreamWriter(handle, version)
        self.version = version
        """The header's version: the highest of the text parts' and the furniture's; the front matter,
        laid out last, may raise it (then the catalog says so)."""
        self.furniture, self.layout, self.geometry = furniture, layout, geometry
        self.catalog = writer.reserve()
        self.page_tree = writer.reserve()
        self.structure = StructureJoin(writer)
        self.stamper = _Stamper(writer, furniture, geometry)
        self.text_pages = array("L")
        self.text_elements = array("L")

    def add_text(self, part: Pdf) -> None:
        """The next part's pages, a verso's shifted to mirrored margins, each with its furniture."""
        first, layout, geometry = len(self.text_pages), self.layout, self.geometry
        if first + len(part.pages) > layout.page_count:
            raise WriterError("internal error: the parts do not have the pages their layout says")
        copier = self._source(part)
        for offset, page in enumerate(part.pages):
            index = first + offset
            shift = geometry.verso_shift if index % 2 else 0.0
            stamp, forms = self.stamper.stamp(layout.furniture[index])
            stand_ins = {name: copier.placeholder(number) for name, number in forms.items()}
            _decorate(part, page, stamp, stand_ins, shift)
        self.text_elements.extend(self.structure.add(copier))
        self.text_pages.extend(copier.number(page.obj) for page in part.pages)
        copier.flush()

    def finish(self, front: Sequence[Path]) -> None:
        """Write the front matter from its files (padded so that the text opens on a recto), opened one
        at a time as the parts were, and everything that describes the whole book, then the
        cross-reference stream."""
        if len(self.text_pages) != self.layout.page_count:
            raise WriterError("internal error: the parts do not have the pages their layout says")
        writer, pages, elements = self.writer, array("L"), array("L")
        entries: list[bytes] = []
        info: int | None = None
        for position, path in enumerate(front):
            with read_pdf(path) as pdf:
                copier = self._source(pdf)
                _link_contents(copier, self.layout, self.text_pages)
                elements.extend(self.structure.add(copier))
                pages.extend(copier.number(page.obj) for page in pdf.pages)
                if position == 0:
                    entries, info = _document_entries(copier)
                copier.flush()
                self._check_version(pdf)
        if len(pages) % 2:
            pages.append(writer.reserve())
            width, height = self.geometry.width, self.geometry.height
            blank = b"<< /Type /Page /Parent %d 0 R /MediaBox [ 0 0 %s %s ] /Resources << >> >>"
            writer.add(pages[-1], blank % (self.page_tree, _real(width), _real(height)))
        text_start = len(pages)
        pages.extend(self.text_pages)
        writer.add(self.page_tree, b"<< /Type /Pages /Kids %s /Count %d >>" % (refs(pages), len(pages)))
        self.structure.finish(elements + self.text_elements)
        outline = _write_outline(writer, self.layout.outline, self.text_pages)
        labels = writer.reserve()
        writer.add(labels, _page_labels(text_start))
        catalog = [
            b"/Type /Catalog",
            b"/Pages %d 0 R" % self.page_tree,
            b"/StructTreeRoot %d 0 R" % self.structure.root,
            b"/PageLabels %d 0 R" % labels,
            b"/PageMode /UseOutlines",
            *entries,
        ]
        if outline is not None:
            catalog.append(b"/Outlines %d 0 R" % outline)
        if version_key(self.version) > version_key(writer.version):
            catalog.append(b"/Version /" + self.version.encode("ascii"))
        writer.add(self.catalog, b"<< " + b" ".join(catalog) + b" >>")
        writer.close(self.catalog, info)

    def _source(self, pdf: Pdf) -> SourceCopier:
        return book_source(self.writer, pdf, self.catalog, self.page_tree)

    def _check_version(self, pdf: Pdf) -> None:
        if version_key(pdf.pdf_version) > version_key(self.version):
            self.version = pdf.pdf_version


def book_source(writer: PdfStreamWriter, pdf: Pdf, catalog: int, page_tree: int) -> SourceCopier:
    """A copier for `pdf` whose catalog and page tree nodes stand for the book's (`catalog`,
    `page_tree`). The book's page tree holds no attributes for its pages to inherit: qpdf has already
    pushed a page's inherited ones (/Resources, /MediaBox ...) onto the page when it listed the pages."""
    copier = SourceCopier(writer, pdf)
    copier.external(pdf.Root, catalog)
    for page in pdf.pages:
        node = page.obj.get(Name.Parent)
        while isinstance(node, Dictionary) and node.is_indirect and node.objgen not in copier.numbers:
            copier.external(node, page_tree)
            node = node.get(Name.Parent)
    return copier


def _decorate(pdf: Pdf, page: Page, stamp: bytes, forms: dict[Name, Object], shift: float) -> None:
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
    page.contents_add(Stream(pdf, prefix), prepend=True)
    page.contents_add(Stream(pdf, suffix), prepend=False)
    if shift:
        for annotation in page.obj.get(Name.Annots, Array()):
            x0, y0, x1, y1 = (float(v) for v in annotation.Rect)
            annotation.Rect = Array([x0 + shift, y0, x1 + shift, y1])


def _own(dictionary: Dictionary) -> Dictionary:
    """A new direct dictionary with the same entries (the entries themselves are shared)."""
    return Dictionary(dict(dictionary.items()))


def _link_contents(copier: SourceCopier, layout: BookLayout, text_pages: Sequence[int]) -> None:
    """Contents entries link to themselves when laid out; point them at their chapter's page."""
    for page in copier.pdf.pages:
        for annotation in page.obj.get(Name.Annots, Array()):
            dest = annotation.get(Name.Dest)
            named = dest is not None and not isinstance(dest, Array)
            anchor = str(dest).removeprefix("toc-") if named else None
            if anchor is not None and anchor in layout.starts:
                target = copier.placeholder(text_pages[layout.starts[anchor]])
                annotation.Dest = Array([target, Name.Fit])


def _write_outline(
    writer: PdfStreamWriter, items: Sequence[BookOutlineItem], page_objects: Sequence[int]
) -> int | None:
    """The outline (bookmarks), every item open; its root's number (None: no items)."""
    if not items:
        return None
    root = writer.reserve()
    first, last, count = _write_items(writer, items, root, page_objects)
    writer.add(root, b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (first, last, count))
    return root


def _write_items(
    writer: PdfStreamWriter, items: Sequence[BookOutlineItem], parent: int, page_objects: Sequence[int]
) -> tuple[int, int, int]:
    """Write sibling items and their children; the first's and last's numbers and how many are visible."""
    numbers = [writer.reserve() for _ in items]
    visible = len(items)
    for position, (item, number) in enumerate(zip(items, numbers, strict=True)):
        entries = [
            b"/Title " + String(xml_safe(item.title)).unparse(),
            b"/Parent %d 0 R" % parent,
            b"/Dest [ %d 0 R /Fit ]" % page_objects[item.page],
        ]
        if position:
            entries.append(b"/Prev %d 0 R" % numbers[position - 1])
        if position + 1 < len(numbers):
            entries.append(b"/Next %d 0 R" % numbers[position + 1])
        if item.children:
            first, last, count = _write_items(writer, item.children, number, page_objects)
            entries.append(b"/First %d 0 R /Last %d 0 R /Count %d" % (first, last, count))
            visible += count
        writer.add(number, b"<< " + b" ".join(entries) + b" >>")
    return numbers[0], numbers[-1], visible


def _page_labels(text_start: int) -> bytes:
    """Front matter numbered i, ii, iii; the text from 1."""
    text = b"%d << /S /D /St 1 >>" % text_start
    return b"<< /Nums [ " + (b"0 << /S /r >> " if text_start else b"") + text + b" ] >>"


def _document_entries(copier: SourceCopier) -> tuple[list[bytes], int | None]:
    """Language, tagging flags, XMP and output intents of the front matter describe the whole book;
    its document information dictionary is the book's."""
    pdf = copier.pdf
    entries = [
        key.encode("ascii") + b" " + copier.direct(pdf.Root[key]) for key in _CATALOG_KEYS if key in pdf.Root
    ]
    info = pdf.trailer.get(Name.Info)
    if not isinstance(info, Dictionary):
        return entries, None
    return entries, copier.number(info) if info.is_indirect else copier.new_object(info)


def _real(value: float) -> bytes:
    return (b"%.4f" % value).rstrip(b"0").rstrip(b".")
