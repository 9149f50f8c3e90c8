"""The book's font faces drawn with one-byte codes, each glyph's CID renumbered to its code.

WeasyPrint draws every glyph with a two-byte code, its glyph id (/Identity-H): the high bytes are a tenth
of a page's deflated text, and a reader ignores `Tw` for such fonts (recode.py). At the end of the
assembly each face (the program its fonts share, fonts.py) whose glyphs drawn number at most 255 is
written with one-byte codes: each glyph's CID is its code (the merged CFF program is written CID-keyed
with those CIDs, a TrueType face's fonts get a /CIDToGIDMap), every font of the face points at one CMap
of one-byte codes that are their CIDs, and gets its ToUnicode map and widths under the new numbers. The
same glyphs are drawn at the same places and copied as the same text; readers that take a code for its
CID (pypdf reads the widths so) still find the right glyph. A code is the character's own when the glyph
stands for one character under 256 (the space is 32), else the first free one; 0 stays .notdef. A font
with glyphs missing from its face has WeasyPrint's own CMap instead of /Identity-H (the missing glyphs'
codes drawn as CID 0): its codes go through that map, and it keeps one text for each new code or its face
stays as it is.

A face is left as it was when any of its fonts is of another shape, or when any content that may use one
cannot be read: a stream recode.py does not split, a Type 3 font's glyphs, a page tree's shared
resources, a form field's defaults."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pikepdf import Array, Dictionary, Name, Object, Pdf, PdfError, Stream

from ebookify.render.pdf.content_ops import ContentSyntaxError, split_operations
from ebookify.render.pdf.deflate import compress
from ebookify.render.pdf.exact_spacing import LineFont
from ebookify.render.pdf.one_byte_dicts import (
    TwoByteFont,
    glyph_map,
    one_byte_identity,
    two_byte_font,
    write_font,
)
from ebookify.render.pdf.recode import FontCodes, glyphs_shown, recode

_SPACE_TEXT = b"0020"
_Key = tuple[int, int]


@dataclass
class _Holder:
    """Content that may draw text: a page (its content streams) or a form or pattern stream."""

    owner: Object
    resources: Dictionary
    readable: bool = True


@dataclass
class OneByteFaces:
    """The faces to be drawn with one-byte codes: `codes` for the programs' writing (fonts.py), then
    `apply` for the fonts and the content."""

    book: Pdf
    holders: list[_Holder]
    fonts: dict[_Key, TwoByteFont]
    codes: dict[_Key, dict[int, int]] = field(default_factory=dict)
    """Each face's program object: the new CID (its code) of each old one."""

    def spaces(self) -> dict[_Key, list[int]]:
        """The glyph (old CID) of code 32 of each face, if it has one."""
        return {program: [g for g, c in codes.items() if c == 32] for program, codes in self.codes.items()}

    def apply(self, blank: Mapping[_Key, set[int]] | None = None, word_spacing: bool = False) -> int:
        """Write the fonts and the content in one-byte codes; `blank`, a program's blank glyphs (old
        CIDs), lets a space's offset before it join a Tw (recode.py, with `word_spacing`). The number
        of fonts written anew."""
        if not self.codes:
            return 0
        encoding = one_byte_identity(self.book)
        glyphs: dict[_Key, Stream] = {}  # a TrueType face's CIDToGIDMap
        coded: dict[_Key, FontCodes] = {}
        for key, font in self.fonts.items():
            face = self.codes.get(font.program)
            codes = font.new_codes(face) if face is not None else None
            if face is not None and codes is not None:
                truetype = font.descendant.get(Name.Subtype) == Name.CIDFontType2
                if truetype and font.program not in glyphs:
                    glyphs[font.program] = glyph_map(self.book, face)
                write_font(self.book, font, codes, face, encoding, glyphs=glyphs.get(font.program))
                space = next((cid for cid, code in face.items() if code == 32), -1)
                blank_space = space in (blank or {}).get(font.program, set())
                coded[key] = FontCodes(codes, blank_space, line_font(font, face) if word_spacing else None)
        for holder in self.holders:
            named = _named_fonts(holder.resources).items()
            used = {name: coded[font.objgen] for name, font in named if font.objgen in coded}
            if used and holder.readable:
                data = _content(holder.owner)
                _write(self.book, holder.owner, recode(data, split_operations(data), used, word_spacing))
        return len(coded)


