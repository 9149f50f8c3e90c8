"""One line as a chapter or part heading: "Chapter One: Title", "CHAPTER IV.", "Prologue", "XII"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from ebookify.normalize.structure.heading_words import (
    CHAPTER_NAMES,
    DIGIT_FIRST,
    LAST,
    PART_NAMES,
    VOCABULARIES,
    candidate_languages,
    keyword_name,
    language_patterns,
    learned_patterns,
)
from ebookify.normalize.structure.number_words import FOREIGN_ORDINALS, LAST_NUMBER
from ebookify.normalize.structure.numerals import number_value

HeadingKind = Literal["part", "chapter", "special", "bare", "numbered", "letter"]

# Decorations around headings ("~Chapter 1~", "**Prologue**", "[Part 2]", "===/ Chapter 1 /").
_DECORATION = " \t*~=#_[](){}<>|+/\\"
# Dashes are decorations too, but only around the heading: "Book the First--Recalled to Life" keeps its own.
_EDGE_DASHES = "-–—"
# A number alone on its line: "7", "XII", "IV."; lower-case roman numerals are words, not headings.
_BARE = re.compile(r"^(?P<num>\d{1,3}|[IVXLC]+)\.?$")
# The same numeral as OCR read it in a 1990s etext: a capital numeral with a lower-case "l" for its "I"
# ("XVl", "Xl"); the numbering still has to expect it (heading_candidates.py), so "Il" is no 2 by chance.
_OCR_BARE = re.compile(r"^(?P<num>[IVXLC]+l+)\.?$")
# A capital letter alone on its line: "A", "B." (a dictionary's or an abecedarium's sections).
_LETTER = re.compile(r"^(?P<letter>[A-Z])\.?$")
# A numbered section: "XII. La rentrée.", "1. AT THE GATES OF LIFE AND DEATH"; its siblings confirm it.
_NUMBERED = re.compile(r"^(?P<num>\d{1,3}|[IVXLC]+)[.)]\s+(?P<rest>\S.*)$")
# A heading's title is at most this long: "SCENE V. An open Gallery to Juliet's Chamber, overlooking..."
_TITLE_WORDS = 14
# A numbered section's title is short.
_NUMBERED_WORDS = 10
# A footnote's mark set after a heading ("CHAPITRE XXII[1].", "BOOK II.(2)", "A WATCH.[1]"): the book's
# apparatus, not the heading's words; the note itself stays in the text under it.
_NOTE_MARK = re.compile(r"(?<=[\w.!?])(?:\[\d{1,3}\]|\(\d{1,2}\))(?=\.?\s*$)")
# A chapter heading that names its part before a middle dot or a bullet: "Inferno · Canto I" (the part is
# read from the run of such headings, see chapters.py).
PART_PREFIX = re.compile(r"^(?P<part>[^\W\d_][^\W\d_'’ -]{0,30}?)\s*[·•]\s*(?P<rest>\S.*)$")
# A contents entry ends with a page number after a wide space or dot leaders. (The look-ahead tests one
# character at each position before the alternatives are tried: the same matches, three times faster.)
_PAGE_NUMBER = re.compile(r"(?=[\s.])(?:\s{2,}|\.{2,}\s*)(?:\d+|[ivxlc]+)$", re.I)
# "by Jane Doe", "By: Jane Doe", "written by Jane Doe".
_BYLINE = re.compile(r"^(?P<key>(?:written\s+)?by):?\s+(?P<name>\S.{0,60})$", re.I)
_QUOTES = "\"'“”‘’«»"
# A sentence boundary inside a line ("He ran. She hid"), except after a title such as "Mr."
_SENTENCE = re.compile(r"(\w+)[.!?]\s+\w")
# The same, with the first letter of the next word captured.
_NEW_SENTENCE = re.compile(r"(\w+)[.!?]\s+[\"'“‘(]*(\w)")
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
# Small words title case leaves in lower case ("The Man on the Tor").
_MINOR_WORD = re.compile(r"(?:a|an|the|and|or|but|nor|of|on|in|at|to|by|for|as|up|off)", re.I)


@dataclass(frozen=True)
class Heading:
    """A heading line: its kind, number (if any) and cleaned text; `titled` when it carries a title."""

    kind: HeadingKind
    number: int | None
    text: str
    titled: bool
    keyword: str = ""
    """The heading's word, normalised ("chapter" for "Ch."), empty for a bare number."""
    inner: Heading | None = None
    """The chapter a part heading opens on the same line ("ACT I. SCENE I." holds "SCENE I.")."""
    letter: int | None = None
    """A lone capital's place in the alphabet ("I" may be the ninth letter as well as the first numeral)."""


