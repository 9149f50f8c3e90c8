"""WeasyPrint's text operations written compactly: the same glyphs moved by the same numbers, in fewer bytes.

WeasyPrint shows each line with one TJ operation that writes every glyph as its own hex string followed
by an adjustment, zero for most, and empty strings that only carry an adjustment:

    [<095f>0<0046>0<>-86.14285714285714<0001>-82<0044>0] TJ

The same operation here: glyphs with a zero adjustment between them share one literal string (a byte a
glyph byte instead of two hex digits), zeros and empty strings go, and every other adjustment stays as
WeasyPrint wrote it, so a reader moves each glyph by the same numbers to the same place:

    [(<09 5f 00 46>)-86.14285714285714(<00 01>)-82(<00 44>)] TJ    (the bytes in parentheses written raw)

Adjustments are not rounded: moving a glyph by a hundred-thousandth of a point already moves it into
the next quarter pixel of poppler's glyph cache at some places (1,101 pixels of Katrine's pages at
30 dpi changed with three decimals kept). Every other operation of the page is written as WeasyPrint
wrote it; a text operation of another shape (a future WeasyPrint's) is left as it is."""

from __future__ import annotations

import re
from typing import Any

# WeasyPrint's TJ operation: an optional adjustment, then hex strings of whole bytes each followed by an
# optional adjustment (a number as Python writes an int or a float). Two adjustments are never adjacent.
_NUMBER = rb"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[-+]?[0-9]+)?"
_OPERATION = re.compile(rb"\[((?:%s)?+(?:<(?:[0-9a-fA-F]{2})*+>(?:%s)?+)*+)\] TJ" % (_NUMBER, _NUMBER))
# In that shape ">0<" can only be a string's end, a zero adjustment and the next string's start.
_ZERO_BETWEEN = b">0<"


def literal(data: bytes) -> bytes:
    """A PDF literal string of `data`: a backslash and both parentheses escaped, and a carriage return,
    which a reader would take for an end of line (any other byte stands for itself)."""
    escaped = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + escaped.replace(b"\r", b"\\r") + b")"


def compact_operation(operation: bytes) -> bytes:
    """One content-stream operation: a WeasyPrint TJ operation written compactly (see the module's
    docstring), any other operation as it is."""
    if not operation.endswith(b"] TJ"):
        return operation
    shape = _OPERATION.fullmatch(operation)
    if shape is None:
        return operation
    # Zero moves go (their strings join), then empty strings (the moves on both sides of one stay, in
    # order, with a space between); what is left alternates: a move or nothing, hex digits, a move, ...
    body = shape.group(1).replace(_ZERO_BETWEEN, b"").replace(b"<>", b" ")
    tokens = body.replace(b">", b"<").split(b"<")
    moves = tokens[::2]
    moves[0] = b"" if moves[0] == b"0" else moves[0]
    moves[-1] = b"" if moves[-1] == b"0" else moves[-1]  # after the last glyph: where the next text starts
    strings = [_glyph_string(glyphs) for glyphs in tokens[1::2]]
    return b"".join([b"[", moves[0], *(s + m for s, m in zip(strings, moves[1:], strict=True)), b"] TJ"])


def _glyph_string(digits: bytes) -> bytes:
    return literal(bytes.fromhex(digits.decode("ascii")))


def _compacted_data(self: Any) -> bytes:
    import pydyf  # type: ignore[import-untyped]

    operations = self.stream
    self.stream = [compact_operation(item) if isinstance(item, bytes) else item for item in operations]
    try:
        data: bytes = pydyf.Stream.data.fget(self)  # pydyf's writing (or its speed-up), looked up now
    finally:
        self.stream = operations
    return data


def install() -> bool:
    """Write the text of WeasyPrint's pages and forms compactly; False, touching nothing, on versions
    not tested or when its stream class has a shape of its own."""
    import pydyf
    import weasyprint
    from weasyprint.pdf import stream

    from ebookify.render.pdf.weasy.speedups import versions_are_tested

    if not versions_are_tested(weasyprint.__version__, pydyf.__version__):
        return False
    own = vars(stream.Stream).get("data")
    if isinstance(own, property) and own.fget is _compacted_data:
        return True  # installed by an earlier job of this worker
    if own is not None or not isinstance(getattr(pydyf.Stream, "data", None), property):
        return False  # WeasyPrint writes its streams its own way: left alone
    stream.Stream.data = property(_compacted_data)
    return True
