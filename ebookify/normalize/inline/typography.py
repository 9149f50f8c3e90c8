"""Typographic quotes, dashes and ellipses on model text, before any markup exists."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from ebookify.model import Span
from ebookify.normalize.inline.elisions import AMBIGUOUS_ELISION
from ebookify.normalize.inline.quotes import (
    CLOSE,
    EITHER,
    OPEN,
    after_break,
    double_role,
    find_quoted,
    mark_positions,
    single_role,
)

# Each rule: a pattern, its replacement and two substrings it cannot match without ("" when it needs none),
# applied in order to a paragraph's whole text so that a quote at a span boundary still sees its neighbours.
# Characters already typographic are never touched. The substrings are a cheap test (`in`) that skips rules
# which cannot match: most paragraphs have no run of periods or hyphens, and a look-behind scans slowly.
# A pattern starts with its literal and looks behind it afterwards ("--(?<=\d--)", not "(?<=\d)--"): a
# leading look-behind is tried at every character, a leading literal lets the regex engine skip to it (a
# novel's 1,500 paragraphs with quotes and digits: 10 ms to 0.4 ms). The matches are the same.
_Rule = tuple[re.Pattern[str], str, str, str]
_RULES: tuple[_Rule, ...] = (
    # Spaced periods are a typewriter's ellipsis: ". . ." is one character in print.
    (re.compile(r"\.\s\.\s\.(?!\s\.)"), "…", "", ""),
    # Four periods are the sentence's own period and an ellipsis.
    (re.compile(r"\.\.\.\.(?<!\.\.\.\.\.)(?!\.)"), ".…", "....", ""),
    # Three periods, or a longer trail of them, are an ellipsis.
    (re.compile(r"\.{3,}"), "…", "...", ""),
    # Between numbers a double hyphen is a range (1914--1918), set with an en dash.
    (re.compile(r"--(?<=\d--)(?=\d)"), "–", "--", ""),
    # Four or more hyphens against a word (lived----", Lord D----) or between two words of one line (the ----
    # regiment) are a typewriter's long dash for a broken-off or omitted word: the two-em dash of print.
    (re.compile(r"(?<=[\w,.!?;:])-{4,}|-{4,}(?=\w)|(?<=\w )-{4,}(?= \w)"), "⸺", "----", ""),
    # Three or two hyphens are the typewriter's em dash; a free-standing run of four or more is a rule.
    (re.compile(r"--(?<!---)-?(?!-)"), "—", "--", ""),
    # A space typed between a sentence's end and the quote mark closing the paragraph ("Footprints. "): a
    # mark at the very end can only close, and print sets it against its sentence ("Footprints.").
    (re.compile(r'(?<=[.!?,]) +(?="\Z)'), "", ' "', ""),
    # Feet and inches (5'10") take primes, not quotes.
    (re.compile(r"'(?<=\d')(?=\d{1,2}\")"), "′", "'", '"'),
    (re.compile(r"(?<=\d′\d)\"|(?<=\d′\d\d)\""), "″", "′", '"'),
)


def _apply(
    pattern: re.Pattern[str], replacement: str, chars: str, owners: list[int]
) -> tuple[str, list[int]]:
    """Substitute, keeping for each output character the index of the span it came from."""
    pieces: list[str] = []
    new_owners: list[int] = []
    position = 0
    for match in pattern.finditer(chars):
        pieces.append(chars[position : match.start()])
        new_owners += owners[position : match.start()]
        pieces.append(replacement)
        new_owners += [owners[match.start()]] * len(replacement)
        position = match.end()
    if position == 0:
        return chars, owners
    pieces.append(chars[position:])
    new_owners += owners[position:]
    return "".join(pieces), new_owners


class _Pairing:
    """Which single opening marks of a paragraph find_quoted pairs, and which a double quotation closed
    around unanswered; computed once, and only for a paragraph that needs it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._paired: set[int] | None = None
        self._unanswered: set[int] = set()
        self.has_doubles = '"' in text or "“" in text or "”" in text

    def _compute(self) -> set[int]:
        if self._paired is None:
            unanswered: list[int] = []
            self._paired = {q.start for q in find_quoted(self.text, unanswered)}
            self._unanswered = set(unanswered)
        return self._paired

    def paired(self, i: int) -> bool:
        return i in self._compute()

    def unanswered(self, i: int) -> bool:
        self._compute()
        return i in self._unanswered


def _opens_quotation(text: str, i: int, dialect: bool, pairing: _Pairing) -> bool:
    """Whether the single quote at text[i] opens a quotation (else it is an apostrophe)."""
    if single_role(text, i) is not OPEN:
        return False
    nxt = text[i + 1 : i + 2]
    typed = text[i] == "‘"
    if not typed and dialect and nxt.islower():
        # In dialect ('ad, 'ittin', 'owsomever) a small letter after the mark always lost letters.
        return False
    if not typed and (nxt.islower() or AMBIGUOUS_ELISION.match(text, i + 1) is not None):
        # A small letter or a form that is also a word ('Round, 'Ere): an elision unless a closing quote
        # answers it. (A typed ‘ is trusted here: verse quotations run on for lines.)
        return pairing.paired(i)
    if not pairing.has_doubles:
        return True
    # A mark that a double quotation closed around without answering it, standing inside a clause
    # ("saved by ‘Arry", "could not ‘andle") or before a small letter, dropped letters.
    before = text[:i].rstrip()
    inside_clause = bool(before) and before[-1].isalpha()
    return not ((inside_clause or nxt.islower()) and pairing.unanswered(i))