def _rest_is_title(sep: str, rest: str) -> bool:
    """The words after a heading's number are a title, not the rest of a sentence."""
    if not rest:
        return True
    words = rest.split()
    if len(words) > _TITLE_WORDS or rest[-1] in ",;":
        return False
    if sep.strip():
        # "SCENE III. A churchyard; in it a Monument belonging to the Capulets.": set off, so a title.
        return True
    # A long tail ending like a sentence is prose ("Chapter one of the plan was done."), unless in capitals.
    if rest[-1] in ".!?" and len(words) > 8 and any(c.islower() for c in rest):
        return False
    return rest[0].isupper() or rest[0].isdigit() or rest[0] in _QUOTES


def has_page_number(line: str) -> bool:
    """A contents entry: the line ends with a page number after a wide space or dot leaders."""
    return bool(_PAGE_NUMBER.search(line.rstrip()))


def without_page_number(line: str) -> str:
    """A contents entry without the page number at its end (the same number has_page_number finds)."""
    return _PAGE_NUMBER.sub("", line)


def clean_heading(text: str) -> str:
    """A heading without its decorations, note mark and trailing period, its spaces single ("ACT\u00a0I" →
    "ACT I", "NEGRO BOY SOLD FOR A WATCH.[1]" → "NEGRO BOY SOLD FOR A WATCH")."""
    # A note mark is no part of the title (its bracket went as decoration and left "WATCH.[1").
    text = " ".join(_strip(_NOTE_MARK.sub("", text)).split())
    # An initialism's last period belongs to it ("THE P.C. AND P.O.", "A LETTER FROM U.S.A."), unlike the
    # period that closes "CHAPTER I." or "IN WHICH WE MEET.".
    if _INITIALISM_END.search(text):
        return text
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


_INITIALISM_END = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}$")


def _strip(line: str) -> str:
    """The line without decorations at its ends; an emphasis marker that pairs with one inside is kept."""
    # Two rounds: dashes and slashes may alternate ("-\\- Prologue -/-").
    text = line.strip(_DECORATION).strip(_EDGE_DASHES).strip(_DECORATION)
    text = text.strip(_EDGE_DASHES).strip(_DECORATION)
    # A direction in parentheses keeps its closing bracket and what it encloses: "Amalia (_im Garten,
    # spielt auf der Laute._)" is no "Amalia (_im Garten, spielt auf der Laute".
    if text.count("(") > text.count(")"):
        stripped = line.strip()
        start = stripped.find(text)
        close = stripped.rfind(")")
        if start >= 0 and close >= start + len(text):
            text = stripped[start : close + 1]
    for marker in "_*":
        # "PART II. _The Country of the Saints._" keeps the underscore that closes its italics.
        if text.count(marker) % 2 and line.rstrip().rstrip(".").endswith(marker):
            text += marker
    return text


def _word_value(text: str, language: str) -> int | None:
    """A heading number: digits, a roman numeral, or a number word of the heading's language."""
    value = number_value(text)
    return value if value is not None else VOCABULARIES[language].numbers.get(text.lower())


