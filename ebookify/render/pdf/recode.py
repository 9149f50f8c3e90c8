"""A content stream's strings written again in one-byte codes; on request, justified spaces as one Tw.

Each string drawn with a font that one_byte.py recodes is written in the new codes (the same glyphs),
without the white space around it; every other byte of the stream stays as it was written.

With two-byte codes (/Identity-H) a reader ignores the word spacing operator `Tw`, so WeasyPrint moves
each space of a justified line by numbers in the TJ array, two a space (the space's shaping offset
before it, the rest after): `(..)-22.785714285714285( )-21(..)`. Once a font draws with one-byte codes
and the space is code 32, one `Tw` of the sum could move every space of the line as far, and the numbers
go: `0.613 Tw [(..) (..)] TJ`. With `word_spacing` (off in the book: BookJoiner.word_spacing says why),
spaces that all move alike in a run of the line share a Tw (a run ends where they stop doing so); the
offset before a space goes into the Tw only when the space glyph is blank (a blank glyph drawn
elsewhere looks the same). Tw is a text state parameter that lasts: it is set back to 0 before any
other text and before a form is drawn, and q/Q restore it, so text this module did not write again is
drawn as it was."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from ebookify.render.pdf.content_ops import (
    ContentSyntaxError,
    Operation,
    array_elements,
    rewrite_strings,
    string_bytes,
)
from ebookify.render.pdf.weasy.compact import literal

_SHOW = {b"TJ", b"Tj", b"'"}
_SPACE = 32


@dataclass(frozen=True)
class FontCodes:
    """A font written in one-byte codes: the code of each glyph (two-byte code before)."""

    codes: Mapping[int, int]
    blank_space: bool
    """Whether the glyph of code 32 draws nothing (its offset before it may then join the Tw)."""
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
    font, size, tw, saved = b"", 0.0, 0.0, []
    last = 0
    for operation in operations:
        pieces.append(data[last : operation.start])
        last = operation.end
        written = [data[operation.start : operation.end]]
        tws = [0.0]
        operator = operation.operator
        if operator == b"q":
            saved.append((font, size, tw))
        elif operator == b"Q" and saved:
            font, size, tw = saved.pop()
        elif operator == b"Tf" and len(operation.operands) == 2:
            font, size = operation.operands[0], _size(operation.operands[1])
        elif operator in _SHOW and font in fonts:
            tws, written = _show(operation, fonts[font], size if word_spacing else 0.0, tw)
        if operator in _SHOW or operator == b"Do":
            for index, wanted in enumerate(tws):
                if wanted != tw:
                    written[index] = b"%s Tw\n%s" % (_number(wanted), written[index])
                    tw = wanted
        pieces.append(b"\n".join(written))
    pieces.append(data[last:])
    return b"".join(pieces)


def _show(operation: Operation, font: FontCodes, size: float, tw: float) -> tuple[list[float], list[bytes]]:
    """The operation in one-byte codes, as one or more operations, each with the Tw it needs."""
    if operation.operator != b"TJ":
        operands = [_recoded(t, font) if t[:1] in (b"(", b"<") else t for t in operation.operands]
        return [0.0], [b" ".join([*operands, operation.operator])]
    if not size and len(operation.operands) == 1:  # no Tw wanted: each string recoded where it is
        return [0.0], [rewrite_strings(operation.operands[0], lambda t: _recoded(t, font)) + b" TJ"]
    items: list[int | bytes] = []  # a glyph's code, or a number as written
    for token in array_elements(operation.operands):
        if token[:1] in (b"(", b"<"):
            items += map(font.codes.__getitem__, glyph_ids(string_bytes(token)))
        else:
            items.append(token)
    runs = _runs(items, font.blank_space, size) if size else [(0.0, items)]
    tws = [tw if value is None else value for value, _ in runs]
    return tws, [_array(run) for _, run in runs]


_Run = tuple[float | None, list[int | bytes]]


def _runs(items: list[int | bytes], fold_before: bool, size: float) -> list[_Run]:
    """`items` cut into runs whose spaces all move alike, each with its Tw (None: no space in it) and
    without the numbers the Tw stands for. Two numbers in a row: one run, nothing folded."""
    if any(isinstance(a, bytes) and isinstance(b, bytes) for a, b in pairwise(items)):
        return [(None if _SPACE not in items else 0.0, items)]
    runs: list[_Run] = []
    pair: tuple[bytes, bytes] | None = None
    run: list[int | bytes] = []
    folded: set[int] = set()  # numbers a Tw stands for (the one after a space, skipped when reached)
    for index, item in enumerate(items):
        if index in folded:
            continue
        if item == _SPACE:
            before = items[index - 1] if index and fold_before else 0
            before = before if isinstance(before, bytes) and index - 1 not in folded else b""
            after = items[index + 1] if index + 1 < len(items) else 0
            after = after if isinstance(after, bytes) else b""
            if before:
                run.pop()  # the number just before the space, last in the run
            if pair is not None and (before, after) != pair and run:
                runs.append((_word_space(pair, size), run))
                run = []
            pair = (before, after)
            if after:
                folded.add(index + 1)
        run.append(item)
    runs.append((None if pair is None else _word_space(pair, size), run))
    return runs


def _word_space(pair: tuple[bytes, bytes], size: float) -> float:
    """The Tw that moves a space as far as its numbers (a TJ number n moves by -n/1000 of the size)."""
    return -sum(float(value) for value in pair if value) * size / 1000


def _array(items: list[int | bytes]) -> bytes:
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


def _size(token: bytes) -> float:
    """A Tf operation's size; 0 (no word spacing) for an operand that is not a number."""
    try:
        return float(token)
    except ValueError:
        return 0.0


def _number(value: float) -> bytes:
    """A number as PDF writes one (no exponent), exact to the float."""
    text = repr(value + 0.0)
    if "e" in text:
        text = f"{value:.20f}".rstrip("0").rstrip(".")
    return (text[:-2] if text.endswith(".0") else text).encode("ascii")
