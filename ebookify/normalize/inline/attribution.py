"""Reads the attribution around a quotation: a verb of thinking (she thought) or of speech (he said)."""

from __future__ import annotations

import re
from typing import Literal, TypeAlias

Attribution: TypeAlias = Literal["thought", "speech"] | None


def _forms(entries: str) -> frozenset[str]:
    """Expand space-separated "wonder|s|ed|ing" style entries into the word forms."""
    words: set[str] = set()
    for entry in entries.split():
        base, *endings = entry.split("|")
        words.add(base)
        words.update(base + ending for ending in endings)
    return frozenset(words)


THINKING_VERBS = _forms(
    "think|s|ing thought wonder|s|ed|ing muse|s|d musing ponder|s|ed|ing pray|s|ed|ing reflect|s|ed|ing "
    "realize|s|d realise|s|d hope|s|d hoping decide|s|d deciding figure|s|d imagine|s|d imagining "
    "recall|s|ed remember|s|ed contemplate|s|d"
)
SPEECH_VERBS = _forms(
    "say|s|ing said ask|s|ed|ing reply replies replied answer|s|ed call|s|ed|ing shout|s|ed yell|s|ed "
    "scream|s|ed cry cries cried whisper|s|ed murmur|s|ed mutter|s|ed mumble|s|d exclaim|s|ed add|s|ed "
    "continue|s|d began start|s|ed snap|s|ped growl|s|ed hiss|es|ed bark|s|ed laugh|s|ed giggle|s|d "
    "chuckle|s|d sigh|s|ed sob|s|bed spoke speak|s tell|s told agree|s|d scold|s|ed explain|s|ed "
    "insist|s|ed demand|s|ed beg|s|ged plead|s|ed repeat|s|ed respond|s|ed retort|s|ed stammer|s|ed "
    "stutter|s|ed tease|s|d joke|s|d warn|s|ed order|s|ed announce|s|d declare|s|d remark|s|ed "
    "suggest|s|ed admit|s|ted protest|s|ed argue|s|d interrupt|s|ed roar|s|ed bellow|s|ed wheeze|s|d "
    "gasp|s|ed drawl|s|ed sneer|s|ed grumble|s|d whine|s|d squeal|s|ed shriek|s|ed groan|s|ed moan|s|ed "
    "remind|s|ed greet|s|ed offer|s|ed promise|s|d reason|s|ed snarl|s|ed breathe|s|d sang sing|s"
)
# Any verb of saying turned inward (told herself, asked himself, said to myself) reports a thought.
_REFLEXIVE = re.compile(r"(?:to\s+)?(?:my|your|him|her|it|our|them)sel(?:f|ves)\b", re.IGNORECASE)
# Adverbs that keep words inside the head: cursed silently, inwardly groaned, mentally screamed.
_INWARD = frozenset({"silently", "inwardly", "mentally", "internally", "privately"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# The attribution is the clause right next to the quotation: stop at the end of a sentence or another quote.
_CLAUSE_END = re.compile(r"[.!?…;:\"“”‘'’()]")
# A clause after a quotation that opens with one of these is narration, not an attribution
# ('Stop them.' As they both started to run ...).
_NARRATION_START = frozenset(
    {"as", "when", "then", "while", "but", "and", "so", "after", "before", "because", "if", "though"}
    | {"although", "since", "until", "once", "now"}
)
_SENTENCE_PRONOUNS = frozenset({"She", "He", "They", "I", "We", "You", "It"})
_WINDOW = 80
_MAX_WORDS_BEFORE_VERB = 4


def _classify(verb: str, before: list[str], after: str) -> Attribution:
    """Thought or speech for one verb, given the words before it and the text after it."""
    verb = verb.lower()
    if verb not in THINKING_VERBS and verb not in SPEECH_VERBS and verb not in {"cursed", "swore"}:
        return None
    inward_before = bool(before) and before[-1].lower() in _INWARD
    inward_after = any(w.lower() in _INWARD for w in _WORD.findall(after)[:2])
    if _REFLEXIVE.match(after.lstrip()) or inward_before or inward_after:
        return "thought"
    if verb in THINKING_VERBS:
        return "thought"
    if verb in SPEECH_VERBS:
        return "speech"
    return None  # cursed, swore: aloud or not, the story's convention decides


def _starts_narration(last_inner: str, first_word: str) -> bool:
    """True when the words after a quotation begin a new sentence of narration, not an attribution."""
    if first_word.lower() in _NARRATION_START:
        return True
    # After a full stop a capitalised pronoun starts a sentence ('Fine.' She thought about it for a while);
    # an attribution would follow a comma ('Fine,' she thought).
    return last_inner == "." and first_word in _SENTENCE_PRONOUNS


def attribution_after(text: str, end: int) -> Attribution:
    """The attribution that follows a quotation ending at text[end]: "'No!' Sakura thought"."""
    window = text[end : end + _WINDOW]
    window = window.lstrip(" \t\n,—–-")
    stop = _CLAUSE_END.search(window)
    clause = window[: stop.start()] if stop else window
    words = list(_WORD.finditer(clause))
    if words and _starts_narration(text[end - 2 : end - 1], words[0].group()):
        return None
    for index, word in enumerate(words[: _MAX_WORDS_BEFORE_VERB + 1]):
        kind = _classify(word.group(), [w.group() for w in words[:index]], clause[word.end() :])
        if kind is not None:
            return kind
    return None


# The clause before a quotation ends with its verb: "Naruto thought, 'I'm about to hit you.'"
_VERB_AT_END = re.compile(
    r"(?P<verb>[A-Za-z]+)(?P<after>(?:\s+(?:to\s+)?\w+sel(?:f|ves)|\s+\w+ly)?)[\s,:—–-]*$", re.IGNORECASE
)


def attribution_before(text: str, start: int) -> Attribution:
    """The attribution that leads into a quotation starting at text[start]: "he asked himself, 'Why?'"."""
    window = text[max(0, start - _WINDOW) : start].rstrip(" \t\n,:—–-")
    stops = list(_CLAUSE_END.finditer(window))
    clause = window[stops[-1].end() :] if stops else window
    match = _VERB_AT_END.search(clause)
    if match is None:
        return None
    before = _WORD.findall(clause[: match.start()])
    return _classify(match.group("verb"), before, match.group("after"))