def _keyword_heading(line: str, text: str) -> Heading | None:
    """A worded heading in a known language: "Chapter 4: Title", "FIRST ACT", "Erstes Kapitel", "Prologue"."""
    patterns = [(language, p) for language in candidate_languages(text) for p in language_patterns(language)]
    if text[:1].isdigit():
        patterns.append(("en", DIGIT_FIRST))
    for language, pattern in patterns:
        match = pattern.match(text)
        if not match or not _rest_is_title(match.group("sep"), match.group("rest")):
            continue
        number = _word_value(match.group("num"), language) if match.group("num") else None
        if match.group("num") and match.group("num").lower() == LAST:
            number = LAST_NUMBER  # "SCENE THE LAST": after every other number of its series
        if match.group("num") and number is None:
            continue
        keyword = keyword_name(match.group("kw"))
        special = pattern is language_patterns(language)[2]
        kind: HeadingKind = "special" if special else "part" if keyword in PART_NAMES else "chapter"
        rest = match.group("rest")
        inner = _keyword_heading(rest, _strip(rest)) if kind == "part" and rest else None
        if inner is not None and inner.kind == "chapter":
            # "ACT I. SCENE I.": the act, and the scene it opens with.
            return Heading(kind, number, clean_heading(text[: match.start("rest")]), False, keyword, inner)
        return Heading(kind, number, clean_heading(line), bool(rest), keyword)
    return None


def _learned_heading(line: str, text: str) -> Heading | None:
    """ "ERSTE VIGILIE.", "Vigil 3": a capitalised word of the book's own with a number. Its keyword is
    marked with "~": only a run of such headings counting up from the first makes them chapters."""
    for pattern in learned_patterns():
        match = pattern.match(text)
        if not match or not match.group("kw")[0].isupper():
            continue
        value = match.group("num")
        number = number_value(value)
        if number is None:
            number = FOREIGN_ORDINALS.get(value.lower())
        if number is not None:
            return Heading(
                "chapter", number, clean_heading(line), False, "~" + keyword_name(match.group("kw"))
            )
    return None


def _numbered_title(rest: str) -> bool:
    """The title of a numbered section: short, starting with a capital, not a sentence (case may be any)."""
    words = rest.split()
    start = rest.lstrip(_QUOTES)[:1]
    if len(words) > _NUMBERED_WORDS or rest[-1] in ",;:" or not (start.isupper() or start.isdigit()):
        return False
    # "XXXIX. A l'Ecole? ou chez nous?" is one title: only a capital after a stop starts a new sentence.
    return not any(
        match.group(1)[-1].islower()
        and match.group(2).isupper()
        and match.group(1).lower() not in _ABBREVIATIONS
        for match in _NEW_SENTENCE.finditer(rest)
    )


# The chapter finder asks about the same item several times (as a heading, as the line above another, as
# a contents entry): the answers are kept for the few thousand items of a novel.
@lru_cache(maxsize=8192)
def match_heading(line: str) -> Heading | None:
    """The heading a line is, or None; the caller checks framing, numbering and contents lists."""
    if "\n" in line or len(line.strip()) > 100 or has_page_number(line):
        return None
    line = _NOTE_MARK.sub("", line)
    text = _strip(line)
    if not text or text[0] in _QUOTES or text[-1] in ",;":
        return None
    letter = _LETTER.match(text)
    place = ord(letter.group("letter")) - ord("A") + 1 if letter else None
    if match := _BARE.match(text):
        return Heading("bare", number_value(match.group("num")), clean_heading(line), False, letter=place)
    if match := _OCR_BARE.match(text):
        number = number_value(match.group("num").replace("l", "I"))
        return Heading("bare", number, clean_heading(line).replace("l", "I"), False)
    if place is not None:
        return Heading("letter", place, clean_heading(line), False, letter=place)
    if heading := _keyword_heading(line, text) or _learned_heading(line, text):
        return heading
    prefixed = PART_PREFIX.match(text)
    inner = match_heading(prefixed.group("rest")) if prefixed else None
    if inner is not None and inner.kind == "chapter":
        return replace(inner, text=clean_heading(line))
    match = _NUMBERED.match(text)
    if match and _numbered_title(match.group("rest")):
        return Heading("numbered", number_value(match.group("num")), clean_heading(line), True)
    return None


def is_heading_word(line: str) -> bool:
    """A heading word alone on its line ("SCENE", "Chapter"): a label, not a title."""
    name = keyword_name(line.strip(_DECORATION + ".:"))
    return name in CHAPTER_NAMES or name in PART_NAMES


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
    if not long_words:
        # Short words only ("The Man on the Tor"): title case capitalises every word but the small ones.
        major = [w.strip(_QUOTES) for w in words if not _MINOR_WORD.fullmatch(w.strip(_QUOTES + ".,!?"))]
        return len(major) >= 2 and all(w[:1].isupper() for w in major)
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