# A word processor types an opening mark after a dash or an ellipsis, even where it closes: “Miss—“!
_TYPED_AFTER_BREAK = re.compile(r"[“‘](?<=[—–…-][“‘])")


def _closing_after_break(text: str, i: int) -> str:
    """The typed mark at text[i], turned to a closing one when nothing but punctuation or space follows."""
    if after_break(text, i) is CLOSE:
        return "”" if text[i] == "“" else "’"
    return text[i]


def _curl_quotes(text: str, dialect: bool = False) -> str:
    """Straight quotes to curly ones; an apostrophe is a right single quote (’em, ’90s, rock ’n’ roll)."""
    if "“" in text or "‘" in text:
        text = _TYPED_AFTER_BREAK.sub(lambda m: _closing_after_break(text, m.start()), text)
    if "'" not in text and '"' not in text and "‘" not in text:
        return text  # nothing to curl (most paragraphs of a novel without dialogue)
    # The text between the marks is kept in slices (a list of its characters costs 40 M instructions for a
    # novel's dialogue).
    pieces: list[str] = []
    position = 0
    doubles_open = False
    pairing = _Pairing(text)
    for i in mark_positions(text, "'\"‘"):
        pieces.append(text[position:i])
        position = i + 1
        if text[i] in "'‘":
            pieces.append("‘" if _opens_quotation(text, i, dialect, pairing) else "’")
            continue
        role = double_role(text, i)
        if role is EITHER:
            # Spaces on both sides: it closes the quotation this paragraph left open, else it opens one.
            role = CLOSE if doubles_open else OPEN
        pieces.append("“" if role is OPEN else "”")
        doubles_open = role is OPEN
    pieces.append(text[position:])
    return "".join(pieces)


def opens_quotation(text: str, dialect: bool = False) -> bool:
    """Whether the quote mark that starts `text` opens a quotation, as curling decides it: an elision's
    apostrophe ('Tis, 'em, ‘neath) or a closing mark does not."""
    return _curl_quotes(text, dialect)[:1] in ("“", "‘")


def typeset_text(text: str, dialect: bool = False) -> str:
    """Typography for one string (a paragraph, a title)."""
    return typeset_spans([Span(text)], dialect)[0].text if text else text


def typeset_spans(spans: Sequence[Span], dialect: bool = False) -> tuple[Span, ...]:
    """Apply typography to a paragraph's spans, judging each character with the whole paragraph around it;
    `dialect` when the story is written in dialect (its word-initial single quotes are apostrophes)."""
    if len(spans) == 1:
        # One span (most paragraphs): no span boundaries to keep track of, so plain substitution is enough.
        text = spans[0].text
        for pattern, replacement, needed, also_needed in _RULES:
            if needed in text and also_needed in text:
                text = pattern.sub(replacement, text)
        return (Span(_curl_quotes(text, dialect), spans[0].style),)
    chars = "".join(span.text for span in spans)
    # Which span each character came from, built only once a rule matches (curling keeps the length).
    owners: list[int] | None = None
    for pattern, replacement, needed, also_needed in _RULES:
        if needed not in chars or also_needed not in chars or (owners is None and not pattern.search(chars)):
            continue
        if owners is None:
            owners = [index for index, span in enumerate(spans) for _ in span.text]
        chars, owners = _apply(pattern, replacement, chars, owners)
    chars = _curl_quotes(chars, dialect)
    if owners is None:
        return _cut(spans, chars)
    return _regroup(spans, chars, owners)


def _cut(spans: Sequence[Span], chars: str) -> tuple[Span, ...]:
    """Cut text of the spans' total length back into spans of their lengths (empty spans are dropped)."""
    cut: list[Span] = []
    position = 0
    for span in spans:
        cut.append(Span(chars[position : position + len(span.text)], span.style))
        position += len(span.text)
    return tuple(span for span in cut if span.text) or tuple(cut)


def _regroup(spans: Sequence[Span], chars: str, owners: list[int]) -> tuple[Span, ...]:
    """Cut the typeset text back into the original spans; one whose characters merged into a neighbour's
    dash or ellipsis disappears."""
    # Owners never decrease (substitutions keep the order of the text): each span's characters are one slice,
    # found by bisection instead of a Python step per character.
    regrouped = [
        Span(chars[bisect_left(owners, index) : bisect_left(owners, index + 1)], span.style)
        for index, span in enumerate(spans)
    ]
    return tuple(span for span in regrouped if span.text) or tuple(regrouped)
