"""Poems set wholly in italics over several stanzas: one marker before the first word, one after the last."""

from __future__ import annotations

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
            index += 1
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