def line_font(font: TwoByteFont, face: Mapping[int, int]) -> LineFont | None:
    """The font's widths under the new CIDs (its codes) as poppler reads them: a /W number times 0.001,
    /DW likewise when it is an integer, else 1; None when a width is not an integer (its reading is
    not modelled)."""
    widths: dict[int, int] = {}
    for cid, width in font.widths.items():
        value: object = width
        if cid in face:
            if type(value) is not int:
                return None
            widths[face[cid]] = value
    default: object = font.descendant.get(Name.DW)
    return LineFont(
        {code: width * 0.001 for code, width in widths.items()},
        default * 0.001 if type(default) is int else 1.0,
    )


def plan_one_byte(book: Pdf, programs: set[_Key]) -> OneByteFaces:
    """Which faces of `programs` (the programs fonts.py writes, one a face) can be drawn with one-byte
    codes, and the code of each of their glyphs."""
    holders = list(_holders(book))
    fonts: dict[_Key, TwoByteFont] = {}
    refused: set[_Key] = set(_fonts_elsewhere(book))
    for holder in holders:
        named = _named_fonts(holder.resources)
        for font in named.values():
            if font.objgen not in fonts and font.objgen not in refused:
                found = two_byte_font(font)
                if found is None or found.program not in programs:
                    refused.add(font.objgen)
                else:
                    fonts[font.objgen] = found
        try:
            two_byte = {name for name, font in named.items() if font.objgen in fonts}
            shown = glyphs_shown(split_operations(_content(holder.owner)), two_byte)
        except (ContentSyntaxError, ValueError, PdfError):
            refused.update(font.objgen for font in named.values())
            holder.readable = False
            continue
        for name, glyphs in shown.items():
            if glyphs is None:
                refused.add(named[name].objgen)
            elif named[name].objgen in fonts:
                fonts[named[name].objgen].shown |= glyphs
    plan = OneByteFaces(book, holders, fonts)
    for program, members in _faces(book, fonts, refused).items():
        texts: dict[int, bytes] = {}  # the text of each CID
        for member in reversed(members):
            texts.update((member.cid(code), text) for code, text in member.texts.items())
        drawn = {member.cid(code) for member in members for code in member.shown}
        codes = assign_codes(drawn, texts)
        # A face none of whose glyphs is drawn stays as it is, and so does one of a font whose text
        # would change.
        if codes and all(member.new_codes(codes) is not None for member in members):
            plan.codes[program] = codes
    return plan


def _faces(book: Pdf, fonts: dict[_Key, TwoByteFont], refused: set[_Key]) -> dict[_Key, list[TwoByteFont]]:
    """The fonts of each face none of whose fonts in the book was refused or is of another shape (a
    font WeasyPrint gave an encoding of its own shares its program with the others of its face)."""
    faces: dict[_Key, list[TwoByteFont]] = defaultdict(list)
    for font in fonts.values():
        faces[font.program].append(font)
    for obj in book.objects:
        if not isinstance(obj, Dictionary) or obj.get(Name.Type) != Name.Font:
            continue
        if obj.get(Name.Subtype) in (Name.CIDFontType0, Name.CIDFontType2):
            continue  # a descendant: looked at through its Type 0 font
        if obj.objgen not in fonts or obj.objgen in refused:
            for program in _programs(obj):
                faces.pop(program, None)  # a font of the face that this module does not rewrite
    return faces


