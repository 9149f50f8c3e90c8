"""Whether a text is a play, judged over all of it: many paragraphs open with a few speakers' names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ebookify.model import Block, Chapter, Paragraph, Verse
from ebookify.normalize.structure.speaker_labels import speaker_label

# Evidence of a play, over the whole text: at least this many speeches by names heard this often, making
# up this share of its paragraphs (less where a cast list heads the text), by two speakers at least.
_MIN_SPEECHES = 10
_NAME_REPEATS = 3
_PLAY_SHARE = 0.3
_CAST_SHARE = 0.15
# A name is a speaker's once it opens two speeches: a name heard once ("AIR V. Of all ...") is a title.
_SPEAKER_REPEATS = 2
# "Dramatis Personae", "THE PERSONS OF THE PLAY", "Personen", "Personnages", "Characters".
_CAST_HEADING = re.compile(
    r"^(?:dramatis person(?:ae|æ|e)|(?:the )?persons (?:of|in) the (?:play|drama|comedy|tragedy)"
    r"|(?:the )?persons represented|personen|personnages|personajes|personaggi"
    r"|(?:the )?characters(?: of the play)?|cast of characters|the cast)\W*$",
    re.IGNORECASE,
)
# A play sets its directions in parentheses when this many speeches or paragraphs do.
_PARENTHESES_EVIDENCE = 3


@dataclass(frozen=True)
class Play:
    """What marks the text as a play: its speakers (as case-folded keys) and how it sets directions."""

    speakers: frozenset[str]
    parentheses: bool


def _opening_texts(block: Block) -> list[str]:
    """The texts speeches' labels would open: a paragraph's; a stanza's first line, or each of its lines
    when they all open with a label (a script typed a speech a line: "JOHN: Hi." / "MARY: Hello.")."""
    if (
        isinstance(block, Verse)
        and len(block.lines) > 1
        and all(speaker_label(line.text) for line in block.lines)
    ):
        return [line.text for line in block.lines]
    text = _opening_text(block)
    return [] if text is None else [text]


def _opening_text(block: Block) -> str | None:
    """The text a speech's label would open: a paragraph's, or a stanza's first line."""
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Verse) and block.lines:
        return block.lines[0].text
    return None


# A note's mark after the heading ("DRAMATIS PERSONAE<2>", "Dramatis Personae[1]") is no part of it.
_NOTE_MARK = re.compile(r"\s*(?:<\d{1,2}>|\[\d{1,2}\]|\{\d{1,2}\})$")


def is_cast_heading(text: str) -> bool:
    """ "Dramatis Personae", "Persons Represented", "Personen": the heading of a play's cast list."""
    return _CAST_HEADING.match(_NOTE_MARK.sub("", text.strip())) is not None


def _has_cast_list(blocks: Iterable[Block]) -> bool:
    return any(isinstance(b, Paragraph) and is_cast_heading(b.text) for b in blocks)


def find_play(chapters: Sequence[Chapter], front_notes: Sequence[Block] = ()) -> Play | None:
    """The play the text is, judged over all of it: many paragraphs open with a few speakers' names, each
    heard several times. One "JOHN:" line in a story is no play."""
    blocks = [b for chapter in chapters for b in chapter.blocks if isinstance(b, Paragraph | Verse)]
    labels = [speaker_label(text) for block in blocks for text in _opening_texts(block)]
    counts = Counter(label.key for label in labels if label is not None)
    cast = _has_cast_list(front_notes) or _has_cast_list(blocks[:50])
    share = _CAST_SHARE if cast else _PLAY_SHARE
    if not _enough(counts, share * len(blocks)):
        return None
    # Only now, in a text that may be a play, are the labels in mixed case read against the whole text.
    caps = {label.key for label in labels if label is not None and label.caps}
    mixed = {label.key for label in labels if label is not None and not label.caps} - caps
    text = "\n".join(block.text for block in blocks)
    counts = Counter({key: n for key, n in counts.items() if key not in mixed or _is_name(key, n, text)})
    if not _enough(counts, share * len(blocks)):
        return None
    speakers = frozenset(key for key, count in counts.items() if count >= _SPEAKER_REPEATS)
    # Directions in parentheses: set with the speaker's label ("Conti (indem er ...).") or alone.
    evidence = sum(1 for label in labels if label is not None and label.direction and label.key in speakers)
    evidence += sum(1 for b in blocks if isinstance(b, Paragraph) and b.text.strip().startswith("("))
    return Play(speakers, evidence >= _PARENTHESES_EVIDENCE)


def _enough(counts: Counter[str], share: float) -> bool:
    """Enough speeches by names heard often enough, by two speakers at least."""
    recurring = [key for key, count in counts.items() if count >= _NAME_REPEATS]
    speeches = sum(counts[key] for key in recurring)
    return len(recurring) >= 2 and speeches >= max(_MIN_SPEECHES, share)


def _is_name(key: str, count: int, text: str) -> bool:
    """A label in mixed case is a name when it is written in lower case less often than it opens speeches:
    "Conti" and "Der Prinz" never are, "No." and "Well." open sentences and are written "no" and "well"."""
    lower = re.findall(rf"(?<![\w'’]){re.escape(key)}(?![\w'’])", text)
    return len(lower) < count
