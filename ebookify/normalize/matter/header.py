"""The leading `Key: value` metadata header: its fields, and which Metadata attribute each key feeds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.structure.headings import byline_field, is_title_like

# A field line: a short capitalised key (A/N, Author's Note, Word count), a colon, a value.
_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z'’/&.-]*(?: [A-Za-z][A-Za-z'’/&.-]*){0,3})\s*:(?:\s+(.*)|)$")

# Every known key, lower-cased, mapped to the Metadata attribute it feeds.
_KEYS: dict[str, str] = {
    **dict.fromkeys(["title", "story title"], "title"),
    **dict.fromkeys(["author", "authors", "by", "writer", "written by", "pen name"], "authors"),
    **dict.fromkeys(["fandom", "fandoms", "category", "categories", "crossover"], "fandoms"),
    **dict.fromkeys(["pairing", "pairings", "relationship", "relationships", "ship", "ships"], "pairings"),
    **dict.fromkeys(["character", "characters", "main characters"], "characters"),
    **dict.fromkeys(["genre", "genres"], "genres"),
    **dict.fromkeys(["rating", "rated"], "rating"),
    **dict.fromkeys(["warning", "warnings", "content warning", "content warnings"], "warnings"),
    **dict.fromkeys(["summary", "description", "blurb"], "summary"),
    **dict.fromkeys(["disclaimer", "disclaimers"], "note"),
    **dict.fromkeys(
        ["a/n", "an", "author's note", "authors note", "author's notes", "note", "notes"], "note"
    ),
    **dict.fromkeys(["status"], "status"),
    **dict.fromkeys(["words", "word count", "length"], "words"),
    **dict.fromkeys(["chapters"], "chapters"),
    **dict.fromkeys(["language"], "language"),
    **dict.fromkeys(["series"], "series"),
    **dict.fromkeys(
        ["published", "posted", "date", "release date", "posting date", "first posted", "publication date"],
        "published",
    ),
    **dict.fromkeys(["updated", "last updated", "most recently updated"], "updated"),
    **dict.fromkeys(["translator", "translators", "translated by"], "translators"),
    **dict.fromkeys(["illustrator", "illustrators", "illustrated by"], "illustrators"),
    **dict.fromkeys(
        ["editor", "editors", "edited by", "compiled by", "edited and compiled by", "compiler"], "editors"
    ),
    **dict.fromkeys(["copyright", "rights"], "rights"),
    **dict.fromkeys(["subtitle"], "subtitle"),
    # What describes the electronic edition, not the story: kept, never shown as the story's metadata.
    **dict.fromkeys(
        [
            "character set encoding",
            "encoding",
            "credits",
            "produced by",
            "other information and formats",
            "printed title",
            "printed contents",
            "printed author",
            "ebook",
            "etext",
        ],
        "edition",
    ),
    **dict.fromkeys(["beta", "beta reader", "beta-reader", "spoilers", "timeline", "setting"], "extra"),
}

# Slashed genre names that are one genre, not two (FanFiction.net's "Hurt/Comfort" and friends).
_SLASHED_GENRES = ("hurt/comfort", "comfort/hurt", "h/c", "m/m", "f/f", "m/f", "f/m", "sci/fi")

# Series positions as authors write them: "Name #2", "Name, Part 2", "Part 2 of Name", "Name (Book 2)".
_SERIES_INDEX = (
    re.compile(r"^(?:part|book|volume|vol\.?|no\.?|#)\s*(\d+(?:\.\d+)?)\s+(?:of|in)\s+(.+)$", re.I),
    re.compile(r"^(.+?)[\s,(\[-]*(?:part|book|volume|vol\.?|no\.?|#)\s*(\d+(?:\.\d+)?)[)\]]?$", re.I),
)


@dataclass(frozen=True)
class Header:
    """A split header: the fields as written, the lines after it, and note fields (A/N, Disclaimer)."""

    fields: tuple[tuple[str, str], ...]
    body: tuple[str, ...]
    notes: tuple[str, ...]


def field_kind(key: str) -> str | None:
    """The Metadata attribute a header key feeds ("note" for A/N and disclaimers), None if unknown."""
    return _KEYS.get(re.sub(r"\s+", " ", key.strip().lower().replace("’", "'")))


def parse_field(line: str) -> tuple[str, str] | None:
    """A `Key: value` line as (key, value); a known key may be lower case, an unknown one is Capitalised."""
    match = _FIELD.match(line)
    if not match:
        return None
    key, value = match.group(1).strip(), (match.group(2) or "").strip()
    # An unknown key must look like a label (capitalised, no sentence inside) to count as a field.
    if field_kind(key) is None and (not key[0].isupper() or len(key) > 24):
        return None
    return key, value


def _continues(line: str, previous_value: str) -> bool:
    """True when a line right after a field continues its value (indented, or the value was cut mid-text)."""
    if not line.strip() or parse_field(line):
        return False
    return line[:1].isspace() or not re.search(r"[.!?\"'”)]$", previous_value)


def _title_lines(lines: Sequence[str]) -> tuple[list[tuple[str, str]], int]:
    """A title line and a by-line above a header ("My Story" / "by Jane"): their fields and where they end."""
    filled = [index for index, line in enumerate(lines[:6]) if line.strip()][:2]
    if len(filled) < 2 or parse_field(lines[filled[0]]) or not is_title_like(lines[filled[0]]):
        return [], 0
    byline = byline_field(lines[filled[1]])
    return ([("Title", lines[filled[0]].strip()), byline], filled[1] + 1) if byline else ([], 0)


def split_header(lines: Sequence[str]) -> Header:
    """Split a leading block of `Key: value` lines (blank lines between allowed) from the rest.

    A title line and a by-line may stand above the fields, as many archives print them.
    """
    header = _split_fields(lines)
    title, start = _title_lines(lines)
    if header.fields or not title:
        return header
    below = _split_fields(lines[start:])
    return Header((*title, *below.fields), below.body, below.notes) if below.fields else header


def _split_fields(lines: Sequence[str]) -> Header:
    """The leading `Key: value` block, if it is a header (it names at least one known field)."""
    fields: list[list[str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        field = parse_field(line)
        if field:
            fields.append(list(field))
        elif fields and index > 0 and lines[index - 1].strip() and _continues(line, fields[-1][1]):
            fields[-1][1] = f"{fields[-1][1]} {line.strip()}".strip()
        elif line.strip():
            break
        index += 1
    known = [key for key, _ in fields if field_kind(key)]
    # A block of unknown labels is not a header ("Naruto: Hello!" opens a story, it does not describe it).
    if not known or len(known) * 2 < len(fields):
        return Header((), tuple(lines), ())
    notes = tuple(f"{key}: {value}" for key, value in fields if field_kind(key) == "note" and value)
    return Header(tuple((key, value) for key, value in fields), tuple(lines[index:]), notes)


def split_list(value: str, words: bool = False) -> tuple[str, ...]:
    """A comma/semicolon separated list (also "and"/"&" when `words`), items without a trailing period."""
    parts = re.split(r"\s*(?:[,;]|\s&\s|\band\b)\s*" if words else r"\s*[,;]\s*", value)
    return tuple(part.strip().rstrip(".").strip() for part in parts if part.strip(" ."))


def split_genres(value: str) -> tuple[str, ...]:
    """Genres split on "/", "," and "&", keeping slashed names such as Hurt/Comfort whole."""
    protected = value
    for name in _SLASHED_GENRES:
        protected = re.sub(re.escape(name), lambda m: m.group(0).replace("/", "\0"), protected, flags=re.I)
    parts = re.split(r"\s*[/,;&]\s*|\s+and\s+", protected)
    return tuple(p.replace("\0", "/").strip(" .") for p in parts if p.strip(" ."))


def split_series(value: str) -> tuple[str | None, float | None]:
    """A series field as (name, position)."""
    value = value.strip().rstrip(".")
    first, second = _SERIES_INDEX
    if match := first.match(value):
        return match.group(2).strip(), float(match.group(1))
    if match := second.match(value):
        return match.group(1).strip(" ,-(") or None, float(match.group(2))
    return value or None, None
