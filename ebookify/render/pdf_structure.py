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
    first_index: int
    pages: list[Page] = field(default_factory=list)
    """The copies, in the book (same order as the source's pages)."""


def copy_pages(book: Pdf, source: Pdf) -> SourcePages:
    """Append every page of `source` to `book`.

    qpdf remembers each foreign object it copies, so structure elements copied later point their /Pg
    and /Obj at these copies, not at new ones."""
    first = len(book.pages)
    with warnings.catch_warnings():
        # pikepdf warns that named destinations are not copied: the assembly sets every link's target itself.
        warnings.filterwarnings("ignore", message="Copying pages from another Pdf")
        book.pages.extend(source.pages)
    return SourcePages(source, first, [book.pages[i] for i in range(first, len(book.pages))])


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


def merge_structure(book: Pdf, sources: list[SourcePages]) -> None:
    """One /StructTreeRoot whose /Document holds every source's elements, in page order."""
    root = book.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = book.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root))
    kids = Array()
    parent_tree = NumberTree.new(book)
    next_key = len(book.pages)
    for source in sources:
        tree = source.pdf.Root.get(Name.StructTreeRoot)
        if not isinstance(tree, Dictionary):
            continue
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
                    kids.append(copied)
        next_key = _map_parent_tree(book, tree, source, parent_tree, next_key)
    document.K = kids
    root.K = Array([document])
    root.ParentTree = parent_tree.obj
    root.ParentTreeNextKey = next_key
    book.Root.StructTreeRoot = root


def _map_parent_tree(book: Pdf, tree: Dictionary, source: SourcePages, parents: NumberTree, key: int) -> int:
    """Renumber a source's parent tree: pages get their index in the book, annotations new keys."""
    parent_tree = tree.get(Name.ParentTree)
    old = dict(NumberTree(parent_tree).items()) if isinstance(parent_tree, Dictionary) else {}
    for index, (original, copy) in enumerate(zip(source.pdf.pages, source.pages, strict=True)):
        page_key = original.obj.get(Name.StructParents)
        if page_key is not None and int(page_key) in old:
            new_key = source.first_index + index
            copy.obj.StructParents = new_key
            parents[new_key] = copy_object(book, old[int(page_key)])
        for annotation in _as_list(copy.obj.get(Name.Annots)):
            annotation_key = annotation.get(Name.StructParent) if isinstance(annotation, Dictionary) else None
            if annotation_key is not None and int(annotation_key) in old:
                annotation.StructParent = key
                parents[key] = copy_object(book, old[int(annotation_key)])
                key += 1
    return key


def _as_list(value: Object | None) -> list[Object]:
    if value is None:
        return []
    return list(value) if isinstance(value, Array) else [value]
