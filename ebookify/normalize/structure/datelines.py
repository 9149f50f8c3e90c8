"""Datelines: the place and date heading a letter or a diary entry ("St. Petersburgh, Dec. 11th, 17—.")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.salutations import is_salutation_line

__all__ = ["dateline_indices", "names_day_of_month"]


def _word_set(*groups: str) -> frozenset[str]:
    """The words of space-separated lists, in lower case."""
    return frozenset(word.lower() for group in groups for word in group.split())


# Months, written out or cut short, and weekdays, written out ("Sun", "Sat" are words), in the languages the
# normalizer reads: the one month list for the story's text (a header's dates are read by matter/dates.py,
# English only, with each month's number).
_MONTHS = _word_set(
    "January February March April May June July August September October November December",
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre",
    "decembre févr fevr",
    "Januar Jänner Februar März Marz Mär Juni Juli Junius Julius Oktober Dezember Okt Dez",
    "januari",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre",
)
_WEEKDAYS = _word_set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
)
_DATE_WORDS = _MONTHS | _WEEKDAYS
# A day, a year, a time, a date in figures: "11th", "1847", "17—" (a year left blank), "6:30", "12/3/1890".
_DATE_FIGURE = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th|d)|1\d\d\d|2\d\d\d|\d{2}[—–-]+|\d{1,2}[:.]\d\d|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})$",
    re.I,
)
_NUMBER = re.compile(r"^\d{1,4}$")
# Small words a place or a time may hold ("Hospital of St. Joseph", "6:30 p. m.", "6 o'clock").
_PARTICLES = _word_set(
    "of the near on at upon in am pm a.m p.m a p m oclock de du des la le les von van der den di da y"
)
_MARKS = str.maketrans("", "", "_*“”\"‘’'")
# A question, an exclamation, a line in brackets ("(Confidence)"), text run on after a dash ("4 September.—
# Patient still better"); a hyphen inside a name ("Buda-Pesth") or a year left blank ("17—.") is no run-on.
_NOT_DATELINE = re.compile(r"[!?]|^[“\"'‘_*]*[(\[]|(?:[.,;:]\s*|\s)(?:--|[—–-])\s*\w|(?:--|[—–])\s*[A-Za-z]")
# A dateline is one short line; a longer one is a sentence that happens to name a date.
_DATELINE_CHARS = 60
# A line this long is not looked at further (its spaces and marks aside, it is longer than a dateline).
_LINE_LIMIT = 2 * _DATELINE_CHARS
_DATELINE_WORDS = 10
# Entries of a diary or a novel in letters: a date line that recurs this often down a chapter heads each.
_MIN_ENTRIES = 3
# The lines of a letter's heading (an address, a place, a date) above its salutation or first paragraph.
_MAX_DATELINE_LINES = 3


def _tokens(text: str) -> list[str]:
    # "St. Petersburgh, Dec. 11th, 17—." → St, Petersburgh, Dec, 11th, 17—
    words = text.translate(_MARKS).replace(",", " ").split()
    return [word.rstrip(".;:") for word in words if word.rstrip(".;:")]


def _is_place_or_date(text: str) -> bool:
    """A short line of places and dates only: capitalised names, figures and the small words between them;
    no sentence ("It was May."), no question, no text run on after a dash ("4 September.—Patient ...")."""
    stripped = text.strip()
    if len(stripped) > _DATELINE_CHARS or "\n" in stripped or _NOT_DATELINE.search(stripped):
        return False
    tokens = _tokens(stripped)
    if not tokens or len(tokens) > _DATELINE_WORDS or tokens[0].lower() == "to":
        return False
    return all(
        token[0].isupper()
        or token.lower() in _DATE_WORDS
        or _DATE_FIGURE.match(token)
        or _NUMBER.match(token)
        or token.lower() in _PARTICLES
        for token in tokens
    )


def _has_date(text: str) -> bool:
    """A day, a year or a weekday: a month's name alone is also a word ("THE CAPTAIN JANUARY SERIES")."""
    tokens = _tokens(text)
    return any(_DATE_FIGURE.match(token) or token.lower() in _WEEKDAYS for token in tokens) or (
        any(token.lower() in _MONTHS for token in tokens) and any(_NUMBER.match(t) for t in tokens)
    )


