"""A title page among display lines: the title (and subtitles) over a by-line, or a title set for show."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ebookify.normalize.matter.captions import is_caption
from ebookify.normalize.matter.display import Page, is_banner, is_centred, is_notice
from ebookify.normalize.matter.title_lines import (
    BYLINE,
    comma_by,
    display_text,
    drop_closing_period,
    is_name,
    is_title_line,
    letters_of,
    title_case_name,
)

# "THE CASK OF AMONTILLADO by EDGAR ALLAN POE": a title and its author on one line.
_TITLE_BY = re.compile(r"^(?P<title>.+?)\s+(?:by|von)\s+(?P<name>[^,;]+)$", re.I)
# How far below a title its by-line or name may stand (blank lines between).
_GAP = 3
# A title page may set the title's article on a line of its own ("Die" / "Räuber", "I" / "PROMESSI
# SPOSI"): alone it is no title line, but it opens the title line under it.
_ARTICLE = re.compile(r"(?i:the|an?|die|der|das|ein|eine|les?|la|l[’']|une?|el|los|las|il|lo|gli|i)")

# A title line ending in a word no title ends with runs on under it ("THE TALE OF" / "PETER RABBIT").
_OPEN_END = re.compile(r"\s(?i:of|the|and|an?|to|for|with|from|in|on|at|de|des|du|der|und)$")


@dataclass
class TitlePage:
    """The fields a title page gives (Title, Subtitle, By) and the indexes of the lines it used."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def _next_filled(lines: Sequence[str], index: int) -> int | None:
    return next((i for i in range(index + 1, min(index + 2 + _GAP, len(lines))) if lines[i].strip()), None)


def byline(lines: Sequence[str], index: int) -> tuple[str, int] | None:
    """The author a by-line names and the index of the line holding the name."""
    text = display_text(lines[index])
    match = BYLINE.match(text)
    if not match:
        return None
    # A title page sets its name as a sentence ("von" / "Schiller."): the stop is no part of the name.
    name = drop_closing_period(match.group("name").strip())
    if name:
        # "by" shares its line with any name; other languages' words only with a name in capitals
        # ("von GOTTHOLD EPHRAIM LESSING"): "Door Number Three" is a title.
        english = text.lower().startswith(("by", "written"))
        capitals = not any(c.islower() for c in name)
        return (name, index) if (english or capitals) and is_name(title_case_name(name), 1) else None
    following = _next_filled(lines, index)
    if following is None:
        return None
    name = drop_closing_period(display_text(lines[following]))
    return (name, following) if is_name(title_case_name(name), 1) else None


def _title_above(lines: Sequence[str], index: int, top: int) -> list[int]:
    """The title and subtitle lines just above a by-line (blank lines between allowed)."""
    found: list[int] = []
    gap = 0
    for i in range(index - 1, top - 1, -1):
        if not lines[i].strip():
            gap += 1
            if gap > _GAP:
                break
            continue
        if is_caption(lines[i]):
            break  # a picture over the title ("[Illustration]") is no line of it
        joined = found and display_text(lines[found[0]]).lower().startswith("or")
        article = found and _ARTICLE.fullmatch(display_text(lines[i])) is not None
        if not (is_title_line(lines[i]) or article or (joined and is_title_line(lines[i].rstrip(";:,")))):
            break
        if len(found) == 3:
            break
        found.insert(0, i)
        gap = 0
    return found


def _join_title(texts: Sequence[str]) -> tuple[str, list[str]]:
    """The title and its subtitles; "Frankenstein;" / "or, the Modern Prometheus" is one title, and so is
    "THE TALE OF" / "PETER RABBIT"."""
    title, rest = texts[0], list(texts[1:])
    while rest and (
        title[-1:] in ";:,"
        or rest[0].lower().startswith("or")
        or _ARTICLE.fullmatch(title)
        or _OPEN_END.search(title)
    ):
        title = f"{title} {rest.pop(0)}"
    return title, rest


def _same_name(one: str, other: str) -> bool:
    return re.sub(r"\W", "", one).lower() == re.sub(r"\W", "", other).lower()


