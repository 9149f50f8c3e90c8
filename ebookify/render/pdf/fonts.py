"""One embedded program per font face for the whole book: the subsets of the parts merged glyph by glyph.

Each document laid out apart embeds its own subset of every face it uses (WeasyPrint keeps the glyph ids
of the full font in a subset and empties the glyphs it does not need), so a book of six parts carried
six programs of its body face, each mostly the same glyphs and the same tables. The assembly points every
font of a face at one program of the book that holds the glyphs of all of them. Each document keeps its
own font dictionaries (widths and ToUnicode map), so its text is drawn and copied exactly as laid out.

A program joins its face only when it is of the same shape (same kind of outlines, units, glyph names,
CFF private values) and the glyphs the two share are the same; otherwise it stays as it was."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from pikepdf import Array, Dictionary, Name, Object, Page, Pdf, Stream

from ebookify.render.pdf.deflate import compress
from ebookify.render.pdf.font_programs import (
    blank_glyph,
    cid_keyed_cff,
    copy_glyphs,
    glyph_bytes,
    open_program,
    program_extents,
    same_shape,
    set_extents,
)

log = logging.getLogger("ebookify")
_Key = tuple[int, int]

# Where a CIDFont's descriptor holds its program: TrueType outlines, or OpenType (CFF) ones.
_PROGRAMS = {"/CIDFontType2": Name.FontFile2, "/CIDFontType0": Name.FontFile3}
# Shared glyphs compared, each time a program brings new glyphs, to tell another font under the same
# name apart (a few suffice: every glyph of a subset comes from one font file).
_SAMPLE = 8
# Widths in a CIDFont's /W are thousandths of an em rounded from the size that first drew the glyph:
# the same glyph drawn first at another size may differ by one.
_WIDTH_SLACK = 1


@dataclass
class _Face:
    """A face's program as merged so far, and the book's stream every font of the face points at."""

    program: Any
    """The merged font (fontTools TTFont)."""
    shared: Stream
    glyphs: set[int]
    """Glyph ids with their outlines in `program`: every id some document draws."""
    widths: dict[int, float] = field(default_factory=dict)
    descriptors: list[Dictionary] = field(default_factory=list)
    """The font descriptors that point at `shared` (their /CIDSet, if any, is set at the end)."""
    extents: dict[str, float] = field(default_factory=dict)
    """The bounds of every merged program (see program_extents), so that the merged one needs no drawing."""


class SharedFonts:
    """Makes the fonts of every document added to `book` share one program per face; `finish` writes
    the programs. Fonts of another kind (Type 3, simple fonts) and programs that do not fit are left as
    they are."""

    def __init__(self, book: Pdf) -> None:
        self.book = book
        self.faces: dict[tuple[str, str], _Face] = {}
        self.seen: set[tuple[int, int]] = set()

    def add_pages(self, pages: Iterable[Page]) -> None:
        """Share the programs of the fonts `pages` (copied into the book, their source still open) use,
        through their resources, forms, patterns and annotation appearances."""
        for page in pages:
            self.add_object(page.obj)

    def add_object(self, obj: Object) -> None:
        """Share the programs of the fonts a page or a form XObject uses."""
        for font in self._cid_fonts(obj):
            try:
                self._share(font)
            except Exception as exc:  # a font fontTools cannot read: it stays as WeasyPrint wrote it
                log.debug("font left unshared: %s: %s", type(exc).__name__, exc)

    def programs(self) -> set[tuple[int, int]]:
        """The book's program objects that `finish` writes, one a face."""
        return {face.shared.objgen for face in self.faces.values()}

    def blank_glyphs(
        self, wanted: Mapping[tuple[int, int], Iterable[int]]
    ) -> dict[tuple[int, int], set[int]]:
        """Of the glyphs `wanted` of each program object, those that draw nothing."""
        programs = {face.shared.objgen: face.program for face in self.faces.values()}
        return {
            key: {glyph for glyph in glyphs if blank_glyph(programs[key], glyph)}
            for key, glyphs in wanted.items()
            if key in programs
        }

    def finish(self, cids: Mapping[tuple[int, int], Mapping[int, int]] | None = None) -> None:
        """Write each face's merged program into the stream its fonts point at: a CFF face as a bare
        CID-keyed program of the glyphs drawn (cid_keyed_cff), its CIDs those `cids` gives for its
        program object (one_byte.py) or else its glyph ids; a TrueType face as it was merged (its
        fonts map CIDs to glyphs, one_byte.py), its /CIDSet naming those CIDs."""
        for (_, program_key), face in self.faces.items():
            if "CFF " in face.program:
                # Bounds of the merged glyphs from those of the programs they came from: drawing every
                # glyph of each program to measure it took 0.3 s a face.
                set_extents(face.program, face.extents)
                numbers = (cids or {}).get(face.shared.objgen)
                data = cid_keyed_cff(face.program, face.glyphs, numbers)
                face.shared.stream_dict.Subtype = Name.CIDFontType0C
                count = len(face.program.getGlyphOrder())
                drawn = {g for g in face.glyphs if g < count and (numbers is None or g in numbers)}
                present = {0} | ({numbers[g] for g in drawn} if numbers is not None else drawn)
            else:
                out = io.BytesIO()
                face.program.save(out)
                data = out.getvalue()
                present = set(range(len(face.program.getGlyphOrder())))
                numbers = (cids or {}).get(face.shared.objgen)
                present = (
                    {0} | {numbers[g] for g in present if g in numbers} if numbers is not None else present
                )
            face.shared.write(compress(data), filter=Name.FlateDecode)
            if program_key == str(Name.FontFile2):
                face.shared.Length1 = len(data)
            if any(Name.CIDSet in d for d in face.descriptors):
                cid_set = self.book.make_stream(_cid_set(present))
                for descriptor in face.descriptors:
                    if Name.CIDSet in descriptor:
                        descriptor.CIDSet = cid_set

    def _cid_fonts(self, root: Object) -> Iterator[Dictionary]:
        """The CIDFonts (descendants of Type 0 fonts) reached from `root`'s resources, each once."""
        todo = [root]
        while todo:
            holder = todo.pop()
            if holder.is_indirect:
                if holder.objgen in self.seen:
                    continue
                self.seen.add(holder.objgen)
            resources = holder.get(Name.Resources)
            if isinstance(resources, Dictionary):
                for value in _values(resources.get(Name.Font)):
                    descendants = value.get(Name.DescendantFonts) if isinstance(value, Dictionary) else None
                    if (
                        isinstance(descendants, Array)
                        and len(descendants) == 1
                        and self._first(descendants[0])
                    ):
                        yield descendants[0]
                # Forms and tiling patterns have resources of their own.
                todo += [v for v in _values(resources.get(Name.XObject)) if isinstance(v, Stream)]
                todo += [v for v in _values(resources.get(Name.Pattern)) if isinstance(v, Stream)]
            annotations = holder.get(Name.Annots)
            for annotation in annotations if isinstance(annotations, Array) else ():
                appearances = annotation.get(Name.AP) if isinstance(annotation, Dictionary) else None
                for appearance in _values(appearances):
                    # An appearance is a form, or a dictionary of forms by state.
                    states = [appearance] if isinstance(appearance, Stream) else _values(appearance)
                    todo += [state for state in states if isinstance(state, Stream)]

    def _first(self, font: Object) -> TypeGuard[Dictionary]:
        """Whether `font` is a dictionary not looked at before (a document's pages share their fonts)."""
        if not isinstance(font, Dictionary):
            return False
        if font.is_indirect:
            if font.objgen in self.seen:
                return False
            self.seen.add(font.objgen)
        return True

    def _share(self, font: Dictionary) -> None:
        descriptor = font.get(Name.FontDescriptor)
        program_key = _PROGRAMS.get(str(font.get(Name.Subtype, "")))
        if program_key is None or not isinstance(descriptor, Dictionary) or not descriptor.is_indirect:
            return
        if font.get(Name.CIDToGIDMap, Name.Identity) != Name.Identity:
            return  # glyph ids are not the CIDs: a program of another making
        program = descriptor.get(program_key)
        if not isinstance(program, Stream) or any(
            k in descriptor for k in _PROGRAMS.values() if k != program_key
        ):
            return
        if program_key == Name.FontFile3 and program.stream_dict.get(Name.Subtype) != Name.OpenType:
            return
        widths = read_widths(font.get(Name.W))
        if widths is None:
            return
        key = (str(font.get(Name.BaseFont, "")), str(program_key))
        face = self.faces.get(key)
        if face is None:
            merged = open_program(program)
            if merged is None:
                return
            count = len(merged.getGlyphOrder())
            shared = self.book.make_stream(b"")
            if program_key == Name.FontFile3:
                shared.stream_dict.Subtype = Name.OpenType
            face = _Face(merged, shared, {g for g in widths if g < count}, extents=program_extents(merged))
            # The width of .notdef is whatever WeasyPrint gave a missing glyph: never compared.
            face.widths = {g: w for g, w in widths.items() if 0 < g < count}
            self.faces[key] = face
        elif not self._join(face, program, widths):
            return
        descriptor[program_key] = face.shared
        face.descriptors.append(descriptor)

    def _join(self, face: _Face, program: Stream, widths: dict[int, float]) -> bool:
        """Bring the glyphs `widths` names into `face`'s program; False when this program stays its own."""
        for glyph, width in widths.items():
            known = face.widths.get(glyph)
            if known is not None and abs(known - width) > _WIDTH_SLACK:
                return False  # another font under the same name
        new = set(widths) - face.glyphs
        if new:
            other = open_program(program)
            if other is None or not same_shape(face.program, other):
                return False
            count = len(other.getGlyphOrder())
            shared = sorted(g for g in widths if g in face.glyphs and g < count and g)[:_SAMPLE]
            if any(glyph_bytes(face.program, g) != glyph_bytes(other, g) for g in shared):
                return False
            new = {g for g in new if g < count}  # beyond it: ids WeasyPrint gave to missing glyphs
            face.extents = program_extents(other, face.extents)
            if count > len(face.program.getGlyphOrder()):
                # The longer subset becomes the program: the glyphs merged so far are copied into it.
                copy_glyphs(face.program, other, face.glyphs)
                face.program = other
            else:
                copy_glyphs(other, face.program, new)
            face.glyphs |= new
            face.widths.update({g: widths[g] for g in new if g})
        return True


