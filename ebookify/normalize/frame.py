"""The display lines around a story (title page, by-line, copyright, banners, terms), split from its text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.display import (
    Page,
    copyright_holder,
    is_banner,
    is_centred,
    is_copyright,
    is_notice,
    is_right_aligned,
    measure_page,
)
from ebookify.normalize.header import field_kind, parse_field
from ebookify.normalize.headings import is_title_like, match_heading
from ebookify.normalize.notes import is_note_label

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
# "by" in the languages of the corpus and its neighbours ("DIE VERWANDLUNG / VON / FRANZ KAFKA").
_BY_WORDS = r"(?:written\s+by|by|von|par|por|di|door|av|af)"
_BYLINE = re.compile(rf"^{_BY_WORDS}\b:?\s*(?P<name>.*)$", re.I)
# Decoration around a display line ("*** DREAM SCHOOL ***", "/\/\/ S R E").
_DECORATION = " *=~_#+-:|/\\<>[]{}()"
# A volume or series line on a title page ("VOL. XII", "No. 3") is not the title.
_VOLUME = re.compile(r"^[\W_]*(?:vol(?:ume)?\.?|no\.|number)\s*[\dIVXLC]+[\W_]*$", re.I)
_DEDICATION = re.compile(r"^(?:dedicated\s+to|to\s+(?:my|the|all)\b|for\s+(?:my|the)\b)", re.I)
_THE_END = re.compile(r"^[\W_]*(?:the\s+end|fin|ende)[\W_]*$", re.I)
# A personal name: capitalised words, initials and particles ("G. Daniel Flower", "Menno de Leeuw").
_NAME_WORD = re.compile(r"^\(?[A-Z][\w'’.-]*\)?,?$|^(?:van|von|de|der|den|du|la|le|di|da|del|y|and|&)$")


@dataclass(frozen=True)
class Frame:
    """A text split into the fields its title page gives, notes before and after, and the story's lines."""

    fields: tuple[tuple[str, str], ...] = ()
    front: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    back: tuple[str, ...] = ()


