"""Merges the tag trees (structure trees) of separately rendered PDFs into one tagged document."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

from pikepdf import Array, Dictionary, Name, NumberTree, Object, Page, Pdf


@dataclass
class SourcePages:
    """One rendered PDF whose pages were copied into the book, and where they landed."""

    pdf: Pdf
    pages: list[Page] = field(default_factory=list)
    """The copies, in the book (same order as the source's pages)."""
    elements: list[Object] = field(default_factory=list)
    """Its top structure elements, copied into the book (StructureMerger.add)."""


def copy_pages(book: Pdf, source: Pdf, at: int | None = None) -> SourcePages:
    """Put every page of `source` into `book`, at the end or from index `at` on.

    qpdf remembers each foreign object it copies, so structure elements copied later point their /Pg
    and /Obj at these copies, not at new ones."""
    first = len(book.pages) if at is None else at
    with warnings.catch_warnings():
        # pikepdf warns that named destinations are not copied: the assembly sets every link's target itself.
        warnings.filterwarnings("ignore", message="Copying pages from another Pdf")
        if at is None:
            book.pages.extend(source.pages)
        else:
            for offset, page in enumerate(source.pages):
                book.pages.insert(at + offset, page)
    return SourcePages(source, [book.pages[first + i] for i in range(len(source.pages))])


def copy_object(book: Pdf, value: Any) -> Any:
    """A foreign object in `book`: indirect objects through qpdf's copier, direct ones member by member
    (pikepdf hands numbers, booleans and strings over as Python values, which need no copying)."""
    if not isinstance(value, Object):
        return value
    if value.is_indirect:
        return book.copy_foreign(value)
    if isinstance(value, Dictionary):
        return Dictionary({key: copy_object(book, item) for key, item in value.items()})
    if isinstance(value, Array):
        return Array([copy_object(book, item) for item in value])
    return value


class StructureMerger:
    """Copies the tag trees (structure trees) of the documents whose pages the book holds, in any
    order, then joins them under one /Document in page order."""

    def __init__(self, book: Pdf) -> None:
        self.book = book
        self.root = book.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document = book.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root))
        self.parent_tree = NumberTree.new(book)
        self.next_key = 0
        """Parent-tree keys only need to be distinct: pages and annotations get them as they come."""

    def add(self, source: SourcePages) -> None:
        """Copy `source`'s structure elements (into source.elements) and its parent-tree entries."""
        book, root, document = self.book, self.root, self.document
        tree = source.pdf.Root.get(Name.StructTreeRoot)
        if not isinstance(tree, Dictionary):
            return
        if Name.Namespaces in tree and Name.Namespaces not in root:
            root.Namespaces = copy_object(book, tree.Namespaces)
        for old_document in _as_list(tree.get(Name.K)):
            if not isinstance(old_document, Dictionary):
                continue
            if Name.NS in old_document and Name.NS not in document:
                document.NS = copy_object(book, old_document.NS)
            for kid in _as_list(old_document.get(Name.K)):
                if isinstance(kid, Dictionary):
                    # Cut the element from its old parent first, or copying it would drag the old tree in.
                    if Name.P in kid:
                        del kid[Name.P]
                    copied = copy_object(book, kid)
                    copied.P = document
                    source.elements.append(copied)
        self._map_parent_tree(tree, source)

    def finish(self, sources: list[SourcePages]) -> None:
        """The book's /StructTreeRoot: every source's elements, in the order given (page order)."""
        self.document.K = Array([element for source in sources for element in source.elements])
        self.root.K = Array([self.document])
        self.root.ParentTree = self.parent_tree.obj
        self.root.ParentTreeNextKey = self.next_key
        self.book.Root.StructTreeRoot = self.root

    def _map_parent_tree(self, tree: Dictionary, source: SourcePages) -> None:
        """Renumber a source's parent tree: its pages and annotations get new keys."""
        parent_tree = tree.get(Name.ParentTree)
        old = dict(NumberTree(parent_tree).items()) if isinstance(parent_tree, Dictionary) else {}
        for original, copy in zip(source.pdf.pages, source.pages, strict=True):
            page_key = original.obj.get(Name.StructParents)
            if page_key is not None and int(page_key) in old:
                copy.obj.StructParents = self._entry(old[int(page_key)])
            for annotation in _as_list(copy.obj.get(Name.Annots)):
                key = annotation.get(Name.StructParent) if isinstance(annotation, Dictionary) else None
                if key is not None and int(key) in old:
                    annotation.StructParent = self._entry(old[int(key)])

    def _entry(self, value: Object) -> int:
        key = self.next_key
        self.parent_tree[key] = copy_object(self.book, value)
        self.next_key += 1
        return key


def _as_list(value: Object | None) -> list[Object]:
    if value is None:
        return []
    return list(value) if isinstance(value, Array) else [value]
