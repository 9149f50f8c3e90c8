"""The display blocks over a story: a title page (with a by-line, a name, or set for show) and its notices."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.matter.credits import credit_columns
from ebookify.normalize.matter.display import (
    LineBlock,
    Page,
    is_banner,
    is_centred,
    is_notice,
    is_right_aligned,
    line_blocks,
)
from ebookify.normalize.matter.header import field_kind, parse_field
from ebookify.normalize.matter.title_lines import BYLINE, display_text, is_title_line
from ebookify.normalize.matter.titlepage import (
    TitlePage,
    is_advert,
    read_byline_page,
    read_display_title,
    read_name_title,
)
from ebookify.normalize.structure.headings import match_heading
from ebookify.normalize.structure.layout import SOURCE_DASH, line_indent

# Where a title page may end: within this many lines of the start, and it is a few blocks long.
_WINDOW_LINES = 120
_WINDOW_BLOCKS = 14
# Display lines are short; a block of more lines than this is the story (a poem, a paragraph).
_DISPLAY_LINE = 72
_DISPLAY_BLOCK = 5
# A notice (terms, an address, a plea) is a few lines; a longer block is the story, whatever it mentions.
_NOTICE_BLOCK = 8
_DEDICATION = re.compile(r"^(?:dedicated\s+to|to\s+(?:my|the|all)\b|for\s+(?:my|the)\b)", re.I)
_TO_NAME = re.compile(r"^(?:TO|To)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\.?$")
_COLUMN_HEADS = re.compile(r"\S[^:]{0,38}:(?:\s{2,}|$)")
# A line that is a sentence ("It was a dark and stormy night."): the story's, even when centred.
_SENTENCE = re.compile(r"[a-z]{2,}[.!?…][\"'”’)]*$")
_QUOTES = re.compile(r"^[\"“‘'«»]")


# A prose epigraph under the title, before the story's first paragraph: a sentence or two (a few lines, at
# most this many characters) over its source, a name set right or after a dash ("JOSEPH GLANVILL" under Poe's
# Glanvill quotation, "--Bacon"). It is the story's motto, like a one-line motto with its source (frame.py),
# never its first paragraph. A letter's opening over a signature is no epigraph: it begins with a salutation.
_EPIGRAPH_LINES = 5
_EPIGRAPH_CHARS = 400
_SOURCE = re.compile(
    rf"^(?P<dash>{SOURCE_DASH})?[A-Z][\w.'’]*(?:,?\s+(?:[A-Z][\w.'’]*|of|de|von|the)){{0,4}}$"
)
_SALUTATION = re.compile(r"^[\"“‘']?(?:dear|my dear|sir|madam|to whom)\b|[,:]$", re.I)
_CLOSED = re.compile(r"[.!?…][\"'”’)]*$")


def is_epigraph(lines: Sequence[str], page: Page) -> bool:
    """A few lines of prose closed by a sentence's end, then a source line set right or after a dash."""
    if not 2 <= len(lines) <= _EPIGRAPH_LINES + 1 or page.right is None:
        return False
    *text, source = (line.strip() for line in lines)
    found = _SOURCE.match(source)
    set_right = line_indent(lines[-1]) - page.margin >= (page.right - page.margin) // 3
    return (
        found is not None
        and (set_right or found.group("dash") is not None)
        and len(" ".join(text)) <= _EPIGRAPH_CHARS
        and _CLOSED.search(text[-1]) is not None
        and _SALUTATION.search(text[0]) is None
    )


def _with_epigraph(lines: Sequence[str], blocks: list[LineBlock], page: Page) -> list[LineBlock]:
    """The frame, and the epigraph right under it when the story follows."""
    start = blocks[-1][1] if blocks else 0
    following = line_blocks(lines, start, start + _WINDOW_LINES)[:2]
    if len(following) == 2 and is_epigraph(lines[following[0][0] : following[0][1]], page):
        return [*blocks, following[0]]
    return blocks


def is_dedication(text: str) -> bool:
    """ "Dedicated to ...", "To my mother", "TO C. M." (a name after To, in capitals)."""
    return bool(_DEDICATION.match(text) or _TO_NAME.match(text))


