"""Whether text decoded with a guessed codec reads like text: non-ASCII characters where writing puts them."""

from __future__ import annotations

import re
import unicodedata

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Scripts a wrong single-byte codec swaps in for accented Latin letters (DOS Hebrew, Mac Greek, KOI8 ...);
# Japanese writes kanji and kana side by side, so they count as one.
_SCRIPTS = {name: name for name in ("LATIN", "GREEK", "CYRILLIC", "HEBREW", "ARABIC", "ARMENIAN", "THAI")}
_SCRIPTS |= {"GEORGIAN": "GEORGIAN", "HANGUL": "HANGUL", "CJK": "CJK", "HIRAGANA": "CJK", "KATAKANA": "CJK"}
_SPACED = frozenset({"LATIN", "GREEK", "CYRILLIC"})
# Non-letters that do sit between two letters: apostrophes (an acute accent typed as one: "don´t"),
# hyphens and dashes, the Catalan middle dot, soft hyphen, joiners.
_INSIDE_WORDS = frozenset("'`\u00b4\u2019\u2018\u02bc-\u2010\u2011\u2013\u2014\u00b7\u00ad\u200c\u200d")
# Enough characters to judge a codec; the rest of a large sample adds time, not evidence.
_MAX_CHECKED = 1000


def _script(char: str) -> str | None:
    return _SCRIPTS.get(unicodedata.name(char, "").split(" ", 1)[0])


def _is_anomaly(char: str, before: str, after: str) -> bool:
    """A wrong codec's signature: a letter of another script, or a symbol or capital inside a word."""
    category = unicodedata.category(char)
    if category in ("Cc", "Cn", "Co", "Cs") or char == "\ufffd":
        # Controls, unassigned and private-use code points: what a wrong codec maps stray bytes to.
        return True
    if "\u2500" <= char <= "\u259f":
        # Box-drawing pieces stand apart in ASCII art, never against a letter or digit ("1920╫1080").
        return before.isalnum() or after.isalnum()
    if not category.startswith("L"):
        # A symbol wedged inside a word ("ł" read as "³" in "by³o"); scripts without spaces (CJK) put
        # punctuation between letters, so only words of spaced alphabets count.
        inside = _script(before) in _SPACED and _script(after) in _SPACED
        return inside and char not in _INSIDE_WORDS and category[0] != "Z"
    script = _script(char)
    for neighbour in (before, after):
        other = _script(neighbour) if neighbour.isalpha() else None
        if script and other and script != other:
            # Latin words do not have Hebrew or Greek letters inside them ("Se±or Mⁿllerעs").
            return True
    # A capital between two small letters ("sensÈi" is "senséi" read as Mac Roman).
    return category == "Lu" and before.islower() and after.islower()


def anomaly_share(text: str) -> float:
    """The share of the (first few thousand) non-ASCII characters of `text` that sit where none would."""
    checked = anomalies = 0
    for match in _NON_ASCII.finditer(text):
        index = match.start()
        before = text[index - 1] if index else " "
        after = text[index + 1 : index + 2] or " "
        anomalies += _is_anomaly(match.group(), before, after)
        checked += 1
        if checked >= _MAX_CHECKED:
            break
    return anomalies / checked if checked else 0.0
