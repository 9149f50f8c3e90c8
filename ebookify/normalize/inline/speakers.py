"""Merged dialogue with attributions: a paragraph where a second speaker answers is split before it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ebookify.normalize.inline.attribution import SPEECH_VERBS
from ebookify.normalize.inline.quotes import Quoted, find_quoted

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it"})
# Articles and the like are not a name: "the old man" is told apart from "Mary" only by a reader.
_NOT_NAMES = frozenset({"the", "a", "an", "his", "her", "their", "my", "our", "your", "its"})
# An attribution names its speaker within a few words of the verb ("she said at last", "said the old man").
_MAX_SUBJECT_WORDS = 3
_MAX_WORDS_BEFORE_VERB = 3
_MIN_MARKS = 4


def speaker(clause: str) -> str | None:
    """Who speaks in an attribution ("she said at last, quietly." -> "she"), or None when it names no one."""
    words: list[str] = _WORD.findall(
        clause.split(",", maxsplit=1)[0] if clause.lstrip()[:1].islower() else clause
    )
    for index, word in enumerate(words[: _MAX_WORDS_BEFORE_VERB + 1]):
        if word.lower() not in SPEECH_VERBS:
            continue
        subject = words[:index] if index else words[index + 1 : index + 1 + _MAX_SUBJECT_WORDS]
        if not subject:
            return None
        if subject[0].lower() in _PRONOUNS:
            return str(subject[0]).lower()
        names = [w for w in subject if w[:1].isupper() and w.lower() not in _NOT_NAMES]
        return " ".join(names) if names and len(names) == len(subject) else None
    return None


def different_speakers(first: str | None, second: str | None) -> bool:
    """True only when two attributions surely name two people: she and he, Mary and John."""
    if first is None or second is None:
        return False
    if (first in _PRONOUNS) != (second in _PRONOUNS):
        return False  # "Mary said" then "she said": maybe the same woman
    # "Harry" and "Harry Potter" are one man: the names must share no word.
    return not set(first.split()) & set(second.split())


def _attribution_after(text: str, quoted: Quoted, stop: int) -> str | None:
    """The attribution clause right after a quotation, when it is one sentence ending before `stop`."""
    clause = text[quoted.end : stop]
    body = clause.strip()
    if not body or body[-1] not in ".!?" or not body[0].isalpha():
        return None
    # One sentence only: narration after the attribution ("He turned away.") may introduce anyone.
    return None if re.search(r"[.!?]\s", body[:-1]) else body


def _exchange(text: str, quoted: Sequence[Quoted]) -> list[str | None] | None:
    """The speaker of each quotation when the whole paragraph is an exchange: it starts with a quotation and
    every quotation is followed by one attribution sentence, up to the next quotation or the end."""
    if not quoted or text[: quoted[0].start].strip():
        return None
    speakers = []
    for index, quotation in enumerate(quoted):
        stop = quoted[index + 1].start if index + 1 < len(quoted) else len(text)
        clause = _attribution_after(text, quotation, stop)
        if clause is None or text[quotation.end - 2 : quotation.end - 1] not in ",!?…—-":
            return None
        speakers.append(speaker(clause))
    return speakers


def split_speakers(text: str) -> list[str]:
    """Split `"I tried," she said at last, quietly. "I know," he said.` before each quotation whose
    attribution names a different speaker from the one before. Only a paragraph made wholly of attributed
    quotations is split; one speaker's lines, and lines with narration between them, never are."""
    stripped = text.strip()
    if stripped[:1] not in '"“' or stripped[-1:] not in ".!?" or "\n" in text:
        return [text]  # an exchange opens with a quotation and ends with an attribution; kept lines stay
    if sum(text.count(mark) for mark in '"“”') < _MIN_MARKS:
        return [text]  # two quotations need four marks
    quoted = sorted(
        (q for q in find_quoted(text) if q.family == "double" and q.depth == 0), key=lambda q: q.start
    )
    speakers = _exchange(text, quoted)
    if speakers is None:
        return [text]
    cuts = [
        second.start
        for (first_speaker, second_speaker), second in zip(
            itertools.pairwise(speakers), quoted[1:], strict=True
        )
        if different_speakers(first_speaker, second_speaker)
    ]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