def _is_display(line: str, page: Page) -> bool:
    """A line set for show: centred, right-aligned, a banner, or a short title-like or notice line."""
    text = line.strip()
    return len(display_text(line)) <= _DISPLAY_LINE and (
        is_centred(line, page)
        or is_right_aligned(line, page)
        or is_banner(line)
        or is_title_line(line)
        or bool(BYLINE.match(text))
        or is_notice(text)
    )


def _is_header_field(line: str) -> bool:
    if len(_COLUMN_HEADS.findall(line)) >= 2:
        return False  # a row of credit labels ("Written by:     Edited by:") is read as columns
    field = parse_field(line)
    return field is not None and field_kind(field[0]) is not None


def _is_hard_stop(lines: Sequence[str]) -> bool:
    """Where the frame surely ends: a heading, a `Key: value` header, dialogue, or a long block."""
    if all(is_banner(line) for line in lines):
        return False
    first = lines[0].strip()
    return (
        any(_is_header_field(line) for line in lines)
        or (match_heading(first) is not None and not is_banner(first))
        or bool(_QUOTES.match(first))
        or len(lines) > _NOTICE_BLOCK
    )


def _is_story_block(lines: Sequence[str], page: Page) -> bool:
    """A block of the story itself: running text that is no notice.

    A lone word or two ("Enjoy!") is left undecided: it belongs to the frame only between frame blocks.
    """
    block_text = " ".join(line.strip() for line in lines)
    if all(is_banner(line) for line in lines) or credit_columns(lines):
        return False
    if is_notice(block_text) or (len(lines) == 1 and len(block_text.split()) <= 3):
        return False
    return len(lines) > _DISPLAY_BLOCK or not all(_is_display(line, page) for line in lines)


def _is_prose_block(lines: Sequence[str], page: Page) -> bool:
    if credit_columns(lines):
        return False
    return not all(_is_display(line, page) for line in lines) or len(lines) > _DISPLAY_BLOCK


def _is_set_apart(lines: Sequence[str], page: Page) -> bool:
    """A block that is plainly no part of the story: all banners, or a short notice set for show."""
    text = " ".join(line.strip() for line in lines)
    return all(is_banner(line) for line in lines) or (is_notice(text) and not _is_prose_block(lines, page))


def _leading_blocks(lines: Sequence[str], page: Page) -> tuple[list[LineBlock], list[LineBlock]]:
    """The blocks before the first story-like block, and those before the first sure stop (a heading,
    dialogue, a long block): a title page with a by-line may stand after a few lines of preface."""
    soft: list[LineBlock] = []
    hard: list[LineBlock] = []
    story = False
    for first, end in line_blocks(lines, 0, _WINDOW_LINES)[:_WINDOW_BLOCKS]:
        if _is_hard_stop(lines[first:end]):
            break
        story = story or _is_story_block(lines[first:end], page)
        hard.append((first, end))
        if not story:
            soft.append((first, end))
    return soft, hard


def _is_title_page_matter(lines: Sequence[str], page: Page) -> bool:
    """What follows a title page on it: notices, banners, dedications, imprint lines set for show
    (never a sentence, which is the story's)."""
    text = " ".join(line.strip() for line in lines)
    if is_notice(text) or is_dedication(text) or all(is_banner(line) for line in lines):
        return True
    if text.startswith("[") and text.rstrip(".").endswith("]"):
        return True  # an editor's note on the edition ("[This text was also published as ...]")
    return not _is_prose_block(lines, page) and not any(_SENTENCE.search(line.strip()) for line in lines)


