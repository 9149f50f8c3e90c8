"""Text fitted to the cover: word wrap by pixel width, long words cut, the font shrunk until it fits."""

from __future__ import annotations

from ebookify.render.cover_fonts import Font, load_font


def _width(font: Font, text: str) -> float:
    return float(font.getlength(text))


def _prefix_that_fits(font: Font, text: str, start: int, width: float) -> int:
    """The end of the longest run of `text` from `start` that fits in `width` (at least one character).

    Galloping then bisecting measures O(log n) runs no longer than about twice the answer, so cutting a
    huge word into lines costs time in proportion to the word (measuring the whole rest for every line
    made a 60,000-character title take 106 s)."""
    good, step = start + 1, 1
    while good < len(text) and _width(font, text[start : min(len(text), good + step)]) <= width:
        good, step = min(len(text), good + step), step * 2
    bad = min(len(text), good + step) if good < len(text) else good  # an end measured not to fit
    while bad - good > 1:
        middle = (good + bad) // 2
        if _width(font, text[start:middle]) <= width:
            good = middle
        else:
            bad = middle
    return good


def wrap_text(text: str, font: Font, width: float, max_lines: int | None = None) -> list[str]:
    """Greedy word wrap to `width` pixels; a word wider than the line is cut between characters.

    With `max_lines`, wrapping stops at max_lines + 1 lines, which is enough to know the text does not
    fit: the work is then bounded whatever the text's length."""
    lines: list[str] = []
    line = ""
    limit = len(text) + 1 if max_lines is None else max_lines + 1
    for word in text.split():
        if len(lines) >= limit:
            break
        candidate = f"{line} {word}" if line else word
        if _width(font, candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        # A single word that does not fit (a URL, a long compound) is cut so that nothing is clipped.
        start = 0
        while len(lines) < limit:
            end = _prefix_that_fits(font, word, start, width)
            if end >= len(word):
                break
            lines.append(word[start:end])
            start = end
        line = word[start:]
    if line and len(lines) < limit:
        lines.append(line)
    return lines[:limit]


def _shortened(line: str, font: Font, width: float) -> str:
    """`line` cut so that it and an ellipsis fit in `width`: the text went on but the space ran out."""
    end = _prefix_that_fits(font, line + "…", 0, width) - 1
    while end > 0 and _width(font, line[:end].rstrip() + "…") > width:
        end -= 1
    return line[:end].rstrip() + "…"


def fit_text(
    text: str, pattern: str, width: float, *, max_lines: int, start: int, smallest: int
) -> tuple[Font, list[str]]:
    """The largest font size (from `start` down to `smallest`) at which `text` fits in `max_lines` lines;
    a text too long even at `smallest` is shown shortened (the full value stays in the book's metadata)."""
    size = start
    while True:
        font = load_font(pattern, size)
        lines = wrap_text(text, font, width, max_lines)
        if len(lines) <= max_lines:
            return font, lines
        if size <= smallest:
            return font, [*lines[: max_lines - 1], _shortened(lines[max_lines - 1], font, width)]
        size = max(smallest, int(size * 0.88))
