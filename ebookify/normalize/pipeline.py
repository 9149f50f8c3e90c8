"""Runs the normalizer steps in order: decode, structure, metadata, inline, typography."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ebookify.errors import InputError
from ebookify.model import (
    Block,
    Chapter,
    Paragraph,
    Quote,
    SceneBreak,
    Span,
    Story,
    Subheading,
    Verse,
    VerseLine,
)
from ebookify.normalize.decode.decode import decode_bytes
from ebookify.normalize.inline.elisions import is_dialect
from ebookify.normalize.inline.emphasis import drop_emphasis_markers, stray_markers, unmarked_text
from ebookify.normalize.inline.hanging import hang_line
from ebookify.normalize.inline.inline import mark_lines
from ebookify.normalize.inline.italic_poems import wholly_italic
from ebookify.normalize.inline.speakers import split_speakers
from ebookify.normalize.inline.typography import typeset_spans, typeset_text
from ebookify.normalize.markup.marks import restore_literals
from ebookify.normalize.markup.read import read_markup
from ebookify.normalize.markup.restore import mark_story_inline, raw_texts, restore_markup
from ebookify.normalize.matter.captions import caption
from ebookify.normalize.matter.metadata import metadata_from_fields
from ebookify.normalize.structure.plays import find_play
from ebookify.normalize.structure.raw import RawBlock, RawQuote, RawVerse
from ebookify.normalize.structure.speeches import set_play
from ebookify.normalize.structure.structure import parse_structure
from ebookify.normalize.structure.subheadings import RawSubheading
from ebookify.options import NormalizeOptions, StoryOverrides

MAX_INPUT_BYTES = 32 * 1024 * 1024
"""The largest story file read (32 MiB, about 5 million words: six times the longest novels). Normalizing
costs about 30 bytes of memory per input byte; the limit keeps a stray disk image or log from exhausting
memory and time, with a clear error instead."""


def _size_error(name: str, size: int) -> InputError:
    return InputError(
        f"{name} is too large ({size / 2**20:.1f} MiB; the limit is {MAX_INPUT_BYTES // 2**20} MiB per story)"
    )


def read_input(path: Path) -> bytes:
    """Read an input file (at most MAX_INPUT_BYTES), turning OS errors into one clear message."""
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a text file")
    try:
        # Read one byte past the limit: a device such as /dev/zero has no size to check beforehand.
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise _size_error(str(path), max(len(data), path.stat().st_size))
        return data
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def load_story(
    path: str | Path,
    options: NormalizeOptions = NormalizeOptions(),
    overrides: StoryOverrides = StoryOverrides(),
) -> Story:
    """Read and normalize one story file."""
    path = Path(path)
    return normalize_bytes(read_input(path), str(path), options, overrides)


def _fallback_title(source: str) -> str:
    stem = Path(source).stem
    return stem.replace("_", " ").replace("-", " ").strip().title() or "Untitled"


def normalize_bytes(
    data: bytes,
    source: str,
    options: NormalizeOptions = NormalizeOptions(),
    overrides: StoryOverrides = StoryOverrides(),
) -> Story:
    """Turn the bytes of a story into a Story."""
    if len(data) > MAX_INPUT_BYTES:
        raise _size_error(source, len(data))
    decoded = decode_bytes(data, source, options.encoding)
    markup = read_markup(decoded.text)
    raw = restore_markup(parse_structure(markup.text, markup.fields), markup)
    metadata = metadata_from_fields(
        raw.fields, _fallback_title(source), overrides, raw.language, options.smart_quotes
    )
    count = len(raw.chapters)
    splits: list[str] = []
    raw_groups = [
        raw.front_notes,
        *(_split_speakers(chapter.blocks, splits) for chapter in raw.chapters),
        *(chapter.front_notes for chapter in raw.chapters),
        *(chapter.end_notes for chapter in raw.chapters),
        raw.end_notes,
        raw.colophon,
    ]
    texts = [text for group in raw_groups for text in raw_texts(group)]
    marked = iter(mark_story_inline(texts, markup.marked))
    dialect = is_dialect(texts)
    strays: list[str] = []
    front, *groups, end, colophon = [
        tuple(_finish(group, marked, options, dialect, strays)) for group in raw_groups
    ]
    bodies, chapter_fronts, chapter_ends = groups[:count], groups[count : 2 * count], groups[2 * count :]
    chapters = tuple(
        Chapter(_typeset_title(c.title, options), blocks, _typeset_title(c.part, options), before, after)
        for c, blocks, before, after in zip(raw.chapters, bodies, chapter_fronts, chapter_ends, strict=True)
    )
    layout = raw.layout
    play = find_play(chapters, front)
    if play is not None:
        chapters, speeches, directions = set_play(chapters, play)
        layout = replace(layout, speeches=speeches, directions=directions)
    return Story(
        source=source,
        metadata=metadata,
        chapters=chapters,
        front_notes=front,
        end_notes=end,
        encoding=decoded.encoding,
        repairs=(*decoded.repairs, *markup.repairs, *raw.repairs, *_listed(splits), *_listed(strays)),
        markup=markup.description,
        layout=layout,
        colophon=colophon,
        printed=raw.printed,
    )


def _typeset_title(title: str | None, options: NormalizeOptions) -> str | None:
    """Chapter headings get the same quotes and dashes as the text (Jack Sheppard’s Escape), and lose the
    author's emphasis markers, which a plain-string title cannot carry as italics."""
    if not title:
        return title
    title = unmarked_text(title)
    return typeset_text(title) if options.smart_quotes else title