def _best_spelling(lines: Sequence[str], region: Sequence[int], name: str) -> str:
    """The name as another by-line of the title page spells it in mixed case ("Robert W. Service" over
    "ROBERT W SERVICE"), else the name in title case."""
    for index in region:
        found = byline(lines, index)
        if found and _same_name(found[0], name) and any(c.islower() for c in found[0]):
            return found[0]
    return title_case_name(name)


def read_byline_page(lines: Sequence[str], region: Sequence[int]) -> TitlePage:
    """Title, subtitles and author from the first by-line of a region and the title lines above it."""
    found = TitlePage()
    for index in region:
        match = _TITLE_BY.match(display_text(lines[index]))
        # Only in capitals: "Killed by Death Itself" is a title, "THE CASK ... by EDGAR ALLAN POE" is not.
        capitals = match and not any(c.islower() for c in match["title"] + match["name"])
        if match and capitals and is_title_line(match["title"]) and is_name(title_case_name(match["name"])):
            name = _best_spelling(lines, region, match.group("name").strip(" ."))
            found.fields += [("Title", match.group("title")), ("By", name)]
            found.used.add(index)
            return found
        named = comma_by(lines[index])
        if named:
            found.fields += named
            found.used.add(index)
            return found
        by = byline(lines, index)
        if by is None:
            continue
        name, name_index = by
        above = _title_above(lines, index, region[0])
        if above:
            title, subtitles = _join_title([display_text(lines[i]) for i in above])
            found.fields += [("Title", title), *(("Subtitle", s) for s in subtitles)]
        found.fields.append(("By", _best_spelling(lines, region, name)))
        found.used |= {*above, index, name_index}
        return found
    return found


def _runs(region: Sequence[int]) -> list[tuple[int, int]]:
    """The runs of consecutive indexes in a region, as (first, end)."""
    runs: list[tuple[int, int]] = []
    for index in region:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def is_advert(block: Sequence[str]) -> bool:
    """A block framed by banner lines, or one that gives phone numbers, addresses or terms. A lone title
    between two rules ("####" / "Phreak Encounter" / "####") is a title set for show, not an advert."""
    inner = [line for line in block[1:-1] if line.strip()]
    framed = len(block) > 2 and is_banner(block[0]) and is_banner(block[-1])
    return (framed and not (len(inner) == 1 and is_title_line(inner[0]))) or is_notice(" ".join(block))


def read_name_title(lines: Sequence[str], region: Sequence[int]) -> TitlePage:
    """ "Joseph Conrad: The Heart of Darkness": an author and a title, when another line of the frame
    names the author too ("[obi/Joseph.Conrad/heart.of.darkness.txt]"); "Star Wars: A New Hope" alone
    is a title."""
    found = TitlePage()
    for index in region:
        name, colon, title = display_text(lines[index]).partition(": ")
        if not colon or not is_name(name) or len(name.split()) > 4 or not is_title_line(title):
            continue
        others = letters_of(" ".join(lines[i] for i in region if i != index))
        if letters_of(name) in others:
            found.fields += [("Title", title), ("By", name)]
            found.used.add(index)
            return found
    return found


def read_display_title(lines: Sequence[str], region: Sequence[int], page: Page) -> TitlePage:
    """A title without a by-line: the first title line that is centred, decorated or in capitals (not in
    an advert box), with a centred name under it."""
    found = TitlePage()
    # A title in an advert box ("=====Earth's Dreamlands=====" over a phone number) is the board's.
    boxed = {i for first, end in _runs(region) if is_advert(lines[first:end]) for i in range(first, end)}
    # A picture's mark ("[Illustration]") is set apart like a title, but it names none.
    titles = [
        i
        for i in region
        if i not in boxed and is_title_line(lines[i]) and not is_banner(lines[i]) and not is_caption(lines[i])
    ]
    if not titles:
        return found
    first = titles[0]
    line = lines[first]
    framed = line.strip() != display_text(line) or not any(c.islower() for c in line)
    if not (is_centred(line, page) or framed):
        return found
    found.fields.append(("Title", display_text(line)))
    found.used.add(first)
    following = _next_filled(lines, first)
    name = drop_closing_period(lines[following].strip()) if following is not None else ""
    if following is not None and is_centred(lines[following], page) and is_name(name):
        found.fields.append(("By", name))
        found.used.add(following)
    return found
