"""A justified line's spaces moved by one Tw only where poppler then puts every glyph where it was.

poppler (pdftoppm, pdftotext, evince) moves its pen in IEEE doubles, one step at a time: for
`(a)-71.35714285714286( )-68(b)` it adds the number before the space, then the space's width, then
the number after it; for `1.95 Tw [(a b)] TJ` it adds the width plus the Tw in one step. The sums
differ in the last bit now and then, and a glyph whose position lies on a quarter pixel (where
poppler's glyph cache cuts) then moves by one. So the positions are computed here as poppler's C
code does (Gfx::opShowSpaceText, Gfx::doShowText, GfxState::textShift, Lexer::getObj for the
numbers, GfxCIDFont for the widths), for the line as written and as it would be written, and a
space's numbers go into the Tw only when the glyph after it lands on the same double. Assumes a
build that rounds each operation (x86-64's SSE2; a compiler that fuses multiply-adds would read
the decimals otherwise)."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_SPACE = 32
_NUMBER = re.compile(rb"[+-]?(?:[0-9]{1,9}(?:\.[0-9]*)?|\.[0-9]+)")
Item = int | bytes
"""A glyph's one-byte code, or a TJ number token as written."""
Run = tuple[bytes | None, list[Item]]
"""Items of a TJ operation with the Tw they are drawn with (None: no space among them, any Tw)."""


@functools.lru_cache(maxsize=1 << 16)  # a book repeats its numbers: 465,000 read, a few thousand distinct
def reader_number(token: bytes) -> float | None:
    """A number token as poppler's lexer reads it: the integer part exactly, then each decimal digit
    added as `x + scale * digit`, `scale` going from 0.1 by products with 0.1 (not correctly rounded:
    "88.12" may be an ulp away from Python's float("88.12")). None for anything else."""
    if not _NUMBER.fullmatch(token):
        return None
    negative = token[:1] == b"-"
    whole, dot, decimals = token.lstrip(b"+-").partition(b".")
    if not dot:
        return float(-int(whole) if negative else int(whole))  # an integer object: no negative zero
    value, scale = float(int(whole or b"0")), 0.1
    for digit in decimals:
        value = value + scale * (digit - 48)
        scale *= 0.1
    return -value if negative else value


@dataclass(frozen=True)
class LineFont:
    """A one-byte font's widths as poppler reads them: the /W number times 0.001, /DW otherwise."""

    advances: Mapping[int, float]
    default: float = 1.0

    def advance(self, code: int) -> float:
        return self.advances.get(code, self.default)


def pen_positions(items: Sequence[Item], x: float, size: float, font: LineFont) -> list[float] | None:
    """The pen before each item and after the last, in a text matrix that moves along x only
    (Tc 0, Tz 100, Tw 0); None when a number is not one poppler reads as this module does."""
    positions = [x]
    advances, default = font.advances, font.default
    for item in items:
        if isinstance(item, int):
            x = x + advances.get(item, default) * size
        else:
            value = reader_number(item)
            if value is None:
                return None
            x = x + -value * 0.001 * size
        positions.append(x)
    return positions


@dataclass(frozen=True)
class _Space:
    index: int
    folded: tuple[int, ...]  # the numbers next to it that a Tw would stand for
    start: float  # the pen before them
    end: float  # the pen after them: where the next glyph is drawn

    def window(self) -> tuple[float, float]:
        """About the open interval of moves s for which start + s rounds to end (a guide for grouping
        the spaces: every Tw is checked by _covers)."""
        below = self.end - math.nextafter(self.end, -math.inf)
        above = math.nextafter(self.end, math.inf) - self.end
        gap = self.end - self.start
        return gap - below / 2, gap + above / 2


def fold_spaces(
    items: list[Item],
    positions: list[float],
    size: float,
    font: LineFont,
    *,
    fold_before: bool,
    word_break: float,
) -> list[Run]:
    """`items` (one TJ operation, the pen before each item and after the last in `positions`,
    pen_positions) cut into runs, each with its Tw and without the numbers that Tw stands for; every
    glyph is drawn at the double poppler draws it at from `items` with Tw 0.
    The number before a space joins only with `fold_before` (the space glyph is blank, so drawing it
    elsewhere shows nothing) and when it is less than `word_break` thousandths of the size: a text
    extractor (pypdf) reads a larger one as a word break of its own."""
    spaces = _spaces(items, positions, fold_before, word_break) if size else []
    if not spaces:
        return [(None if _SPACE not in items else b"0", items)]
    space = font.advance(_SPACE) * size
    tws = _choose(spaces, space, [_natural(items, s, size) for s in spaces])
    folded = {n for s, tw in zip(spaces, tws, strict=True) if tw != b"0" for n in s.folded}
    cuts: list[tuple[int, bytes]] = []  # where each run starts, and its Tw
    for s, tw in zip(spaces, tws, strict=True):
        if not cuts or cuts[-1][1] != tw:
            cuts.append((min((s.index, *s.folded)) if cuts else 0, tw))
    ends = [start for start, _ in cuts[1:]] + [len(items)]
    return [
        (tw, [items[n] for n in range(start, end) if n not in folded])
        for (start, tw), end in zip(cuts, ends, strict=True)
    ]


