"""poppler's pen followed through a content stream, for the justified spaces recode.py moves by Tw."""

from __future__ import annotations

from ebookify.render.pdf.content_ops import Operation
from ebookify.render.pdf.exact_spacing import Item, LineFont, Run, fold_spaces, pen_positions, reader_number

_SPACE = 32
_SHOW = {b"TJ", b"Tj", b"'", b'"'}
# Operators that move the pen otherwise than this module follows: the pen is lost until the next Tm.
_MOVES = {b"Td", b"TD", b"T*", b"'", b'"'}
# Text state that changes every glyph's move (character spacing, horizontal scaling): lost for good.
_STATE = {b"Tc", b"Tz"}
# pypdf (and similar extractors) read a TJ number of about half a space or more before a space as a
# word break of its own: such a number is kept, so the text they extract stays as it was.
_WORD_BREAK = 0.45


class TextPen:
    """The pen along the current line (x in text space, the text matrix moving along x only) and the
    font size; `continued` (None: no word spacing wanted) are the text operations after which more
    text is placed on the same baseline (continued_lines)."""

    def __init__(self, continued: set[int] | None) -> None:
        self.wanted = continued is not None
        self.continued = continued or set()
        self.x: float | None = None
        self.size: float | None = None
        self.sizes: list[float | None] = []
        self.modeled = True
        self.moved = -1

    def show(self, items: list[Item], font: LineFont | None, blank_space: bool, index: int) -> list[Run]:
        """`items` of the TJ operation `index` cut into runs with their Tw (fold_spaces), the pen moved
        past them; one run, Tw 0 for its spaces, when the pen or the font's widths are not known."""
        x, size, self.moved = self.x, self.size, index
        positions = pen_positions(items, x, size, font) if x is not None and size and font else None
        self.x = positions[-1] if positions else None
        last = next((item for item in reversed(items) if isinstance(item, int)), None)
        if not self.wanted or positions is None or font is None or size is None or x is None:
            return [(None if _SPACE not in items else b"0", items)]
        if index in self.continued and last != _SPACE:
            # More text follows on this baseline: an extractor measures the gap to it from the widths
            # and the numbers, not the Tw, and would see a word break where there is none.
            return [(None if _SPACE not in items else b"0", items)]
        word_break = _WORD_BREAK * font.advance(_SPACE) * 1000
        return fold_spaces(items, positions, size, font, fold_before=blank_space, word_break=word_break)

    def follow(self, operation: Operation, index: int) -> None:
        """The pen and the text state after an operation (show() has moved it for the TJ it rewrote)."""
        operator, operands = operation.operator, operation.operands
        if operator == b"q":
            self.sizes.append(self.size)
        elif operator == b"Q" and self.sizes:
            self.size = self.sizes.pop()
        elif operator == b"BT":
            self.x = 0.0 if self.modeled else None
        elif operator == b"Tm":
            matrix = [reader_number(token) for token in operands] if len(operands) == 6 else []
            straight = len(matrix) == 6 and matrix[:3] == [1.0, 0.0, 0.0] and matrix[4] is not None
            # poppler: curX = 1 * 0 + 0 * 0 + e.
            self.x = 0.0 + matrix[4] if straight and self.modeled and matrix[4] is not None else None
        elif operator == b"Tf":
            self.size = reader_number(operands[1]) if len(operands) == 2 else None
        elif operator in _STATE:
            self.modeled, self.x = False, None
        elif operator in _MOVES or operator == b"ET" or (operator in _SHOW and self.moved != index):
            self.x = None


def continued_lines(operations: list[Operation]) -> set[int]:
    """The text operations after which the next text is placed on their baseline: by a Tm whose y is
    within a font size of theirs, or by a relative move."""
    found: set[int] = set()
    pending: list[int] = []
    y: float | None = None
    size = 0.0
    for index, operation in enumerate(operations):
        operator, operands = operation.operator, operation.operands
        if operator == b"Tf" and len(operands) == 2:
            size = abs(reader_number(operands[1]) or 0.0)
        elif operator == b"Tm":
            new = reader_number(operands[5]) if len(operands) == 6 else None
            if pending and (y is None or new is None or abs(new - y) < max(size, 1.0)):
                found.update(pending)
            pending, y = [], new
        elif operator in _MOVES:
            found.update(pending)
            pending = []
        if operator in _SHOW:
            pending.append(index)
    return found
