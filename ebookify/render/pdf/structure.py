"""Joins the tag trees (structure trees) of separately laid-out PDFs into the book's one tag tree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pikepdf import Array, Dictionary, Name, NumberTree, Object, Page, Pdf


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


class StructureJoin:
    """The book's /StructTreeRoot and its one /Document: every source's top elements go under it, and
    every page and annotation gets a new key in the book's parent tree."""

    def __init__(self, book: Pdf) -> None:
        self.book = book
        self.root = book.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document = book.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root))
        self.parent_tree = NumberTree.new(book)
        self.next_key = 0
        """Parent-tree keys only need to be distinct: pages and annotations get them as they come."""

    def add(self, source: Pdf, pages: Sequence[Page]) -> list[Object]:
        """Copy `source`'s top structure elements into the book and map its parent tree onto `pages`
        (the copies of its pages, in order); the copied elements, in order."""
        book = self.book
        elements: list[Object] = []
        tree = source.Root.get(Name.StructTreeRoot)
        if not isinstance(tree, Dictionary):
            return elements
        if Name.Namespaces in tree and Name.Namespaces not in self.root:
            self.root.Namespaces = copy_object(book, tree.Namespaces)
        for old_document in _as_list(tree.get(Name.K)):
            if not isinstance(old_document, Dictionary):
                continue
            if Name.NS in old_document and Name.NS not in self.document:
                self.document.NS = copy_object(book, old_document.NS)
            for kid in _as_list(old_document.get(Name.K)):
                if isinstance(kid, Dictionary):
                    # Cut the element from its old parent first, or copying it would drag the old tree in.
                    if Name.P in kid:
                        del kid[Name.P]
                    copied = copy_object(book, kid)
                    copied = copied if copied.is_indirect else book.make_indirect(copied)
                    copied.P = self.document
                    elements.append(copied)
        parent_tree = tree.get(Name.ParentTree)
        old = dict(NumberTree(parent_tree).items()) if isinstance(parent_tree, Dictionary) else {}
        for original, copy in zip(source.pages, pages, strict=True):
            key = original.obj.get(Name.StructParents)
            if key is not None and int(key) in old:
                copy.obj.StructParents = self._entry(old[int(key)])
            for annotation in _as_list(copy.obj.get(Name.Annots)):
                key = annotation.get(Name.StructParent) if isinstance(annotation, Dictionary) else None
                if key is not None and int(key) in old:
                    annotation.StructParent = self._entry(old[int(key)])
        return elements

    def finish(self, elements: Sequence[Object]) -> None:
        """The book's /StructTreeRoot: its /Document holds `elements`, in page order."""
        self.document.K = Array(elements)
        self.root.K = Array([self.document])
        self.root.ParentTree = self.parent_tree.obj
        self.root.ParentTreeNextKey = self.next_key
        self.book.Root.StructTreeRoot = self.root

    def _entry(self, value: Object) -> int:
        key = self.next_key
        self.parent_tree[key] = copy_object(self.book, value)
        self.next_key += 1
        return key


def _as_list(value: Object | None) -> list[Object]:
    if value is None:
        return []
    return list(value) if isinstance(value, Array) else [value]
