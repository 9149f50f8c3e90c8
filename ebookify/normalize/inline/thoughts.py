"""Finds inner monologue: parenthetical paragraphs and single-quoted thoughts, by the story's convention."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.inline.asides import parenthetical_thought, parenthetical_thoughts
from ebookify.normalize.inline.attribution import Attribution, attribution_after, attribution_before
from ebookify.normalize.inline.elisions import AMBIGUOUS_ELISION, dialect_marks, is_dialect
from ebookify.normalize.inline.quotes import Quoted, find_quoted
from ebookify.normalize.inline.unmarked import unmarked_thoughts

# A standalone thought reads like a clause: it ends in punctuation, inside or right after its closing mark.
_CLAUSE_PUNCTUATION = ".!?…,;:—–-"


# A speaker's name set in italics at the start of a play's line: "_Polly._", "*Mr. Peachum.*".
_SPEAKER_LABEL = re.compile(r"([_*])[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2}\.\1")


@dataclass(frozen=True)
class QuoteConvention:
    """How a story uses its quote marks, decided from counted evidence."""

    double_quoted: int = 0
    single_thinking: int = 0
    """Top-level single-quoted passages attributed with a verb of thinking."""
    single_speech: int = 0
    """Top-level single-quoted passages attributed with a verb of speech."""
    single_other: int = 0
    dialect: bool = False
    """Written in dialect: its single quotes are too often apostrophes ('ome, th') to carry thoughts."""

    @property
    def single_for_thoughts(self) -> bool:
        """True when speech is double-quoted and single quotes carry thoughts."""
        # Speech must clearly live in double quotes (British stories speak in single quotes), and the
        # single quotes we can read must lean to thinking rather than speaking.
        if self.dialect:
            return False
        speech_in_doubles = self.double_quoted >= 2 * max(1, self.single_speech)
        return speech_in_doubles and self.single_thinking >= 1 and self.single_thinking > self.single_speech

    def describe(self) -> str:
        """One line for `ebookify inspect`: the convention and the evidence for it."""
        verdict = (
            "double quotes are speech, single-quoted sentences are thoughts"
            if self.single_for_thoughts
            else "single quotes are thoughts only with a verb of thinking"
        )
        if self.dialect:
            verdict = "written in dialect: " + verdict
        return (
            f"{verdict} ({self.double_quoted} double-quoted, {self.single_thinking} single-quoted with a "
            f"thinking verb, {self.single_speech} with a speech verb, {self.single_other} unattributed)"
        )


def attribution_of(text: str, quoted: Quoted) -> Attribution:
    """Speech wins over thought when both sides carry a verb: being wrong there costs less."""
    after = attribution_after(text, quoted.end)
    before = attribution_before(text, quoted.start)
    if "speech" in (after, before):
        return "speech"
    return "thought" if "thought" in (after, before) else None


def marked_thought(text: str, start: int, end: int) -> bool:
    """True when an emphasis-marked run is attributed with a thinking verb: "*Why me?* she thought"."""
    # Like a quotation it must end its clause inside the markers; "_I_ think" stresses a word.
    if text[end - 2] not in _CLAUSE_PUNCTUATION:  # the character before the closing marker
        return False
    if _SPEAKER_LABEL.fullmatch(text, start, end) and text[end:].lstrip()[:1].isupper():
        return False  # a play's speaker, "_Polly._ I think ...": the line that follows is spoken
    kinds = (attribution_after(text, end), attribution_before(text, start))
    return "thought" in kinds and "speech" not in kinds


# A paragraph with this many words missing letters ('ome, runnin', th') is dialect: its single quotes are
# apostrophes more often than quotation marks.
_DIALECT_PARAGRAPH_MARKS = 3


def _candidates(quoted: Sequence[Quoted], text: str = "") -> list[Quoted]:
    """Single-quoted top-level passages: nested quotes and mismatched pairs are speech; a mark opening a word
    that also reads as an elision ('Round, 'ere) or a small letter in a dialect paragraph is an apostrophe."""
    found = [q for q in quoted if q.family == "single" and q.depth == 0 and not q.mismatched]
    if not found or not text:
        return found
    dialect = dialect_marks(text) >= _DIALECT_PARAGRAPH_MARKS
    return [
        q
        for q in found
        if AMBIGUOUS_ELISION.match(text, q.start + 1) is None
        and not (dialect and text[q.start + 1 : q.start + 2].islower())
    ]


def detect_convention(paragraphs: Sequence[str], quoted: Sequence[Sequence[Quoted]]) -> QuoteConvention:
    """Count the evidence for how the story uses single and double quotes."""
    counts = {"thought": 0, "speech": 0, None: 0}
    doubles = 0
    for text, passages in zip(paragraphs, quoted, strict=True):
        doubles += sum(1 for q in passages if q.family == "double" and q.depth == 0)
        for passage in _candidates(passages, text):
            counts[attribution_of(text, passage)] += 1
    return QuoteConvention(
        doubles, counts["thought"], counts["speech"], counts[None], dialect=is_dialect(paragraphs)
    )


def _a_clause(text: str, quoted: Quoted) -> bool:
    """A thought is a clause: several words, or one ended by punctuation ('No!'); a lone quoted name is the
    subject of the sentence ('Heinrich' would remember it)."""
    inner = text[quoted.start + 1 : quoted.end - 1].strip()
    return len(inner.split()) >= 2 or (bool(inner) and inner[-1] in _CLAUSE_PUNCTUATION)


def _stands_alone(text: str, quoted: Quoted) -> bool:
    """A single-quoted clause of its own, not a word quoted inside a sentence (he wrote 'closed')."""
    before = text[: quoted.start].rstrip()
    starts_clause = not before or before[-1] in _CLAUSE_PUNCTUATION + ")'’\"”"
    inner = text[quoted.start + 1 : quoted.end - 1].rstrip()
    after = text[quoted.end : quoted.end + 1]  # "" at the end of the paragraph
    ends_clause = bool(inner) and (inner[-1] in _CLAUSE_PUNCTUATION or after in ".!?…,;:")
    # One quoted word is usually a name or a term ('closed'), unless it is exclaimed or asked ('Shit!').
    return starts_clause and ends_clause and (len(inner.split()) >= 2 or inner[-1] in "!?")


def thought_ranges(
    text: str, quoted: Sequence[Quoted], convention: QuoteConvention, parenthetical: bool | None = None
) -> list[tuple[int, int]]:
    """The (start, end) ranges of one paragraph's text that are a character's thoughts; `parenthetical`
    says whether the story's convention makes it a thought in parentheses (None: judge it alone)."""
    if parenthetical_thought(text) if parenthetical is None else parenthetical:
        stripped = text.strip()
        start = text.index(stripped)
        return [(start, start + len(stripped))]
    ranges = []
    for passage in _candidates(quoted, text):
        kind = attribution_of(text, passage)
        if (kind == "thought" and _a_clause(text, passage)) or (
            kind is None and convention.single_for_thoughts and _stands_alone(text, passage)
        ):
            ranges.append((passage.start, passage.end))
    return sorted(ranges)


def describe_convention(paragraphs: Sequence[str]) -> str:
    """The story's quote convention and its evidence, in one line (for `ebookify inspect`)."""
    return detect_convention(paragraphs, [find_quoted(text) for text in paragraphs]).describe()


def find_thoughts(paragraphs: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Thought ranges for each paragraph of one story (its quote convention decided first); a paragraph
    with none may lead with a thought whose italics were lost (see unmarked.py)."""
    quoted = [find_quoted(text) for text in paragraphs]
    convention = detect_convention(paragraphs, quoted)
    found = [
        thought_ranges(text, q, convention, parenthetical)
        for text, q, parenthetical in zip(paragraphs, quoted, parenthetical_thoughts(paragraphs), strict=True)
    ]
    for ranges, unmarked in zip(found, unmarked_thoughts(paragraphs), strict=True):
        if unmarked and not ranges:
            ranges.append(unmarked)
    return found
