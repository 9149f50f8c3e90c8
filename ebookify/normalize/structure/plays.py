"""Plays: when the whole text reads as one, speeches get their speaker's label and directions are marked."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ebookify.model import Block, Chapter, Paragraph, Span, SpanStyle, Verse, VerseLine

# A speaker's label opening a speech: a name ("ALGERNON", "LADY BRACKNELL", "Mrs. Peachum", "Der Prinz"),
# perhaps a direction in parentheses ("Conti (indem er ...)"), then '.' or ':' ("SAMPSON.", "JOHN:");
# a name in capitals may also end its line without a stop ("ALGERNON" over the speech).
_TITLE = r"(?:(?i:mr|mrs|ms|dr|st|mme|mlle|hon|rev|sir)\.\s)?"
_WORD = r"[A-ZÀ-Þ][\w'’&-]*"
_PARTICLE = r"(?:of|de|di|da|del|von|van|der|du|la|le)"
_LABEL = re.compile(
    rf"(?P<name>{_TITLE}{_WORD}(?:[ ](?:{_WORD}|{_PARTICLE})){{0,3}})"
    r"(?P<direction>[ ]\([^()\n]{1,200}\))?(?P<stop>[.:](?=\s|$)|(?=\n))"
)
# Words that open headings and settings, not speeches ("SCENE\nA room.", "ACT DROP").
_NOT_NAMES = frozenset({"scene", "act", "acte", "akt", "aufzug", "auftritt", "szene", "scène", "curtain"})
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
    r"|personen|personnages|personajes|personaggi|(?:the )?characters(?: of the play)?|cast of characters"
    r"|the cast)\W*$",
    re.IGNORECASE,
)
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
_PARENTHESES_EVIDENCE = 3


@dataclass(frozen=True)
class _Label:
    """A speaker's label at the start of a text: where the name ends, where the whole label ends, and the
    direction in parentheses set with it."""

    key: str
    name_end: int
    end: int
    direction: tuple[int, int] | None
    own_line: bool
    caps: bool


@dataclass(frozen=True)
class Play:
    """What marks the text as a play: its speakers (as case-folded keys) and how it sets directions."""

    speakers: frozenset[str]
    parentheses: bool


def _label(text: str) -> _Label | None:
    """The speaker's label that opens `text`, if it has the shape of one."""
    match = _LABEL.match(text)
    if match is None:
        return None
    name = match.group("name")
    if not match.group("stop") and not (name.isupper() and match.end() < len(text)):
        return None  # only a name in capitals stands on its own line without a stop, over its speech
    key = " ".join(name.casefold().split())
    if key in _NOT_NAMES or sum(c.isalpha() for c in name) < 2:
        return None
    direction = match.span("direction") if match.group("direction") else None
    end = match.end()
    own_line = text[end : end + 1] in ("\n", "")
    return _Label(key, match.end("name"), end, direction, own_line, name.isupper())


def _opening_texts(block: Block) -> list[str]:
    """The texts speeches' labels would open: a paragraph's; a stanza's first line, or each of its lines
    when they all open with a label (a script typed a speech a line: "JOHN: Hi." / "MARY: Hello.")."""
    if isinstance(block, Verse) and len(block.lines) > 1 and all(_label(line.text) for line in block.lines):
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


def _has_cast_list(blocks: Iterable[Block]) -> bool:
    return any(isinstance(b, Paragraph) and _CAST_HEADING.match(b.text.strip()) for b in blocks)


def find_play(chapters: Sequence[Chapter], front_notes: Sequence[Block] = ()) -> Play | None:
    """The play the text is, judged over all of it: many paragraphs open with a few speakers' names, each
    heard several times. One "JOHN:" line in a story is no play."""
    blocks = [b for chapter in chapters for b in chapter.blocks if isinstance(b, Paragraph | Verse)]
    labels = [_label(text) for block in blocks for text in _opening_texts(block)]
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


def set_play(chapters: Sequence[Chapter], play: Play) -> tuple[tuple[Chapter, ...], int, int]:
    """The chapters with speakers' labels and directions marked; how many speeches and directions."""
    counted = [0, 0]
    out = tuple(replace(c, blocks=tuple(_play_blocks(c.blocks, play, counted))) for c in chapters)
    return out, counted[0], counted[1]


def _play_blocks(blocks: Sequence[Block], play: Play, counted: list[int]) -> Iterator[Block]:
    """A chapter's blocks: a label standing alone is joined to the speech under it."""
    pending: Paragraph | None = None
    for index, whole in enumerate(blocks):
        for new in _script_lines(whole, play) or [_play_block(whole, play, first=index == 0)]:
            pending = yield from _placed(new, pending, counted)
    if pending is not None:
        yield pending


