"""The font dictionaries of a face drawn with one-byte codes: read as WeasyPrint wrote them, written anew."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pikepdf import Array, Dictionary, Name, Object, Pdf, Stream

from ebookify.render.pdf.cmaps import read_cid_map, read_to_unicode, write_code_map, write_to_unicode
from ebookify.render.pdf.deflate import compress

# Where a CIDFont's descriptor holds its program.
_PROGRAMS = {"/CIDFontType0": Name.FontFile3, "/CIDFontType2": Name.FontFile2}


@dataclass
class TwoByteFont:
    """A Type 0 font of /Identity-H (its codes are its CIDs, here the glyph ids of its program)."""

    font: Dictionary
    descendant: Dictionary
    program: tuple[int, int]
    """The object of its embedded program: the fonts of a face share one (fonts.py)."""
    texts: dict[int, bytes]
    """Its ToUnicode map: a code's text (UTF-16BE hex digits)."""
    widths: dict[int, Object]
    """Its /W: each CID's width as written."""
    cids: dict[int, int] | None
    """The CID of each code, from the font's own CMap; None for /Identity-H (each code its CID)."""
    shown: set[int] = field(default_factory=set)
    """The codes the content draws with the font."""

    def cid(self, code: int) -> int:
        return code if self.cids is None else self.cids.get(code, 0)

    def new_codes(self, face: Mapping[int, int]) -> dict[int, int] | None:
        """The one-byte code of each code shown, `face` giving the new CID (its code) of each old CID;
        None when two codes of other texts would become one (WeasyPrint's missing glyphs are all CID
        0): the font's text would change."""
        codes = {code: face[self.cid(code)] for code in self.shown}
        texts: dict[int, bytes] = {}
        for code, new in codes.items():
            if texts.setdefault(new, self.texts.get(code, b"")) != self.texts.get(code, b""):
                return None
        return codes


def two_byte_font(font: Dictionary) -> TwoByteFont | None:
    """The font when it is a Type 0 font of /Identity-H (or WeasyPrint's own CMap) whose CIDFont has an
    embedded program (CFF, or TrueType with the glyph ids as CIDs), and whose ToUnicode and /W this
    module reads; else None."""
    encoding = font.get(Name.Encoding)
    if font.get(Name.Subtype) != Name.Type0:
        return None
    cids = read_cid_map(encoding.read_bytes()) if isinstance(encoding, Stream) else None
    if encoding != Name("/Identity-H") and cids is None:
        return None
    descendants = font.get(Name.DescendantFonts)
    descendant = descendants[0] if isinstance(descendants, Array) and len(descendants) == 1 else None
    if not isinstance(descendant, Dictionary) or descendant.get(Name.Subtype) not in _PROGRAMS:
        return None
    if descendant.get(Name.CIDToGIDMap, Name.Identity) != Name.Identity:
        return None  # the glyph of a CID is not its number: a program of another making
    info = descendant.get(Name.CIDSystemInfo)
    if not isinstance(info, Dictionary) or (str(info.get(Name.Registry)), str(info.get(Name.Ordering))) != (
        "Adobe",
        "Identity",
    ):
        return None  # the one-byte CMap's CIDs are of this collection
    descriptor = descendant.get(Name.FontDescriptor)
    key = _PROGRAMS[str(descendant.Subtype)]
    program = descriptor.get(key) if isinstance(descriptor, Dictionary) else None
    to_unicode = font.get(Name.ToUnicode)
    if not isinstance(program, Stream) or not isinstance(to_unicode, Stream):
        return None
    texts = read_to_unicode(to_unicode.read_bytes())
    widths = _read_widths(descendant.get(Name.W))
    if texts is None or widths is None:
        return None
    return TwoByteFont(font, descendant, program.objgen, texts, widths, cids)


def write_font(
    book: Pdf,
    font: TwoByteFont,
    codes: Mapping[int, int],
    face: Mapping[int, int],
    encoding: Stream,
    *,
    glyphs: Stream | None,
) -> None:
    """Point `font` at the one-byte `encoding` (code = CID) and write its ToUnicode map and widths
    anew: `codes` gives the new code of each old one, `face` the new CID of each old CID, `glyphs`
    (a TrueType font's) the glyph of each new CID."""
    if glyphs is not None:
        font.descendant.CIDToGIDMap = glyphs
    texts = {codes[code]: text for code, text in font.texts.items() if code in codes}
    to_unicode = book.make_stream(compress(write_to_unicode(texts)))
    to_unicode.Filter = Name.FlateDecode
    font.font.Encoding, font.font.ToUnicode = encoding, to_unicode
    widths = sorted((face[cid], width) for cid, width in font.widths.items() if cid in face)
    runs: list[tuple[int, list[Object]]] = []
    for cid, width in widths:
        if runs and runs[-1][0] + len(runs[-1][1]) == cid:
            runs[-1][1].append(width)
        else:
            runs.append((cid, [width]))
    font.descendant.W = Array([item for cid, run in runs for item in (cid, Array(run))])


def glyph_map(book: Pdf, face: Mapping[int, int]) -> Stream:
    """A /CIDToGIDMap that draws, for each new CID of `face`, the glyph of the old one (its id)."""
    glyphs = bytearray(2 * (max(face.values(), default=0) + 1))
    for glyph, cid in face.items():
        glyphs[2 * cid : 2 * cid + 2] = glyph.to_bytes(2, "big")
    stream = book.make_stream(compress(bytes(glyphs)))
    stream.Filter = Name.FlateDecode
    return stream


def one_byte_identity(book: Pdf) -> Stream:
    """A CMap of one-byte codes, each code the CID of the same number (Adobe-Identity)."""
    info = Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0)
    text = b"/Registry (Adobe) /Ordering (Identity) /Supplement 0"
    stream = book.make_stream(compress(write_code_map({c: c for c in range(256)}, b"Ebookify-OneByte", text)))
    stream.Filter = Name.FlateDecode
    stream.Type, stream.CMapName, stream.CIDSystemInfo = Name.CMap, Name("/Ebookify-OneByte"), info
    return stream


def _read_widths(value: object) -> dict[int, Object] | None:
    """A CIDFont's /W as {CID: width as written}; None when it is not of the two forms the PDF allows."""
    if value is None:
        return {}
    if not isinstance(value, Array):
        return None
    items, index = list(value), 0
    widths: dict[int, Object] = {}
    try:
        while index < len(items):
            first, following = int(items[index]), items[index + 1]
            if isinstance(following, Array):
                widths.update((first + offset, width) for offset, width in enumerate(following))
                index += 2
                continue
            last, same = int(following), items[index + 2]
            if last - first > 0xFFFF:
                return None
            widths.update((cid, same) for cid in range(first, last + 1))
            index += 3
    except (IndexError, TypeError, ValueError):
        return None
    return widths
