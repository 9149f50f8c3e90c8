"""A chapter's argument (the summary printed under its heading) read as part of the chapter's title."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ebookify.normalize.structure.datelines import names_day_of_month
from ebookify.normalize.structure.heading_candidates import ChapterStart
from ebookify.normalize.structure.headings import clean_heading, match_heading
from ebookify.normalize.structure.paragraphs import Item

# An argument sits close under its heading (two blank lines at most) and is short.
_ARGUMENT_GAP = 2
_ARGUMENT_WORDS = 60
# Most chapters carry one, three at least: a book prints its arguments under every heading.
_ARGUMENT_SHARE = 0.75
_MIN_ARGUMENTS = 3
# The keyword of a chapter headed by a poem's title in a collection (structure/chapters.py).
_POEM_TITLE = "~poem"


def _argument(items: Sequence[Item], start: ChapterStart, normal: int, heads: set[int]) -> bool:
    """The item under a heading is set off like an argument: close under it, a wider gap than the text's
    usual one below it, short, no stanza, no heading ("Die Unglücksfälle des Studenten Anselmus. -- ...")."""
    index = start.index + start.span
    # The only text before the next heading is the chapter's text, never its argument: a play's scene that
    # is one short monologue ("Fünfter Auftritt" / "Claudia Galotti. Welch ein Mann! ...") keeps it.
    if index + 1 >= len(items) or index + 1 in heads:
        return False
    item, below = items[index], items[index + 1]
    if item.verse or item.divider or item.gap > _ARGUMENT_GAP or match_heading(item.text) is not None:
        return False
    return below.gap > normal and below.gap >= item.gap and len(item.text.split()) <= _ARGUMENT_WORDS


def with_arguments(items: Sequence[Item], starts: list[ChapterStart], normal: int) -> list[ChapterStart]:
    """When most chapter headings carry an argument set off under them, each argument joins its heading's
    title ("ERSTE VIGILIE: Die Unglücksfälle ..."): it is no paragraph of the chapter's text. So does the
    dateline of the letter a heading opens, under a heading without a subtitle ("Erstes Buch: Am 4. Mai")."""
    starts = [_with_dateline(items, start) for start in starts]
    # A poem's title carries no argument: what is set under it (a song's credits, a motto) is the poem's.
    chapters = [s for s in starts if s.kind != "part" and s.span == 1 and s.keyword != _POEM_TITLE]
    heads = {start.index for start in starts}
    found = {start.index for start in chapters if _argument(items, start, normal, heads)}
    if len(found) < max(_MIN_ARGUMENTS, len(chapters) * _ARGUMENT_SHARE):
        return starts
    return [
        replace(start, title=f"{start.title}: {clean_heading(items[start.index + 1].text)}", span=2)
        if start.index in found
        else start
        for start in starts
    ]


def _with_dateline(items: Sequence[Item], start: ChapterStart) -> ChapterStart:
    """The heading with the dateline right under it as its subtitle, when it has none and text follows."""
    index = start.index + 1
    if start.span != 1 or index + 1 >= len(items) or items[index + 1].verse:
        return start
    if not names_day_of_month(items[index].text.strip()) or match_heading(items[index + 1].text) is not None:
        return start
    return replace(start, title=f"{start.title}: {clean_heading(items[index].text)}", span=2)
