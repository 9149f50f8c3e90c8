"""Dates as headers write them ("January 1, 1994 [eBook #98]", "03/05/2010") to ISO 8601."""

from __future__ import annotations

import re
from datetime import date

_MONTH_TABLE = """
jan=1 january=1 feb=2 february=2 mar=3 march=3 apr=4 april=4 may=5 jun=6 june=6 jul=7 july=7 aug=8
august=8 sep=9 sept=9 september=9 oct=10 october=10 nov=11 november=11 dec=12 december=12
"""


def _table(text: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in text.split())


_MONTHS = {name: int(number) for name, number in _table(_MONTH_TABLE).items()}
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_MONTH_FIRST = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", re.I)
_DAY_FIRST = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$", re.I)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$", re.I)
_YEAR = re.compile(r"^(\d{4})$")

# What trails a date in a licence header: "[eBook #98]", "Most recently updated: ...".
_TRAILER = re.compile(r"\s*(?:\[|\(|most recently|last updated|updated:).*$", re.I)


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def w3c_date(value: str | None) -> str | None:
    """A W3C date (YYYY-MM-DD, YYYY-MM or YYYY) for a header date, None when it cannot be read without
    guessing."""
    text = _TRAILER.sub("", " ".join((value or "").split()))
    if match := _ISO_DATE.match(text):
        return _valid_date(int(match[1]), int(match[2]), int(match[3]))
    if (match := _ISO_MONTH.match(text)) and 1 <= int(match[2]) <= 12:
        return text
    if match := _NUMERIC_DATE.match(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        # 03/05/2010 is March 5 in the US and 3 May elsewhere: keep only the year unless one reading fails.
        if first > 12:
            return _valid_date(year, second, first)
        if second > 12:
            return _valid_date(year, first, second)
        return str(year)
    if match := _MONTH_FIRST.match(text):
        month = _MONTHS.get(match[1].lower())
        return _valid_date(int(match[3]), month, int(match[2])) if month else None
    if match := _DAY_FIRST.match(text):
        month = _MONTHS.get(match[2].lower())
        return _valid_date(int(match[3]), month, int(match[1])) if month else None
    if match := _MONTH_YEAR.match(text):
        # "March, 1994" (a 1990s etext's date line): the month is known, the day is not.
        month = _MONTHS.get(match[1].lower())
        return f"{match[2]}-{month:02d}" if month else None
    if match := _YEAR.match(text):
        return match[1]
    return None
