"""Thoughts whose italics were lost: present-tense sentences in a story told in the third person and past."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Finite verbs of the present ("I don't care", "it can be") and of the past ("Harry was", "she said").
_PRESENT = _word_set(
    "am is are isn't aren't do don't does doesn't can can't cannot will won't shall has i'm it's that's"
    " i'll i've we're you're they're he's she's let's"
)
_PAST = _word_set(
    "was were had did said could would wasn't weren't hadn't didn't couldn't wouldn't i'd he'd she'd"
    " they'd we'd thought knew felt looked seemed went came saw"
)
# The same words as patterns, to turn most narration away before splitting it into sentences.
_PRESENT_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_PRESENT))})\b".replace("'", "['’]"), re.IGNORECASE)
_PAST_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_PAST))}|[a-z]+ed)\b".replace("'", "['’]"), re.IGNORECASE)
_FIRST_PERSON = _word_set("i i'm i'll i've i'd me my myself mine")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]+")
# The narration that leads a paragraph, up to its first quotation mark.
_LEAD = re.compile(r"[^\"“”„«»]*")
# A story whose narration is this much past tense, and this rarely in the first person, is told in the third
# person, past tense: a present-tense first-person run of its own is a character thinking.
_PAST_SHARE = 0.8
_FIRST_PERSON_SHARE = 0.05
_MIN_NARRATION = 20
_MIN_WORDS = 4
_SAMPLE = 400


@dataclass(frozen=True)
class Narration:
    """Counted sentences of narration (text outside quotation marks) by tense and person."""

    past: int = 0
    present: int = 0
    first_person: int = 0
    sentences: int = 0

    @property
    def third_person_past(self) -> bool:
        """True when the narration is told in the third person and the past tense."""
        tensed = self.past + self.present
        return (
            self.sentences >= _MIN_NARRATION
            and self.past >= _PAST_SHARE * max(tensed, 1)
            and self.first_person <= _FIRST_PERSON_SHARE * self.sentences
        )


def _sentence_words(text: str) -> list[frozenset[str]]:
    """The words of each sentence of a text, in small letters with straight apostrophes."""
    text = text.lower().replace("’", "'")
    return [frozenset(_WORD.findall(sentence)) for sentence in _SENTENCE.findall(text)]


def _is_past(words: frozenset[str]) -> bool:
    return bool(words & _PAST) or any(word.endswith("ed") for word in words)


_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”»]?")


def _narration(text: str) -> str:
    """The paragraph with its double-quoted passages removed."""
    return _QUOTED.sub(" ", text) if any(c in text for c in '"“„«') else text


def _narration_words(paragraphs: Sequence[str]) -> list[list[frozenset[str]]]:
    return [_sentence_words(_narration(text)) for text in paragraphs]


def _count(narrations: Sequence[Sequence[frozenset[str]]]) -> Narration:
    past = present = first = total = 0
    for sentences in narrations:
        for words in sentences:
            total += 1
            past += _is_past(words)
            present += bool(words & _PRESENT)
            first += bool(words & _FIRST_PERSON)
    return Narration(past, present, first, total)


def measure_narration(paragraphs: Sequence[str]) -> Narration:
    """Count the tense and person of every narration sentence of a story."""
    return _count(_narration_words(paragraphs))


def _first_person(text: str) -> bool:
    """True when a paragraph speaks in the first person outside quotation marks (a letter's page)."""
    return any(words & _FIRST_PERSON for words in _sentence_words(_narration(text)))


def unmarked_thoughts(paragraphs: Sequence[str]) -> list[tuple[int, int] | None]:
    """For each paragraph, the range of a thought whose italics were lost, or None."""
    found: list[tuple[int, int] | None] = [None] * len(paragraphs)
    candidates = [(index, r) for index, text in enumerate(paragraphs) if (r := unmarked_thought(text))]
    # The tense and person of a novel's narration show in a sample of its paragraphs.
    step = max(1, len(paragraphs) // _SAMPLE)
    if not candidates or not measure_narration(paragraphs[::step]).third_person_past:
        return found
    for index, thought in candidates:
        before = paragraphs[index - 1] if index else ""
        after = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        # A letter or a document: introduced by a colon, or its neighbours written in the first person too.
        if not (before.rstrip().endswith(":") or _first_person(before) or _first_person(after)):
            found[index] = thought
    return found


def unmarked_thought(text: str) -> tuple[int, int] | None:
    """The leading sentences of a paragraph that are a thought set in roman, in a story told in the third
    person and the past: present tense, in the first person ("I don't care if it's unfair.") or answered at
    once by the character's own words ("Because it can be dangerous. "No."")."""
    if not text or "\n" in text or "(" in text or text[0] in "'‘\"“":
        return None  # verse and kept lines, asides in parentheses, quotations are read elsewhere
    lead = _LEAD.match(text)
    run = lead.group().rstrip() if lead else ""
    if _PAST_WORD.search(run) or not _PRESENT_WORD.search(run):
        return None  # most narration: a verb in the past, or none in the present
    sentences = _SENTENCE.findall(run)
    if not sentences or "".join(sentences).strip() != run.strip():
        return None  # an unfinished clause leads into the quotation: narration ("He said, "...")
    words = _sentence_words(run)
    if any(not w & _PRESENT or _is_past(w) for w in words):
        return None
    if run.isupper() or sum(len(w) for w in words) < _MIN_WORDS:
        return None  # a sign or a shout in capitals, an interjection
    speaks_next = len(run) < len(text.rstrip())
    if not (frozenset().union(*words) & _FIRST_PERSON or speaks_next):
        return None
    start = len(text) - len(text.lstrip())
    return (start, start + len(run.strip()))