def _spaces(items: list[Item], positions: list[float], fold_before: bool, word_break: float) -> list[_Space]:
    """Each space glyph with the numbers next to it that a Tw may stand for (a number between two
    spaces goes with the first)."""
    spaces: list[_Space] = []
    claimed: set[int] = set()
    for index, item in enumerate(items):
        if item != _SPACE:
            continue
        folded: list[int] = []
        before, after = index - 1, index + 1
        token = items[before] if before >= 0 else 0
        if isinstance(token, bytes) and before not in claimed:
            value = reader_number(token)
            if not fold_before or value is None or -value >= word_break:
                # The number before stays: one after it alone saves less than the Tw costs.
                spaces.append(_Space(index, (), positions[index], positions[index + 1]))
                continue
            folded.append(before)
        if after < len(items) and isinstance(items[after], bytes):
            folded.append(after)
        claimed.update(folded)
        start = positions[before if before in folded else index]
        end = positions[(after if after in folded else index) + 1]
        spaces.append(_Space(index, tuple(folded), start, end))
    return spaces


def _natural(items: list[Item], space: _Space, size: float) -> bytes:
    """The Tw a space's numbers add up to, written short (what a Tw of the line would be in decimals)."""
    total = -sum(float(items[n]) for n in space.folded) * size / 1000
    return number_token(total)


def _choose(spaces: list[_Space], width: float, naturals: list[bytes]) -> list[bytes]:
    """The Tw of each space: the line's usual sum when it puts every glyph in place (most lines), else
    one for each run of spaces whose moves have a double in common (a line crossing 128 or 256 units
    rounds on a coarser grid), "0" (the numbers kept) for a run no decimal serves."""
    common = Counter(naturals).most_common(1)[0][0]
    if common == b"0" or _covers(common, spaces, width):
        return [common] * len(spaces)
    tws: list[bytes] = []
    group: list[int] = []
    low = high = 0.0
    for number, space in enumerate(spaces):
        below, above = space.window()
        if group and max(low, below) < min(high, above):
            group.append(number)
            low, high = max(low, below), min(high, above)
            continue
        if group:
            tws += [
                _tw_for([spaces[n] for n in group], low, high, width, [naturals[n] for n in group])
            ] * len(group)
        group, low, high = [number], below, above
    tws += [_tw_for([spaces[n] for n in group], low, high, width, [naturals[n] for n in group])] * len(group)
    return tws


def _tw_for(group: list[_Space], low: float, high: float, width: float, naturals: list[bytes]) -> bytes:
    """The first of the spaces' own sums, else the shortest decimal, that puts every glyph after the
    spaces of `group` in place; "0" (their numbers kept: in place by construction) if none does."""
    target = (low + high) / 2 - width
    candidates = [tw for tw, _ in Counter(naturals).most_common()]
    # Decimals spaced wider than the interval rarely fall in it (the spaces' own sums cover that luck).
    first = max(1, int(-math.log10(high - low)) - 1) if high > low else 1
    for digits in range(first, 18):
        rounded = round(target, digits)
        for step in (0, -1, 1):
            text = f"{rounded + step * 10.0**-digits:.{digits}f}".rstrip("0").rstrip(".")
            value = reader_number(text.encode("ascii"))
            if text not in ("", "-", "0", "-0") and value is not None and low < width + value < high:
                candidates.append(text.encode("ascii"))
    return next((tw for tw in candidates if tw == b"0" or _covers(tw, group, width)), b"0")


def _covers(tw: bytes, spaces: Sequence[_Space], width: float) -> bool:
    """Whether, with `tw` as the word spacing, poppler puts the pen after each space where it was."""
    value = reader_number(tw)
    return value is not None and all(s.start + (width + value) == s.end for s in spaces)


def number_token(value: float) -> bytes:
    """A number as PDF writes one (no exponent), exact to the float."""
    text = repr(value + 0.0)
    if "e" in text:
        text = f"{value:.20f}".rstrip("0").rstrip(".")
    return (text[:-2] if text.endswith(".0") else text).encode("ascii")