# Enough repairs of one kind to find them in the text; a story full of them gets a count for the rest.
_MAX_SHOWN = 5


def _listed(repairs: list[str]) -> list[str]:
    """The first few repairs of one kind, then how many more there were."""
    more = [f"… and {len(repairs) - _MAX_SHOWN} more like it"] if len(repairs) > _MAX_SHOWN else []
    return [*repairs[:_MAX_SHOWN], *more]


def _split_speakers(blocks: Iterable[RawBlock], splits: list[str]) -> list[RawBlock]:
    """Paragraphs where a second speaker answers after an attribution, split before the answer."""
    out: list[RawBlock] = []
    for block in blocks:
        if not isinstance(block, str):
            out.append(block)
            continue
        parts = split_speakers(block)
        splits += [f"split two speakers' lines apart before “{part[:40]}…”" for part in parts[1:]]
        out += parts
    return out


def _finish(
    blocks: Iterable[RawBlock],
    marked: Iterator[tuple[Span, ...]],
    options: NormalizeOptions,
    dialect: bool,
    strays: list[str],
) -> Iterator[Block]:
    """Pair raw blocks with their marked spans and apply typography; collect unpaired emphasis markers."""
    framed, italic = wholly_italic(list(blocks))
    for index, block in enumerate(framed):
        if isinstance(block, SceneBreak):
            yield block
            continue
        if isinstance(block, RawVerse):
            yield _verse(block, options, dialect, strays, italic=index in italic)
            continue
        if isinstance(block, RawQuote):
            yield Quote(tuple(_finish(block.blocks, marked, options, dialect, strays)), block.kind)
            continue
        if isinstance(block, RawSubheading):
            # A sub-heading's emphasis is read like a line of verse's: it carries no thoughts. A markup's
            # escaped characters ("\\*") are themselves again.
            spans = tuple(Span(restore_literals(s.text), s.style) for s in mark_lines([block.text])[0])
            yield Subheading(typeset_spans(spans, dialect) if options.smart_quotes else spans, block.role)
            continue
        spans = drop_emphasis_markers(next(marked))
        strays += [f"unpaired emphasis marker kept as text: “{x}”" for x in stray_markers(spans)]
        yield caption(Paragraph(typeset_spans(spans, dialect) if options.smart_quotes else spans))


def _emphasised(span: Span) -> Span:
    """A plain span in italics; styled spans keep their style."""
    return Span(span.text, "emphasis") if span.style == "plain" else span


def _verse(
    raw: RawVerse, options: NormalizeOptions, dialect: bool, strays: list[str], italic: bool = False
) -> Verse:
    """A stanza's lines with their emphasis, typography and hung opening quote; verse is never marked as
    thoughts. A stanza of a poem set wholly in italics has every plain span emphasised."""
    lines = []
    marked = mark_lines([text for _, text in raw.lines])
    if italic:
        marked = [tuple(_emphasised(span) for span in line) for line in marked]
    for (level, _), spans in zip(raw.lines, marked, strict=True):
        strays += [f"unpaired emphasis marker kept as text: “{x}”" for x in stray_markers(spans)]
        typeset = typeset_spans(spans, dialect) if options.smart_quotes else spans
        # Decided once the quotes are curled: by then an elision's apostrophe ('Tis) is ’ and never hangs.
        hang, words = hang_line(typeset, dialect, curled=options.smart_quotes)
        lines.append(VerseLine(words, level, hang))
    return Verse(tuple(lines))