def read_widths(value: object) -> dict[int, float] | None:
    """A CIDFont's /W array as {glyph id: width}; None when it is not of the two forms the PDF allows
    (`c [w1 w2 ...]` and `c_first c_last w`)."""
    if not isinstance(value, Array):
        return None if value is not None else {}
    items, index = list(value), 0
    widths: dict[int, float] = {}
    try:
        while index < len(items):
            first = int(items[index])
            following = items[index + 1]
            if isinstance(following, Array):
                for offset, width in enumerate(following):
                    widths[first + offset] = float(width)
                index += 2
            else:
                last, same = int(following), float(items[index + 2])
                if last - first > 0xFFFF:
                    return None
                for glyph in range(first, last + 1):
                    widths[glyph] = same
                index += 3
    except (IndexError, TypeError, ValueError):
        return None
    return widths


def _values(value: object) -> list[Object]:
    """The values of a dictionary; nothing for anything else."""
    return list(value.values()) if isinstance(value, Dictionary) else []


def _cid_set(cids: set[int]) -> bytes:
    """A /CIDSet naming the CIDs a program has (one bit per CID, first bit first, up to the last one)."""
    bits = bytearray((max(cids) // 8 + 1) if cids else 0)
    for cid in cids:
        bits[cid // 8] |= 0x80 >> (cid % 8)
    return bytes(bits)
