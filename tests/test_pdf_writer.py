"""The streaming PDF writer and the renumbering copier: what they write is a PDF that readers accept."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, Pdf, Stream, String
from pypdf import PdfReader

from ebookify.errors import WriterError
from ebookify.render.pdf.copier import SourceCopier
from ebookify.render.pdf.stream import PdfStreamWriter, refs

_PAGE = b"<< /Type /Page /Parent %d 0 R /MediaBox [ 0 0 200 200 ] /Contents %d 0 R /Resources << >> >>"


def _hand_made(objects: int = 0) -> bytes:
    """One page written object by object, with `objects` extra integers hung off the catalog."""
    out = io.BytesIO()
    writer = PdfStreamWriter(out, "1.7")
    catalog, tree, page, content = (writer.reserve() for _ in range(4))
    extras = [writer.reserve() for _ in range(objects)]
    writer.add_stream(content, b"<< >>", b"0 0 1 rg 10 10 50 50 re f")
    writer.add(page, _PAGE % (tree, content))
    for number, value in enumerate(extras):
        writer.add(value, b"%d" % number)
    writer.add(tree, b"<< /Type /Pages /Kids [ %d 0 R ] /Count 1 >>" % page)
    writer.add(catalog, b"<< /Type /Catalog /Pages %d 0 R /Extra %s >>" % (tree, refs(extras)))
    writer.close(catalog)
    return out.getvalue()


def test_a_hand_written_pdf_opens_in_qpdf_and_pypdf() -> None:
    data = _hand_made(objects=450)  # more objects than one object stream holds
    with Pdf.open(io.BytesIO(data)) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert len(pdf.pages) == 1
        assert pdf.pages[0].Contents.read_bytes() == b"0 0 1 rg 10 10 50 50 re f"
        assert [int(v) for v in pdf.Root.Extra] == list(range(450))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    identifier: Any = reader.trailer["/ID"]
    assert identifier[0] == identifier[1]


def test_the_same_objects_give_the_same_bytes() -> None:
    assert _hand_made(3) == _hand_made(3)
    assert _hand_made(3) != _hand_made(4)


def test_an_object_numbered_but_never_written_is_an_error() -> None:
    writer = PdfStreamWriter(io.BytesIO(), "1.7")
    catalog = writer.reserve()
    writer.reserve()
    writer.add(catalog, b"<< /Type /Catalog >>")
    with pytest.raises(WriterError, match="never written"):
        writer.close(catalog)


def test_an_object_written_twice_is_an_error() -> None:
    writer = PdfStreamWriter(io.BytesIO(), "1.7")
    number = writer.reserve()
    writer.add(number, b"1")
    with pytest.raises(WriterError, match="written twice"):
        writer.add(number, b"2")
    with pytest.raises(WriterError, match="not reserved"):
        writer.add(number + 5, b"2")


def _source(tmp_path: Path) -> Path:
    """Two pages sharing one resources dictionary; strings that look like references."""
    pdf = Pdf.new()
    shared = pdf.make_indirect(Dictionary(Marker=String("(shared) 5 0 R \\ done")))
    for text in (b"BT ET", b"q Q"):
        page = Dictionary(
            Type=Name.Page,
            MediaBox=Array([0, 0, 100, 100]),
            Resources=shared,
            Contents=Stream(pdf, text),
            Note=String("caf\u00e9 \u2013 1 0 R"),
        )
        pdf.pages.append(pikepdf.Page(page))
    path = tmp_path / "source.pdf"
    pdf.save(path)
    return path


def test_the_copier_renumbers_references_and_copies_each_object_once(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = PdfStreamWriter(out, "1.7")
    catalog, tree = writer.reserve(), writer.reserve()
    with Pdf.open(_source(tmp_path)) as source:
        copier = SourceCopier(writer, source)
        copier.external(source.Root, catalog)
        copier.external(source.Root.Pages, tree)
        stand_in = copier.placeholder(catalog)
        source.pages[1].obj.Back = stand_in
        pages = [copier.number(page.obj) for page in source.pages]
        copier.flush()
    writer.add(tree, b"<< /Type /Pages /Kids %s /Count 2 >>" % refs(pages))
    writer.add(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    writer.close(catalog)
    with Pdf.open(io.BytesIO(out.getvalue())) as book:
        assert book.check_pdf_syntax() == []
        first, second = book.pages[0].obj, book.pages[1].obj
        assert first.Resources.objgen == second.Resources.objgen  # shared, written once
        assert str(first.Resources.Marker) == "(shared) 5 0 R \\ done"
        assert str(second.Note) == "caf\u00e9 \u2013 1 0 R"
        assert second.Back.objgen == book.Root.objgen
        assert first.Parent.objgen == book.Root.Pages.objgen
        assert [p.Contents.read_bytes() for p in (first, second)] == [b"BT ET", b"q Q"]
        # Catalog, page tree, 2 pages and the shared resources; 2 contents besides the file's own
        # object and cross-reference streams. The stand-in dictionary is not written.
        kept = (Name.ObjStm, Name.XRef)
        streams = [o for o in book.objects if isinstance(o, Stream) and o.get(Name.Type) not in kept]
        dictionaries = [o for o in book.objects if isinstance(o, Dictionary) and o.is_indirect]
        assert len(streams) == 2
        assert len(dictionaries) == 5


def test_pages_keep_what_they_inherited_from_the_old_page_tree(tmp_path: Path) -> None:
    # The book's page tree holds no attributes: a page whose media box and resources sat on its old
    # page tree node must carry them itself once copied (qpdf pushes them onto the page).
    from ebookify.render.pdf.merge import book_source

    pdf = Pdf.new()
    pdf.pages.append(pikepdf.Page(Dictionary(Type=Name.Page, Contents=Stream(pdf, b"q Q"))))
    pdf.Root.Pages.MediaBox = Array([0, 0, 300, 400])
    pdf.Root.Pages.Resources = Dictionary(Marker=String("inherited"))
    path = tmp_path / "inheriting.pdf"
    pdf.save(path)
    out = io.BytesIO()
    writer = PdfStreamWriter(out, "1.7")
    catalog, tree = writer.reserve(), writer.reserve()
    with Pdf.open(path) as source:
        copier = book_source(writer, source, catalog, tree)
        page = copier.number(source.pages[0].obj)
        copier.flush()
    writer.add(tree, b"<< /Type /Pages /Kids [ %d 0 R ] /Count 1 >>" % page)
    writer.add(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    writer.close(catalog)
    with Pdf.open(io.BytesIO(out.getvalue())) as book:
        copied = book.pages[0].obj
        assert [float(v) for v in copied.MediaBox] == [0, 0, 300, 400]
        assert str(copied.Resources.Marker) == "inherited"
        assert Name.MediaBox not in book.Root.Pages
