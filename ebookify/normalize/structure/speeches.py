"""A play's text marked: speeches get their speaker's label, stage directions their style."""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator, Sequence
from dataclasses import replace

from ebookify.model import Block, Chapter, Paragraph, Span, SpanStyle, Verse, VerseLine
from ebookify.normalize.inline.hanging import without_hang
from ebookify.normalize.structure.plays import Play, is_cast_heading
from ebookify.normalize.structure.span_ranges import replace_char, restyle
from ebookify.normalize.structure.speaker_labels import SpeakerLabel, speaker_label

# A stage direction between speeches: bracketed ("[Enter Lane.]", "[Exit _Peachum_."), in parentheses,
# or opening with a word of entrances and exits ("Enter Benvolio.", "Exeunt.").
_BRACKETED = re.compile(r"^\[[^\[\]]*[A-Za-zÀ-ÿ][^\[\]]*(?:\][.,;:]?)?$|^\([^()]*[A-Za-zÀ-ÿ][^()]*\)[.,;:]?$")
_STAGE_WORDS = re.compile(
    r"^[\[(_]*(?:enter|enters|exit|exeunt|re-enter|re-enters|manet|manent|flourish|sennet|alarums?|tucket"
    r"|curtain)\b",
    re.IGNORECASE,
)
# Brackets that are a printed book's apparatus, not a direction: "[Illustration]", "[Footnote 3: ...]".
_APPARATUS = re.compile(r"^[\[(](?:illustration|footnote|transcriber|note|sidenote|\d+)", re.IGNORECASE)
# A direction between speeches is short; a long bracketed paragraph is an editor's note.
_MAX_DIRECTION = 400
# Directions inside a speech: in brackets, and in parentheses where the text sets its directions so.
_INLINE_BRACKETS = re.compile(r"\[[^\[\]]*[A-Za-zÀ-ÿ][^\[\]]*(?:\]|$)")
_INLINE_PARENTHESES = re.compile(r"\([^()]*[A-Za-zÀ-ÿ][^()]*\)")


def set_play(chapters: Sequence[Chapter], play: Play) -> tuple[tuple[Chapter, ...], int, int]:
    """The chapters with speakers' labels and directions marked; how many speeches and directions."""
    counted = [0, 0]
    apart = _labels_apart(chapters, play)
    out = tuple(replace(c, blocks=_chapter_blocks(c.blocks, play, counted, apart)) for c in chapters)
    return out, counted[0], counted[1]


# A cast list's lines are short ("Mrs. Peachum.", "Jemmy Twitcher,   }  Macheath's Gang."); a speech or a
# direction, its hard line breaks undone, runs longer.
_CAST_LINE = 80


def _chapter_blocks(
    blocks: Sequence[Block], play: Play, counted: list[int], apart: bool
) -> tuple[Block, ...]:
    """A chapter's blocks marked; a cast list closing it (its heading, then only short lines) is kept as
    written: "Player." and "Mrs. Peachum." there name the persons, no speech follows them."""
    heads = [
        i for i, block in enumerate(blocks) if isinstance(block, Paragraph) and is_cast_heading(block.text)
    ]
    if heads:
        cast = blocks[heads[0] :]
        texts = [b.text for b in cast if isinstance(b, Paragraph)]
        texts += [line.text for b in cast if isinstance(b, Verse) for line in b.lines]
        if all(len(line) <= _CAST_LINE for text in texts for line in text.split("\n")):
            return (*_play_blocks(blocks[: heads[0]], play, counted, apart), *_cast(cast, play, counted))
    return tuple(_play_blocks(blocks, play, counted, apart))


