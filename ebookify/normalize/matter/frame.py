"""The display lines around a story (title page, by-line, copyright, banners, terms), split from its text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.matter.credits import credit_columns
from ebookify.normalize.matter.display import (
    copyright_holder,
    is_banner,
    is_copyright,
    is_notice,
    measure_page,
)
from ebookify.normalize.matter.frame_closing import SIGNATURE, trailing_start
from ebookify.normalize.matter.frame_opening import frame_blocks, is_dedication, is_epigraph
from ebookify.normalize.matter.title_lines import display_text, letters_of


@dataclass(frozen=True)
class Frame:
    """A text split into the fields its title page gives, notes before and after, and the story's lines."""

    fields: tuple[tuple[str, str], ...] = ()
    front: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    back: tuple[str, ...] = ()


@dataclass
class _Placed:
    fields: list[tuple[str, str]]
    front: list[str]
    back: list[str]


# A motto under the title: a quoted sentence and its source after a dash on one line ("Nullus enim locus
# sine genio est.--SERVIUS", "... all the way.  -- Byron"): the story's epigraph, never its closing credits.
_MOTTO = re.compile(r"^\S.{8,}[.!?,;'’\"”]\s*(?:-{2,3}|[—–])\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}$")


def _place(block_lines: Sequence[str], before_title: bool, placed: _Placed, epigraph: bool = False) -> None:
    """Where a frame block's unused lines go: copyright to the fields, dedications, mottos and a writer's
    preface to the front, banners, adverts, imprints and terms to the back."""
    if epigraph:
        # The epigraph's words, then its source as a note of its own (set right, it is no wrapped line).
        placed.front += [*(line.strip() for line in block_lines[:-1]), "", block_lines[-1].strip()]
        return
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
        elif is_dedication(display_text(line)) or (before_title and not advert) or _MOTTO.match(text):
            placed.front.append(text)
        else:
            placed.back.append(text)


def _after_repeated_title(lines: Sequence[str], start: int, fields: list[tuple[str, str]]) -> int:
    """Past the title when the story repeats it over its first line ("The Cask of Amontillado."): kept
    as the printed title, never the first paragraph."""
    title = next((value for key, value in fields if key == "Title"), None)
    first = next((i for i in range(start, min(start + 5, len(lines))) if lines[i].strip()), None)
    if title is None or first is None or letters_of(display_text(lines[first])) != letters_of(title):
        return start
    fields.append(("Printed title", lines[first].strip()))
    return first + 1


# How far into the story a copyright line of its own is still the title page's: within its first blocks.
_COPYRIGHT_BLOCKS = 3
_COPYRIGHT_CHARS = 80


def _lift_copyright(body: list[str], fields: list[tuple[str, str]]) -> list[str]:
    """A copyright line standing alone among the story's first blocks (under its first chapter heading,
    "Tears of Glass" / "Chapter 1" / "(C) 1992 Kimberly Ann Carter") goes to the fields like the title
    page's; a copyright sentence inside a paragraph stays."""
    blocks = 0
    for index, line in enumerate(body):
        if not line.strip() or (index and body[index - 1].strip()):
            continue
        blocks += 1
        if blocks > _COPYRIGHT_BLOCKS:
            break
        text = line.strip()
        alone = index + 1 == len(body) or not body[index + 1].strip()
        if alone and len(text) <= _COPYRIGHT_CHARS and is_copyright(text):
            _place([text], False, _Placed(fields, [], []))
            return [*body[:index], *body[index + 1 :]]
    return body


def split_frame(lines: Sequence[str], printed: bool = False) -> Frame:
    """Split the display matter at the top and bottom of a story from its lines.

    `printed` is for a printed book's front matter (after a licence header): its title page's title,
    subtitle and author lines and its notices are taken out, the rest stays for the book's front matter.
    """
    page = measure_page(lines)
    blocks, title_page = frame_blocks(lines, page, printed)
    placed = _Placed(list(title_page.fields), [], [])
    first_used = min(title_page.used, default=len(lines))
    for block in blocks:
        credits = credit_columns(lines[block[0] : block[1]])
        if credits:
            placed.fields += credits
            continue
        unused = [i for i in range(*block) if i not in title_page.used]
        if printed and not (is_notice(" ".join(lines[i] for i in unused)) or block[0] < first_used):
            # A printed book's imprint and dedication under its title page are its front matter, each
            # block apart, whether or not a chapter heading follows them.
            placed.front += [lines[i].strip() for i in unused] + ([""] if unused else [])
            continue
        epigraph = block[0] > first_used and is_epigraph(lines[block[0] : block[1]], page)
        _place([lines[i] for i in unused], block[0] < first_used, placed, epigraph)
        for notes in (placed.front, placed.back):
            if notes and notes[-1]:
                notes.append("")
    body_start = _after_repeated_title(lines, blocks[-1][1] if blocks else 0, placed.fields)
    body_end = len(lines) if printed else max(body_start, trailing_start(lines))
    signed = [m.group("name") for line in lines[body_end:] if (m := SIGNATURE.match(line.strip()))]
    if signed and not any(key == "By" for key, _ in placed.fields):
        placed.fields.append(("By", signed[0]))
    body = list(lines[body_start:body_end])
    if not printed:
        body = _lift_copyright(body, placed.fields)
    back = placed.back + [line.strip() for line in lines[body_end:]]
    return Frame(tuple(placed.fields), tuple(placed.front), tuple(body), tuple(back))
