"""Assembles one PDF from the front matter, the text parts and their page furniture, laid out apart."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
)

from ebookify.render.html import xml_safe
from ebookify.render.pdf_geometry import PageGeometry
from ebookify.render.pdf_layout import BookLayout, OutlineItem
from ebookify.render.pdf_structure import SourcePages, copy_pages, merge_structure

_FURNITURE = NameObject("/EbookifyFurniture")
# Catalog entries that describe the whole document (language, tagging, PDF/A and PDF/UA metadata).
_CATALOG_KEYS = ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/OutputIntents")


def read_pdf(data: bytes) -> PdfReader:
    """Parse a rendered PDF now (its objects and pages), so that assembling it later is cheap."""
    reader = PdfReader(io.BytesIO(data))
    # WeasyPrint packs every object into object streams: the first page lookup decodes them all.
    for page in reader.pages:
        page.get("/Contents")
    return reader


def assemble_pdf(
    front_reader: PdfReader,
    parts: Sequence[PdfReader],
    furniture: Sequence[PdfReader],
    layout: BookLayout,
    geometry: PageGeometry,
) -> bytes:
    """Front matter (padded so that the text opens on a recto), then every part with its furniture."""
    writer = PdfWriter()
    sources = [copy_pages(writer, front_reader)]
    if len(writer.pages) % 2:
        writer.add_blank_page(geometry.width, geometry.height)
    text_start = len(writer.pages)
    for part in parts:
        sources.append(copy_pages(writer, part))
    furniture_pages = [page for reader in furniture for page in reader.pages]
    text_pages = [page for source in sources[1:] for page in source.pages]
    if len(text_pages) != len(furniture_pages) or len(text_pages) != layout.page_count:
        raise ValueError("the parts and their furniture do not have the same number of pages")
    for index, (page, furniture_page) in enumerate(zip(text_pages, furniture_pages, strict=True)):
        blank = layout.furniture[index].page_name == "blank"
        shift = geometry.verso_shift if index % 2 else 0.0
        _decorate(writer, page, None if blank else furniture_page, shift)
    merge_structure(writer, sources)
    _link_contents(sources[0], layout, writer, text_start)
    _add_outline(writer, layout.outline, text_start, None)
    if text_start:
        writer.set_page_label(0, text_start - 1, style=PageLabelStyle.LOWERCASE_ROMAN)
    writer.set_page_label(text_start, len(writer.pages) - 1, style=PageLabelStyle.DECIMAL, start=1)
    _copy_document_entries(writer, front_reader)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stream(writer: PdfWriter, data: bytes) -> object:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _decorate(writer: PdfWriter, page: PageObject, furniture: PageObject | None, shift: float) -> None:
    """Move a verso's text block to mirrored margins and lay the furniture over it as an artifact."""
    contents: Any = page.get("/Contents")
    old = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
    prefix = f"q 1 0 0 1 {shift:.4f} 0 cm\n".encode() if shift else b"q\n"
    suffix = b"\nQ\n"
    if furniture is not None:
        suffix += f"/Artifact <</Type /Pagination>> BDC q {_FURNITURE} Do Q EMC\n".encode()
        page_resources: Any = page["/Resources"].get_object()
        resources = DictionaryObject(page_resources)
        xobjects: Any = resources.get("/XObject")
        xobjects = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
        xobjects[_FURNITURE] = _form(writer, furniture)
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources
    page[NameObject("/Contents")] = ArrayObject([_stream(writer, prefix), *old, _stream(writer, suffix)])
    if shift:
        page_annotations: Any = page.get("/Annots") or []
        for annotation in page_annotations:
            rect = annotation.get_object()["/Rect"]
            annotation.get_object()[NameObject("/Rect")] = ArrayObject(
                FloatObject(float(v) + (shift if i % 2 == 0 else 0)) for i, v in enumerate(rect)
            )


def _form(writer: PdfWriter, furniture: PageObject) -> object:
    """A furniture page's drawing as a form XObject with its own resources (fonts)."""
    form = DecodedStreamObject()
    contents = furniture.get_contents()
    form.set_data(contents.get_data() if contents is not None else b"")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(FloatObject(float(v)) for v in furniture.mediabox)
    form[NameObject("/Resources")] = furniture["/Resources"].clone(writer)
    return writer._add_object(form.flate_encode())


def _link_contents(front: SourcePages, layout: BookLayout, writer: PdfWriter, text_start: int) -> None:
    """Contents entries link to themselves when laid out; point them at their chapter's page."""
    for page in front.pages:
        annotations: Any = page.get("/Annots") or []
        for reference in annotations:
            annotation = reference.get_object()
            dest = annotation.get("/Dest")
            anchor = str(dest).removeprefix("toc-") if isinstance(dest, str) else None
            if anchor is not None and anchor in layout.starts:
                target = writer.pages[text_start + layout.starts[anchor]].indirect_reference
                annotation[NameObject("/Dest")] = ArrayObject([target, NameObject("/Fit")])


def _add_outline(writer: PdfWriter, items: Sequence[OutlineItem], text_start: int, parent: Any) -> None:
    for item in items:
        ref = writer.add_outline_item(
            title=xml_safe(item.title), page_number=text_start + item.page, parent=parent
        )
        _add_outline(writer, item.children, text_start, ref)


def _copy_document_entries(writer: PdfWriter, front: PdfReader) -> None:
    """Language, tagging flags, XMP and output intents of the front matter describe the whole book."""
    root: Any = front.trailer["/Root"]
    for key in _CATALOG_KEYS:
        if key in root:
            writer._root_object[NameObject(key)] = root[key].clone(writer)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    if front.metadata:
        writer.add_metadata({key: value for key, value in front.metadata.items()})
