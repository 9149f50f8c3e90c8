"""Chapter numbers as written: digits, roman numerals, number words, ordinals ("Twenty-One", "the First")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_UNITS = [
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth",
]  # fmt: skip
_ORDINAL_TENS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth"]


def _word_values() -> dict[str, int]:
    values: dict[str, int] = {}
    for number in range(1, 100):
        tens, unit = divmod(number, 10)
        if number < 20:
            values[_UNITS[number]] = values[_ORDINAL_UNITS[number]] = number
        elif unit == 0:
            values[_TENS[tens]] = number
            if tens < len(_ORDINAL_TENS):
                values[_ORDINAL_TENS[tens]] = number
        else:
            for sep in ("-", " ", ""):
                values[f"{_TENS[tens]}{sep}{_UNITS[unit]}"] = number
                values[f"{_TENS[tens]}{sep}{_ORDINAL_UNITS[unit]}"] = number
    values["hundred"] = values["one hundred"] = 100
    return values


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, the longest that fits first ("twenty-one" wins over "twenty").

    Written as a trie ("twent(?:y(?:\\-(?:one|...))?|ieth)") rather than a list of 500 alternatives: it
    matches the same way, and compiling it at import costs a tenth of the time.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch_pattern(tree)


def _branch_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _branch_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if "" in node:
        # A word ends here: the greedy "?" tries the longer words first, then backtracks to this one.
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _words_pattern(words: Iterable[str]) -> str:
    """All number words: "twenty" to "ninety-ninth" as a tens word and an optional unit, the rest as a trie.

    A compound is tried first: it is longer than any other word that matches the same text ("seventy-seven"
    before "seven"), so the pattern still matches the longest word first, as a plain list of them would.
    """
    tens = [word for word in _TENS if word]
    units = trie_pattern([*_UNITS[1:10], *_ORDINAL_UNITS[1:10]])
    others = trie_pattern(word for word in words if not word.startswith(tuple(tens)))
    return f"(?:{'|'.join(tens)})(?:[\\-\\ ]?{units})?|{others}"


WORD_VALUES = _word_values()
WORDS_PATTERN = _words_pattern(WORD_VALUES)
ROMAN_PATTERN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN = re.compile(rf"^{ROMAN_PATTERN}$", re.I)
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
# Ordinal digits: 1st, 2nd, 3rd, 4th (and 1er, 2e, 3ème, 4º in other languages).
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th|er|re|ème|eme|e|º|ª)$", re.I)


def roman_value(text: str) -> int | None:
    """The value of a roman numeral (I to MMMCMXCIX), None when it is not one."""
    if not text or not _ROMAN.match(text):
        return None
    total = 0
    values = [_ROMAN_VALUES[c] for c in text.upper()]
    for value, following in zip(values, [*values[1:], 0], strict=True):
        total += -value if value < following else value
    return total


def number_value(text: str) -> int | None:
    """The value of a chapter number written as digits, a roman numeral or words; None otherwise."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    if match := _ORDINAL_DIGITS.match(text):
        return int(match.group(1))
    if text in WORD_VALUES:
        return WORD_VALUES[text]
    return roman_value(text)
