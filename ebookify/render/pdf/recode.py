"""A content stream's strings written again in one-byte codes; on request, justified spaces as one Tw.

Each string drawn with a font that one_byte.py recodes is written in the new codes (the same glyphs),
without the white space around it; every other byte of the stream stays as it was written.

With two-byte codes (/Identity-H) a reader ignores the word spacing operator `Tw`, so WeasyPrint moves
each space of a justified line by numbers in the TJ array, two a space (the space's shaping offset
before it, the rest after): `(..)-22.785714285714285( )-21(..)`. Once a font draws with one-byte codes
and the space is code 32, one `Tw` of the sum moves every space of the line as far, and the numbers
go: `0.613 Tw [(..) (..)] TJ`. With `word_spacing`, a space's numbers go into a Tw only where poppler
then draws every glyph at the same double as before (exact_spacing.py, text_pen.py); a line's spaces
whose moves round otherwise get a Tw of their own in a TJ of their own, or keep their numbers. Tw is a
text state parameter that lasts: it is set back to 0 before any other text and before a form is
drawn, and q/Q restore it, so text this module did not write again is drawn as it was."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from ebookify.render.pdf.content_ops import (
    ContentSyntaxError,
    Operation,
    array_elements,
    rewrite_strings,
    string_bytes,
)
from ebookify.render.pdf.exact_spacing import Item, LineFont
from ebookify.render.pdf.text_pen import TextPen, continued_lines
from ebookify.render.pdf.weasy.compact import literal

_SHOW = {b"TJ", b"Tj", b"'"}


@dataclass(frozen=True)
class FontCodes:
    """A font written in one-byte codes: the code of each glyph (two-byte code before)."""

    codes: Mapping[int, int]
    blank_space: bool
    """Whether the glyph of code 32 draws nothing (its offset before it may then join the Tw)."""
    line: LineFont | None = None
    """Its widths as poppler reads them (for word spacing; None: spaces keep their numbers)."""
    written: dict[bytes, bytes] = field(default_factory=dict, compare=False)
    """Each string token met so far, written in one-byte codes (a book repeats most of its words)."""


def glyphs_shown(operations: list[Operation], two_byte: Collection[bytes]) -> dict[bytes, set[int] | None]:
    """The two-byte codes shown with each font of `two_byte` (resource names), None for a font with a
    string of an odd length; ContentSyntaxError for a stream that sets word spacing itself (Tw, ")."""
    shown: dict[bytes, set[int] | None] = {}
    seen: set[tuple[bytes, bytes]] = set()  # strings of a font already read (a page repeats words)
    font = b""
    for operation in operations:
        if operation.operator in (b"Tw", b'"'):
            raise ContentSyntaxError("a stream that sets word spacing")
        if operation.operator == b"Tf" and len(operation.operands) == 2:
            font = operation.operands[0]
        elif operation.operator in _SHOW and font in two_byte:
            codes = shown.setdefault(font, set())
            operands = operation.operands
            for token in array_elements(operands) if operation.operator == b"TJ" else operands:
                if token[:1] in (b"(", b"<") and codes is not None and (font, token) not in seen:
                    seen.add((font, token))
                    data = string_bytes(token)
                    if len(data) % 2:
                        codes = shown[font] = None
                    else:
                        codes.update(glyph_ids(data))
    return shown


def glyph_ids(data: bytes) -> array[int]:
    """The two-byte codes (big-endian) of a string of an even length."""
    ids = array("H", data)
    if sys.byteorder == "little":
        ids.byteswap()
    return ids


def recode(
    data: bytes, operations: list[Operation], fonts: Mapping[bytes, FontCodes], word_spacing: bool = False
) -> bytes:
    """`data` (split into `operations`) with the text of `fonts` (resource names) in one-byte codes,
    and with `word_spacing` the spaces of justified lines moved by Tw (see the module's docstring)."""
    pieces: list[bytes] = []
    font, tw, saved = b"", b"0", []
    pen = TextPen(continued_lines(operations) if word_spacing else None)
    last = 0
    for index, operation in enumerate(operations):
        pieces.append(data[last : operation.start])
        last = operation.end
        written = [data[operation.start : operation.end]]
        tws: list[bytes | None] = [b"0"]
        operator = operation.operator
        if operator == b"q":
            saved.append((font, tw))
        elif operator == b"Q" and saved:
            font, tw = saved.pop()
        elif operator == b"Tf" and len(operation.operands) == 2:
            font = operation.operands[0]
        elif operator in _SHOW and font in fonts:
            tws, written = _show(operation, fonts[font], pen, index)
        pen.follow(operation, index)
        if operator in _SHOW or operator == b"Do":
            for number, wanted in enumerate(tws):
                if wanted is not None and wanted != tw:
                    written[number] = b"%s Tw\n%s" % (wanted, written[number])
                    tw = wanted
        pieces.append(b"\n".join(written))
    pieces.append(data[last:])
    return b"".join(pieces)


def _show(
    operation: Operation, font: FontCodes, pen: TextPen, index: int
) -> tuple[list[bytes | None], list[bytes]]:
    """The operation in one-byte codes, as one or more operations, each with the Tw it needs."""
    if operation.operator != b"TJ":
        operands = [_recoded(t, font) if t[:1] in (b"(", b"<") else t for t in operation.operands]
        return [b"0"], [b" ".join([*operands, operation.operator])]
    if not pen.wanted and len(operation.operands) == 1:  # no Tw wanted: each string recoded where it is
        return [b"0"], [rewrite_strings(operation.operands[0], lambda t: _recoded(t, font)) + b" TJ"]
    items: list[Item] = []  # a glyph's code, or a number as written
    for token in array_elements(operation.operands):
        if token[:1] in (b"(", b"<"):
            items += map(font.codes.__getitem__, glyph_ids(string_bytes(token)))
        else:
            items.append(token)
    runs = pen.show(items, font.line, font.blank_space, index)
    return [tw for tw, _ in runs], [_array(run) for _, run in runs]


def _array(items: list[Item]) -> bytes:
    out, glyphs = [b"["], bytearray()
    for item in items:
        if isinstance(item, int):
            glyphs.append(item)
            continue
        if glyphs:
            out.append(literal(bytes(glyphs)))
            glyphs.clear()
        elif len(out) > 1:
            out.append(b" ")
        out.append(item)
    if glyphs:
        out.append(literal(bytes(glyphs)))
    return b"".join([*out, b"] TJ"])


def _recoded(token: bytes, font: FontCodes) -> bytes:
    written = font.written.get(token)
    if written is None:
        written = literal(bytes(map(font.codes.__getitem__, glyph_ids(string_bytes(token)))))
        font.written[token] = written
    return written
