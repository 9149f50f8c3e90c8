"""The assembly on pikepdf's objects: pages keep what they inherited, tag trees join under one
/Document, the same book gives the same bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, NumberTree, Pdf, Stream, String

from ebookify.render.pdf.merge import copy_pages, detach, save_book, set_page_tree
from ebookify.render.pdf.structure import StructureJoin


def _tagged(path: Path, words: tuple[str, ...]) -> Path:
    """A tagged PDF of one page per word: a /P element per page under the source's own /Document,
    each page's parent-tree entry naming its element, and a link annotation on the first page."""
    pdf = Pdf.new()
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root))
    parents, kids = NumberTree.new(pdf), []
    for key, word in enumerate(words):
        content = f"/P <</MCID 0>> BDC BT ({word}) Tj ET EMC".encode()
        page = pikepdf.Page(Dictionary(Type=Name.Page, MediaBox=Array([0, 0, 100, 100]), StructParents=key))
        pdf.pages.append(page)
        book_page = pdf.pages[-1]
        book_page.obj.Contents = Stream(pdf, content)
        element = pdf.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.P, P=document, Pg=book_page.obj, K=0)
        )
        kids.append(element)
        parents[key] = Array([element])
    link = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 9, 9])))
    link.StructParent = len(words)
    parents[len(words)] = kids[0]
    pdf.pages[0].obj.Annots = Array([link])
    document.K = Array(kids)
    root.K = document
    root.ParentTree = parents.obj
    pdf.Root.StructTreeRoot = root
    pdf.save(path)
    return path


def _joined(tmp_path: Path, in_memory: list[str] | None = None) -> bytes:
    out = io.BytesIO()
    with (
        Pdf.new() as book,
        Pdf.open(_tagged(tmp_path / "a.pdf", ("one", "two"))) as first,
        Pdf.open(_tagged(tmp_path / "b.pdf", ("three",))) as second,
    ):
        join = StructureJoin(book)
        one, two = copy_pages(book, first), copy_pages(book, second)
        join.finish(join.add(first, one) + join.add(second, two))
        set_page_tree(book, one + two)
        if in_memory is not None:
            in_memory += [str(o.S) for o in book.objects if isinstance(o, Dictionary) and Name.S in o]
        save_book(book, out, "1.7")
    return out.getvalue()


def test_tag_trees_join_under_one_document_with_new_parent_tree_keys(tmp_path: Path) -> None:
    with Pdf.open(io.BytesIO(_joined(tmp_path))) as book:
        assert book.check_pdf_syntax() == []
        root = book.Root.StructTreeRoot
        document = root.K[0]
        assert len(root.K) == 1 and str(document.S) == "/Document"
        assert [element.P.objgen for element in document.K] == [document.objgen] * 3
        pages = [page.obj.objgen for page in book.pages]
        assert [element.Pg.objgen for element in document.K] == pages  # each element on its own page's copy
        keys = [int(page.obj.StructParents) for page in book.pages]
        link_keys = [int(page.obj.Annots[0].StructParent) for page in book.pages if Name.Annots in page.obj]
        assert sorted(keys + link_keys) == list(range(5)) and int(root.ParentTreeNextKey) == 5
        tree = dict(NumberTree(root.ParentTree).items())
        assert [tree[key][0].objgen for key in keys] == [element.objgen for element in document.K]


def test_a_source_tree_is_not_copied_with_its_elements(tmp_path: Path) -> None:
    # Copying an element with its /P would drag the source's /Document, root and parent tree into the
    # book's memory (unreachable, so not written, but held until the book is saved).
    kinds: list[str] = []
    _joined(tmp_path, kinds)
    assert sorted(kinds) == ["/Document", "/P", "/P", "/P"]


def test_the_same_book_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = _joined(tmp_path), _joined(tmp_path)
    assert first == second
    assert first.startswith(b"%PDF-1.7")


def test_pages_keep_what_they_inherited_from_the_old_page_tree(tmp_path: Path) -> None:
    # A page whose media box and resources sat on its old page tree node carries them itself in the book.
    pdf = Pdf.new()
    pdf.pages.append(pikepdf.Page(Dictionary(Type=Name.Page, Contents=Stream(pdf, b"q Q"))))
    pdf.Root.Pages.MediaBox = Array([0, 0, 300, 400])
    pdf.Root.Pages.Resources = Dictionary(Marker=String("inherited"))
    path = tmp_path / "inheriting.pdf"
    pdf.save(path)
    out = io.BytesIO()
    with Pdf.new() as book, Pdf.open(path) as source:
        set_page_tree(book, copy_pages(book, source))
        save_book(book, out, "1.7")
    with Pdf.open(io.BytesIO(out.getvalue())) as book:
        copied = book.pages[0].obj
        assert [float(v) for v in copied.MediaBox] == [0, 0, 300, 400]
        assert str(copied.Resources.Marker) == "inherited"
        assert book.pages[0].Contents.read_bytes() == b"q Q"


def test_the_page_tree_holds_the_pages_in_the_order_given(tmp_path: Path) -> None:
    # The text is copied first, the front matter last; the page tree puts the front matter first.
    out = io.BytesIO()
    with (
        Pdf.new() as book,
        Pdf.open(_tagged(tmp_path / "a.pdf", ("a", "b"))) as text,
        Pdf.open(_tagged(tmp_path / "f.pdf", ("front",))) as front,
    ):
        text_pages = copy_pages(book, text)
        set_page_tree(book, copy_pages(book, front) + text_pages)
        save_book(book, out, "1.7")
    with Pdf.open(out) as saved:
        assert saved.check_pdf_syntax() == []
        words = [page.Contents.read_bytes().split(b"(")[1].split(b")")[0] for page in saved.pages]
        assert words == [b"front", b"a", b"b"]
        assert all(page.obj.Parent.objgen == saved.Root.Pages.objgen for page in saved.pages)


def test_a_detached_part_is_not_read_again_when_the_book_is_saved(tmp_path: Path) -> None:
    # The part is closed and its file emptied before the book is written: every stream its pages reach
    # must already have its bytes in the book.
    path = _tagged(tmp_path / "a.pdf", ("one", "two"))
    out = io.BytesIO()
    with Pdf.new() as book:
        with Pdf.open(path) as source:
            pages = copy_pages(book, source)
            detach(pages)
        set_page_tree(book, pages)
        path.write_bytes(b"")
        save_book(book, out, "1.7")
    with Pdf.open(out) as saved:
        texts = [page.Contents.read_bytes() for page in saved.pages]
        assert texts == [b"/P <</MCID 0>> BDC BT (one) Tj ET EMC", b"/P <</MCID 0>> BDC BT (two) Tj ET EMC"]
