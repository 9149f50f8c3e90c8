"""Project Gutenberg licence header and footer: split off as notes, their `Key: value` lines as fields."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.matter.character_table import is_characters_label, starts_character_table
from ebookify.normalize.matter.header import field_kind, parse_field
from ebookify.normalize.matter.old_header import dateline_field, title_block_fields
from ebookify.normalize.matter.transcriber_notes import lift_opening_note
from ebookify.normalize.structure.headings import match_heading

# The markers every Project Gutenberg text carries around the book itself (old and new wording); a 1990s
# etext has no START line, its licence ends with "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*...".
_START = re.compile(r"^\W*\*{3}\s*START OF (?:THIS|THE) PROJECT GUTENBERG|^\W*END\W+THE SMALL PRINT", re.I)
_END = re.compile(r"^\W*(?:\*{3}\s*)?END OF (?:THIS |THE )?PROJECT GUTENBERG", re.I)
# (Some 1990s etexts close on "The end of Project Gutenberg Etext of ...", Middlemarch's among them.)
_END_LINE = re.compile(
    r"^\s*(?:(?:The )?End of (?:the |this )?Project Gutenberg'?s?"
    r"|Ende? (?:dieses|des) Projekts? Gutenberg)\b",
    re.I,
)
_PRODUCED = re.compile(r"^\s*(?:Produced|Prepared|Transcribed|E-?text prepared) by\b", re.I)
_TRANSCRIBER = re.compile(r"^\s*\[?\s*transcriber'?s'?\s+notes?\b", re.I)
# A transcriber's note without the word: it compares this text with the original ("These were in italics in
# the original, ... changed in this version", "Le texte en italiques dans l'original est indiqué ici ...").
_ORIGINAL = re.compile(
    r"\b(?:in|from|than|dans|de|im|en|nell)\s+(?:the\s+|l['’]|el\s+|la\s+)?original[e]?\b"
    r"|\ble\s+texte\s+original\b|\bthe\s+original\s+text\b",
    re.I,
)
_THIS_TEXT = re.compile(
    r"\b(?:this|these|cette|ce|diese[rmns]?|este|esta)\s+(?:text|version|e-?text|e-?book|edition|transcription|"
    r"texte|fichier|ausgabe|fassung|livre\s+électronique)\b|\bici\b|\bhier\b|\bascii\b|\btranscri",
    re.I,
)
# ... and it speaks of how the print is rendered: a translator's preface on "the original" does not.
_RENDERING = re.compile(
    r"\b(?:italics?|italiques?|kursiv\w*|underscores?|bold|gras|fett|gesperrt|small caps|capitals|"
    r"superscript|exposant|ascii|formatting|spelling|orthogra\w*|typo\w*|misprints?|errors?|errata|"
    r"corrected|hyphen\w*|page numbers?)\b",
    re.I,
)
# Its heading ("Au lecteur.", "To the Reader:") is a few words; a line after it that points to more notes
# on the text ("On trouvera d'autres précisions à la fin du texte.") is short.
_NOTE_LABEL_CHARS = 30
_NOTE_TAIL_CHARS = 120
_TEXT_WORD = re.compile(r"\b(?:texte?|e-?text|version)\b", re.I)
# A bracketed transcriber's note is a few paragraphs.
_NOTE_LINES = 60
# A transcriber's notes at the end of the book ("Errata Noted by Transcriber:"), within its last lines.
_CLOSING_LABEL = re.compile(
    r"^\W*(?:transcriber'?s'?\s+notes?|errata\b|notes? (?:on|about) the (?:text|transcription|e-?text))", re.I
)
_CLOSING_NOTES_LINES = 200

# The title a licence header names in its first lines: "The Project Gutenberg EBook of Katrine, by
# Elinor Macartney Lane", "Project Gutenberg's Jack Sheppard, by ...", "The Project Gutenberg Etext of X"
_NAMED = re.compile(
    r"^\W*(?:this is |end of |ende? (?:dieses|des) )?(?:the |this )?proje[ck]ts? gutenbergs?(?:'s|’s)?\s+"
    r"(?:(?:e-?texte?s?|e-?book)\s+)?(?:of\s+)?(?P<title>.+?)(?:,\s+(?:by|von)\s+(?P<author>[^*]+?))?\W*$",
    re.I,
)
# How far into a file the START marker may be (the licence header is short), and how near the end a
# footer-only copy's END marker must be.
_MAX_HEADER_LINES = 400
_FOOTER_SHARE = 0.5


@dataclass(frozen=True)
class GutenbergSplit:
    """A text split into licence header lines, fields, the book's lines and licence footer lines."""

    header: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]
    body: tuple[str, ...]
    footer: tuple[str, ...]
    found: bool = False
    named: tuple[tuple[str, str], ...] = ()
    """Title and author named by the header's opening line: used when nothing better gives them."""


