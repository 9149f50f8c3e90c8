"""Author's notes and disclaimers: the leading and trailing paragraphs where the writer talks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebookify.normalize.matter.frame_closing import THE_END
from ebookify.normalize.structure.headings import match_heading
from ebookify.normalize.structure.paragraphs import Item

# A paragraph that opens with a note label: "A/N:", "Author's Note:", "Disclaimer -", "Note:", "PS:".
_LABEL = re.compile(
    r"^[\W_]*(?:(?:a/n|author'?s'? ?notes?|authors? notes?|disclaimer|dedicated to)\b|a\.n\.|p\.s\.|"
    r"(?:notes?|ps|an|dedication)\s*[:\-–—])",
    re.I,
)
# Disclaimers nobody writes inside a story.
_DISCLAIMER = re.compile(
    r"\bI (?:do not|don'?t|don’t) own\b|\bbelongs? to\b.*\b(?:not me|kishimoto|rowling)|\bno copyright\b",
    re.I,
)
# The writer addressing readers at the end: "please review", "thanks for reading", "tell me what you think".
_CLOSING = re.compile(
    r"\b(?:please review|review please|read (?:and|&) review|r ?& ?r|thanks? (?:you )?for reading|"
    r"hope (?:you|u) (?:all )?(?:enjoyed|liked)|(?:tell|let) me (?:know )?what (?:you|u) (?:think|thought)|"
    r"if (?:you|u) (?:liked|loved|hated|enjoyed) (?:it|this)|please tell me|leave a (?:review|comment)|"
    r"reviews? (?:are|is|would be) (?:appreciated|loved|welcome)|constructive criticism|no flames|"
    r"stay tuned|this concludes|(?:is|are) coming soon)\b",
    re.I,
)
# The writer's voice: interjections, emoticons, talk about the story and its writing.
_VOICE = re.compile(
    r"^(?:gah|ugh|argh|phew|lol|omg|yay|meh|hehe|haha|whew|eek|squee)\b|"
    r"(?:^|\s)(?::\)|\(:|: \)|:D|;\)|xD|XD|\^\^|<3|:P|=\))(?:\s|$)|"
    r"\b(?:story|fic|fics|fanfic|fanfiction|one-?shot|drabble|chapters?|sequel|prequel|reviews?|reviewers?|"
    r"readers?|updates?|updating|writing|wrote|OOC|OC|beta|flames?|a life of (?:its|it's|it’s) own|"
    r"(?:going|supposed|meant) to end|the ending)\b",
    re.I,
)
# Quotations are the characters talking, never the writer: cues inside them do not count.
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# How many trailing paragraphs may hold the start of the closing note, and how far back it may reach.
_CLOSING_WINDOW = 3
_REACH_BACK = 3
# A note is a few short paragraphs; longer ones are story (unless the writer plainly signs off).
_NOTE_LENGTH = 400
_SIGN_OFF_LENGTH = 1200


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def is_note_label(text: str) -> bool:
    """A paragraph that announces itself as a note or a disclaimer."""
    return bool(_LABEL.match(text) or _DISCLAIMER.search(_unquoted(text)))


def is_closing_note(text: str) -> bool:
    """A paragraph where the writer signs off (asks for reviews, thanks readers) or labels a note."""
    return is_note_label(text) or bool(_CLOSING.search(_unquoted(text)))


def _voiced(item: Item) -> bool:
    return bool(_VOICE.search(_unquoted(item.text)) or is_closing_note(item.text))


def _story_like(item: Item, length: int = _NOTE_LENGTH) -> bool:
    """Paragraphs a note never is: dialogue, long prose, dividers and headings."""
    return (
        item.divider
        or len(item.text) > length
        or bool(_QUOTED.search(item.text))
        or match_heading(item.text) is not None
    )


def take_front_notes(items: Sequence[Item], continued: bool = False) -> tuple[list[Item], list[Item]]:
    """Leading note paragraphs (A/N, disclaimer) and the rest; a note runs on up to a divider close by.

    `continued` says a note has just begun before these items (an A/N or Disclaimer header field).
    """
    count = 0
    while count < len(items) and not items[count].divider and is_note_label(items[count].text):
        count += 1
    if count == 0 and not continued:
        return [], list(items)
    # "A/N: ... <more remarks> ... ***": the writer's remarks up to a divider close by are still the note.
    for index in range(count, min(count + _REACH_BACK, len(items))):
        if items[index].divider:
            count = index
            break
        if _story_like(items[index]) or not _voiced(items[index]):
            break
    return list(items[:count]), list(items[count:])


def _is_sign_off(item: Item) -> bool:
    """A closing note: labelled or asking for reviews; a longer one when the writer also talks about
    the story ("SRE: VI is coming soon. I hope you enjoyed this story ...")."""
    if not is_closing_note(item.text):
        return False
    voiced = bool(_CLOSING.search(_unquoted(item.text)) and _VOICE.search(_unquoted(item.text)))
    return not _story_like(item, _SIGN_OFF_LENGTH if voiced else _NOTE_LENGTH)


def is_preface(items: Sequence[Item]) -> bool:
    """A few paragraphs before the first chapter where the writer talks about the story or the series."""
    texts = [item for item in items if not item.divider]
    # Two cues at least: "This is the story of how I died." alone is the story's own first line.
    cues = sum(len(_VOICE.findall(_unquoted(item.text))) for item in texts)
    return (
        0 < len(texts) <= _REACH_BACK
        and cues >= 2
        and all(_voiced(item) and not _story_like(item, _SIGN_OFF_LENGTH) for item in texts)
    )


# The heading a writer may set over a preface ("Introduction") or an afterword ("Conclusion").
PREFACE_HEADINGS = frozenset({"introduction", "preface", "foreword"})
AFTERWORD_HEADINGS = frozenset({"conclusion", "afterword"})


def headed_note(items: Sequence[Item], headings: frozenset[str]) -> bool:
    """A heading of a writer's note over a few paragraphs in the writer's voice ("-\\- Introduction -/-" /
    "-=< Who would've thought?! SRE7 is here ..."): the writer's note, no chapter of the story."""
    heading = match_heading(items[0].text) if len(items) > 1 else None
    return heading is not None and heading.keyword in headings and is_preface(items[1:])


def take_end_notes(items: Sequence[Item], normal_gap: int) -> tuple[list[Item], list[Item]]:
    """The story and its closing notes: a sign-off near the end, with the writer's remarks just before it."""
    texts = [i for i, item in enumerate(items) if not item.divider][-_CLOSING_WINDOW:]
    # The sign-off and what follows it are the writer's: a paragraph in the story's voice after it is not.
    anchor = next(
        (
            i
            for i in texts
            if _is_sign_off(items[i])
            and all(_voiced(items[j]) or items[j].divider for j in range(i + 1, len(items)))
        ),
        None,
    )
    if anchor is None:
        return list(items), []
    start = anchor
    for index in range(anchor - 1, max(anchor - 1 - _REACH_BACK, -1), -1):
        # A wide gap or a divider is where the writer set the note apart: the story ends there.
        # The writer's remarks run on up to the note; a paragraph in the story's voice ends them.
        if items[index + 1].gap > normal_gap or _story_like(items[index]) or not _voiced(items[index]):
            break
        start = index
    # The writer's end mark right above the note ("-=<{[ TO BE CONCLUDED ]}>=-", "THE END") signs the story
    # off with it, however wide the gap between them: it is no line of the story.
    if start > 0 and THE_END.match(items[start - 1].text.strip()):
        start -= 1
    return list(items[:start]), list(items[start:])
