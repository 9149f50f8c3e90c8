"""The display lines around a story (title page, by-line, copyright, banners, terms), split from its text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.matter.display import (
    Page,
    copyright_holder,
    is_banner,
    is_centred,
    is_copyright,
    is_notice,
    is_right_aligned,
    measure_page,
    notice_count,
)
from ebookify.normalize.matter.header import field_kind, parse_field
from ebookify.normalize.matter.titlepage import (
    BYLINE,
    TitlePage,
    credit_columns,
    display_text,
    is_advert,
    is_title_line,
    read_byline_page,
    read_display_title,
    read_name_title,
)
from ebookify.normalize.structure.headings import match_heading

# Where a title page may end: within this many lines of the start, and it is a few blocks long.
_WINDOW_LINES = 120
_WINDOW_BLOCKS = 14
# The closing terms are a few blocks in the last lines.
_TAIL_LINES = 150
_TAIL_BLOCKS = 8
# Display lines are short; a block of more lines than this is the story (a poem, a paragraph).
_DISPLAY_LINE = 72
_DISPLAY_BLOCK = 5
# A notice (terms, an address, a plea) is a few lines; a longer block is the story, whatever it mentions.
_NOTICE_BLOCK = 8
_DEDICATION = re.compile(r"^(?:dedicated\s+to|to\s+(?:my|the|all)\b|for\s+(?:my|the)\b)", re.I)
# The writer signing the story off: "Josh Renaud, Author." (a character's "Your Loving Son" is the story's).
_SIGNATURE = re.compile(
    r"^[-—–~\s]*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}),\s*(?:[Tt]he\s+)?(?:[Aa]uthor|[Ww]riter)\.?$"
)
# An advert after a rule at the very end stands in the last lines.
_ADVERT_LINES = 30
_TO_NAME = re.compile(r"^(?:TO|To)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\.?$")
_COLUMN_HEADS = re.compile(r"\S[^:]{0,38}:(?:\s{2,}|$)")
_THE_END = re.compile(r"^[\W_]*(?:the\s+end|fin|ende)[\W_]*$", re.I)
# A line that is a sentence ("It was a dark and stormy night."): the story's, even when centred.
_SENTENCE = re.compile(r"[a-z]{2,}[.!?…][\"'”’)]*$")
_QUOTES = re.compile(r"^[\"“‘'«»]")

Block = tuple[int, int]


@dataclass(frozen=True)
class Frame:
    """A text split into the fields its title page gives, notes before and after, and the story's lines."""

    fields: tuple[tuple[str, str], ...] = ()
    front: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    back: tuple[str, ...] = ()


def _is_dedication(text: str) -> bool:
    """ "Dedicated to ...", "To my mother", "TO C. M." (a name after To, in capitals)."""
    return bool(_DEDICATION.match(text) or _TO_NAME.match(text))


def _blocks(lines: Sequence[str], start: int = 0, stop: int | None = None) -> list[Block]:
    """(first, end) indexes of the runs of non-blank lines that start in lines[start:stop]."""
    blocks: list[Block] = []
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


def _leading_blocks(lines: Sequence[str], page: Page) -> tuple[list[Block], list[Block]]:
    """The blocks before the first story-like block, and those before the first sure stop (a heading,
    dialogue, a long block): a title page with a by-line may stand after a few lines of preface."""
    soft: list[Block] = []
    hard: list[Block] = []
    story = False
    for first, end in _blocks(lines, 0, _WINDOW_LINES)[:_WINDOW_BLOCKS]:
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
    if is_notice(text) or _is_dedication(text) or all(is_banner(line) for line in lines):
        return True
    if text.startswith("[") and text.rstrip(".").endswith("]"):
        return True  # an editor's note on the edition ("[This text was also published as ...]")
    return not _is_prose_block(lines, page) and not any(_SENTENCE.search(line.strip()) for line in lines)


def _after_title_page(lines: Sequence[str], blocks: Sequence[Block], last: int, page: Page) -> list[Block]:
    """The frame up to the title page's last line, then the title-page matter under it."""
    kept = [block for block in blocks if block[0] <= last]
    for first, end in blocks[len(kept) :]:
        if not _is_title_page_matter(lines[first:end], page):
            break
        kept.append((first, end))
    return kept


def _region(blocks: Sequence[Block]) -> list[int]:
    return [i for first, end in blocks for i in range(first, end)]


def _frame_blocks(lines: Sequence[str], page: Page, printed: bool) -> tuple[list[Block], TitlePage]:
    """The frame's blocks and its title page: a by-line page anywhere before the first sure stop, else a
    title set for show before the first story block, else the banners and notices at the very top."""
    soft, hard = _leading_blocks(lines, page)
    title_page = read_byline_page(lines, _region(hard))
    if not title_page.used:
        title_page = read_name_title(lines, _region(soft))
    if title_page.used:
        return _after_title_page(lines, hard, max(title_page.used), page), title_page
    # The frame ends with a block set for show; without a by-line it holds no prose (that is the story).
    # (A board's advert box, banners around its name and numbers, is never the story's prose.)
    while soft and _is_prose_block(lines[soft[-1][0] : soft[-1][1]], page) and not _is_box(lines, soft[-1]):
        soft.pop()
    title_page = read_display_title(lines, _region(soft), page)
    if title_page.used:
        return _after_title_page(lines, soft, max(title_page.used), page), title_page
    if printed:
        return [], title_page
    kept = [
        n
        for n, (first, end) in enumerate(soft)
        if not _is_set_apart(lines[first:end], page) and not _is_box(lines, (first, end))
    ]
    return (soft[: kept[0]] if kept else soft), title_page


