"""Finds quoted passages in a paragraph: which quote marks open, close, or are apostrophes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final, NamedTuple

from ebookify.normalize.inline.elisions import ELISION, LOWER_ELISION

SINGLE_QUOTES = "'‘’"
DOUBLE_QUOTES = '"“”'
# Characters after which a quote mark starts a quotation rather than ending one.
_OPENING_CONTEXT = "([{<—–-/‘“"
# A single-quoted passage never holds a paragraph break and rarely runs this long: bound the look-ahead.
_LOOKAHEAD_TOKENS = 40


class Role(Enum):
    """What one quote mark does in its context."""

    APOSTROPHE = "apostrophe"
    OPEN = "open"
    CLOSE = "close"
    WEAK_CLOSE = "weak_close"
    """After a letter, before a space: a closing quote or a plural possessive (the Potters’ house)."""
    EITHER = "either"
    """A straight double quote with spaces on both sides."""


# The members under names of this module: Python 3.11 finds `Role.OPEN` through EnumType's `__getattr__` hook
# (a Python-level call, about 1,100 instructions a lookup where a module's name takes 30), and a novel's
# quote marks are judged tens of thousands of times.
APOSTROPHE: Final = Role.APOSTROPHE
OPEN: Final = Role.OPEN
CLOSE: Final = Role.CLOSE
WEAK_CLOSE: Final = Role.WEAK_CLOSE
EITHER: Final = Role.EITHER


@dataclass(frozen=True)
class Quoted:
    """A quoted passage: text[start:end] including both quote marks."""

    start: int
    end: int
    family: str
    """"single" or "double"."""
    depth: int
    """0 for a top-level quotation, 1 or more when nested inside another quotation."""
    mismatched: bool = False
    """True when it opens with one kind of quote and closes with the other ('I love you," she said)."""


def _opens_after(text: str, i: int) -> bool:
    """True when a quote mark at text[i] stands where a quotation can begin."""
    # Look past straight quotes right before it: in "'Hi,' he said" both marks open.
    j = i - 1
    while j >= 0 and text[j] in "'\"":
        j -= 1
    return j < 0 or text[j].isspace() or text[j] in _OPENING_CONTEXT


def after_break(text: str, i: int) -> Role | None:
    """After a dash or an ellipsis a quote opens before a letter and closes before anything else."""
    # Standard Ebooks' rule: "Miss—”! and “Wait…” close, she said—“Stop!” opens; a dash is no proof of either.
    if i < 2 or (text[i - 1] not in "—–-…" and text[i - 3 : i] != "..."):
        return None
    if text[i - 1] in "—–-" and text[i - 2].isspace():
        return None  # a spaced dash stands for a space before the quote: the usual rules decide
    j = i + 1
    while j < len(text) and text[j] in SINGLE_QUOTES + DOUBLE_QUOTES:
        j += 1  # look past the marks of a nested quotation: gesture—“’tis
    nxt = text[j] if j < len(text) else " "
    return OPEN if nxt.isalnum() or nxt in "_*" else CLOSE


def single_role(text: str, i: int) -> Role:
    """The role of the single quote or apostrophe at text[i], judged from its neighbours."""
    char = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not prev.isalnum() and (ELISION.match(text, i + 1) or LOWER_ELISION.match(text, i + 1)):
        # A word with its first letters dropped ('em, 'tis, '90s) starts here, not a quotation; a word
        # processor types it as an opening mark (‘em), which is still an apostrophe.
        return APOSTROPHE
    if char == "‘":
        # A left single quote was typed (or set by a word processor) as an opening mark: trust it, except
        # after a dash before punctuation or space (‘Wait—‘ she said), a word processor's slip.
        return CLOSE if after_break(text, i) is CLOSE else OPEN
    if prev.isalnum() and nxt.isalnum():
        # Between letters or digits it is inside a word: don't, o'clock, ma'am, Sakura's.
        return APOSTROPHE
    broken = after_break(text, i)
    if broken is not None:
        return broken
    if _opens_after(text, i):
        if nxt and not nxt.isspace():
            return OPEN
        return APOSTROPHE
    if prev.isalpha() and nxt.isspace():
        # "you' and", "Potters' house", "runnin' away": a closing quote only if nothing better follows.
        return WEAK_CLOSE
    if nxt.isalnum():
        return APOSTROPHE
    return CLOSE


def double_role(text: str, i: int) -> Role:
    """The role of the double quote at text[i]."""
    char = text[i]
    if char == "”":
        return CLOSE
    broken = after_break(text, i)
    if char == "“":
        # Trust a typed opening mark, except where a word processor set one after a dash: “Miss—“!
        return CLOSE if broken is CLOSE else OPEN
    if broken is not None:
        return broken
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if _opens_after(text, i):
        # Spaces on both sides (or nothing after): only the quotations still open can tell.
        return OPEN if nxt and not nxt.isspace() else EITHER
    return CLOSE


class _Token(NamedTuple):
    # A named tuple, not a dataclass: a novel has tens of thousands of quote marks, and a tuple is made
    # several times faster than a frozen dataclass.
    pos: int
    family: str
    role: Role


def mark_positions(text: str, marks: str) -> list[int]:
    """Where the characters of `marks` stand in the text, in order."""
    # A scan for each mark finds it fast; a regex class of quote marks is tested at every character (a
    # novel's paragraphs: 40 M instructions).
    found: list[int] = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for i in mark_positions(text, SINGLE_QUOTES + DOUBLE_QUOTES):
        if text[i] in SINGLE_QUOTES:
            role = single_role(text, i)
            if role is not APOSTROPHE:
                tokens.append(_Token(i, "single", role))
        else:
            tokens.append(_Token(i, "double", double_role(text, i)))
    return tokens


def _better_close_follows(tokens: list[_Token], index: int) -> bool:
    """True when a plain closing single quote comes before the next opening one."""
    for token in tokens[index + 1 : index + 1 + _LOOKAHEAD_TOKENS]:
        if token.family == "single" and token.role is OPEN:
            return False
        if token.family == "single" and token.role is CLOSE:
            return True
    return False


def find_quoted(text: str, unanswered: list[int] | None = None) -> list[Quoted]:
    """All quoted passages of one paragraph, in order of their closing marks; `unanswered` receives the
    positions of single opening marks that a double quotation closed around ("Tell ‘im now!")."""
    tokens = _tokens(text)
    stack: list[_Token] = []
    found: list[Quoted] = []
    for index, token in enumerate(tokens):
        role = token.role
        if role is EITHER:
            role = CLOSE if any(t.family == token.family for t in stack) else OPEN
        if role is OPEN:
            if stack and stack[-1].family == token.family:
                # Quotes of one kind do not nest directly: the earlier one was never closed.
                earlier = stack.pop()
                if unanswered is not None and earlier.family == "single":
                    unanswered.append(earlier.pos)
            stack.append(token)
            continue
        if role is WEAK_CLOSE and (
            not stack or stack[-1].family != "single" or _better_close_follows(tokens, index)
        ):
            continue
        _close(token, stack, found, unanswered)
    return found


def _close(token: _Token, stack: list[_Token], found: list[Quoted], unanswered: list[int] | None) -> None:
    """Pair a closing mark with the innermost opening mark of its kind (or a mismatched one)."""
    families = [t.family for t in stack]
    if token.family in families:
        while stack[-1].family != token.family:
            inner = stack.pop()  # an inner quotation that was never closed: its mark was an apostrophe
            if unanswered is not None and inner.family == "single":
                unanswered.append(inner.pos)
        opener = stack.pop()
        found.append(Quoted(opener.pos, token.pos + 1, token.family, len(stack)))
    elif token.family == "double" and stack:
        # 'I love you," she said: an author's typo; the passage is still speech, opened by the other mark.
        opener = stack.pop()
        found.append(Quoted(opener.pos, token.pos + 1, opener.family, len(stack), mismatched=True))
    # Otherwise a closing single quote with nothing open is an apostrophe (the boys'.).
