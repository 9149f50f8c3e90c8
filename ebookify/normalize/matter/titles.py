"""Header-less titles: a title line with a "by NAME" line, or a bare title line after a short preface."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ebookify.normalize.matter.captions import is_caption
from ebookify.normalize.matter.title_lines import is_name
from ebookify.normalize.structure.contents_lists import is_contents_label
from ebookify.normalize.structure.headings import byline_field, is_title_like, match_heading
from ebookify.normalize.structure.paragraphs import Item

# A preface is a line or two of prose before the title, not a chapter of its own.
_PREFACE_ITEMS = 2
_PREFACE_LENGTH = 500
# Titles are short.
_TITLE_WORDS = 10
# "Die Leiden des jungen Werther von Johann Wolfgang von Goethe", "Aesop's Fables Translated by George Fyler
# Townsend": a title and its author (or translator) on the story's first line. The title takes two words at
# least and the name two capitalised ones ("Killed by Death Itself", "Stand by Me" are titles).
_TITLE_BY_NAME = re.compile(
    r"^(?P<title>\S+(?:\s+\S+)+?)\s+(?P<by>(?:translated\s+by|übersetzt\s+von|traduit\s+par)|by|von|par)\s+"
    r"(?P<name>[^,;:]+?)\.?$",
    re.I,
)
# Lines of a title page under the title ("Hamburger Ausgabe, Band 6"): short, no sentence, before a heading.
_TITLE_PAGE_LINE = 60
_TITLE_PAGE_LINES = 2


@dataclass(frozen=True)
class TitleSplit:
    """What was found before the story: title/author fields, the preface paragraphs, and the rest."""

    fields: tuple[tuple[str, str], ...] = ()
    preface: tuple[Item, ...] = ()
    rest: tuple[Item, ...] = field(default_factory=tuple)


def _is_title(item: Item) -> bool:
    """A bare title line: short, set like a title (no sentence end), not a heading or a divider."""
    return (
        item.lines == 1
        and not item.divider
        and item.text[:1] not in "\"'“‘"
        and item.text.rstrip()[-1:] not in ".!?…"
        and is_title_like(item.text, _TITLE_WORDS)
        and match_heading(item.text) is None
        and not is_contents_label(item.text)
        and byline_field(item.text) is None
        and not is_caption(item.text)  # a picture's mark ("[Illustration]") names no title
    )


def _is_prose(item: Item) -> bool:
    """A paragraph of running text (ends like a sentence or is long), the kind a story starts with."""
    return not item.divider and (len(item.text) > 80 or item.text.rstrip()[-1:] in ".!?\"”'’)…")


def _is_preface(items: Sequence[Item]) -> bool:
    return all(_is_prose(i) and len(i.text) <= _PREFACE_LENGTH and not byline_field(i.text) for i in items)


def split_title(items: Sequence[Item]) -> TitleSplit:
    """Find a header-less title (with its by-line and preface) at the start of a story."""
    for index in range(min(_PREFACE_ITEMS + 1, len(items))):
        item = items[index]
        lines = item.text.split("\n")
        # "Title\nby Name" set on two lines of one paragraph.
        byline = byline_field(lines[1]) if len(lines) == 2 else None
        if byline and is_title_like(lines[0], _TITLE_WORDS) and _is_preface(items[:index]):
            return _split(items, index, 1, (("Title", lines[0].strip()), byline))
        together = _title_by_name(item)
        if together and _is_preface(items[:index]):
            return _split(items, index, 1, together, _title_page_lines(items, index + 1))
        if not _is_title(item) or not _is_preface(items[:index]):
            continue
        following = items[index + 1 : index + 2]
        byline = byline_field(following[0].text) if following else None
        if byline:
            return _split(items, index, 2, (("Title", item.text.strip()), byline))
        # "Heidis Lehr- und Wanderjahre" / "Johanna Spyri": a title line, then its author's name alone.
        if following and _is_name_line(following[0]):
            fields = (("Title", item.text.strip()), ("By", following[0].text.strip()))
            return _split(items, index, 2, fields, _title_page_lines(items, index + 2))
        # A bare title must be followed by the story itself (prose or a chapter heading).
        if following and (_is_prose(following[0]) or match_heading(following[0].text)):
            return _split(items, index, 1, (("Title", item.text.strip()),))
    return TitleSplit(rest=tuple(items))


def _title_by_name(item: Item) -> tuple[tuple[str, str], ...] | None:
    """Title and author (or translator) fields from a line that names both, else None."""
    match = _TITLE_BY_NAME.match(item.text.strip()) if item.lines == 1 and not item.divider else None
    if match is None or not is_title_like(match["title"], _TITLE_WORDS) or match_heading(match["title"]):
        return None
    name = match["name"].strip()
    if not is_name(name) or match["title"][-1:] in ".!?":
        return None
    role = "Translated by" if match["by"].lower() != match["by"].lower().split()[-1] else "By"
    return (("Title", match["title"].strip()), (role, name))


def _is_name_line(item: Item) -> bool:
    """A line that is only a person's name ("Johanna Spyri")."""
    text = item.text.strip()
    return item.lines == 1 and not item.divider and match_heading(text) is None and is_name(text)


def _title_page_lines(items: Sequence[Item], start: int) -> int:
    """How many short lines of the title page ("Hamburger Ausgabe, Band 6") stand between the title and
    the first heading; 0 unless a heading follows them."""
    count = 0
    while count < _TITLE_PAGE_LINES and start + count < len(items):
        item = items[start + count]
        text = item.text.strip()
        if match_heading(text) is not None:
            return count
        if item.lines != 1 or item.divider or len(text) > _TITLE_PAGE_LINE or text[-1:] in '.!?"”':
            return 0
        count += 1
    following = items[start + count] if start + count < len(items) else None
    return count if following is not None and match_heading(following.text.strip()) is not None else 0


def _split(
    items: Sequence[Item], index: int, used: int, found: tuple[tuple[str, str], ...], page: int = 0
) -> TitleSplit:
    """The fields found; the preface and the title page's other lines (`page` of them after the `used`
    title lines) go before the story."""
    end = index + used
    return TitleSplit(found, (*items[:index], *items[end : end + page]), tuple(items[end + page :]))
