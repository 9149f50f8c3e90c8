"""Notes printed at the foot of a page, set between blank lines inside a paragraph, lifted out of the text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.structure.layout import line_indent, starts_lower

# A note opens with its mark: "<1>", "[2]", "{3}" (an etext's footnote numbers).
_MARK = re.compile(r"^\s*(<\d{1,2}>|\[\d{1,2}\]|\{\d{1,2}\})")
# A bare number opens a note too ("     1 An incident, ...") when the text above carries the same number set
# right against a word or its punctuation ("of dollars.1"), as an etext keeps a print's superscript; a
# bare number is a weak mark, so it alone never proves a note.
_BARE = re.compile(r"^\s*(\d{1,2})\s+\S")


def _bare_called(number: str, text: str) -> bool:
    return re.search(rf"(?<=[A-Za-z.,;:!?'\"\u201d\u2019)]){number}(?!\d)", text) is not None


@dataclass(frozen=True)
class Footnotes:
    """The text's lines with its page-foot notes taken out, and the notes (one string each)."""

    lines: list[str]
    notes: list[str]


def _note_block(lines: Sequence[str], start: int) -> int:
    """The end of the blank-framed block at `start` when each of its notes opens with a mark, else start."""
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return end if _MARK.match(lines[start]) or _BARE.match(lines[start]) else start


def _notes(block: Sequence[str], mark: re.Pattern[str]) -> list[str]:
    notes: list[str] = []
    for line in block:
        if mark.match(line) or not notes:
            notes.append(line.strip())
        else:
            notes[-1] += " " + line.strip()
    return notes


def lift_footnotes(lines: Sequence[str]) -> Footnotes:
    """Page-foot notes out of the running text. A block of marked notes between blank lines is a page's
    notes when it stands inside a paragraph: the line above holds its mark ("wings.<1>") or the sentence
    goes on below it in lower case ("only in common" / notes / "with other talents"). The paragraph is
    joined again over it; a notes list under its own label ("Footnotes:") is no page's foot and stays."""
    out: list[str] = []
    notes: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        start = index + 1
        end = _note_block(lines, start) if not line.strip() and start < len(lines) else start
        if end == start or not out or not out[-1].strip():
            out.append(line)
            index += 1
            continue
        after = end
        while after < len(lines) and not lines[after].strip():
            after += 1
        mark = _MARK.match(lines[start])
        bare = None if mark else _BARE.match(lines[start])
        referenced = mark is not None and mark.group(1) in out[-1]
        goes_on = after < len(lines) and starts_lower(lines[after])
        if bare is not None:
            # Notes gathered at the very end of the text answer a mark anywhere above ("whatever.1").
            called = "\n".join(out) if after == len(lines) else out[-1]
            referenced, goes_on = _bare_called(bare.group(1), called), False
        if not (referenced or goes_on):
            out.append(line)
            index += 1
            continue
        notes += _notes(lines[start:end], _BARE if bare else _MARK)
        # The text closes up over the notes when it goes on, or when its next paragraph is marked by its
        # indent; otherwise the blank line before the notes stays the paragraphs' gap.
        if not goes_on and not (after < len(lines) and line_indent(lines[after]) > 0):
            out.append("")
        index = after
    return Footnotes(out, notes)
