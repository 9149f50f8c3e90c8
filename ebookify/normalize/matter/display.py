"""How display lines sit on the page: the text's margin and right edge, centred, banner and notice lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.structure.layout import line_indent

# The page is measured on the first lines (a novel's 20,000 lines are set alike).
_SAMPLE_LINES = 3000
# Lines longer than this are not wrapped by hand: centring means nothing in such a text.
_WRAPPED_EDGE = 100
# Copyright, distribution terms, BBS adverts and addresses: what the writer or the board says about the file.
_NOTICE = re.compile(
    r"\b(?:copyright(?:ed)?|copr\.|all rights reserved|shareware|freeware|registered|registering|"
    r"registration|bbs|bulletin boards?|sysop|upload\w*|download\w*|baud|modem|distribut\w*|non-?commercial|"
    r"for permission|permission to|next file|word processors?|text files?|fidonet|compuserve|e-?mail|"
    r"send \$|donations?|no elite|public domain|printed in|publishers|e-?texts?|etext|wiretap|"
    r"online (?:book|edition)|main menu|"
    r"(?:entered|proofed|scanned|typed|keyed|converted|transcribed)(?:/\w+)? by)\b|\(c\)|©|\$\s?\d|"
    r"\b[\w.-]+\.(?:txt|asc|zip|arc|doc)\b|"
    r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b[\w.-]+@[\w-]+\.[\w.]+\b|"
    r"\b\d+ [A-Z]\w+ (?:street|st\.|avenue|ave\.|road|rd\.|drive|blvd\.?|lane)\b|\b[A-Z]{2},? \d{5}\b",
    re.I,
)
_COPYRIGHT = re.compile(r"^\W*(?:\(c\)\s*|©\s*)?(?:copyright|copr\.|\(c\)|©)", re.I)
# "Copyright 1987 by G. Daniel Flower, All Rights Reserved." names the author; so does a line opening
# "(C) 1992 Kimberly Ann Carter" (the year, then the name).
_COPYRIGHT_BY = re.compile(
    r"(?:\bby|©|^(?i:\(c\))(?=\s+\d{4}\s))\s+(?:\d{4}\s+)?(?!Copyright\b)([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
)


@dataclass(frozen=True)
class Page:
    """Where a text's lines sit: the usual left margin and right edge (None when lines are not wrapped)."""

    margin: int
    right: int | None


def measure_page(lines: Sequence[str]) -> Page:
    """The most common indent and the 90th percentile of line ends, over the non-blank lines."""
    filled = [line for line in lines[:_SAMPLE_LINES] if line.strip()]
    if not filled:
        return Page(0, None)
    margin = Counter(line_indent(line) for line in filled).most_common(1)[0][0]
    ends = sorted(len(line) for line in filled)
    right = ends[len(ends) * 9 // 10]
    return Page(margin, right if right <= _WRAPPED_EDGE else None)


def is_centred(line: str, page: Page) -> bool:
    """A short line standing clear of both edges, about as far from one as from the other."""
    if page.right is None or not line.strip():
        return False
    left = line_indent(line) - page.margin
    right = page.right - len(line.rstrip())
    width = page.right - page.margin
    if left < 3 or right < 2 or len(line.strip()) > width * 0.8:
        return False
    return abs(left - right) <= max(6, (left + right) * 0.4)


def is_right_aligned(line: str, page: Page) -> bool:
    """A short line pushed to the right edge (an author's address, a signature)."""
    if page.right is None or not line.strip():
        return False
    left = line_indent(line) - page.margin
    return left >= (page.right - page.margin) * 0.35 and len(line.rstrip()) >= page.right - 6


def _is_mark(char: str) -> bool:
    # DOS box-drawing bytes read as Latin-1 ("ÄÂÚ³") are marks too, like real box-drawing characters.
    return not char.isalnum() or "\u00b3" <= char <= "\u00df" or "\u2500" <= char <= "\u259f"


def is_banner(line: str) -> bool:
    """A line of ASCII art or a box edge: mostly marks, or columns of text framed by the same mark."""
    text = "".join(line.split())
    if len(text) < 2 or (len(text) < 4 and any(not _is_mark(c) for c in text)):
        return False
    if sum(1 for c in text if _is_mark(c)) * 2 >= len(text):
        return True
    return text[0] == text[-1] and text[0] in ":|!+" and text.count(text[0]) >= 3


def is_notice(text: str) -> bool:
    """Copyright, distribution terms, adverts, addresses: words about the file, not the story."""
    return bool(_NOTICE.search(text))


def notice_count(text: str) -> int:
    """How many different notice words and patterns (copyright, an address, a phone number) a text has."""
    return len({match.group(0).lower() for match in _NOTICE.finditer(text)})


def is_copyright(text: str) -> bool:
    """A copyright line ("Copyright 1990, Jim Prentice", "(C) Copyright 1987 by ...")."""
    return bool(_COPYRIGHT.match(text))


_RESERVED = re.compile(r"\s+All\b")
_TITLES_AFTER = {"jr.", "sr.", "esq."}


def copyright_holder(text: str) -> str | None:
    """The name a copyright line gives ("Copyright 1987 by G. Daniel Flower" -> "G. Daniel Flower")."""
    match = _COPYRIGHT_BY.search(text)
    if match is None:
        return None
    # The name ends at the sentence that closes it ("Howard I. Cannon. All rights reserved."); an
    # initial's period stays ("G. Daniel Flower").
    name = _RESERVED.split(match.group(1))[0].strip()
    last = name.rsplit(" ", 1)[-1]
    return name[:-1] if name.endswith(".") and len(last) > 2 and last.lower() not in _TITLES_AFTER else name


# A run of non-blank lines as the (first, end) indexes of its lines.
LineBlock = tuple[int, int]


def line_blocks(lines: Sequence[str], start: int = 0, stop: int | None = None) -> list[LineBlock]:
    """(first, end) indexes of the runs of non-blank lines that start in lines[start:stop]."""
    blocks: list[LineBlock] = []
    index = start
    stop = len(lines) if stop is None else min(stop, len(lines))
    while index < stop:
        if lines[index].strip():
            end = index
            while end < len(lines) and lines[end].strip():
                end += 1
            blocks.append((index, end))
            index = end
        else:
            index += 1
    return blocks
