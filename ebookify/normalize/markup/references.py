"""Markdown footnote definitions (`[^1]: text`) and link definitions (`[id]: url`) taken out of the body."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ebookify.normalize.markup.detect import FOOTNOTE_DEFINITION, LINK_DEFINITION


@dataclass
class References:
    """Definitions found in a text: footnotes by id (their paragraphs), link addresses by label."""

    footnotes: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    """Lower-cased label to address, in the order written."""
    labels: dict[str, str] = field(default_factory=dict)
    """Lower-cased label to the label as written."""


def _is_continuation(line: str) -> bool:
    """A footnote's later lines are indented (or blank between its paragraphs)."""
    return not line.strip() or line[:1].isspace()


def _footnote_paragraphs(first: str, rest: Sequence[str]) -> list[str]:
    """A footnote's text as paragraphs, its wrapped lines joined."""
    paragraphs: list[list[str]] = [[first.strip()] if first.strip() else []]
    for line in rest:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [" ".join(lines) for lines in paragraphs if lines]


def take_definitions(lines: Sequence[str]) -> tuple[list[str], References]:
    """The lines without footnote and link definitions, and the definitions."""
    refs = References()
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line[:1] != "[" and not line.startswith(("   [", "  [", " [")):
            kept.append(line)
            continue
        if footnote := FOOTNOTE_DEFINITION.match(line):
            end = index
            while end < len(lines) and _is_continuation(lines[end]):
                end += 1
            # Blank lines after the last indented line belong to the text that follows.
            while end > index and not lines[end - 1].strip():
                end -= 1
            refs.footnotes[footnote.group(1)] = _footnote_paragraphs(footnote.group(2), lines[index:end])
            index = end
        elif link := LINK_DEFINITION.match(line):
            label = link.group(1).strip()
            refs.links[label.lower()] = link.group(2).strip("<>")
            refs.labels[label.lower()] = label
        else:
            kept.append(line)
            continue
        # The gap the definition leaves must not widen the gap between the paragraphs around it.
        while kept and not kept[-1].strip() and index < len(lines) and not lines[index].strip():
            index += 1
    return kept, refs