def _cast(blocks: Sequence[Block], play: Play, counted: list[int]) -> Iterator[Block]:
    """A cast list's blocks: its directions marked ("(Der Ort der Geschichte ist Teutschland.)"), its
    names never taken for speakers' labels."""
    for block in blocks:
        new = _play_block(block, play, first=False)
        spans = new.spans if isinstance(new, Paragraph) else ()
        lines = new.lines if isinstance(new, Verse) else ()
        labelled = any(s.style == "speaker" for s in (*spans, *(s for line in lines for s in line.spans)))
        kept = block if labelled else new
        counted[1] += _is_direction_paragraph(kept)
        yield kept


def _labels_apart(chapters: Sequence[Chapter], play: Play) -> bool:
    """The play sets most of its speakers' labels on a line of their own, a blank line above the speech
    ("ROPER." / "" / "Hul-lo!"): its habit, so each such label opens the prose speech under it. A play that
    runs its labels into their speeches ("_Filch._ Sir, ...") keeps a rare label set apart as written."""
    alone = speeches = 0
    for block in (b for c in chapters for b in c.blocks if isinstance(b, Paragraph)):
        label = speaker_label(block.text)
        if label is not None and label.key in play.speakers:
            speeches += 1
            alone += not block.text[label.end :].strip()
    return alone * 2 > speeches


def _play_blocks(blocks: Sequence[Block], play: Play, counted: list[int], apart: bool) -> Iterator[Block]:
    """A chapter's blocks: a label standing alone is joined to the speech under it."""
    pending: Paragraph | None = None
    for index, whole in enumerate(blocks):
        for new in _script_lines(whole, play) or [_play_block(whole, play, first=index == 0)]:
            pending = yield from _placed(new, pending, counted, apart)
    if pending is not None:
        yield pending


def _script_lines(block: Block, play: Play) -> list[Block]:
    """A stanza whose every line is a speaker's speech (a script typed a speech a line): one speech each."""
    if not isinstance(block, Verse) or len(block.lines) < 2:
        return []
    labels = [speaker_label(line.text) for line in block.lines]
    if not all(label is not None and label.key in play.speakers for label in labels):
        return []
    return [
        Paragraph(_speech(line.spans_with_hang, line.text, label, play))
        for line, label in zip(block.lines, labels, strict=True)
        if label is not None
    ]


def _placed(
    new: Block, pending: Paragraph | None, counted: list[int], apart: bool
) -> Generator[Block, None, Paragraph | None]:
    """Yield a block in its place; a label standing alone waits for the speech under it (returned)."""
    if pending is not None:
        joined = _join_speech(pending, new, apart)
        yield pending if joined is None else joined
        if joined is not None:
            counted[0] += isinstance(joined, Paragraph)
            return None
    if isinstance(new, Paragraph) and _is_label_only(new):
        return new
    counted[0] += _is_speech(new)
    counted[1] += _is_direction_paragraph(new)
    yield new
    return None


def _play_block(block: Block, play: Play, first: bool) -> Block:
    if isinstance(block, Verse):
        return _verse(block, play)
    if not isinstance(block, Paragraph) or block.role != "text":
        return block
    text = block.text
    label = speaker_label(text)
    if label is not None and label.key in play.speakers:
        if first and _names_speaker(text[label.end :].lstrip(), play.speakers):
            # A scene opens with who is on stage ("Conti. Der Prinz."): a direction, not a speech.
            return Paragraph(restyle(block.spans, [(0, len(text), "direction")]))
        return Paragraph(_speech(block.spans, text, label, play))
    stripped = text.strip()
    short = len(stripped) <= _MAX_DIRECTION and not _APPARATUS.match(stripped)
    if short and (_BRACKETED.match(stripped) or _STAGE_WORDS.match(stripped) or _all_emphasis(block.spans)):
        return Paragraph(restyle(block.spans, [(0, len(text), "direction")]))
    return Paragraph(restyle(block.spans, _inline_directions(text, play)))


def _names_speaker(text: str, speakers: frozenset[str]) -> bool:
    """True when the text opens with a speaker's name ("Der Prinz.", "Conti mit den Gemälden ...")."""
    folded = text.casefold()
    return any(folded.startswith(key) and not folded[len(key) : len(key) + 1].isalnum() for key in speakers)