def _after_title_page(
    lines: Sequence[str], blocks: Sequence[LineBlock], last: int, page: Page
) -> list[LineBlock]:
    """The frame up to the title page's last line, then the title-page matter under it."""
    kept = [block for block in blocks if block[0] <= last]
    if kept and kept[-1][1] > last + 1 and match_heading(lines[last + 1].strip()) is not None:
        # A chapter heading set right under the title ("Tears of Glass" / "Chapter 1") is the story's first
        # heading, never title-page matter: the story starts there.
        return [*kept[:-1], (kept[-1][0], last + 1)]
    rest = blocks[len(kept) :]
    matter = [_is_title_page_matter(lines[first:end], page) for first, end in rest]
    for n, (first, end) in enumerate(rest):
        block = lines[first:end]
        if not matter[n]:
            # A publisher's places ("New York, N. Y." / "Newark, N.J.") between its name and its copyright
            # are an imprint.
            if not (_is_imprint(block) and any(matter[n + 1 :])):
                break
        elif not _is_notice_like(block) and _heads_story(lines, (first, end), page):
            break  # a line set for show right over the story's first block is its heading (a poem's title)
        kept.append((first, end))
    return kept


def _heads_story(lines: Sequence[str], block: LineBlock, page: Page) -> bool:
    """The block is closer to the story's first block under it (a stanza, a paragraph) than to the matter
    above it: the story's heading ("The Land God Forgot"), not the end of a dedication ("HOMMY-BEG")."""
    start, end = block
    first = next((i for i in range(end, len(lines)) if lines[i].strip()), len(lines))
    after = next((i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
    above = next((i for i in range(start - 1, -1, -1) if lines[i].strip()), -1)
    below = lines[first:after]
    # A stanza or a paragraph of several lines; a short or bracketed block may be more matter.
    if len(below) <= _IMPRINT_LINES or below[0].lstrip().startswith("[") or first - end >= start - above:
        return False
    return not _is_hard_stop(below) and _is_story_block(below, page)


# An imprint's lines are short: a place, a year.
_IMPRINT_LINES = 3
_IMPRINT_CHARS = 40


def _is_imprint(lines: Sequence[str]) -> bool:
    """A few short lines that are no sentences: a publisher's places, a year."""
    texts = [display_text(line) for line in lines]
    return len(texts) <= _IMPRINT_LINES and all(
        len(text) <= _IMPRINT_CHARS and not _SENTENCE.search(text) and not _QUOTES.match(text)
        for text in texts
    )


def _is_notice_like(lines: Sequence[str]) -> bool:
    """Title-page matter whatever follows it: a notice, a dedication, banners, an editor's bracketed note."""
    text = " ".join(line.strip() for line in lines)
    return (
        is_notice(text)
        or is_dedication(text)
        or all(is_banner(line) for line in lines)
        or (text.startswith("[") and text.rstrip(".").endswith("]"))
    )


def _region(blocks: Sequence[LineBlock]) -> list[int]:
    return [i for first, end in blocks for i in range(first, end)]


def frame_blocks(lines: Sequence[str], page: Page, printed: bool) -> tuple[list[LineBlock], TitlePage]:
    """The frame's blocks and its title page: a by-line page anywhere before the first sure stop, else a
    title set for show before the first story block, else the banners and notices at the very top."""
    soft, hard = _leading_blocks(lines, page)
    title_page = read_byline_page(lines, _region(hard))
    if not title_page.used:
        title_page = read_name_title(lines, _region(soft))
    if title_page.used:
        return _with_epigraph(
            lines, _after_title_page(lines, hard, max(title_page.used), page), page
        ), title_page
    # The frame ends with a block set for show; without a by-line it holds no prose (that is the story).
    # (A board's advert box, banners around its name and numbers, is never the story's prose.)
    while soft and _is_prose_block(lines[soft[-1][0] : soft[-1][1]], page) and not _is_box(lines, soft[-1]):
        soft.pop()
    title_page = read_display_title(lines, _region(soft), page)
    if title_page.used:
        return _with_epigraph(
            lines, _after_title_page(lines, soft, max(title_page.used), page), page
        ), title_page
    if printed:
        return [], title_page
    kept = [
        n
        for n, (first, end) in enumerate(soft)
        if not _is_set_apart(lines[first:end], page) and not _is_box(lines, (first, end))
    ]
    return (soft[: kept[0]] if kept else soft), title_page


def _is_box(lines: Sequence[str], block: LineBlock) -> bool:
    """A block framed by banner rules top and bottom that holds more than a title (an advert box)."""
    first, end = block
    return (
        end - first > 2
        and is_banner(lines[first])
        and is_banner(lines[end - 1])
        and is_advert(lines[first:end])
    )
