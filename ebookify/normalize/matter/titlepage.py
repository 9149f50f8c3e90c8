"""A title page among display lines: the title (and subtitles) over a by-line, or a title set for show."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ebookify.normalize.matter.display import Page, is_banner, is_centred, is_notice
from ebookify.normalize.matter.notes import is_note_label
from ebookify.normalize.structure.headings import is_title_like, match_heading

# "by" in the languages of the corpus and its neighbours ("DIE VERWANDLUNG / VON / FRANZ KAFKA").
_BY_WORDS = r"(?:written\s+by|by|von|par|por|di|door|av|af)"
BYLINE = re.compile(rf"^{_BY_WORDS}\b:?\s*(?P<name>.*)$", re.I)
# "THE CASK OF AMONTILLADO by EDGAR ALLAN POE": a title and its author on one line.
_TITLE_BY = re.compile(r"^(?P<title>.+?)\s+(?:by|von)\s+(?P<name>[^,;]+)$", re.I)
# Decoration around a display line ("*** DREAM SCHOOL ***", "/\/\/ S R E").
_DECORATION = " *=~_#+-:|/\\<>[]{}()"
# A volume or series line on a title page ("VOL. XII", "No. 3") is not the title.
_VOLUME = re.compile(r"^[\W_]*(?:vol(?:ume)?\.?|no\.|number)\s*[\dIVXLC]+[\W_]*$", re.I)
# A personal name: capitalised words, initials and particles ("G. Daniel Flower", "Menno de Leeuw").
_NAME_WORD = re.compile(r"^\(?[A-Z][\w'’.-]*\)?,?$|^(?:van|von|de|der|den|du|la|le|di|da|del|y|and|&)$")
# How far below a title its by-line or name may stand (blank lines between).
_GAP = 3


@dataclass
class TitlePage:
    """The fields a title page gives (Title, Subtitle, By) and the indexes of the lines it used."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def display_text(line: str) -> str:
    """A display line without its decoration; letter-spaced text ("S  R  E     V") closed up."""
    text = line.strip().strip(_DECORATION).strip()
    words = [word for word in re.split(r"\s{3,}", text) if word]
    if len(words) > 1 and all(len(piece) == 1 for word in words for piece in word.split()):
        text = " ".join(word.replace(" ", "") for word in words)
        text = re.sub(r"\s+([:;,.!?])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text)


def is_title_line(line: str) -> bool:
    """A title: short, set like a title, no sentence end unless set in capitals ("A STUDY IN SCARLET.")."""
    text = display_text(line)
    # A year alone ("1726") dates a title page; it is no title.
    if (
        len(re.sub(r"\W", "", text)) < 2
        or not any(c.isalpha() for c in text)
        or match_heading(text)
        or BYLINE.match(text)
        or is_notice(text)
    ):
        return False
    if is_note_label(text) or (text[-1:] in ".!?" and any(c.islower() for c in text)):
        return False
    return is_title_like(text, 12) and not _VOLUME.match(text)


def is_name(text: str, words: int = 2) -> bool:
    """A personal name of at least `words` words (a pen name after "by" may be one word)."""
    parts = text.split()
    return (
        words <= len(parts) <= 6
        and len(text) <= 60
        and text[:1].isupper()
        and all(_NAME_WORD.match(part) for part in parts)
    )


def title_case_name(name: str) -> str:
    """A name set in capitals in title case ("FRANZ KAFKA" -> "Franz Kafka"); others as written."""
    if any(c.islower() for c in name):
        return name
    return " ".join(word.capitalize() if len(word.rstrip(".")) > 1 else word for word in name.split())


def _next_filled(lines: Sequence[str], index: int) -> int | None:
    return next((i for i in range(index + 1, min(index + 2 + _GAP, len(lines))) if lines[i].strip()), None)


def byline(lines: Sequence[str], index: int) -> tuple[str, int] | None:
    """The author a by-line names and the index of the line holding the name."""
    text = display_text(lines[index])
    match = BYLINE.match(text)
    if not match:
        return None
    name = match.group("name").strip()
    if name:
        # "by" shares its line with any name; other languages' words only with a name in capitals
        # ("von GOTTHOLD EPHRAIM LESSING"): "Door Number Three" is a title.
        english = text.lower().startswith(("by", "written"))
        capitals = not any(c.islower() for c in name)
        return (name, index) if (english or capitals) and is_name(title_case_name(name), 1) else None
    following = _next_filled(lines, index)
    if following is None:
        return None
    name = display_text(lines[following])
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
        joined = found and display_text(lines[found[0]]).lower().startswith("or")
        if not (is_title_line(lines[i]) or (joined and is_title_line(lines[i].rstrip(";:,")))):
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


# "The Time Machine, by H(erbert) G(eorge) Wells [1898]": an etext's one title line in mixed case, the comma
# setting the by-line apart ("Killed by Death Itself" has none). A year in brackets after the name is the
# edition's date; initials spelled out the way a library catalogue does are printed "H. G. Wells".
_COMMA_BY = re.compile(
    r"^(?P<title>[^,]+),\s+by\s+(?P<name>[^,;]+?)(?:\s*[\[(](?P<year>1[5-9]\d\d|20\d\d)[\])])?\.?$"
)
_EXPANDED_INITIAL = re.compile(r"\b([A-Z])\([a-z]+\)")


def comma_by(line: str) -> list[tuple[str, str]]:
    """Title, By (and Published) fields from a "Title, by Name [year]" line, else none."""
    match = _COMMA_BY.match(line.strip())
    if match is None or not is_title_line(match["title"]):
        return []
    name = _EXPANDED_INITIAL.sub(r"\1.", match["name"]).strip()
    if not is_name(name):
        return []
    year = [("Published", match["year"])] if match["year"] else []
    return [("Title", match["title"].strip()), ("By", name), *year]


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


def letters_of(text: str) -> str:
    """The text's letters and digits in lower case, to compare titles whatever their punctuation."""
    return re.sub(r"\W", "", text).lower()


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
    titles = [i for i in region if i not in boxed and is_title_line(lines[i]) and not is_banner(lines[i])]
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
    name = lines[following].strip() if following is not None else ""
    if following is not None and is_centred(lines[following], page) and is_name(name):
        found.fields.append(("By", name))
        found.used.add(following)
    return found


# A column head of a credits block: a label ending in a colon ("Edited and Compiled by:").
_COLUMN = re.compile(r"\S+(?: \S+)*")


def credit_columns(block: Sequence[str]) -> list[tuple[str, str]]:
    """Credits set in columns, each label over its names:

        Written by:              Edited and Compiled by:
        John Smith               Jane Doe

    as fields [("Written by", "John Smith"), ("Edited and Compiled by", "Jane Doe")]; [] for other blocks."""
    if len(block) < 2:
        return []
    heads = [(match.start(), match.group()) for match in _COLUMN.finditer(block[0])]
    if len(heads) < 2 or not all(label.endswith(":") and len(label) <= 40 for _, label in heads):
        return []
    starts = [start for start, _ in heads]
    values: list[list[str]] = [[] for _ in heads]
    for line in block[1:]:
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else None
            if cell := line[start:end].strip():
                values[number].append(cell)
    if not all(values):
        return []
    return [
        (label.rstrip(":").strip(), ", ".join(cells)) for (_, label), cells in zip(heads, values, strict=True)
    ]
