"""Cuts a very long chapter into several runs of blocks, one XHTML file each, preferably at scene breaks."""

from __future__ import annotations

from collections.abc import Sequence

from ebookify.model import Block, Paragraph, Quote, SceneBreak, Subheading, Verse

# E-ink readers slow down on big files and old Adobe-based readers refuse XHTML files over ~300 KB:
# a chapter with more text than this goes into several files.
MAX_DOCUMENT_CHARS = 200_000


def _size(block: Block) -> int:
    return len(block.text) if isinstance(block, Paragraph | Verse | Quote | Subheading) else 0


def _cut_index(blocks: Sequence[Block], limit: int) -> int:
    """Where to end a full run: before the last scene break in its second half, else at its end."""
    size = 0
    best = len(blocks)
    for index, block in enumerate(blocks):
        # A file boundary is a page break: at a scene break the story pauses there anyway.
        if isinstance(block, SceneBreak) and index > 0 and size >= limit // 2:
            best = index
        size += _size(block)
    return best


def split_blocks(blocks: Sequence[Block], limit: int = MAX_DOCUMENT_CHARS) -> list[tuple[Block, ...]]:
    """The blocks in runs of about `limit` characters of text or less; one run when the chapter is short."""
    sizes = [_size(block) for block in blocks]
    if sum(sizes) <= limit:
        return [tuple(blocks)]  # most chapters: measured once, nothing to cut
    runs: list[tuple[Block, ...]] = []
    current: list[Block] = []
    size = 0
    for block, block_size in zip(blocks, sizes, strict=True):
        if current and size + block_size > limit:
            cut = _cut_index(current, limit)
            runs.append(tuple(current[:cut]))
            current = current[cut:]
            size = sum(_size(b) for b in current)
        current.append(block)
        size += block_size
    if current or not runs:
        runs.append(tuple(current))
    return runs
