"""Merges the tag trees (structure trees) of separately rendered PDFs into one tagged document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
)

_NUMS_PER_LEAF = 512  # number-tree leaves stay small: old readers (and PDF/A-1) limit arrays to 8191 items


@dataclass
class SourcePages:
    """One rendered PDF whose pages were copied into the writer, with the maps its tags need."""

    reader: PdfReader
    first_index: int
    pages: list[PageObject] = field(default_factory=list)
    page_refs: dict[int, IndirectObject] = field(default_factory=dict)
    annotations: dict[int, IndirectObject] = field(default_factory=dict)
    page_keys: dict[int, int] = field(default_factory=dict)
    """Old StructParents key -> index of the copied page in `pages`."""
    annotation_keys: dict[int, DictionaryObject] = field(default_factory=dict)
    """Old StructParent key -> copied annotation."""


def copy_pages(writer: PdfWriter, reader: PdfReader) -> SourcePages:
    """Append every page of `reader` to `writer`, remembering old -> new page and annotation objects."""
    source = SourcePages(reader, len(writer.pages))
    for page in reader.pages:
        copied = writer.add_page(page)
        source.pages.append(copied)
        old_ref: Any = page.indirect_reference
        source.page_refs[old_ref.idnum] = copied.indirect_reference  # type: ignore[assignment]
        key: Any = page.get("/StructParents")
        if key is not None:
            source.page_keys[int(key)] = len(source.pages) - 1
        old_annots: Any = page.get("/Annots")
        new_annots: Any = copied.get("/Annots")
        for old, new in zip(old_annots or [], new_annots or [], strict=True):
            if isinstance(old, IndirectObject):
                source.annotations[old.idnum] = new
                annotation: Any = old.get_object()
                key = annotation.get("/StructParent")
                if key is not None:
                    source.annotation_keys[int(key)] = new.get_object()
    return source


def merge_structure(writer: PdfWriter, sources: list[SourcePages]) -> None:
    """One /StructTreeRoot whose /Document holds every source's elements, in page order."""
    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root_ref = writer._add_object(root)
    document = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructElem"),
            NameObject("/S"): NameObject("/Document"),
            NameObject("/P"): root_ref,
        }
    )
    document_ref = writer._add_object(document)
    kids = ArrayObject()
    nums: list[tuple[int, Any]] = []
    next_key = len(writer.pages)
    for source in sources:
        catalog: Any = source.reader.trailer["/Root"]
        tree = catalog.get("/StructTreeRoot")
        if tree is None:
            continue
        tree = tree.get_object()
        cloner = _ElementCloner(writer, source)
        for old_document in _as_list(tree.get("/K")):
            for kid in _as_list(old_document.get_object().get("/K")):
                kids.append(cloner.clone(kid, document_ref))
        next_key = _map_parent_tree(tree, source, cloner, nums, next_key)
    document[NameObject("/K")] = kids
    root[NameObject("/K")] = ArrayObject([document_ref])
    root[NameObject("/ParentTree")] = _number_tree(writer, sorted(nums, key=lambda item: item[0]))
    root[NameObject("/ParentTreeNextKey")] = NumberObject(next_key)
    writer._root_object[NameObject("/StructTreeRoot")] = root_ref


def _map_parent_tree(
    tree: Any,
    source: SourcePages,
    cloner: _ElementCloner,
    nums: list[tuple[int, Any]],
    next_key: int,
) -> int:
    """Renumber a source's parent tree: pages get their index in the book, annotations new keys."""
    for key, value in _number_tree_items(tree["/ParentTree"].get_object()):
        if key in source.page_keys:
            index = source.page_keys[key]
            page = source.pages[index]
            new_key = source.first_index + index
            page[NameObject("/StructParents")] = NumberObject(new_key)
            refs = [cloner.mapped(ref) for ref in _as_list(value)]
            nums.append((new_key, ArrayObject(refs)))
        elif key in source.annotation_keys:
            source.annotation_keys[key][NameObject("/StructParent")] = NumberObject(next_key)
            nums.append((next_key, cloner.mapped(value)))
            next_key += 1
    return next_key


class _ElementCloner:
    """Copies structure elements, pointing /Pg, /Obj and /P at the copied pages, annotations, parents."""

    def __init__(self, writer: PdfWriter, source: SourcePages) -> None:
        self.writer = writer
        self.source = source
        self.elements: dict[int, IndirectObject] = {}

    def mapped(self, ref: Any) -> Any:
        """The copy of an element the parent tree refers to (null when it was never reached)."""
        if isinstance(ref, IndirectObject) and ref.idnum in self.elements:
            return self.elements[ref.idnum]
        from pypdf.generic import NullObject

        return NullObject()

    def clone(self, kid: Any, parent: IndirectObject) -> Any:
        """Copy one /K item: an MCID, an element, or a marked-content or object reference."""
        if isinstance(kid, NumberObject | int):
            return kid
        obj: Any = kid.get_object() if isinstance(kid, IndirectObject) else kid
        if not isinstance(obj, DictionaryObject):
            return obj.clone(self.writer)
        copy = DictionaryObject()
        ref = self.writer._add_object(copy) if isinstance(kid, IndirectObject) else None
        if ref is not None:
            self.elements[kid.idnum] = ref
        for key, value in obj.items():
            copy[NameObject(key)] = self._value(key, value, ref if ref is not None else parent, parent)
        return ref if ref is not None else copy

    def _value(self, key: str, value: Any, own: IndirectObject, parent: IndirectObject) -> Any:
        if key == "/P":
            return parent
        if key == "/Pg" and isinstance(value, IndirectObject):
            return self.source.page_refs.get(value.idnum, value)
        if key == "/Obj" and isinstance(value, IndirectObject):
            return self.source.annotations.get(value.idnum, value)
        if key == "/K":
            kids = value.get_object() if isinstance(value, IndirectObject) else value
            if isinstance(kids, ArrayObject):
                return ArrayObject(self.clone(k, own) for k in kids)
            return self.clone(value, own)
        return value.clone(self.writer) if value is not None else value


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    obj = value.get_object() if isinstance(value, IndirectObject) else value
    return list(obj) if isinstance(obj, ArrayObject) else [value]


def _number_tree_items(node: DictionaryObject) -> Iterator[tuple[int, Any]]:
    """Every (key, value) of a PDF number tree, leaves and kids alike."""
    nums = node.get("/Nums")
    if nums is not None:
        items = list(nums.get_object())
        for index in range(0, len(items) - 1, 2):
            yield int(items[index]), items[index + 1]
    for kid in _as_list(node.get("/Kids")):
        yield from _number_tree_items(kid.get_object())


def _number_tree(writer: PdfWriter, items: list[tuple[int, Any]]) -> IndirectObject:
    """A two-level number tree: leaves of _NUMS_PER_LEAF entries under one root."""
    leaves = ArrayObject()
    for start in range(0, len(items), _NUMS_PER_LEAF):
        chunk = items[start : start + _NUMS_PER_LEAF]
        nums = ArrayObject()
        for key, value in chunk:
            nums += [NumberObject(key), value]
        limits = ArrayObject([NumberObject(chunk[0][0]), NumberObject(chunk[-1][0])])
        leaf = DictionaryObject({NameObject("/Nums"): nums, NameObject("/Limits"): limits})
        leaves.append(writer._add_object(leaf))
    root = (
        DictionaryObject({NameObject("/Kids"): leaves})
        if leaves
        else DictionaryObject({NameObject("/Nums"): ArrayObject()})
    )
    return writer._add_object(root)
