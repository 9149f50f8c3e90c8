"""Embedded font programs through fontTools: opened, compared, their glyphs copied, their bounds merged."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from pikepdf import Stream


def open_program(program: Stream) -> Any:
    """The font of an embedded program (fontTools), or None unless it has CFF or TrueType outlines."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(io.BytesIO(program.read_bytes()), recalcTimestamp=False)
    except Exception:  # not a font fontTools reads: left alone
        return None
    if "fvar" in font or ("CFF " in font) == ("glyf" in font):
        return None
    if "CFF " in font:
        cff = font["CFF "].cff
        if len(cff.topDictIndex) != 1 or hasattr(cff.topDictIndex[0], "ROS"):
            return None  # a CID-keyed CFF: its glyphs also carry a font dictionary index
    return font


# Bounds a font states for all its glyphs: the table, the field, and whether the merged value is the
# smallest or the largest of the programs'.
_BOUNDS = (
    ("head", "xMin", min),
    ("head", "yMin", min),
    ("head", "xMax", max),
    ("head", "yMax", max),
    ("hhea", "advanceWidthMax", max),
    ("hhea", "minLeftSideBearing", min),
    ("hhea", "minRightSideBearing", min),
    ("hhea", "xMaxExtent", max),
)


def program_extents(font: Any, known: dict[str, float] | None = None) -> dict[str, float]:
    """The font's stated bounds (head, hhea and the CFF FontBBox) merged with those `known`."""
    merged = dict(known or {})
    values = [(f"{table}.{name}", choose, getattr(font[table], name)) for table, name, choose in _BOUNDS]
    if "CFF " in font:
        box = list(font["CFF "].cff.topDictIndex[0].FontBBox)
        values += [(f"cff.{i}", min if i < 2 else max, box[i]) for i in range(4)]
    for key, choose, value in values:
        merged[key] = choose(merged[key], value) if key in merged else value
    return merged


def set_extents(font: Any, extents: dict[str, float]) -> None:
    for table, name, _ in _BOUNDS:
        setattr(font[table], name, extents[f"{table}.{name}"])
    if "CFF " in font:
        font["CFF "].cff.topDictIndex[0].FontBBox = [extents[f"cff.{i}"] for i in range(4)]


def blank_glyph(font: Any, glyph: int) -> bool:
    """Whether a font's glyph draws nothing: a CFF charstring without bounds, a TrueType glyph without
    contours (a composite one counts as drawn)."""
    if not 0 <= glyph < len(font.getGlyphOrder()):
        return False
    name = font.getGlyphOrder()[glyph]
    if "glyf" in font:
        return bool(font["glyf"][name].numberOfContours == 0)
    charstrings = font["CFF "].cff.topDictIndex[0].CharStrings
    return bool(charstrings[name].calcBounds(charstrings) is None)


def same_shape(a: Any, b: Any) -> bool:
    """Two subsets of one font: same outlines kind and units; for CFF, the same glyph names where both
    have glyphs and the same private values (a CFF glyph's width is stored relative to them)."""
    if ("CFF " in a) != ("CFF " in b) or a["head"].unitsPerEm != b["head"].unitsPerEm:
        return False
    if "CFF " in a:
        names_a, names_b = a.getGlyphOrder(), b.getGlyphOrder()
        common = min(len(names_a), len(names_b))
        if names_a[:common] != names_b[:common]:
            return False
        top_a, top_b = a["CFF "].cff.topDictIndex[0], b["CFF "].cff.topDictIndex[0]
        private_a, private_b = top_a.Private, top_b.Private
        for name in ("defaultWidthX", "nominalWidthX"):
            if getattr(private_a, name, None) != getattr(private_b, name, None):
                return False
        if list(top_a.FontMatrix) != list(top_b.FontMatrix):
            return False
        if getattr(private_a, "Subrs", None) or getattr(private_b, "Subrs", None):
            return False  # glyphs that call subroutines cannot move between programs
    return True