def _header_fields(lines: Sequence[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The `Key: value` lines of a licence header (with indented continuations) and the other lines."""
    fields: list[tuple[str, str]] = []
    rest: list[str] = []
    after_field = False
    continued = 0
    for line in lines:
        field = parse_field(line) if not line[:1].isspace() else None
        # Only known keys: "Please note: neither this list ..." in a 1990s header is licence text.
        if field and field[1] and field_kind(field[0]):
            fields.append(field)
            after_field, continued = True, 0
        elif after_field and line[:1].isspace() and line.strip():
            # An indented line right after a field continues it; under a title it is the subtitle
            # ("Title: Jack Sheppard" / "       A Romance" is "Jack Sheppard: A Romance"), and the
            # subtitle's own next line runs on ("... for the Particular" / "Friends of the Author").
            key, value = fields[-1]
            subtitle = field_kind(key) == "title" and continued == 0 and value[-1:].isalnum()
            fields[-1] = (key, f"{value}{': ' if subtitle else ' '}{line.strip()}")
            continued += 1
        else:
            rest.append(line)
            after_field = False
    return fields, rest


def _credit_end(lines: Sequence[str], start: int) -> int:
    """The index after a production credit or transcriber's note at `start`, or `start` if there is none.

    A bracketed note ("[Transcriber's Note: ... ]") runs to its closing bracket, the others to a blank line.
    """
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return start
    if not (_PRODUCED.match(lines[index]) or _TRANSCRIBER.match(lines[index])):
        return _edition_note_end(lines, start)
    if lines[index].lstrip().startswith("["):
        close = next((i for i in range(index, min(index + _NOTE_LINES, len(lines))) if "]" in lines[i]), None)
        if close is not None:
            return close + 1
    while index < len(lines) and lines[index].strip():
        index += 1
    return index


def _paragraph(lines: Sequence[str], start: int) -> tuple[str, int]:
    """The paragraph at or after `start` (blank lines skipped) as one string, and the index after it."""
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    end = index
    while end < len(lines) and lines[end].strip():
        end += 1
    return " ".join(line.strip() for line in lines[index:end]), end


def _is_edition_note(text: str) -> bool:
    return bool(_ORIGINAL.search(text) and _THIS_TEXT.search(text) and _RENDERING.search(text))


def _edition_note_end(lines: Sequence[str], start: int) -> int:
    """The index after a transcriber's note on the edition at `start` (with its few-word heading and a
    short line pointing to more notes on the text), or `start` when there is none."""
    text, end = _paragraph(lines, start)
    label = text and len(text) <= _NOTE_LABEL_CHARS and text[-1] in ".:" and len(text.split()) <= 3
    if label and match_heading(text) is None:
        text, end = _paragraph(lines, end)  # a heading counts only over a note; a chapter's is the book's
    if not _is_edition_note(text):
        return start
    tail, after = _paragraph(lines, end)
    return after if tail and len(tail) <= _NOTE_TAIL_CHARS and _TEXT_WORD.search(tail) else end


def _producer_end(lines: Sequence[str], start: int) -> int:
    """The index after the credits and transcriber's notes that follow the START marker (production
    matter, which goes to the back with the licence)."""
    index = start
    while (after := _credit_end(lines, index)) != index:
        index = after
    return index


def _closing_notes_start(lines: Sequence[str], start: int, end: int) -> int:
    """Where a transcriber's closing notes (errata, notes on the e-text, a table of its characters) begin
    before the END marker, with the divider that sets them off; `end` when the book ends without them."""
    # In the book's last lines, never in its first half (its opening transcriber's note is a credit).
    first = max(start + 1, end - _CLOSING_NOTES_LINES, (start + end) // 2)
    label = next(
        (
            i
            for i in range(first, end)
            if not lines[i - 1].strip()
            and (
                _CLOSING_LABEL.match(lines[i])
                or _labels_edition_note(lines, i)
                or is_characters_label(lines[i])
                or starts_character_table(lines, i, end)
            )
        ),
        None,
    )
    if label is None:
        return end
    notes_start = label
    # Up over the blank and divider lines above the label ("*   *   *"): they belong to the notes.
    for index in range(label - 1, start, -1):
        if lines[index].strip() and any(c.isalnum() for c in lines[index]):
            break
        if lines[index].strip():
            notes_start = index
    return notes_start


def _labels_edition_note(lines: Sequence[str], index: int) -> bool:
    """A few-word heading over a note on the edition ("Au lecteur." / "Ce livre électronique reproduit
    intégralement le texte original. Seules quelques erreurs typographiques ... ont été corrigées")."""
    text = lines[index].strip()
    if not (text and len(text) <= _NOTE_LABEL_CHARS and text[-1] in ".:" and len(text.split()) <= 3):
        return False
    return match_heading(text) is None and _is_edition_note(_paragraph(lines, index + 1)[0])


def _named_fields(lines: Sequence[str]) -> list[tuple[str, str]]:
    """Title and author from a line that names the book ("The Project Gutenberg EBook of X, by Y",
    "*** END OF THE PROJECT GUTENBERG EBOOK X ***"), for texts without `Title:` (kept apart)."""
    for index in range(len(lines)):
        match = _NAMED.match(
            _unwrapped(lines, index).replace("PROJECT GUTENBERG EBOOK", "Project Gutenberg EBook of")
        )
        if match:
            # The title may be quoted ('The Project Gutenberg Etext "Divina Commedia di Dante"').
            named = [("Etext title", match.group("title").strip(' *"“”'))]
            author = match.group("author")
            return named + ([("Etext author", author.strip(" *"))] if author else [])
    return []


# A naming line wrapped inside the author's name ("Ende dieses Projekt Gutenberg Etextes Nathan der Weise, von
# Gotthold" / "Ephraim Lessing."): the next line, a few words closing the sentence, finishes it.
_NAME_TAIL_WORDS = 4


def _unwrapped(lines: Sequence[str], index: int) -> str:
    """The line, with the next one joined when the line stops mid-name and the next one ends the sentence."""
    text = lines[index].strip()
    tail = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if text[-1:].isalpha() and tail.endswith(".") and len(tail.split()) <= _NAME_TAIL_WORDS:
        return f"{text} {tail}"
    return text


def _is_end(line: str) -> bool:
    # Every END line names Gutenberg: a substring test spares a novel's 20,000 lines two regexes each.
    if "utenberg" not in line and "UTENBERG" not in line:
        return False
    return bool(_END.match(line) or _END_LINE.match(line))


def split_gutenberg(lines: Sequence[str]) -> GutenbergSplit:
    """Split off a Project Gutenberg licence header and footer; a text without them comes back whole."""
    start = next((i for i, line in enumerate(lines[:_MAX_HEADER_LINES]) if _START.match(line)), None)
    if start is None:
        # A copy that kept only the footer: its END marker stands in the last part of the text.
        first = int(len(lines) * _FOOTER_SHARE)
        end = next((i for i in range(first, len(lines)) if _is_end(lines[i])), None)
        if end is None:
            return GutenbergSplit((), (), tuple(lines), ())
        named = tuple(_named_fields(lines[end : end + 5]))
        return GutenbergSplit((), (), tuple(lines[:end]), tuple(lines[end:]), True, named)
    end = next((i for i in range(start + 1, len(lines)) if _is_end(lines[i])), len(lines))
    fields, header = _header_fields(lines[:start])
    fields += title_block_fields(header, fields)
    fields += dateline_field(header, fields)
    body_start = _producer_end(lines, start + 1)
    end = _closing_notes_start(lines, body_start, end)
    note, body_lines = lift_opening_note(lines[body_start:end])
    header += ["", *lines[start:body_start], *(["", *note] if note else [])]
    body = tuple(body_lines)
    named = tuple(_named_fields([*lines[:5], *lines[end : end + 5]]))
    return GutenbergSplit(tuple(header), tuple(fields), body, tuple(lines[end:]), True, named)
