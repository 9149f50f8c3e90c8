"""Page furniture: running heads and folios laid out once, stamped on every text page as artifacts."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pikepdf import Array, Dictionary, Name, Object, Page, Pdf, PdfError, Stream

from ebookify.errors import WriterError
from ebookify.render.pdf.geometry import PageGeometry
from ebookify.render.pdf.sections import FurniturePage, RunningHead, digit_anchor
from ebookify.render.pdf.worker import RenderedPart

_HEAD = Name("/EbookifyHead")


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


class Stamper:
    """Dresses the book's text pages: a verso's text block moved to mirrored margins, a head's page and
    the folio's figures drawn over it as form XObjects, each copied into the book once and shared."""

    def __init__(
        self,
        book: Pdf,
        furniture: Furniture,
        geometry: PageGeometry,
        on_form: Callable[[Object], None] | None = None,
    ) -> None:
        self.book, self.furniture, self.geometry = book, furniture, geometry
        self.forms: dict[int, Object] = {}
        self.resources: dict[bytes, Object] = {}
        self.on_form = on_form
        """Told of each form as it is copied into the book (the assembly shares its fonts)."""

    def decorate(self, page: Page, furniture: FurniturePage, shift: float) -> None:
        """Shift `page` (a book page) sideways by `shift` points and lay its furniture over it."""
        stamp, forms = self._stamp(furniture)
        prefix = f"q 1 0 0 1 {shift:.4f} 0 cm\n".encode() if shift else b"q\n"
        if forms:
            # Each page gets resources of its own: WeasyPrint's may be shared, each page's furniture differs.
            old = page.obj.get(Name.Resources)
            resources = _own(old) if isinstance(old, Dictionary) else Dictionary()
            xobjects = resources.get(Name.XObject)
            xobjects = _own(xobjects) if isinstance(xobjects, Dictionary) else Dictionary()
            for name, form in forms.items():
                xobjects[name] = form
            resources.XObject = xobjects
            page.obj.Resources = resources
        wrap_contents(self.book, page, prefix, b"\nQ\n" + stamp)
        if shift:
            for annotation in page.obj.get(Name.Annots, Array()):
                x0, y0, x1, y1 = (float(v) for v in annotation.Rect)
                annotation.Rect = Array([x0 + shift, y0, x1 + shift, y1])

    def _form(self, index: int) -> Object:
        if index not in self.forms:
            page = self.furniture.pdf.pages[index]
            form = self.book.copy_foreign(page.as_form_xobject())
            # The furniture pages' resources are alike: one object, compressed among the small objects,
            # instead of a copy in the clear in each form's dictionary (9 KB of Katrine's 39 forms).
            resources = form.get(Name.Resources)
            if isinstance(resources, Dictionary) and not resources.is_indirect:
                key = resources.unparse()
                form.Resources = self.resources.setdefault(key, self.book.make_indirect(resources))
            self.forms[index] = form
            if self.on_form is not None:
                self.on_form(self.forms[index])
        return self.forms[index]

    def _stamp(self, page: FurniturePage) -> tuple[bytes, dict[Name, Object]]:
        """The marked content that draws `page`'s furniture, and the book's forms it names."""
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


# The page's content is deflated again with its furniture, once, as the book keeps it: level 9 took 0.26 ms a
# page of Katrine's compacted text against 0.23 ms at zlib's default, for streams 0.5% smaller.
_FLATE_LEVEL = 9


def wrap_contents(book: Pdf, page: Page, prefix: bytes, suffix: bytes) -> None:
    """Put `prefix` before the page's content and `suffix` after it, in one content stream: a stream
    of its own costs some 90 bytes in the clear (its dictionary, object header and deflate frame),
    270 KB over a 1,000-page book's three streams a page. A content that qpdf cannot decode keeps its
    stream, between two new ones."""
    contents = page.obj.get(Name.Contents)
    streams = list(contents) if isinstance(contents, Array) else [contents] if contents is not None else []
    try:
        if not all(isinstance(stream, Stream) for stream in streams):
            raise ValueError("a page content that is not a stream")
        body = b"\n".join(stream.read_bytes() for stream in streams)
    except (PdfError, ValueError):
        page.contents_add(Stream(book, prefix), prepend=True)
        page.contents_add(Stream(book, suffix), prepend=False)
        return
    stream = Stream(book, b"")
    stream.write(zlib.compress(prefix + body + suffix, _FLATE_LEVEL), filter=Name.FlateDecode)
    page.obj.Contents = book.make_indirect(stream)


def _own(dictionary: Dictionary) -> Dictionary:
    """A new direct dictionary with the same entries (the entries themselves are shared)."""
    return Dictionary(dict(dictionary.items()))