def _is_box(lines: Sequence[str], block: Block) -> bool:
    """A block framed by banner rules top and bottom that holds more than a title (an advert box)."""
    first, end = block
    return (
        end - first > 2
        and is_banner(lines[first])
        and is_banner(lines[end - 1])
        and is_advert(lines[first:end])
    )


@dataclass
class _Placed:
    fields: list[tuple[str, str]]
    front: list[str]
    back: list[str]


def _place(block_lines: Sequence[str], before_title: bool, placed: _Placed) -> None:
    """Where a frame block's unused lines go: copyright to the fields, dedications and a writer's
    preface to the front, banners, adverts, imprints and terms to the back."""
    advert = any(is_banner(line) for line in block_lines) or is_notice(" ".join(block_lines))
    for line in block_lines:
        text = line.strip()
        if is_banner(line) and not any(c.isalnum() for c in text):
            continue  # a rule of "####" or ":.:.:" frames what it is next to; it says nothing by itself
        if is_copyright(text) and not any(key == "Copyright" for key, _ in placed.fields):
            placed.fields.append(("Copyright", re.sub(r"\s{2,}", " ", text)))
            holder = copyright_holder(text)
            if holder and not any(key == "By" for key, _ in placed.fields):
                placed.fields.append(("By", holder))
        elif _is_dedication(display_text(line)) or (before_title and not advert):
            placed.front.append(text)
        else:
            placed.back.append(text)


def _advert_start(lines: Sequence[str]) -> int:
    """Where an advert set off by a rule at the very end begins ("****  ****" over a publisher's plea and
    address): a few lines with two notices at least and no dialogue; len(lines) when there is none."""
    tail = max(0, len(lines) - _ADVERT_LINES)
    rule = next((i for i in range(len(lines) - 1, tail - 1, -1) if is_banner(lines[i])), None)
    if rule is None:
        return len(lines)
    text = " ".join(line.strip() for line in lines[rule + 1 :])
    return rule if notice_count(text) >= 2 and not re.search(r"[\"“”]", text) else len(lines)


def _closing_kind(block: Sequence[str]) -> str | None:
    """ "mark" for banners and "The End"; "strong" for copyright, two notices (download, non-commercial,
    an address) or the writer's signature; "weak" for one notice; None for the story's own text."""
    text = " ".join(line.strip() for line in block)
    if all(is_banner(line) or _THE_END.match(line.strip()) for line in block):
        return "mark"
    if len(block) == 1 and _SIGNATURE.match(text):
        return "strong"
    if len(block) > 6 or re.search(r"[\"“”]", text) or not is_notice(text):
        return None
    return "strong" if is_copyright(text) or notice_count(text) >= 2 else "weak"


def _trailing_start(lines: Sequence[str]) -> int:
    """Where the closing terms, addresses, banners, signature and "The End" begin (len(lines) when there
    are none). Terms with one notice word only count above a surer one: a last scene may mention e-mail."""
    start = _advert_start(lines)
    lines = lines[:start]
    below = start  # where the block under the current one begins
    for first, end in reversed(_blocks(lines, max(0, len(lines) - _TAIL_LINES))[-_TAIL_BLOCKS:]):
        kind = _closing_kind(lines[first:end])
        if kind is None:
            break
        # A mark counts when everything under it is closing matter already.
        if kind == "strong" or (kind == "mark" and start == below):
            start = first
        below = first
    return start


def _letters(text: str) -> str:
    return re.sub(r"\W", "", text).lower()


def _after_repeated_title(lines: Sequence[str], start: int, fields: list[tuple[str, str]]) -> int:
    """Past the title when the story repeats it over its first line ("The Cask of Amontillado."): kept
    as the printed title, never the first paragraph."""
    title = next((value for key, value in fields if key == "Title"), None)
    first = next((i for i in range(start, min(start + 5, len(lines))) if lines[i].strip()), None)
    if title is None or first is None or _letters(display_text(lines[first])) != _letters(title):
        return start
    fields.append(("Printed title", lines[first].strip()))
    return first + 1


def split_frame(lines: Sequence[str], printed: bool = False) -> Frame:
    """Split the display matter at the top and bottom of a story from its lines.

    `printed` is for a printed book's front matter (after a licence header): its title page's title,
    subtitle and author lines and its notices are taken out, the rest stays for the book's front matter.
    """
    page = measure_page(lines)
    blocks, title_page = _frame_blocks(lines, page, printed)
    placed = _Placed(list(title_page.fields), [], [])
    first_used = min(title_page.used, default=len(lines))
    kept: set[int] = set()
    for block in blocks:
        credits = credit_columns(lines[block[0] : block[1]])
        if credits:
            placed.fields += credits
            continue
        unused = [i for i in range(*block) if i not in title_page.used]
        if printed and not (is_notice(" ".join(lines[i] for i in unused)) or block[0] < first_used):
            kept.update(unused)  # a printed book's imprint and dedication stay its front matter
            continue
        _place([lines[i] for i in unused], block[0] < first_used, placed)
        for notes in (placed.front, placed.back):
            if notes and notes[-1]:
                notes.append("")
    body_start = _after_repeated_title(lines, blocks[-1][1] if blocks else 0, placed.fields)
    body_end = len(lines) if printed else max(body_start, _trailing_start(lines))
    signed = [m.group("name") for line in lines[body_end:] if (m := _SIGNATURE.match(line.strip()))]
    if signed and not any(key == "By" for key, _ in placed.fields):
        placed.fields.append(("By", signed[0]))
    body = [lines[i] for i in range(body_start) if i in kept] + list(lines[body_start:body_end])
    back = placed.back + [line.strip() for line in lines[body_end:]]
    return Frame(tuple(placed.fields), tuple(placed.front), tuple(body), tuple(back))