def glyph_bytes(font: Any, glyph: int) -> bytes:
    """A glyph's outline as stored (CFF charstring or TrueType glyph data)."""
    name = font.getGlyphOrder()[glyph]
    if "CFF " in font:
        charstring = font["CFF "].cff.topDictIndex[0].CharStrings[name]
        charstring.compile()
        data: bytes = charstring.bytecode
        return data
    glyf = font["glyf"]
    compiled: bytes = glyf[name].compile(glyf)
    return compiled


def copy_glyphs(source: Any, target: Any, glyphs: set[int]) -> None:
    """Copy the outlines and advances of `glyphs` (with a TrueType glyph's components) into `target`,
    by glyph id: a TrueType subset without glyph names gets names made up from its own cmap."""
    names, target_names = source.getGlyphOrder(), target.getGlyphOrder()
    wanted = {g for g in glyphs if g < len(names)}
    if "glyf" in source:
        glyf = source["glyf"]
        todo = list(wanted)
        while todo:
            for component in glyf[names[todo.pop()]].getComponentNames(glyf):
                glyph = source.getGlyphID(component)
                if glyph not in wanted:
                    wanted.add(glyph)
                    todo.append(glyph)
        for glyph in sorted(wanted):
            outline = glyf[names[glyph]]
            for component in getattr(outline, "components", ()):  # a composite names its parts
                component.glyphName = target_names[source.getGlyphID(component.glyphName)]
            target["glyf"][target_names[glyph]] = outline
    else:
        top = target["CFF "].cff.topDictIndex[0]
        source_strings = source["CFF "].cff.topDictIndex[0].CharStrings
        for glyph in sorted(wanted):
            charstring = source_strings[names[glyph]]
            charstring.compile()  # its bytes as they are: the private values are the same
            charstring.private, charstring.globalSubrs = top.Private, top.GlobalSubrs
            top.CharStrings[target_names[glyph]] = charstring
    for glyph in sorted(wanted):
        target["hmtx"][target_names[glyph]] = source["hmtx"][names[glyph]]


CID_ORDER = ("Adobe", "Identity", 0)
"""The character collection of a CID-keyed program whose CIDs are the glyph ids (as /Identity-H shows)."""


def cid_keyed_cff(font: Any, glyphs: set[int], cids: Mapping[int, int] | None = None) -> bytes:
    """A bare CFF program (FontFile3 /CIDFontType0C) of a CFF font's `glyphs` and .notdef, CID-keyed
    with each glyph's id as its CID (a text shown with /Identity-H draws the same outlines), or with
    the CIDs `cids` gives (only the glyphs it names are kept).

    A subset of WeasyPrint keeps every glyph id of the full font, the glyphs it does not need emptied:
    as an OpenType program it still carries a name and an advance for each (2,651 names and 10 KB of
    advances in a body face), and tables a PDF reader does not read. A CID-keyed program holds only
    the glyphs drawn; the charstrings are copied as they are, hints included. The bounds are the
    program's as set (set_extents), not recomputed."""
    from fontTools.cffLib import CharStrings, FDArrayIndex, FDSelect, FontDict

    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    order, old = font.getGlyphOrder(), top.CharStrings
    numbers = cids if cids is not None else {glyph: glyph for glyph in glyphs}
    kept = [0, *sorted(g for g in glyphs if 0 < g < len(order) and g in numbers)]
    names = [".notdef", *(f"cid{numbers[glyph]:05d}" for glyph in kept[1:])]
    face = FontDict()
    face.Private = top.Private
    faces = FDArrayIndex()
    faces.append(face)
    select = FDSelect()
    select.format, select.gidArray = 3, [0] * len(names)
    charstrings = CharStrings(None, None, cff.GlobalSubrs, top.Private, select, faces)
    for name, glyph in zip(names, kept, strict=True):
        charstring = old[order[glyph]]
        charstring.compile()
        charstrings[name] = charstring
    top.ROS, top.CIDCount = CID_ORDER, max((numbers[glyph] for glyph in kept[1:]), default=0) + 1
    top.FDArray, top.FDSelect, top.charset, top.CharStrings = faces, select, names, charstrings
    for name in ("Private", "Encoding"):
        if hasattr(top, name):
            delattr(top, name)
    font.recalcBBoxes = False
    out = io.BytesIO()
    cff.compile(out, font)
    return out.getvalue()
