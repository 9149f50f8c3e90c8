"""Joins the tag trees (structure trees) of separately rendered PDFs into the book's one tag tree, as
each source is copied into the book (copier) and closed."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from pikepdf import Array, Dictionary, Name, NumberTree, Object

from ebookify.render.pdf.copier import SourceCopier
from ebookify.render.pdf.stream import PdfStreamWriter, refs

_LEAF = 256
"""Parent-tree entries per leaf of the number tree, so that a reader finds a page's entry fast."""


class StructureJoin:
    """The book's /StructTreeRoot and its /Document: every source's top elements go under the one
    /Document, and every page's and annotation's parent-tree entry gets a new key in the book's tree."""

    def __init__(self, writer: PdfStreamWriter) -> None:
        self.writer = writer
        self.root = writer.reserve()
        self.document = writer.reserve()
        self.parents = array("L")
        """Object number of each parent-tree entry, by key: keys only need to be distinct."""
        self.namespaces: bytes | None = None
        self.document_ns: bytes | None = None

    def add(self, copier: SourceCopier) -> array[int]:
        """Map the source's tag tree into the book (before its pages are copied: their parent-tree
        keys change); the book numbers of its top structure elements, in order."""
        elements = array("L")
        tree = copier.pdf.Root.get(Name.StructTreeRoot)
        if not isinstance(tree, Dictionary):
            return elements
        copier.external(tree, self.root)
        if Name.Namespaces in tree and self.namespaces is None:
            self.namespaces = copier.direct(tree[Name.Namespaces])
        for old_document in _as_list(tree.get(Name.K)):
            if not isinstance(old_document, Dictionary):
                continue
            if old_document.is_indirect:
                # Its elements' /P now names the book's /Document.
                copier.external(old_document, self.document)
            if Name.NS in old_document and self.document_ns is None:
                self.document_ns = copier.direct(old_document[Name.NS])
            for kid in _as_list(old_document.get(Name.K)):
                if isinstance(kid, Dictionary):
                    elements.append(copier.number(kid) if kid.is_indirect else copier.new_object(kid))
        self._map_parent_tree(copier, tree)
        return elements

    def finish(self, elements: Sequence[int]) -> None:
        """Write the root, the /Document holding `elements` (in page order) and the parent tree."""
        writer = self.writer
        document = b"<< /Type /StructElem /S /Document /P %d 0 R /K %s" % (self.root, refs(elements))
        if self.document_ns is not None:
            document += b" /NS " + self.document_ns
        writer.add(self.document, document + b" >>")
        parent_tree = self._write_parent_tree()
        root = b"<< /Type /StructTreeRoot /K [ %d 0 R ] /ParentTree %d 0 R /ParentTreeNextKey %d" % (
            self.document,
            parent_tree,
            len(self.parents),
        )
        if self.namespaces is not None:
            root += b" /Namespaces " + self.namespaces
        writer.add(self.root, root + b" >>")

    def _map_parent_tree(self, copier: SourceCopier, tree: Dictionary) -> None:
        """Give the source's pages and annotations new keys, their entries copied into the book."""
        parent_tree = tree.get(Name.ParentTree)
        old = dict(NumberTree(parent_tree).items()) if isinstance(parent_tree, Dictionary) else {}
        for page in copier.pdf.pages:
            key = page.obj.get(Name.StructParents)
            if key is not None and int(key) in old:
                page.obj.StructParents = self._entry(copier, old[int(key)])
            for annotation in _as_list(page.obj.get(Name.Annots)):
                key = annotation.get(Name.StructParent) if isinstance(annotation, Dictionary) else None
                if key is not None and int(key) in old:
                    annotation.StructParent = self._entry(copier, old[int(key)])

    def _entry(self, copier: SourceCopier, value: Object) -> int:
        number = copier.number(value) if value.is_indirect else copier.new_object(value)
        self.parents.append(number)
        return len(self.parents) - 1

    def _write_parent_tree(self) -> int:
        """A number tree of the parent-tree entries: one node, or a root over leaves of _LEAF keys."""
        writer, count = self.writer, len(self.parents)

        def nums(start: int, end: int) -> bytes:
            pairs = b" ".join(b"%d %d 0 R" % (key, self.parents[key]) for key in range(start, end))
            return b"/Nums [ " + pairs + b" ]"

        root = writer.reserve()
        if count <= _LEAF:
            writer.add(root, b"<< " + nums(0, count) + b" >>")
            return root
        leaves = []
        for start in range(0, count, _LEAF):
            end = min(count, start + _LEAF)
            leaves.append(writer.reserve())
            writer.add(leaves[-1], b"<< /Limits [ %d %d ] %s >>" % (start, end - 1, nums(start, end)))
        writer.add(root, b"<< /Kids %s >>" % refs(leaves))
        return root


def _as_list(value: Object | None) -> list[Object]:
    if value is None:
        return []
    return list(value) if isinstance(value, Array) else [value]
