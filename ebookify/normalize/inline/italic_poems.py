"""Poems set in italics over several stanzas or lines: a marker before the first word, one after the last."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.structure.raw import RawBlock, RawVerse

# The single-character emphasis markers of plain text (`*italic*`, `_italic_`); a doubled marker is bold or a
# divider, never the frame of a poem.
_MARKERS = "*_"


def wholly_italic(blocks: Sequence[RawBlock]) -> tuple[list[RawBlock], set[int]]:
    """The blocks with the two framing markers of each italic run of stanzas removed, and the indices of the
    stanzas in such runs. A poem or an epigraph printed in italics is marked once, before its first word
    and after its last (The Spell of the Yukon: '*The lonely sunsets flare forlorn' ... 'abysmal
    loneliness.*' four stanzas later); inside one stanza the inline rules pair the markers already, across
    stanzas they would stay as literal stars. Only an unambiguous frame counts: consecutive stanzas, the
    marker at the very start of the first line and the very end of the last, and no other marker of that
    kind anywhere in between."""
    out = list(blocks)
    italic: set[int] = set()
    index = 0
    while index < len(out):
        end = _frame_end(out, index)
        if end is None:
            index = _pair_in_lines(out, index)
            continue
        first, last = out[index], out[end]
        assert isinstance(first, RawVerse) and isinstance(last, RawVerse)
        (level, text), *rest = first.lines
        out[index] = RawVerse(((level, text.lstrip()[1:]), *rest))
        last = out[end]
        assert isinstance(last, RawVerse)
        *init, (level, text) = last.lines
        out[end] = RawVerse((*init, (level, text.rstrip()[:-1])))
        italic.update(range(index, end + 1))
        index = end + 1
    return out, italic


def _frame_end(blocks: Sequence[RawBlock], start: int) -> int | None:
    """The index of the stanza whose last line closes the marker that opens the stanza at start, if any."""
    first = blocks[start]
    if not isinstance(first, RawVerse) or not first.lines:
        return None
    opening = first.lines[0][1].lstrip()
    marker = opening[:1]
    if marker not in _MARKERS or len(opening) < 2 or opening[1] in f" {marker}":
        return None
    seen = opening[1:].count(marker) + sum(text.count(marker) for _, text in first.lines[1:])
    if seen:  # the first stanza pairs its own markers (or holds one that closes it): the inline rules decide
        return None
    for index in range(start + 1, len(blocks)):
        block = blocks[index]
        if not isinstance(block, RawVerse) or not block.lines:
            return None
        count = sum(text.count(marker) for _, text in block.lines)
        closing = block.lines[-1][1].rstrip()
        if count == 1 and closing.endswith(marker) and len(closing) > 1 and closing[-2] not in f" {marker}":
            return index
        if count:
            return None
    return None


# Old books set a poem in italics with its names in roman, and their transcribers mark the italics, so the
# markers around a name read "drawn their_ Valentines. / _The jealous_ Trout, _that low did lye," and one
# italic stretch runs over many lines and stanzas (The Compleat Angler's songs): the inline rules take a pair
# over more than three lines for two stray markers and never pair across stanzas. A run of stanzas that opens
# with a marker on its first word and closes with one after its last word, whose markers in between are each
# shaped as what they must be in turn (closing after a word, opening before one), is read as the transcriber
# meant: each italic stretch is marked again on each line it covers, so the inline rules pair it there.
_OPENING = re.compile(r"(?:^|(?<=[\s(\[\"'“‘—–-]))(?P<m>[_*])(?=[^\s_*])")
_CLOSING = re.compile(r"(?<=[^\s_*])(?P<m>[_*])(?=$|[\s.,;:!?)\]\"'”’])")
# A run may open on a roman name ("Lucian _well skill'd in_ scoffing, _this has writ,"), and a stanza may end
# on one ("birds sing_ madrigals.") when the next one opens the italics again.
_ROMAN_TAIL_WORDS = 3
# The inline rules pair markers up to three lines apart (inline._MAX_LINES).
_INLINE_LINES = 3


def _pair_in_lines(blocks: list[RawBlock], start: int) -> int:
    """Rewrite the italic run of stanzas opening at start, if there is one; the index to look at next."""
    end, texts = _toggled_run(blocks, start)
    if end is None:
        return start + 1
    for index in range(start, end + 1):
        block = blocks[index]
        assert isinstance(block, RawVerse)
        levels = [level for level, _ in block.lines]
        blocks[index] = RawVerse(tuple(zip(levels, texts[: len(levels)], strict=True)))
        texts = texts[len(levels) :]
    return end + 1


def _toggled_run(blocks: Sequence[RawBlock], start: int) -> tuple[int | None, list[str]]:
    """The last stanza of the italic run opening at start and the run's lines marked line by line."""
    first = blocks[start]
    if not isinstance(first, RawVerse) or not first.lines:
        return None, []
    opening = _OPENING.search(first.lines[0][1])
    if opening is None or len(first.lines[0][1][: opening.start()].split()) > _ROMAN_TAIL_WORDS:
        return None, []
    marker, italic, lines, inside, longest = opening.group("m"), False, [], 0, 0
    for index in range(start, len(blocks)):
        block = blocks[index]
        if not isinstance(block, RawVerse) or not block.lines:
            return None, []
        for _, text in block.lines:
            inside = inside + 1 if italic else 0  # lines that open inside one italic stretch, in a row
            longest = max(longest, inside)
            line, italic = _toggled_line(text, marker, italic)
            if line is None:
                return None, []
            lines.append(line)
        if italic:
            continue
        last = block.lines[-1][1].rstrip()
        if _CLOSING.search(last) and not any(c.isalnum() for c in last[last.rfind(marker) :]):
            # One stanza whose stretches cover three lines at most is paired by the inline rules already.
            return (index, lines) if index > start or longest >= _INLINE_LINES else (None, [])
        tail = last[last.rfind(marker) + 1 :]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if not (
            len(tail.split()) <= _ROMAN_TAIL_WORDS
            and isinstance(following, RawVerse)
            and following.lines
            and _OPENING.match(following.lines[0][1].lstrip())
        ):
            return None, []
    return None, []


def _toggled_line(text: str, marker: str, italic: bool) -> tuple[str | None, bool]:
    """The line with each italic stretch in it marked on its own, and whether italics run on after it; no
    line when a marker is not shaped as the one expected (a stray marker, snake_case)."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for index, char in enumerate(text):
        if char != marker:
            continue
        if not (_CLOSING if italic else _OPENING).match(text, index):
            return None, italic
        pieces.append((text[position:index], italic))
        position, italic = index + 1, not italic
    pieces.append((text[position:], italic))
    return "".join(_marked(piece, marker) if on else piece for piece, on in pieces), italic


def _marked(piece: str, marker: str) -> str:
    """An italic piece of a line between markers, its spaces outside them; no letters, no markers."""
    core = piece.strip()
    if not any(char.isalpha() for char in core):
        return piece
    head, tail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()) :]
    return f"{head}{marker}{core}{marker}{tail}"
