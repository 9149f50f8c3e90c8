"""Elided words (’em, ’tis, ’ome, rock ’n’ roll): the table, and whether a text is written in dialect."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# Each entry: the letters that follow a word-initial apostrophe, and why they mark dropped letters. Forms that
# are not English words by themselves are apostrophes wherever they stand; forms that also spell a word
# (WORD_FORMS) are apostrophes in small letters ('round the corner), and capitalised only when no closing
# quote answers them in the paragraph ('Round the corner' is a quotation, 'Round it went an elision).
# "and" (for hand) is left out: a quotation resumed after its attribution often starts with it.
ELIDED_FORMS: dict[str, str] = {
    "em": "them: give 'em hell",
    "im": "him, h dropped: tell 'im",
    "is": "his, h dropped: 'is 'at (a word too)",
    "isself": "hisself, h dropped",
    "imself": "himself, h dropped",
    "er": "her, h dropped: 'er 'usband ('Er, well' hesitates: a word too)",
    "erself": "herself, h dropped",
    "e": "he, h dropped: 'e said",
    "ee": "thee or ye in West Country speech: I tell 'ee",
    "ome": "home, h dropped",
    "ouse": "house, h dropped",
    "ere": "here, h dropped ('ere long is also old English 'before': a word too)",
    "ead": "head, h dropped",
    "eart": "heart, h dropped",
    "ad": "had, h dropped (a word too)",
    "ave": "have, h dropped",
    "avin": "having, h dropped",
    "ow": "how, h dropped (ow! is a word too)",
    "alf": "half, h dropped",
    "appen": "happen, h dropped",
    "ard": "hard, h dropped",
    "ungry": "hungry, h dropped",
    "ope": "hope, h dropped",
    "un": "one: a good 'un",
    "ud": "would: 'ud be",
    "scape": "escape, old verse: if she 'scapes",
    "gan": "began, old verse: 'gan to weep",
    "gainst": "against, old verse",
    "neath": "beneath",
    "twixt": "betwixt",
    "tis": "it is: 'tis the season",
    "twas": "it was",
    "twere": "it were",
    "twould": "it would",
    "twill": "it will",
    "sdeath": "God's death, an old oath",
    "sblood": "God's blood, an old oath",
    "slight": "God's light, an old oath (a word too)",
    "zounds": "God's wounds, an old oath",
    "cause": "because (a word too)",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "bout": "about (a word too: a bout)",
    "round": "around (a word too)",
    "xcuse": "excuse",
    "scuse": "excuse",
    "cept": "except",
    "specially": "especially",
    "spose": "suppose",
    "pears": "appears (a word too)",
    "fraid": "afraid",
    "nuff": "enough",
    "kay": "okay",
    "til": "until (a word too: sesame)",
    "fore": "before (a word too)",
    "prentice": "apprentice",
    "tater": "potato",
    "bacca": "tobacco",
    "baccy": "tobacco",
    "f": "of: a cup 'f tea",
    "n": "and: rock 'n' roll, bread 'n butter",
}
# Forms that also spell an English word: an apostrophe only when nothing closes a quotation they would open.
WORD_FORMS = frozenset(
    {"is", "er", "ad", "ow", "ere", "un", "slight", "cause", "bout", "round", "til", "fore", "pears"}
)

_ALWAYS = sorted((f for f in ELIDED_FORMS if f not in WORD_FORMS), key=len, reverse=True)
_AMBIGUOUS = sorted(sorted(WORD_FORMS), key=len, reverse=True)
# The form must be the whole word, perhaps inflected ('scapes, 'avin'); 'n' may keep its closing apostrophe;
# decades ('90s) drop the century; old printers set 'tis and 'twas apart ('T is better, 'T were), a lone "t"
# that only a verb after it tells from a quotation opening with the letter ('T-shirts, he said').
ELISION = re.compile(
    rf"(?:{'|'.join(_ALWAYS)})(?:e?s|in['’]?|ing)?(?![\w'’])|n['’](?!\w)|\d\ds?(?!\w)"
    r"|t(?= (?:is|was|were|would|will)\b)",
    re.IGNORECASE,
)
AMBIGUOUS_ELISION = re.compile(rf"(?:{'|'.join(_AMBIGUOUS)})(?![\w'’])", re.IGNORECASE)
# In small letters those forms are elisions too: a quotation rarely opens with 'round or 'cause.
LOWER_ELISION = re.compile(rf"(?:{'|'.join(_AMBIGUOUS)})(?![\w'’])")

# Dialect shows as words with dropped letters at either end: ’ome, ’ere, runnin’, o’, th’, wi’ (but not the
# ’em, ’cause, ’til, ’tis of everyday writing). The pattern starts at the apostrophe and looks back, so the
# regex engine skips straight to the quote marks. One pattern per mark: a literal first character is found
# by a fast scan, a class of three by testing every character (a novel: 54 M instructions down to 5 M).
# A match takes its mark and at most a letter after it, so the three find the marks one pattern would.
_DIALECT_AFTER_MARK = (
    r"(?:(?<![\w'’‘]['’‘])(?!(?:em|cause|cos|coz|cuz|til|till|bout|round|tis|twas|n)\b)[a-z]"
    r"|(?!\w)(?:(?<=in['’])|(?<=\bth['’])|(?<=\bo['’])|(?<=\bwi['’])|(?<=\ban['’])|(?<=\bt['’])))"
)
_DIALECT_MARKS = tuple((mark, re.compile(mark + _DIALECT_AFTER_MARK)) for mark in "'’‘")
# A text with this many elided words per thousand is written in dialect: quotation marks and apostrophes can
# no longer be told apart by their neighbours, so single quotes are read as apostrophes there.
DIALECT_PER_THOUSAND = 8.0
_MIN_DIALECT_MARKS = 5


def dialect_marks(text: str) -> int:
    """How many words with dropped letters (’ome, runnin’, th’) the text has."""
    return sum(len(pattern.findall(text)) for mark, pattern in _DIALECT_MARKS if mark in text)


def is_dialect(paragraphs: Iterable[str]) -> bool:
    """True when elided words are so frequent that single quotes cannot be trusted to quote."""
    return _is_dialect_text("\n".join(paragraphs))  # one pass over the story, not one per paragraph


# The pipeline (typography) and the thought finder (quote convention) ask about the same story's paragraphs:
# its text is scanned once.
@functools.lru_cache(maxsize=1)
def _is_dialect_text(text: str) -> bool:
    marks = dialect_marks(text)
    words = text.count(" ") + text.count("\n") + 1
    return marks >= _MIN_DIALECT_MARKS and marks * 1000 >= DIALECT_PER_THOUSAND * words
