"""One line as a chapter or part heading: "Chapter One: Title", "CHAPTER IV.", "Prologue", "XII"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ebookify.normalize.numerals import WORDS_PATTERN, number_value

HeadingKind = Literal["part", "chapter", "special", "bare"]

# Decorations around headings ("~Chapter 1~", "**Prologue**", "[Part 2]").
_DECORATION = " \t*~=#_[](){}<>|+"
_NUMBER = rf"(?:\d{{1,4}}(?:st|nd|rd|th)?|[IVXLCDM]+|[ivxlcdm]+|(?:{WORDS_PATTERN}))"
# What may follow a number: nothing, a separator, or a title.
_REST = r"(?=$|[\s.:,)\-–—])\s*(?P<sep>[.:,)\-–—]*)\s*(?P<rest>.*)"
_KEYWORD = re.compile(
    r"^(?P<kw>chapter|chap\.|ch\.|chap|ch|part|book|epoch|volume|vol\.|vol|section|act|canto|episode)"
    rf"(?:\s+|(?<=\.)\s*|(?=\d))(?:the\s+)?(?P<num>{_NUMBER}){_REST}$",
    re.I,
)
_SPECIAL = re.compile(
    r"^(?P<kw>prologue|epilogue|interlude|preface|foreword|introduction|afterword|postscript)"
    rf"(?:\s+(?P<num>{_NUMBER}))?{_REST}$",
    re.I,
)
# A number alone on its line: "7", "XII", "IV."; lower-case roman numerals are words, not headings.
_BARE = re.compile(r"^(?P<num>\d{1,3}|[IVXLC]+)\.?$")
_PART_WORDS = ("part", "book", "epoch", "volume")
_KEYWORD_NAMES = {"chap": "chapter", "ch": "chapter", "vol": "volume"}
# A contents entry ends with a page number after a wide space or dot leaders.
_PAGE_NUMBER = re.compile(r"(?:\s{2,}|\.{2,}\s*)(?:\d+|[ivxlc]+)$", re.I)
# "by Jane Doe", "By: Jane Doe", "written by Jane Doe".
_BYLINE = re.compile(r"^(?P<key>(?:written\s+)?by):?\s+(?P<name>\S.{0,60})$", re.I)
_QUOTES = "\"'“”‘’«»"
# A sentence boundary inside a line ("He ran. She hid"), except after a title such as "Mr."
_SENTENCE = re.compile(r"(\w+)[.!?]\s+\w")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "jr",
    "sr",
    "mt",
    "no",
    "vs",
    "prof",
    "rev",
    "capt",
    "col",
    "gen",
}


@dataclass(frozen=True)
class Heading:
    """A heading line: its kind, number (if any) and cleaned text; `titled` when it carries a title."""

    kind: HeadingKind
    number: int | None
    text: str
    titled: bool
    keyword: str = ""
    """The heading's word, normalised ("chapter" for "Ch."), empty for a bare number."""


def _rest_is_title(sep: str, rest: str) -> bool:
    """The words after a heading's number are a title, not the rest of a sentence."""
    if not rest:
        return True
    words = rest.split()
    if len(words) > 12 or rest[-1] in ",;":
        return False
    # A long tail ending like a sentence is prose ("Chapter one of the plan was done.").
    if rest[-1] in ".!?" and len(words) > 8:
        return False
    return bool(sep.strip()) or rest[0].isupper() or rest[0].isdigit() or rest[0] in _QUOTES


def has_page_number(line: str) -> bool:
    """A contents entry: the line ends with a page number after a wide space or dot leaders."""
    return bool(_PAGE_NUMBER.search(line.rstrip()))


def clean_heading(text: str) -> str:
    """A heading without its decorations and trailing period."""
    text = text.strip(_DECORATION)
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def match_heading(line: str) -> Heading | None:
    """The heading a line is, or None; the caller checks framing, numbering and contents lists."""
    if "\n" in line or len(line.strip()) > 100 or has_page_number(line):
        return None
    text = line.strip(_DECORATION)
    if not text or text[0] in _QUOTES or text[-1] in ",;":
        return None
    if match := _BARE.match(text):
        return Heading("bare", number_value(match.group("num")), clean_heading(line), False)
    for pattern in (_KEYWORD, _SPECIAL):
        match = pattern.match(text)
        if not match or not _rest_is_title(match.group("sep"), match.group("rest")):
            continue
        number = number_value(match.group("num")) if match.group("num") else None
        if match.group("num") and number is None:
            continue
        keyword = _KEYWORD_NAMES.get(match.group("kw").lower().rstrip("."), match.group("kw").lower())
        kind: HeadingKind = (
            "special" if pattern is _SPECIAL else "part" if keyword in _PART_WORDS else "chapter"
        )
        return Heading(kind, number, clean_heading(line), bool(match.group("rest")), keyword)
    return None


def is_title_like(line: str, max_words: int = 12) -> bool:
    """A short line set like a title: no sentence inside, capitalised words or all capitals."""
    text = line.strip(_DECORATION)
    words = text.split()
    if not words or len(words) > max_words or len(text) > 70 or "\n" in text:
        return False
    if not any(c.isalnum() for c in text):
        return False
    if text[-1] in ",;:":
        return False
    if not any(c.islower() for c in text):
        return True  # set in capitals, like "HER TWELFTH BIRTHDAY" or "\"TAPS\""
    if text[0] in _QUOTES:
        return False
    for match in _SENTENCE.finditer(text):
        if match.group(1)[-1].islower() and match.group(1).lower() not in _ABBREVIATIONS:
            return False
    long_words = [w for w in words if len(w.strip(_QUOTES + ".,!?")) >= 4]
    capitalised = [w for w in long_words if w.strip(_QUOTES)[:1].isupper()]
    # Title case: most of the longer words capitalised ("The Widow and her Child", "Change of Plans").
    return bool(long_words) and len(capitalised) * 5 >= len(long_words) * 3


def byline_field(text: str) -> tuple[str, str] | None:
    """A by-line as a field: ("By", "Jane Doe"), ("Written by", "Jane Doe")."""
    match = _BYLINE.match(text.strip())
    if not match or "\n" in text:
        return None
    key = match.group("key")
    return key[0].upper() + key[1:].lower(), match.group("name").strip()
