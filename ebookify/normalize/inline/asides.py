"""Paragraphs wholly in parentheses: a character's thought, or a note, a direction, a label (left plain)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ebookify.normalize.inline.attribution import SPEECH_VERBS

# A whole paragraph in parentheses is how copy-pasted stories keep a thought once italics are lost.
_PARENTHETICAL = re.compile(r"\A\s*\((?P<inner>[^()]*)\)\s*\Z")
# ... unless it is the author talking (an aside to readers, a label), which stays plain.
_AUTHOR_ASIDE = re.compile(
    r"\b(?:a/?n|t/?n|author|authors?'s?|disclaimer|review|reviews|update|updated|chapter|readers?|reading"
    r"|fic|fanfic|beta|lol|omg|flashback|pov|to be continued|the end|continued|sorry for)\b",
    re.IGNORECASE,
)
# A song's performance note or a play's direction: "(Repeat chorus.)", "(To the tune of ...)", "(Exit.)".
_PERFORMANCE = re.compile(
    r"\b(?:air|tune|sung|sings?|singing|chorus|refrain|melody|music|repeat|bis|da capo|spoken|aside|exit"
    r"|exeunt|enters?|re-enters?|curtain|chante|canon|melodie|weise)\b",
    re.IGNORECASE,
)
# A note on a document, written as a participle: "(Unopened by her.)", "(Not delivered.)", "(Sent to X.)".
_DOCUMENT_NOTE = re.compile(r"(?:not\s+)?(?:\w{3,}ed|sent|kept|written|given|torn|left)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
_ATTRIBUTION_WORDS = 3
# A play names its speakers at the start of their lines: "ROMEO.", "LADY BRACKNELL.", "_Polly._".
_SPEAKER_LINE = re.compile(r"(?:[A-Z][A-Z'’-]+\.?\s){0,2}[A-Z][A-Z'’-]+[.:](?:\s|$)|_[A-Z][\w'’ ]{0,30}\._")
# A play shows this share of speaker lines; its parenthesised paragraphs are directions.
_PLAY_SHARE = 0.05
_MIN_PLAY_LINES = 10
# The text uses the convention when it sets this many thoughts in parentheses (the one in question and
# at least two others): a single aside is more often the narrator's or the author's.
_MIN_PARENTHETICAL_THOUGHTS = 3


def parenthetical_thought(text: str) -> bool:
    """True when the whole paragraph reads as a parenthetical aside of a character: "(Love. Love. Love.)"."""
    match = _PARENTHETICAL.match(text)
    if match is None:
        return False
    inner = match.group("inner").strip()
    # Emoticons and numbers such as "(:" or "(1)" have no words; author asides are not thoughts.
    if not any(c.isalpha() for c in inner) or _AUTHOR_ASIDE.search(inner):
        return False
    # Quotes inside are titles or speech ("Containing the stories "A," "B"", "(`I wish,' the Hare said)");
    # an aside the author already marked up, "(_She sings._)", is a stage direction.
    if any(c in inner for c in '"“”`') or inner[:1] in ("_", "*", "/", "="):
        return False
    # A thought ends like a sentence; a label, a verse line or a source ("(Old play)") does not.
    if inner[-1] not in ".!?…":
        return False
    if _PERFORMANCE.search(inner) or _DOCUMENT_NOTE.match(inner) or _attributes_speech(inner):
        return False  # a performance note, a note on a letter, a speech attribution ("said Jordan")
    return not _is_label(inner)


def _attributes_speech(inner: str) -> bool:
    """A verb of speech among the first words: "(said Jordan Baker, sitting up)", "(she whispered.)"."""
    return any(word.lower() in SPEECH_VERBS for word in _WORD.findall(inner)[:_ATTRIBUTION_WORDS])


def _is_label(inner: str) -> bool:
    """Title Case, "(Trade Mark, Reg. U.S. Pat. Of.)", "(Sakura POV)": it names, it does not think."""
    words = inner.split()
    # Only words inside a sentence tell: "(Love. Love. Love.)" is capitalised because each is a sentence.
    mid_sentence = [w for prev, w in itertools.pairwise(words) if prev[-1] not in ".!?…"]
    return bool(mid_sentence) and all(w[0].isupper() or not w[0].isalpha() for w in mid_sentence)


def is_play(paragraphs: Sequence[str]) -> bool:
    """True when many paragraphs start with a speaker's name: a play, whose parentheses hold directions."""
    lines = sum(1 for text in paragraphs if _SPEAKER_LINE.match(text))
    return lines >= _MIN_PLAY_LINES and lines >= _PLAY_SHARE * len(paragraphs)


def parenthetical_thoughts(paragraphs: Sequence[str]) -> list[bool]:
    """For each paragraph, whether it is a thought in parentheses, by the story's own convention: prose that
    sets several thoughts that way, never a play."""
    found = [parenthetical_thought(text) for text in paragraphs]
    if sum(found) < _MIN_PARENTHETICAL_THOUGHTS or is_play(paragraphs):
        return [False] * len(paragraphs)
    return found
