"""A speaker's label opening a speech ("ALGERNON.", "Conti (indem er ...).", "JOHN:"), read off a text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A speaker's label opening a speech: a name ("ALGERNON", "LADY BRACKNELL", "Mrs. Peachum", "Der Prinz"),
# perhaps a direction in parentheses ("Conti (indem er ...)"), then '.' or ':' ("SAMPSON.", "JOHN:");
# a name in capitals may also end its line without a stop ("ALGERNON" over the speech).
_TITLE = r"(?:(?i:mr|mrs|ms|dr|st|mme|mlle|hon|rev|sir)\.\s)?"
_WORD = r"[A-ZÀ-Þ][\w'’&-]*"
_PARTICLE = r"(?:of|de|di|da|del|von|van|der|du|la|le)"
# A German name may hold initials and lower-case words before its last, capitalised word: "D. a. Moor",
# "Der alte Moor", "R. Moor" (Schiller's Räuber).
_INITIAL = r"[A-ZÀ-Þ]\."
# (Never a conjunction: "Enter Nurse and Peter." is a direction naming two.)
_LOWER = r"(?!(?:and|und|et|or|oder|with|mit)\b)[a-zß-ÿ][\w'’-]*"
_INNER = rf"(?:{_WORD}|{_PARTICLE}|{_INITIAL}|[a-zß-ÿ]\.|{_LOWER})"
_NAME = (
    rf"{_TITLE}(?:{_WORD}|{_INITIAL})(?:[ ]{_INNER}){{0,2}}[ ]{_WORD}(?=[.:]|[ ]\()"
    rf"|{_TITLE}{_WORD}(?:[ ](?:{_WORD}|{_PARTICLE})){{0,3}}"
)
# After a direction in parentheses the speech may follow without a stop: "Franz (liest.) »Leipzig ...".
_LABEL = re.compile(
    rf"(?P<name>{_NAME})"
    r"(?P<direction>[ ]\([^()\n]{1,200}\))?"
    r"(?P<stop>[.:](?=\s|$)|(?=\n)|(?P<after>(?<=\))(?=[ ][A-ZÀ-Þ»«„\"“])))"
)
# Words that open headings and settings, not speeches ("SCENE\nA room.", "ACT DROP").
_NOT_NAMES = frozenset({"scene", "act", "acte", "akt", "aufzug", "auftritt", "szene", "scène", "curtain"})


@dataclass(frozen=True)
class SpeakerLabel:
    """A speaker's label at the start of a text: where the name ends, where the whole label ends, and the
    direction in parentheses set with it."""

    key: str
    name_end: int
    end: int
    direction: tuple[int, int] | None
    own_line: bool
    caps: bool


def speaker_label(text: str) -> SpeakerLabel | None:
    """The speaker's label that opens `text`, if it has the shape of one."""
    match = _LABEL.match(text)
    if match is None:
        return None
    name = match.group("name")
    after_direction = match.group("after") is not None
    if not match.group("stop") and not after_direction and not (name.isupper() and match.end() < len(text)):
        return None  # only a name in capitals stands on its own line without a stop, over its speech
    key = " ".join(name.casefold().split())
    if key in _NOT_NAMES or sum(c.isalpha() for c in name) < 2:
        return None
    direction = match.span("direction") if match.group("direction") else None
    end = match.end()
    own_line = text[end : end + 1] in ("\n", "")
    return SpeakerLabel(key, match.end("name"), end, direction, own_line, name.isupper())
