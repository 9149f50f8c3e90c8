"""Scene-break dividers (`* * *`, `xXx`, "Line Break", centred ornaments) and blank-line gaps."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# Characters divider lines are drawn with.
_DIVIDER_CHARS = set("*~-_=#+•·◆◇○●◦✦✧❖❦❧☙⁂§※°^<>|/\\:.—–")
# Ornaments that are a divider even alone on their line.
_ORNAMENTS = set("*#§⁂❦❧☙※✦✧❖◆•")
# Speech punctuation: a line of "..." or "?!" is someone saying nothing, not a divider.
_SPEECH = set(".…!?")
# Three-character faces such as ^_^ and -_- are emoticons, not dividers.
_FACE = re.compile(r"^(.)[_.]\1$")
# Divider words: "Line Break", "[scene break]", "~Time Skip~", "POV change".
_WORDS = re.compile(
    r"^[\W_]*(?:scene|line|page|section|time|pov|point of view)[\s-]*"
    r"(?:break|change|skip|switch|shift)[\W_]*$",
    re.I,
)
# Letter dividers: runs of x or o (xXx, XxXxX, oOo, o0o, -o-o-o-) with optional separators.
_LETTERS = re.compile(r"^[xXoO0]+(?:[-~=*._ ]*[xXoO0]+)*$")
# A divider of words or letters is at most this long.
_MAX_WORDED = 60
# The letters and digits a divider can start with (_WORDS and _LETTERS).
_ALNUM_STARTS = frozenset("slptxo0ſ")


def _letter_divider(text: str) -> bool:
    """xXx, oOo, -o-o-o-: symmetric runs of x/o (so "xoxo" hugs and "xxx" kisses are not dividers)."""
    core = text.strip("-~=*._ ")
    if not _LETTERS.match(core) or text != text[::-1]:
        return False
    letters = [c for c in core if c.isalnum()]
    mixed = len(set(letters)) > 1
    return len(letters) >= 3 and (mixed or len(letters) >= 5 or len(core) > len(letters))


def is_divider(line: str) -> bool:
    """True for a scene-break divider line."""
    # Most lines start with a letter or digit no divider starts with: only divider words (scene, line,
    # page, section, time, pov, point of view; "ſ" folds to "s") and x/o runs do. Decided without a scan,
    # and for a line at the margin (most lines) without stripping it first.
    first = line[:1]
    if first.isalnum() and first.lower() not in _ALNUM_STARTS:
        return False
    text = line.strip()
    if not text:
        return False
    if text[0].isalnum() and text[0].lower() not in _ALNUM_STARTS:
        return False
    # Stripped, the text starts with the first of its characters without spaces: a line that does not
    # start with a divider character (a letter, a quote mark) is no rule of them, decided without a scan.
    chars = text.replace(" ", "").replace("\u00a0", "") if text[0] in _DIVIDER_CHARS else ""
    if chars and all(c in _DIVIDER_CHARS for c in chars):
        if set(chars) <= _SPEECH or (_FACE.match(chars) and chars[0] != chars[1]):
            return False
        return len(chars) >= 3 or (len(set(chars)) == 1 and chars[0] in _ORNAMENTS)
    # Divider words and x/o runs are short; a rule of divider characters may run the full line width.
    return len(text) <= _MAX_WORDED and (_letter_divider(text) or bool(_WORDS.match(text)))


def normal_gap(gaps: Iterable[int]) -> int:
    """The text's usual number of blank lines between paragraphs (0 when paragraphs touch)."""
    counts = Counter(gaps)
    return counts.most_common(1)[0][0] if counts else 1


def is_wide_gap(gap: int, normal: int) -> bool:
    """A gap wider than the usual paragraph gap marks a scene break."""
    return gap > normal
