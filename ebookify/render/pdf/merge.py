"""Assembles one PDF from the front matter, the text parts and their page furniture, laid out apart.

The book is a pikepdf (qpdf) document: each part's pages are copied into it (`Pdf.pages.extend`,
`copy_foreign`) with their tags, then given their furniture and mirrored margins. The streams they
reach get their bytes in the book (`detach`), so each part is closed before the next is opened. The
text parts are joined first, while the contents are still being laid out; the front matter goes in
front of them last."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, ObjectStreamMode, OutlineItem, Page, Pdf, Stream

from ebookify.errors import WriterError
from ebookify.render.html import xml_safe
from ebookify.render.pdf.fonts import SharedFonts
from ebookify.render.pdf.furniture import Furniture, Stamper
from ebookify.render.pdf.geometry import PageGeometry
from ebookify.render.pdf.layout import BookLayout
from ebookify.render.pdf.layout import OutlineItem as BookOutlineItem
from ebookify.render.pdf.one_byte import plan_one_byte
from ebookify.render.pdf.palette import palette_images
from ebookify.render.pdf.structure import StructureJoin, copy_object

# Keys that lead from a page up to the page tree or from an element to its parent: not followed by detach.
_UPWARD = frozenset({"/Parent", "/P"})
# Catalog entries that describe the whole document (language, tagging, PDF/A and PDF/UA metadata).
_CATALOG_KEYS = ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/OutputIntents")


def read_pdf(path: Path) -> Pdf:
    """Open a laid-out PDF; its objects are read from the file when the assembly needs them."""
    return Pdf.open(path)


def version_key(version: str) -> tuple[int, ...]:
    """A PDF version ("1.7") in a form that compares as versions do."""
    return tuple(int(n) for n in version.split("."))


def copy_pages(book: Pdf, source: Pdf) -> list[Page]:
    """Copies in `book` of every page of `source`, in order, not yet in the book's page tree.

    qpdf remembers each object it copies from a source, so structure elements copied later point their
    /Pg and /Obj at these copies; it has pushed a page's inherited attributes onto the page when it
    opened the source, and leaves the source's page tree behind."""
    return [Page(book.copy_foreign(page.obj)) for page in source.pages]


def set_page_tree(book: Pdf, pages: Sequence[Page]) -> None:
    """The book's pages, in order, as one flat page tree (pikepdf's list of pages looks for a page
    among all the others each time one is added: 5.7 s for a 6,316-page anthology, 0.3 s this way)."""
    tree = book.Root.Pages
    for page in pages:
        page.obj.Parent = tree
    tree.Kids = Array([page.obj for page in pages])
    tree.Count = len(pages)


class BookJoiner:
    """The book being joined: first the text parts in book order, each with its furniture (while the
    contents are still being laid out); then the front matter, the tag tree, the outline, page labels
    and the document's metadata. A context manager: it closes the book and what it still holds open."""

    word_spacing = True
    """Justified spaces moved by Tw (recode.py) where poppler then draws every glyph at the same double
    as before (exact_spacing.py): Katrine 571,068 -> 511,026 bytes, every page the same."""

    def __init__(self, furniture: Furniture, layout: BookLayout, geometry: PageGeometry) -> None:
        self.sources = ExitStack()
        self.book = self.sources.enter_context(Pdf.new())
        self.layout, self.geometry = layout, geometry
        self.structure = StructureJoin(self.book)
        # One program per font face for the whole book, not one per part (fonts.py).
        self.fonts = SharedFonts(self.book)
        self.stamper = Stamper(self.book, furniture, geometry, on_form=self.fonts.add_object)
        self.text_elements: list[Object] = []
        self.text_pages: list[Page] = []
        self.versions = [furniture.pdf.pdf_version]

    def __enter__(self) -> BookJoiner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.sources.close()

    def add_text(self, path: Path) -> None:
        """The next part's pages (with the blank pages the layout puts among them), a verso's shifted to
        mirrored margins, each with its furniture. The part is closed once its pages are in the book."""
        book, layout, first = self.book, self.layout, len(self.text_pages)
        with read_pdf(path) as part:
            self.versions.append(part.pdf_version)
            if first + len(part.pages) > layout.page_count:
                raise WriterError("internal error: the parts do not have the pages their layout says")
            pages = copy_pages(book, part)
            self.text_elements += self.structure.add(part, pages)
            self.fonts.add_pages(pages)  # before detach: the part's own programs are then left behind
            detach(pages)
        self.text_pages += pages
        blanks = [index for index in layout.blanks if index >= first]
        for index in blanks:
            if index < len(self.text_pages):  # a later part's blanks lie beyond this part's last page
                self.text_pages.insert(index, self._blank_page())
        for index in range(first, len(self.text_pages)):
            if index not in blanks:
                shift = self.geometry.verso_shift if index % 2 else 0.0
                self.stamper.decorate(self.text_pages[index], layout.furniture[index], shift)

    def finish(self, front: Sequence[Path], handle: BinaryIO) -> None:
        """Put the front matter before the text (padded so that the text opens on a recto), then
        everything that describes the whole book; write the book to `handle`."""
        book, layout = self.book, self.layout
        if len(self.text_pages) != layout.page_count:
            raise WriterError("internal error: the parts do not have the pages their layout says")
        elements: list[Object] = []
        front_pages: list[Page] = []
        for position, path in enumerate(front):
            pdf = self._open(path)
            pages = copy_pages(book, pdf)
            elements += self.structure.add(pdf, pages)
            self.fonts.add_pages(pages)
            front_pages += pages
            if position == 0:
                _copy_document_entries(book, pdf)
        for page in front_pages:
            _link_contents(page, layout, self.text_pages)
        palette_images(page.obj for page in front_pages)  # the generated cover
        if len(front_pages) % 2:
            front_pages.append(self._blank_page())
        text_start = len(front_pages)
        set_page_tree(book, [*front_pages, *self.text_pages])
        self.structure.finish(elements + self.text_elements)
        _add_outline(book, layout.outline, self.text_pages)
        # Front matter numbered i, ii, iii; the text from 1.
        labels = [0, Dictionary(S=Name.r)] if text_start else []
        book.Root.PageLabels = Dictionary(Nums=Array([*labels, text_start, Dictionary(S=Name.D, St=1)]))
        # One-byte codes: the faces' glyphs are numbered (and the space looked at) before the programs
        # are written.
        one_byte = plan_one_byte(book, self.fonts.programs())
        blank = self.fonts.blank_glyphs(one_byte.spaces()) if self.word_spacing else None
        self.fonts.finish(one_byte.codes)
        one_byte.apply(blank, self.word_spacing)
        save_book(book, handle, max(self.versions, key=version_key))

    def _blank_page(self) -> Page:
        width, height = self.geometry.width, self.geometry.height
        blank = Dictionary(Type=Name.Page, MediaBox=Array([0, 0, width, height]), Resources=Dictionary())
        return Page(self.book.make_indirect(blank))

    def _open(self, path: Path) -> Pdf:
        pdf = self.sources.enter_context(read_pdf(path))
        self.versions.append(pdf.pdf_version)
        return pdf


