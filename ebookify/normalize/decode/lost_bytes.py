"""Letters whose second UTF-8 byte mojibake lost ("CAÃ\ufffdN" for "CAÏN"), recovered from the text."""

from __future__ import annotations

import itertools
import re
from collections import Counter

# Windows-1252 has no character for these bytes: a two-byte UTF-8 letter ending in one became its lead
# byte's character and U+FFFD ("Ï" is C3 8F: "Ã\ufffd").
_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def _letters(lead: int) -> str:
    return "".join(c for c in (bytes([lead, b]).decode("utf-8") for b in _UNDEFINED) if c.isalpha())


# The letters each lead byte (C2-DF, shown by Windows-1252 as the Latin-1 character of the same number)
# may have begun; a lead before U+FFFD stands as a mark (a noncharacter: input ones are removed first)
# while the rest of the line is repaired.
_CANDIDATES = {lead: _letters(lead) for lead in range(0xC2, 0xE0) if _letters(lead)}
_FIRST_MARK = 0xFDD1
_MARK_OF = {chr(lead) + "\ufffd": chr(_FIRST_MARK + lead - 0xC2) for lead in _CANDIDATES}
_LETTERS_OF = {chr(_FIRST_MARK + lead - 0xC2): letters for lead, letters in _CANDIDATES.items()}
_LOST = re.compile("|".join(_MARK_OF))
MARKS = "".join(_LETTERS_OF)
_MARK = re.compile(f"[{MARKS}]")
_WORD = re.compile(rf"[\w{MARKS}]*[{MARKS}][\w{MARKS}]*")
# More marks in one word than this are not worth trying every combination of (5 letters each).
_MAX_MARKS = 3


def mark_lost_letters(line: str) -> str:
    """The line with each lead byte left before U+FFFD as a mark standing for its lost letter."""
    return _LOST.sub(lambda m: _MARK_OF[m.group()], line)


def recover_lost_letters(text: str) -> tuple[str, int, int]:
    """Each mark replaced by the letter the text's own words choose; how many were recovered and lost.

    A damaged word is read as the candidate spelling the rest of the text uses ("CA?N" is "CAÏN" where
    "Caïn" appears); else each mark as the candidate letter the text uses clearly most ("ï" in French, by
    its intact lower-case form); without such evidence the letter stays lost, as U+FFFD."""
    if not _MARK.search(text):
        return text, 0, 0
    folded = text.casefold()
    words = Counter(re.findall(r"\w+", folded))
    guesses: dict[str, str] = {}
    tally = Counter[bool]()

    def by_frequency(match: re.Match[str]) -> str:
        mark = match.group()
        if mark not in guesses:
            guesses[mark] = _most_used(folded, _LETTERS_OF[mark])
        tally[guesses[mark] != "\ufffd"] += 1
        return guesses[mark]

    def recover(match: re.Match[str]) -> str:
        word = match.group()
        marks = _MARK.findall(word)
        if len(marks) <= _MAX_MARKS:
            for letters in itertools.product(*(_LETTERS_OF[mark] for mark in marks)):
                spelled = _spelled(word, letters)
                if words[spelled.casefold()]:
                    tally[True] += len(marks)
                    return spelled
        return _MARK.sub(by_frequency, word)

    return _WORD.sub(recover, text), tally[True], tally[False]


def _spelled(word: str, letters: tuple[str, ...]) -> str:
    """The word with its marks replaced by `letters`, in order."""
    parts = _MARK.split(word)
    return "".join(part + letter for part, letter in zip(parts, (*letters, ""), strict=True))


# The most used candidate letter must be used this many times as often as the next: French has "ï" and
# no "í"; Spanish has both "í" and "á" (and a guess between them would be wrong as often as right).
_CLEAR_LEAD = 2


def _most_used(folded: str, letters: str) -> str:
    """The candidate letter the text clearly uses most (in any case, intact elsewhere), else U+FFFD."""
    counts = sorted(((folded.count(letter.casefold()), letter) for letter in letters), reverse=True)
    best, letter = counts[0]
    runner_up = counts[1][0] if len(counts) > 1 else 0
    return letter if best > 0 and best >= _CLEAR_LEAD * runner_up else "\ufffd"
