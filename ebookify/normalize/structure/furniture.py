"""A printout's page furniture (running heads, footers, page numbers) taken out, its pages rejoined."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ebookify.normalize.structure.layout import ends_sentence, line_indent, starts_lower
from ebookify.normalize.structure.scenes import is_divider

# A running head or footer is a short line set well in from the margin (centred) ...
_MAX_LENGTH = 60
_MIN_INDENT = 8
# ... that comes back on page after page: at least this many times, this many lines apart as a rule (a
# printed page), most of its returns about one page from the last.
_MIN_PAGES = 5
_MIN_PAGE_LINES = 20
_REGULAR_SHARE = 0.6
_PAGE_SLACK = 0.25
# The pieces of one page break (a footer, the page number, the next page's head) lie this close together.
_CLUSTER_LINES = 6
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class FurnitureRemoved:
    """The lines left once page furniture is out, and how many furniture lines were taken out."""

    lines: list[str]
    removed: int


def _key(line: str) -> str | None:
    """The line with its numbers blanked ("Page 12" and "Page 13" are one key), when it may be furniture."""
    text = line.strip()
    if not text or len(text) > _MAX_LENGTH or line_indent(line) < _MIN_INDENT or is_divider(text):
        return None
    return _DIGITS.sub("#", text)


def _regular(positions: Sequence[int]) -> bool:
    """Returns about one page apart: most gaps within a quarter of the usual gap, itself a page long."""
    if len(positions) < _MIN_PAGES:
        return False
    from statistics import median  # here, not at the top: it imports random, decimal and fractions (5 ms)

    gaps = [b - a for a, b in pairwise(positions)]
    usual = median(gaps)
    if usual < _MIN_PAGE_LINES:
        return False
    regular = sum(1 for gap in gaps if abs(gap - usual) <= usual * _PAGE_SLACK)
    return regular >= _REGULAR_SHARE * len(gaps)


def _furniture_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of furniture lines: lines of two or more recurring keys (a head and a footer, a footer and
    the page number) that sit together at each page break. A title that is also the running head stays
    where it stands alone (on the title page)."""
    where: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        key = _key(line)
        if key is not None:
            where[key].append(index)
    recurring = {key: positions for key, positions in where.items() if _regular(positions)}
    if len(recurring) < 2:
        return set()
    owner = {index: key for key, positions in recurring.items() for index in positions}
    found: set[int] = set()
    for index, key in owner.items():
        near = range(index - _CLUSTER_LINES, index + _CLUSTER_LINES + 1)
        if any(owner.get(other, key) != key for other in near):
            found.add(index)
    return found


# First-line indents are at most this deep; further in is centring.
_MAX_PARAGRAPH_INDENT = 12


def _indents_paragraphs(lines: Sequence[str], furniture: set[int]) -> bool:
    """Most lines after a blank line (furniture aside) are indented: the text marks paragraphs so."""
    starts = [
        line_indent(line)
        for index, line in enumerate(lines)
        if index and index not in furniture and line.strip() and not lines[index - 1].strip()
    ]
    indented = sum(1 for indent in starts if 0 < indent <= _MAX_PARAGRAPH_INDENT)
    return indented * 2 > len(starts)


def _new_paragraph(last: str, following: str, indented: bool) -> bool:
    """Whether the page after a break starts a paragraph: by its indent in a text that indents its
    paragraphs; elsewhere unless the page break cut a sentence."""
    if indented:
        return line_indent(following) > line_indent(last) or line_indent(following) > 0
    return ends_sentence(last) and not starts_lower(following)


def drop_page_furniture(lines: Sequence[str]) -> FurnitureRemoved:
    """The lines without running heads, footers and page numbers. Where a page break cut a sentence, the
    blank lines around the furniture go too, so the sentence is joined again; elsewhere one blank line
    stays between the paragraphs of the two pages."""
    found = _furniture_lines(lines)
    if not found:
        return FurnitureRemoved(list(lines), 0)
    indented = _indents_paragraphs(lines, found)
    out: list[str] = []
    index = removed = 0
    while index < len(lines):
        if index not in found:
            out.append(lines[index])
            index += 1
            continue
        # The whole break: furniture lines and the blank lines among and around them.
        end = index
        while end < len(lines) and (end in found or not lines[end].strip()):
            end += 1
        if end == len(lines):
            # The foot of the last page closes the printout: the end matter reader judges it.
            out += lines[index:]
            break
        while out and not out[-1].strip():
            out.pop()
        removed += sum(1 for number in range(index, end) if number in found)
        index = end
        following = lines[index]
        if out and _new_paragraph(out[-1], following, indented):
            out.append("")
    return FurnitureRemoved(out, removed)
