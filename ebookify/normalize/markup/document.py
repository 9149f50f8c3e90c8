"""What a markup reader hands on: the story's lines with headings found, quotes, notes and what it removed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ebookify.normalize.decode.cleanup import plural
from ebookify.normalize.markup.marks import quote_placeholder


@dataclass(frozen=True)
class MarkedHeading:
    """A heading the markup gave: the line it stands on, its level (1 for "#", "<h1>") and its text."""

    line: int
    level: int
    text: str


@dataclass
class MarkupDocument:
    """A text read from its markup, not yet split into paragraphs: plain lines plus what was set aside."""

    lines: list[str] = field(default_factory=list)
    headings: list[MarkedHeading] = field(default_factory=list)
    quotes: list[list[str]] = field(default_factory=list)
    """Each quote's lines, blank lines between its paragraphs; its placeholder line stands in `lines`."""
    notes: list[str] = field(default_factory=list)
    """End notes: footnote definitions, link addresses, an archive download's afterword."""
    fields: list[tuple[str, str]] = field(default_factory=list)
    """Header fields the markup gave (an archive download's preface)."""
    front_notes: list[str] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)
    """What was dropped, by kind ("image line", "HTML comment"), for the repairs list."""

    after_block: bool = False

    def add_block(self, line: str) -> None:
        """A line that must be a paragraph of its own: blank lines around it unless there are some."""
        if self.lines and self.lines[-1].strip():
            self.lines.append("")
        self.lines.append(line)
        self.after_block = True

    after_removal: bool = False

    def add_line(self, line: str) -> None:
        """A text line of the story."""
        if not line.strip() and self.after_removal and (not self.lines or not self.lines[-1].strip()):
            return  # a removed line's blank line would widen the gap between the paragraphs around it
        if line.strip() and self.after_block:
            self.lines.append("")
        self.lines.append(line)
        self.after_block = self.after_removal = False

    def remove_line(self, kind: str) -> None:
        """A line dropped (an image, a comment), counted for the repairs list."""
        self.removed[kind] += 1
        self.after_removal = True

    def add_heading(self, level: int, text: str) -> None:
        self.add_block(text)
        self.headings.append(MarkedHeading(len(self.lines) - 1, level, text))

    def add_quote(self, lines: list[str]) -> None:
        self.add_block(quote_placeholder(len(self.quotes)))
        self.quotes.append(lines)

    def repairs(self) -> list[str]:
        """What was removed, as repair lines ("removed 2 image lines")."""
        return [f"removed {plural(count, kind)}" for kind, count in self.removed.items() if count]