def _blocks(lines: Sequence[str], start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """(first, end) indexes of the runs of non-blank lines that start in lines[start:stop]."""
    blocks: list[tuple[int, int]] = []
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


def display_text(line: str) -> str:
    """A display line without its decoration; letter-spaced text ("S  R  E     V") closed up."""
    text = line.strip().strip(_DECORATION).strip()
    words = [word for word in re.split(r"\s{3,}", text) if word]
    if len(words) > 1 and all(len(piece) == 1 for word in words for piece in word.split()):
        text = " ".join(word.replace(" ", "") for word in words)
        text = re.sub(r"\s+([:;,.!?])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text)


def _is_title_line(line: str) -> bool:
    """A title: short, set like a title, no sentence end unless set in capitals ("A STUDY IN SCARLET.")."""
    text = display_text(line)
    if len(re.sub(r"\W", "", text)) < 2 or match_heading(text) or _BYLINE.match(text) or is_notice(text):
        return False
    if is_note_label(text):
        return False
    if text[-1:] in ".!?" and any(c.islower() for c in text):
        return False
    return is_title_like(text, 12) and not _VOLUME.match(text)


def _is_display(line: str, page: Page) -> bool:
    """A line set for show: centred, right-aligned, a banner, or a short title-like or notice line."""
    text = line.strip()
    return len(display_text(line)) <= _DISPLAY_LINE and (
        is_centred(line, page)
        or is_right_aligned(line, page)
        or is_banner(line)
        or _is_title_line(line)
        or bool(_BYLINE.match(text))
        or is_notice(text)
    )


def _is_header_field(line: str) -> bool:
    field = parse_field(line)
    return field is not None and field_kind(field[0]) is not None


def _is_story_block(lines: Sequence[str], page: Page) -> bool:
    """A block of the story itself: a heading, or running text that is no notice.

    A lone word or two ("Enjoy!") is left undecided: it belongs to the frame only between frame blocks.
    """
    block_text = " ".join(line.strip() for line in lines)
    if any(_is_header_field(line) for line in lines):
        return True  # a `Key: value` header is read by the header reader, and the story follows it
    if all(is_banner(line) for line in lines):
        return False
    if match_heading(lines[0].strip()) or len(lines) > _NOTICE_BLOCK:
        return True
    if is_notice(block_text) or (len(lines) == 1 and len(block_text.split()) <= 3):
        return False
    return len(lines) > _DISPLAY_BLOCK or not all(_is_display(line, page) for line in lines)


def _blocks_of(region: Sequence[int]) -> list[tuple[int, int]]:
    """The runs of consecutive indexes in a region, as (first, end)."""
    runs: list[tuple[int, int]] = []
    for index in region:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def _is_advert(block: Sequence[str]) -> bool:
    """A block framed by banner lines, or one that gives phone numbers, addresses or terms."""
    return (len(block) > 2 and is_banner(block[0]) and is_banner(block[-1])) or is_notice(" ".join(block))


def _is_name(text: str, words: int = 2) -> bool:
    """A personal name of at least `words` words (a pen name after "by" may be one word)."""
    parts = text.split()
    return (
        words <= len(parts) <= 6
        and len(text) <= 60
        and text[:1].isupper()
        and all(_NAME_WORD.match(part) for part in parts)
    )


def _byline(lines: Sequence[str], index: int) -> tuple[str, int] | None:
    """The author a by-line names and the index of the line holding the name."""
    text = display_text(lines[index])
    match = _BYLINE.match(text)
    if not match:
        return None
    name = match.group("name").strip()
    if name:
        # Only English "by" shares its line with the name: "Door Number Three" is a title.
        english = text.lower().startswith(("by", "written"))
        return (name, index) if english and _is_name(_title_case_name(name), 1) else None
    following = next((i for i in range(index + 1, min(index + 4, len(lines))) if lines[i].strip()), None)
    if following is None:
        return None
    name = display_text(lines[following])
    return (name, following) if _is_name(_title_case_name(name), 1) else None


def _title_case_name(name: str) -> str:
    """A name set in capitals in title case ("FRANZ KAFKA" -> "Franz Kafka"); others as written."""
    if any(c.islower() for c in name):
        return name
    return " ".join(word.capitalize() if len(word.rstrip(".")) > 1 else word for word in name.split())


def _title_above(lines: Sequence[str], index: int, top: int) -> list[int]:
    """The title and subtitle lines just above a by-line (blank lines between allowed)."""
    found: list[int] = []
    gap = 0
    for i in range(index - 1, top - 1, -1):
        if not lines[i].strip():
            gap += 1
            if gap > 3:
                break
            continue
        joined = found and display_text(lines[found[0]]).lower().startswith("or")
        if not (_is_title_line(lines[i]) or (joined and _is_title_line(lines[i].rstrip(";:,")))):
            break
        if len(found) == 3:
            break
        found.insert(0, i)
        gap = 0
    return found


def _join_title(texts: Sequence[str]) -> tuple[str, list[str]]:
    """The title and its subtitles; "Frankenstein;" / "or, the Modern Prometheus" is one title."""
    title, rest = texts[0], list(texts[1:])
    while rest and (title[-1:] in ";:," or rest[0].lower().startswith("or")):
        title = f"{title} {rest.pop(0)}"
    return title, rest


@dataclass
class _TitlePage:
    fields: list[tuple[str, str]]
    used: set[int]


def _read_title_page(lines: Sequence[str], region: Sequence[int], page: Page) -> _TitlePage:
    """Title, subtitles and author from the frame's lines: a by-line and what stands above it, or a
    display title at the top with a centred name under it."""
    found = _TitlePage([], set())
    for index in region:
        byline = _byline(lines, index)
        if byline is None:
            continue
        name, name_index = byline
        above = _title_above(lines, index, region[0])
        if above:
            title, subtitles = _join_title([display_text(lines[i]) for i in above])
            found.fields += [("Title", title), *(("Subtitle", s) for s in subtitles)]
        found.fields.append(("By", _title_case_name(name)))
        found.used |= {*above, index, name_index}
        return found
    # A title in an advert box ("=====Earth's Dreamlands=====" over a phone number) is the board's.
    boxed = {
        i for first, end in _blocks_of(region) if _is_advert(lines[first:end]) for i in range(first, end)
    }
    titles = [i for i in region if i not in boxed and _is_title_line(lines[i]) and not is_banner(lines[i])]
    if not titles:
        return found
    first = titles[0]
    # A title without a by-line stands out: centred, decorated, in capitals, or first in the file.
    line = lines[first]
    framed = line.strip() != display_text(line) or not any(c.islower() for c in line)
    if not (is_centred(line, page) or framed):
        return found
    found.fields.append(("Title", display_text(line)))
    found.used.add(first)
    following = next((i for i in range(first + 1, min(first + 4, len(lines))) if lines[i].strip()), None)
    name = lines[following].strip() if following is not None else ""
    if (
        following is not None
        and is_centred(lines[following], page)
        and _is_name(name)
        and not _byline(lines, following)
    ):
        found.fields.append(("By", lines[following].strip()))
        found.used.add(following)
    return found


def _leading_blocks(lines: Sequence[str], page: Page) -> list[tuple[int, int]]:
    """The blocks before the story's first heading or paragraph, near the top of the text."""
    frame: list[tuple[int, int]] = []
    for first, end in _blocks(lines, 0, _WINDOW_LINES)[:_WINDOW_BLOCKS]:
        if _is_story_block(lines[first:end], page):
            break
        frame.append((first, end))
    return frame


def _after_title_page(
    lines: Sequence[str], blocks: Sequence[tuple[int, int]], last: int, page: Page
) -> list[tuple[int, int]]:
    """The frame up to the title page's last line, then the notices, banners and dedications under it
    (a display line that is neither is the story's own, such as a heading)."""
    kept = [block for block in blocks if block[0] <= last]
    for first, end in blocks[len(kept) :]:
        text = " ".join(line.strip() for line in lines[first:end])
        if not (is_notice(text) or _DEDICATION.match(text) or all(is_banner(x) for x in lines[first:end])):
            break
        kept.append((first, end))
    return kept


def _is_set_apart(lines: Sequence[str], page: Page) -> bool:
    """A block that is plainly no part of the story: all banners, or a short notice set for show."""
    text = " ".join(line.strip() for line in lines)
    return all(is_banner(line) for line in lines) or (is_notice(text) and not _is_prose_block(lines, page))


def _is_prose_block(lines: Sequence[str], page: Page) -> bool:
    return not all(_is_display(line, page) for line in lines) or len(lines) > _DISPLAY_BLOCK


def _place(line: str, front: list[str], back: list[str], fields: list[tuple[str, str]]) -> None:
    """Where a frame line that is not the title goes: copyright to the fields, dedications to the front,
    banners, adverts and terms to the back."""
    text = line.strip()
    if is_copyright(text) and not any(key == "Copyright" for key, _ in fields):
        fields.append(("Copyright", re.sub(r"\s{2,}", " ", text)))
        holder = copyright_holder(text)
        if holder and not any(key == "By" for key, _ in fields):
            fields.append(("By", holder))
    elif _DEDICATION.match(display_text(line)):
        front.append(text)
    else:
        back.append(text)


def _trailing_start(lines: Sequence[str], page: Page) -> int:
    """Where the closing terms, addresses, banners and "The End" begin (len(lines) when there are none)."""
    start = len(lines)
    for first, end in reversed(_blocks(lines, max(0, len(lines) - _TAIL_LINES))[-_TAIL_BLOCKS:]):
        block = lines[first:end]
        text = " ".join(line.strip() for line in block)
        closing = all(is_banner(line) or _THE_END.match(line.strip()) for line in block) or (
            len(block) <= 6 and not re.search(r"[\"“”]", text) and is_notice(text)
        )
        if not closing:
            break
        start = first
    return start


def split_frame(lines: Sequence[str], printed: bool = False) -> Frame:
    """Split the display matter at the top and bottom of a story from its lines.

    `printed` is for a printed book's front matter (after a licence header): only the title page's title,
    subtitle and author lines are taken out, the rest stays for the book's own front matter.
    """
    page = measure_page(lines)
    blocks = _leading_blocks(lines, page)
    # The frame ends with a block set for show; without a title it holds nothing else (prose is the story).
    while blocks and _is_prose_block(lines[blocks[-1][0] : blocks[-1][1]], page):
        blocks.pop()
    region = [i for first, end in blocks for i in range(first, end)]
    title_page = _read_title_page(lines, region, page)
    if title_page.used:
        blocks = _after_title_page(lines, blocks, max(title_page.used), page)
    elif not printed:
        # Without a title page the frame is only the banners and notices at the very top.
        kept = [n for n, (first, end) in enumerate(blocks) if not _is_set_apart(lines[first:end], page)]
        blocks = blocks[: kept[0]] if kept else blocks
    region = [i for first, end in blocks for i in range(first, end)]
    fields = list(title_page.fields)
    front: list[str] = []
    back: list[str] = []
    if printed:
        body = [line for i, line in enumerate(lines) if i not in title_page.used]
        return Frame(tuple(fields), (), tuple(body), ())
    for first, end in blocks:
        for index in range(first, end):
            if index not in title_page.used:
                _place(lines[index], front, back, fields)
        for notes in (front, back):
            if notes and notes[-1]:
                notes.append("")
    body_start = region[-1] + 1 if region else 0
    body_end = max(body_start, _trailing_start(lines, page))
    back += [line.strip() for line in lines[body_end:]]
    return Frame(tuple(fields), tuple(front), tuple(lines[body_start:body_end]), tuple(back))