def _programs(font: Dictionary) -> list[_Key]:
    """The embedded programs a font (a simple font, or a Type 0 font's descendants) draws with."""
    descendants = font.get(Name.DescendantFonts)
    parts = (
        [d for d in descendants if isinstance(d, Dictionary)] if isinstance(descendants, Array) else [font]
    )
    found = []
    for part in parts:
        descriptor = part.get(Name.FontDescriptor) if isinstance(part, Dictionary) else None
        if isinstance(descriptor, Dictionary):
            for key in (Name.FontFile, Name.FontFile2, Name.FontFile3):
                program = descriptor.get(key)
                if isinstance(program, Stream):
                    found.append(program.objgen)
    return found


def assign_codes(glyphs: set[int], texts: dict[int, bytes]) -> dict[int, int] | None:
    """A one-byte code for each glyph (CID): its character's own when it stands for one character
    under 256 and no glyph took it, else the first free code (32 only for the space, 0 only for
    .notdef); None when more glyphs than codes."""
    codes: dict[int, int] = {0: 0} if 0 in glyphs else {}
    for glyph in sorted(glyphs - {0}):
        text = texts.get(glyph, b"")
        own = int(text, 16) if len(text) == 4 and text[:2] == b"00" else 0
        if own and own not in codes.values() and (own != 32 or text == _SPACE_TEXT):
            codes[glyph] = own
    taken = set(codes.values())
    free = iter(code for code in range(1, 256) if code != 32 and code not in taken)
    for glyph in sorted(glyphs - codes.keys()):
        code = next(free, None)
        if code is None:
            return None
        codes[glyph] = code
    return codes


def _holders(book: Pdf) -> Iterator[_Holder]:
    for page in book.pages:
        resources = page.obj.get(Name.Resources)
        if isinstance(resources, Dictionary) and Name.Contents in page.obj:
            yield _Holder(page.obj, resources)
    for obj in book.objects:
        if _drawn_form(obj):
            resources = obj.get(Name.Resources)
            if isinstance(resources, Dictionary):
                yield _Holder(obj, resources)


def _drawn_form(obj: Any) -> bool:
    """A form XObject or a tiling pattern: a content stream of its own."""
    return isinstance(obj, Stream) and (obj.get(Name.Subtype) == Name.Form or obj.get(Name.PatternType) == 1)


def _fonts_elsewhere(book: Pdf) -> Iterator[_Key]:
    """Fonts named by resources this module does not rewrite the content of."""
    pages = {page.obj.objgen for page in book.pages}
    for obj in book.objects:
        if isinstance(obj, Dictionary | Stream) and Name.Resources in obj:
            if obj.objgen in pages or _drawn_form(obj):
                continue
            resources = obj.get(Name.Resources)
            if isinstance(resources, Dictionary):
                yield from (font.objgen for font in _named_fonts(resources).values())
    form = book.Root.get(Name.AcroForm)
    defaults = form.get(Name.DR) if isinstance(form, Dictionary) else None
    if isinstance(defaults, Dictionary):
        yield from (font.objgen for font in _named_fonts(defaults).values())


def _named_fonts(resources: Dictionary) -> dict[bytes, Dictionary]:
    fonts = resources.get(Name.Font)
    if not isinstance(fonts, Dictionary):
        return {}
    return {str(k).encode(): v for k, v in fonts.items() if isinstance(v, Dictionary) and v.is_indirect}


def _content(owner: Object) -> bytes:
    if isinstance(owner, Stream):
        return owner.read_bytes()
    contents = owner.Contents
    streams = list(contents) if isinstance(contents, Array) else [contents]
    if not all(isinstance(stream, Stream) for stream in streams):
        raise ValueError("a page content that is not a stream")
    return b"\n".join(stream.read_bytes() for stream in streams)


def _write(book: Pdf, owner: Object, data: bytes) -> None:
    if isinstance(owner, Stream):
        owner.write(compress(data), filter=Name.FlateDecode)
    else:
        stream = Stream(book, b"")
        stream.write(compress(data), filter=Name.FlateDecode)
        owner.Contents = book.make_indirect(stream)