def _speech(spans: Sequence[Span], text: str, label: SpeakerLabel, play: Play) -> tuple[Span, ...]:
    """A speech's spans: its label, the direction set with it, the directions inside it; a label on its
    own line runs into the speech."""
    ranges: list[tuple[int, int, SpanStyle]] = []
    if label.direction is not None:
        ranges += [(0, label.name_end, "speaker"), (label.direction[0] + 1, label.direction[1], "direction")]
    else:
        ranges.append((0, label.end, "speaker"))
    ranges += [(s, e, style) for s, e, style in _inline_directions(text, play) if s >= label.end]
    restyled = restyle(spans, ranges)
    return replace_char(restyled, label.end, " ") if text[label.end : label.end + 1] == "\n" else restyled


def _inline_directions(text: str, play: Play) -> list[tuple[int, int, SpanStyle]]:
    """Directions inside a speech or between its lines: bracketed, or in parentheses in a play that sets
    its directions in parentheses."""
    found = [m.span() for m in _INLINE_BRACKETS.finditer(text)]
    if play.parentheses:
        found += [m.span() for m in _INLINE_PARENTHESES.finditer(text)]
    return [(s, e, "direction") for s, e in sorted(found) if not _APPARATUS.match(text[s:e])]


def _verse(verse: Verse, play: Play) -> Verse:
    """A stanza spoken by a speaker: its first line is the label; directions in its lines are marked."""
    lines = []
    for number, line in enumerate(verse.lines):
        text = line.text
        label = speaker_label(text) if number == 0 else None
        ranges = _inline_directions(text, play)
        if label is not None and label.key in play.speakers and label.own_line:
            ranges = [(0, label.end, "speaker"), *ranges]
        # The ranges count the hung mark (line.text starts with it): restyle the whole line, then hang it.
        restyled = restyle(line.spans_with_hang, ranges)
        lines.append(VerseLine(without_hang(restyled, line.hang), line.indent, line.hang))
    return Verse(tuple(lines))


def _join_speech(label: Paragraph, speech: Block, apart: bool) -> Block | None:
    """A label standing alone over a stanza is the stanza's first line, as written; in a play that sets its
    labels apart from their prose speeches by a blank line ("ROPER." / "" / "Hul-lo! I'm in luck!") it opens
    the speech under it, as a label on the line above does. None when it opens neither (another label)."""
    if isinstance(speech, Verse) and speech.lines and not _is_speech_line(speech.lines[0]):
        return Verse((VerseLine(label.spans), *speech.lines))
    if (
        apart
        and isinstance(speech, Paragraph)
        and speech.role == "text"
        and speech.spans
        and not _is_speech(speech)
    ):
        return Paragraph((*label.spans, Span(" ", "plain"), *speech.spans))
    return None


def _is_label_only(paragraph: Paragraph) -> bool:
    return paragraph.spans[0].style == "speaker" and all(
        s.style in ("speaker", "direction") or not s.text.strip(" .:") for s in paragraph.spans
    )


def _is_speech(block: Block) -> bool:
    if isinstance(block, Verse):
        return bool(block.lines) and _is_speech_line(block.lines[0])
    return isinstance(block, Paragraph) and block.spans[0].style == "speaker"


def _is_speech_line(line: VerseLine) -> bool:
    return bool(line.spans) and line.spans[0].style == "speaker"


def _is_direction_paragraph(block: Block) -> bool:
    return isinstance(block, Paragraph) and all(
        s.style == "direction" or not s.text.strip() for s in block.spans
    )


def _all_emphasis(spans: Sequence[Span]) -> bool:
    """A paragraph the author set wholly in italics ("_They fight._") between speeches is a direction."""
    lettered = [s for s in spans if any(c.isalpha() for c in s.text)]
    return bool(lettered) and all(s.style == "emphasis" for s in lettered)