# A day next to a month's name ("Am 10. Mai", "July 7th, 17--.", "Dec. 11th", "le 4 mai", "28 of September").
_MONTH = "|".join(sorted(map(re.escape, sorted(_MONTHS)), key=len, reverse=True))
_DAY_OF_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:of\s+)?(?:{_MONTH})\b|\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)
# A date seen alone is a short line; a longer one is a sentence that names a day.
_DAY_LINE_CHARS = 50
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-zß-ÿ][\w'’]*")
# A line naming a day names a place and a date; a sentence about a date ("We are to be married on 28
# September.") has more words in lower case than this.
_DAY_LINE_LOWER = 2


def names_day_of_month(text: str) -> bool:
    """A short line giving a day of a month with few other words ("Am 10. Mai", "le 4 mai", "July 7th,
    17--."): a letter's or a diary entry's date, seen alone. Not the same test as a dateline's: that one
    (dateline_indices) takes any line of places and dates ("Archangel, 1847.", "Saturday") but only where a
    letter or an entry starts; this one wants a day and a month, and then needs no context, so the scene
    breaks (the space around it frames a heading) and a chapter's subtitle can ask it of any line."""
    if len(text) > _DAY_LINE_CHARS or "\n" in text:
        return False
    match = _DAY_OF_MONTH.search(text)
    if match is None:
        return False
    rest = text[: match.start()] + " " + text[match.end() :]
    return len(_LOWER_WORD.findall(rest)) <= _DAY_LINE_LOWER


def _opens_text(item: Item) -> bool:
    """A letter's salutation or a paragraph of prose: no caption, heading, list or stanza under a date (a
    preface signed "Midsummer 1921." over the "[Illustration]" of the next page)."""
    if item.divider or item.verse:
        return False
    text = item.text.strip()
    return is_salutation_line(text) or (len(text) > _DATELINE_CHARS and text[:1] not in "[(")


def _short_line(item: Item) -> bool:
    return "\n" not in item.text and len(item.text) <= _DATELINE_CHARS and not item.divider


def dateline_indices(items: Sequence[Item], start: int, end: int) -> set[int]:
    """The indices of a chapter's datelines: those of its letters and those of its entries."""
    # Most chapters have no short line of places and dates at all: measured once, in one pass.
    places = {
        i for i in range(start, end) if len(items[i].text) <= _LINE_LIMIT and _is_place_or_date(items[i].text)
    }
    if not places:
        return set()
    return _letter_datelines(items, start, end, places) | _entry_datelines(items, start, end, places)


def _entry_datelines(items: Sequence[Item], start: int, end: int, places: set[int]) -> set[int]:
    """Date lines that recur down the chapter, each set off and followed by text, head its entries (a novel
    in letters or a diary: "Am 10. Mai" over each of Werther's letters); one such line alone is text."""
    found = {
        index
        for index in places
        if index + 1 < end
        and (index == start or items[index].gap >= 1)
        and _has_date(items[index].text)
        and _opens_text(items[index + 1])
    }
    return found if len(found) >= _MIN_ENTRIES else set()


def _letter_datelines(items: Sequence[Item], start: int, end: int, places: set[int]) -> set[int]:
    """A run of place and date lines holding a date, at the head of a chapter (under one short line at most:
    an address, a letter's title) or right above a letter's salutation, and followed by text."""
    found: set[int] = set()
    for index in sorted(places):
        if index - 1 in places and index - 1 >= start:
            continue  # inside a run already looked at
        run_end = index
        while run_end < end and run_end - index < _MAX_DATELINE_LINES and run_end in places:
            run_end += 1
        run = range(index, run_end)
        heads = index == start or (index == start + 1 and _short_line(items[start]))
        dated = run_end < end and any(_has_date(items[i].text) for i in run)
        if dated and (is_salutation_line(items[run_end].text) or (heads and _opens_text(items[run_end]))):
            found.update(run)
    return found
