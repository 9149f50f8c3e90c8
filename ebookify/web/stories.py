"""One uploaded story: its bytes on disk in the session folder, the user's edits, its normalized model."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ebookify.model import Block, Paragraph, Quote, Span, Story, Verse
from ebookify.normalize import normalize_bytes
from ebookify.normalize.decode.cleanup import clean_value
from ebookify.options import NormalizeOptions, StoryOverrides


@dataclass(frozen=True)
class StoryEdits:
    """Metadata the user typed on the page; an empty value keeps what the story's header says."""

    title: str = ""
    authors: str = ""
    """Several authors separated by commas."""
    summary: str = ""
    language: str = ""
    series: str = ""
    series_index: float | None = None

    def overrides(self) -> StoryOverrides:
        """The edits the normalizer takes itself (they get the same cleanup as command-line flags)."""
        authors = tuple(a for a in (clean_value(x) for x in self.authors.split(",")) if a)
        return StoryOverrides(
            title=clean_value(self.title) or None,
            authors=authors,
            summary=clean_value(self.summary, one_line=False) or None,
            language=clean_value(self.language) or None,
        )


@dataclass(frozen=True)
class ReadingSwitches:
    """The page's switches that change how the text is read (the others change how it is written)."""

    smart_quotes: bool = True
    thoughts: bool = True


@dataclass
class UploadedStory:
    """A story of the session: `path` is inside the session folder, `name` is what the user called it."""

    story_id: str
    name: str
    path: Path
    size: int
    edits: StoryEdits = StoryEdits()
    title: str = ""
    """The title last read (shown in the list before the story is opened again)."""
    _cache: dict[tuple[ReadingSwitches, StoryEdits], Story] = field(default_factory=dict)

    def story(self, switches: ReadingSwitches) -> Story:
        """The normalized story with the user's edits (worked out once per switches and edits)."""
        key = (switches, self.edits)
        if key not in self._cache:
            self._cache.clear()  # one version at a time: a novel's model is tens of megabytes
            options = NormalizeOptions(smart_quotes=switches.smart_quotes)
            story = normalize_bytes(self.path.read_bytes(), self.name, options, self.edits.overrides())
            story = _with_series(story, self.edits)
            self._cache[key] = story if switches.thoughts else without_thoughts(story)
            self.title = story.metadata.title
        return self._cache[key]


def _with_series(story: Story, edits: StoryEdits) -> Story:
    series = clean_value(edits.series)
    if not series and edits.series_index is None:
        return story
    meta = story.metadata
    return replace(
        story,
        metadata=replace(
            meta,
            series=series or meta.series,
            series_index=edits.series_index if edits.series_index is not None else meta.series_index,
        ),
    )


def _plain(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    return tuple(Span(s.text, "plain") if s.style == "thought" else s for s in spans)


def _block_without_thoughts(block: Block) -> Block:
    # replace() keeps every other field of a block (a quote's kind, a line's indent).
    if isinstance(block, Paragraph):
        return replace(block, spans=_plain(block.spans))
    if isinstance(block, Verse):
        return replace(block, lines=tuple(replace(line, spans=_plain(line.spans)) for line in block.lines))
    if isinstance(block, Quote):
        return replace(block, blocks=tuple(_block_without_thoughts(b) for b in block.blocks))
    return block


def _blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(_block_without_thoughts(b) for b in blocks)


def without_thoughts(story: Story) -> Story:
    """The story with thought detection switched off: passages read as thoughts are set in roman again
    (their words are unchanged; only the italics the detector added go)."""
    chapters = tuple(
        replace(
            c, blocks=_blocks(c.blocks), front_notes=_blocks(c.front_notes), end_notes=_blocks(c.end_notes)
        )
        for c in story.chapters
    )
    return replace(
        story,
        chapters=chapters,
        front_notes=_blocks(story.front_notes),
        end_notes=_blocks(story.end_notes),
        colophon=_blocks(story.colophon),
    )