def detach(pages: Sequence[Page]) -> None:
    """Give every stream the copied `pages` reach its bytes (still encoded) in the book, so that their
    part can be closed: qpdf would otherwise read them from the part when the book is saved, and an open
    part holds every object it has parsed (a 6,418-page anthology took 1,007 MB with its parts open)."""
    seen: set[tuple[int, int]] = set()
    todo: list[object] = [page.obj for page in pages]
    while todo:
        obj = todo.pop()
        if not isinstance(obj, Object):
            continue  # a number or a boolean (pikepdf hands them over as Python values)
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, Stream):
            filters, parms = obj.get(Name.Filter), obj.get(Name.DecodeParms)
            obj.write(
                obj.read_raw_bytes(),
                filter=filters if isinstance(filters, Name | Array) else None,
                decode_parms=parms if isinstance(parms, Dictionary | Array) else None,
                type_check=False,
            )
            todo += [value for key, value in obj.stream_dict.items() if key not in _UPWARD]
        elif isinstance(obj, Dictionary):
            todo += [value for key, value in obj.items() if key not in _UPWARD]
        elif isinstance(obj, Array):
            todo += list(obj)


def save_book(book: Pdf, handle: BinaryIO, version: str) -> None:
    """Write the book: small objects in object streams, page streams copied as they are, and an /ID
    that is a digest of the content, so that the same book gives the same bytes."""
    # qpdf deflates the object streams at zlib's level 9 instead of its default 6: Katrine's 57,135
    # bytes of structure tree and dictionaries became 56,218. The setting is the process's: put back.
    pikepdf.settings.set_flate_compression_level(9)
    try:
        book.save(
            handle,
            min_version=version,
            object_stream_mode=ObjectStreamMode.generate,
            compress_streams=True,
            deterministic_id=True,
        )
    finally:
        pikepdf.settings.set_flate_compression_level(-1)


def _link_contents(page: Page, layout: BookLayout, text_pages: Sequence[Page]) -> None:
    """Contents entries link to themselves when laid out; point them at their chapter heading's page."""
    for annotation in page.obj.get(Name.Annots, Array()):
        dest = annotation.get(Name.Dest)
        named = dest is not None and not isinstance(dest, Array)
        anchor = str(dest).removeprefix("toc-") if named else None
        if anchor is not None and anchor in layout.targets:
            target = text_pages[layout.targets[anchor]]
            annotation.Dest = Array([target.obj, Name.Fit])


def _add_outline(book: Pdf, items: Sequence[BookOutlineItem], text_pages: Sequence[Page]) -> None:
    """The outline (bookmarks), every item open, each opening its section's first page."""

    def item(entry: BookOutlineItem) -> OutlineItem:
        target = text_pages[entry.page]
        made = OutlineItem(xml_safe(entry.title), Array([target.obj, Name.Fit]))
        made.children.extend(item(child) for child in entry.children)
        return made

    with book.open_outline() as outline:
        outline.root.extend(item(entry) for entry in items)
    book.Root.PageMode = Name.UseOutlines


def _copy_document_entries(book: Pdf, front: Pdf) -> None:
    """Language, tagging flags, XMP and output intents of the front matter describe the whole book;
    its document information dictionary is the book's."""
    for key in _CATALOG_KEYS:
        if key in front.Root:
            book.Root[key] = copy_object(book, front.Root[key])
    info = front.trailer.get(Name.Info)
    if isinstance(info, Dictionary):
        copied = copy_object(book, info)
        book.trailer.Info = copied if copied.is_indirect else book.make_indirect(copied)