def _script_lines(block: Block, play: Play) -> list[Block]:
    """A stanza whose every line is a speaker's speech (a script typed a speech a line): one speech each."""
    if not isinstance(block, Verse) or len(block.lines) < 2:
        return []
    labels = [_label(line.text) for line in block.lines]
    if not all(label is not None and label.key in play.speakers for label in labels):
        return []
    return [
        Paragraph(_speech(line.spans, line.text, label, play))
        for line, label in zip(block.lines, labels, strict=True)
        if label is not None
    ]


def _placed(
    new: Block, pending: Paragraph | None, counted: list[int]
) -> Generator[Block, None, Paragraph | None]:
    """Yield a block in its place; a label standing alone waits for the speech under it (returned)."""
    if pending is not None:
        joined = _join_speech(pending, new)
        yield pending if joined is None else joined
        if joined is not None:
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
    if not isinstance(block, Paragraph) or block.role == "caption":
        return block
    text = block.text
    label = _label(text)
    if label is not None and label.key in play.speakers:
        if first and _names_speaker(text[label.end :].lstrip(), play.speakers):
            # A scene opens with who is on stage ("Conti. Der Prinz."): a direction, not a speech.
            return Paragraph(_restyle(block.spans, [(0, len(text), "direction")]))
        return Paragraph(_speech(block.spans, text, label, play))
    stripped = text.strip()
    short = len(stripped) <= _MAX_DIRECTION and not _APPARATUS.match(stripped)
    if short and (_BRACKETED.match(stripped) or _STAGE_WORDS.match(stripped) or _all_emphasis(block.spans)):
        return Paragraph(_restyle(block.spans, [(0, len(text), "direction")]))
    return Paragraph(_restyle(block.spans, _inline_directions(text, play)))


def _names_speaker(text: str, speakers: frozenset[str]) -> bool:
    """True when the text opens with a speaker's name ("Der Prinz.", "Conti mit den Gemälden ...")."""
    folded = text.casefold()
    return any(folded.startswith(key) and not folded[len(key) : len(key) + 1].isalnum() for key in speakers)


def _speech(spans: Sequence[Span], text: str, label: _Label, play: Play) -> tuple[Span, ...]:
    """A speech's spans: its label, the direction set with it, the directions inside it; a label on its
    own line runs into the speech."""
    ranges: list[tuple[int, int, SpanStyle]] = []
    if label.direction is not None:
        ranges += [(0, label.name_end, "speaker"), (label.direction[0] + 1, label.direction[1], "direction")]
    else:
        ranges.append((0, label.end, "speaker"))
    ranges += [(s, e, style) for s, e, style in _inline_directions(text, play) if s >= label.end]
    restyled = _restyle(spans, ranges)
    return _replace_char(restyled, label.end, " ") if text[label.end : label.end + 1] == "\n" else restyled


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
        label = _label(text) if number == 0 else None
        ranges = _inline_directions(text, play)
        if label is not None and label.key in play.speakers and label.own_line:
            ranges = [(0, label.end, "speaker"), *ranges]
        lines.append(VerseLine(_restyle(line.spans, ranges), line.indent))
    return Verse(tuple(lines))


def _join_speech(label: Paragraph, speech: Block) -> Block | None:
    """A label standing alone over a stanza is the stanza's first line, as written; None when the block
    under it is no stanza. A label the source sets apart from its prose speech by a blank line stays its own
    paragraph (the writers keep it with the speech)."""
    if isinstance(speech, Verse) and speech.lines and not _is_speech_line(speech.lines[0]):
        return Verse((VerseLine(label.spans), *speech.lines))
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


def _restyle(spans: Sequence[Span], ranges: Sequence[tuple[int, int, SpanStyle]]) -> tuple[Span, ...]:
    """Spans with the text inside each range given the range's style (the text itself unchanged)."""
    if not ranges:
        return tuple(spans)
    pieces: list[Span] = []
    position = 0
    for span in spans:
        start, end = position, position + len(span.text)
        cuts = sorted({start, end, *(x for lo, hi, _ in ranges for x in (lo, hi) if start < x < end)})
        for low, high in pairwise(cuts):
            style = next((s for lo, hi, s in ranges if lo <= low and high <= hi), span.style)
            pieces.append(Span(span.text[low - start : high - start], style))
        position = end
    return _merge(pieces)


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Neighbouring spans of one style as one span."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].style == span.style:
            out[-1] = Span(out[-1].text + span.text, span.style)
        elif span.text:
            out.append(span)
    return tuple(out) or (Span(""),)


def _replace_char(spans: Sequence[Span], offset: int, char: str) -> tuple[Span, ...]:
    """The spans with the character at `offset` of their joined text replaced."""
    out: list[Span] = []
    position = 0
    for span in spans:
        at = offset - position
        position += len(span.text)
        out.append(
            Span(span.text[:at] + char + span.text[at + 1 :], span.style)
            if 0 <= at < len(span.text)
            else span
        )
    return tuple(out)
