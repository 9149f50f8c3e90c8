"""What stands around a story, split from its lines: licence, printed contents, title page, terms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ebookify.normalize.decode.cleanup import plural
from ebookify.normalize.matter.colophon import colophon_lines
from ebookify.normalize.matter.contents import drop_contents
from ebookify.normalize.matter.frame import split_frame
from ebookify.normalize.matter.gutenberg import split_gutenberg
from ebookify.normalize.matter.header import field_kind
from ebookify.normalize.matter.title_lines import letters_of

# The keys a printed title page's lines get when a licence header has named the book already.
_PRINTED = {"Title": "Printed title", "By": "Printed author"}
_NAMED = {"Etext title": ("Title", "title"), "Etext author": ("Author", "authors")}


@dataclass(frozen=True)
class Matter:
    """A text's lines split into the story's lines and what stands around them, with what was decided."""

    fields: tuple[tuple[str, str], ...]
    """The licence header's and the title page's fields, in the order they are trusted."""
    fallback: tuple[tuple[str, str], ...]
    """Title and author a licence's opening or closing line names, for what nothing else gives."""
    front: tuple[str, ...]
    body: tuple[str, ...]
    back: tuple[str, ...]
    """Adverts, terms and credits around the story: its end notes."""
    colophon: tuple[str, ...]
    """The edition's licence header and footer with its production credits: "About this edition"."""
    printed: bool
    """A Project Gutenberg book: its text before the first chapter is the printed front matter."""
    repairs: tuple[str, ...]


def _described(count: int, what: str) -> list[str]:
    return [what.format(plural(count, "line"))] if count else []


def split_matter(lines: Sequence[str]) -> Matter:
    """The licence header and footer, the printed contents list, the title page and the closing terms."""
    gutenberg = split_gutenberg(lines)
    contents = drop_contents(gutenberg.body)
    frame = split_frame(contents.lines, printed=gutenberg.found)
    # What the licence header names, the title page's lines only repeat (printed); what it leaves out
    # (an old header's title without an author), the title page gives.
    named = {field_kind(key) for key, _ in gutenberg.fields}
    fields = [
        *gutenberg.fields,
        *(
            (_PRINTED.get(key, key) if field_kind(key) in named else key, value)
            for key, value in frame.fields
        ),
    ]
    if contents.dropped:
        fields.append(("Printed contents", " / ".join(contents.dropped)))
    licence = [line for line in (*gutenberg.header, *gutenberg.footer) if line.strip()]
    repairs = [
        *_described(
            len(licence),
            "moved the Project Gutenberg licence and credits ({}) to the colophon (About this edition)",
        ),
        *([f"dropped the printed contents list ({contents.entries} entries)"] if contents.entries else []),
        *([f"read the title page: {', '.join(key for key, _ in frame.fields)}"] if frame.fields else []),
        *_described(
            sum(1 for line in frame.back if line), "moved adverts, terms and credits ({}) to the end notes"
        ),
    ]
    return Matter(
        fields=tuple(fields),
        fallback=tuple((_NAMED[key][0], value) for key, value in gutenberg.named),
        front=frame.front,
        body=frame.body,
        back=frame.back,
        colophon=colophon_lines((*gutenberg.header, "", *gutenberg.footer)),
        printed=gutenberg.found,
        repairs=tuple(repairs),
    )


def fallback_fields(matter: Matter, fields: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The licence-named title and author, for the metadata nothing else gave."""
    have = {field_kind(key) for key, value in fields if value}
    return [(key, value) for key, value in matter.fallback if field_kind(key) not in have]


def is_half_title(text: str, fields: Sequence[tuple[str, str]]) -> bool:
    """A line of a printed book's front matter that only repeats its title ("DRACULA", "KATRINE"), or the
    title's main part or subtitle on a line of its own ("The Importance of Being Earnest" / "A Trivial
    Comedy for Serious People" under "Title: The Importance of Being Earnest: A Trivial Comedy ...")."""
    titles = [value for key, value in fields if field_kind(key) == "title" and value]
    # The header reader joins a title and its subtitle line with ": "; a printed page sets them apart.
    parts = [part for title in titles if ": " in title for part in title.split(": ") if len(part.split()) > 1]
    letters = letters_of(text)
    return bool(letters) and "\n" not in text and any(letters_of(t) == letters for t in (*titles, *parts))
