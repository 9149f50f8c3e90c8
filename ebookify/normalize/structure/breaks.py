"""Scene breaks from gaps: a gap is a break only when wider than usual and nothing else explains it."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from ebookify.normalize.structure.datelines import names_day_of_month
from ebookify.normalize.structure.headings import is_title_like, match_heading
from ebookify.normalize.structure.layout import ends_sentence, starts_lower
from ebookify.normalize.structure.paragraphs import Item
from ebookify.normalize.structure.scenes import is_wide_gap
from ebookify.normalize.structure.subheadings import SubheadingItem

_OPENING = "\"“‘'«`„"
_CLOSING = "\"”’'»"


# A label line ("Footnotes:") has at most this many words.
_LABEL_WORDS = 3


# A title printed with a full stop names something in two capitalised words or more of four letters or
# more ("The Complete ANGLER."); "Thus it ran." is a sentence.
_NAME_WORDS = 2
_NAME_LETTERS = 4


def _heading_like(item: Item) -> bool:
    """A line set like a title ("THE END", "SCENE II. A Street") or a letter's dateline ("Am 10. Mai"):
    the space around it frames a heading."""
    if "\n" in item.text:
        return False
    # A day of a month alone on its line (a letter's date, "Am 10. Mai"), or a sub-heading the normalizer
    # set apart: a section's title or a dateline ("September 2d.").
    if names_day_of_month(item.text) or isinstance(item, SubheadingItem):
        return True
    # A label over what follows ("Footnotes:", "Notes:"): a heading set with a colon.
    label = item.text.strip()
    if label.endswith(":") and len(label.split()) <= _LABEL_WORDS and is_title_like(label.rstrip(":")):
        return True
    # "Three." ends a sentence: a title-like line with a full stop is a short paragraph, unless it is set
    # in capitals ("PRINTED AT THE PRIVATE PRESS.") or names something in capitalised words, as old books
    # print their titles ("The Complete ANGLER.", "The Slave Boy's Wish.").
    if match_heading(item.text) is not None:
        return True
    text = item.text.strip()
    names = [w for w in text.split() if len(w.strip(".,;:!?'’")) >= _NAME_LETTERS and w[:1].isupper()]
    named = text.endswith(".") and not text.endswith("..") and len(names) >= _NAME_WORDS
    return is_title_like(text) and (text.isupper() or not ends_sentence(text) or named)


def _set_apart(item: Item) -> bool:
    """A stanza, a list, a letter's closing, a heading, or a bracketed placeholder ("[Illustration: Song
    with notes]", "[Music]"): blank lines set such things off, scenes aside."""
    text = item.text.strip()
    placeholder = text.startswith("[") and text.endswith("]") and "]" not in text[:-1]
    return bool(item.verse) or "\n" in item.text or placeholder or _heading_like(item)


def _speech(text: str, start: bool) -> bool:
    """The paragraph opens (start) or closes (not start) with a quotation mark."""
    edge = text.lstrip()[:1] if start else text.rstrip()[-1:]
    return edge in (_OPENING if start else _CLOSING)


def scene_gaps(items: Sequence[Item], normal: int, play: bool = False) -> set[int]:
    """The indexes of the items whose gap before them is a scene break: wider than the text's usual gap
    between paragraphs, and not framing a heading, a stanza or a list, nor inside a conversation or a play
    (`play`: the whole text is one, as is_play measures it over all its items)."""
    wide = [i for i in range(1, len(items)) if is_wide_gap(items[i].gap, normal)]
    # In a play, scenes change under headings; the space between speeches is only space. The play is
    # judged over the whole text too: a scene of a dozen speakers heard once or twice each is no less one.
    if not wide or play or is_play(items):
        return set()
    # A dictionary sets its entries apart with the wider gap: before a headword it is no scene break.
    heads = {i for i in wide if _HEADWORD.match(items[i].text)}
    if len(heads) < _MIN_ENTRIES or len(heads) < len(wide) * _ENTRY_SHARE:
        heads = set()
    spaced = _spaced_runs(wide)
    inset = _insets(items)
    return {
        i
        for i in wide
        if i not in heads and i not in spaced and not ({i - 1, i} & inset) and _gap_is_break(items, i, normal)
    }


# An inset (a quoted document, a telegram, a footnote) is set this much deeper than the text's usual
# first-line indent in a text that indents its paragraphs; in a flush text (paragraphs set apart by blank
# lines, usual indent 0) any block set in is one (Candide's footnotes, two columns in).
_INSET_STEP = 3


def _insets(items: Sequence[Item]) -> set[int]:
    """The items set in deeper than the text's usual paragraph indent: the space around a quoted newspaper,
    a telegram or a footnote frames the inset, it changes no scene."""
    prose = (item for item in items if not item.verse and not item.divider)
    indents = Counter(item.indent for item in prose if item.indent >= 0)
    if not indents:
        return set()
    usual = indents.most_common(1)[0][0]
    step = _INSET_STEP if usual >= 1 else 1
    return {i for i, item in enumerate(items) if item.indent >= usual + step}


# A stretch set with the wider gap throughout (a letter or a journal whose paragraphs stand two blank lines
# apart where the book's usual gap is one, a list of notices, a will's bequests) widens the spacing, it does
# not change the scene: this many wide gaps in a row are that stretch's own paragraph gap. A scene of one
# paragraph between two breaks happens; two such scenes in a row do not.
_SPACED_RUN = 3


def _spaced_runs(wide: Sequence[int]) -> set[int]:
    """The wide gaps (item indexes, ascending) in a run of at least _SPACED_RUN consecutive items."""
    spaced: set[int] = set()
    start = 0
    for k in range(1, len(wide) + 1):
        if k == len(wide) or wide[k] != wide[k - 1] + 1:
            if k - start >= _SPACED_RUN:
                spaced.update(wide[start:k])
            start = k
    return spaced


# A dictionary's headword: the entry's first words in capitals before a comma ("ABASEMENT, n.",
# "KING'S EVIL, n."). Entries are a habit when most wide gaps (this share, this many) come before one.
_HEADWORD = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?: [A-ZÀ-Þ'’-]+)*,")
_ENTRY_SHARE = 2 / 3
_MIN_ENTRIES = 5


# A numbered list set off by space (The Compleat Angler's table: "In chap. 3. _are some observations ..._",
# "In chap. 4. ...", ... "In chap. 13."): items on one side of the gap, each opening with a number and its
# stop ("3.", "3)", "3:") within its first few characters, counting up by one, this many in a row; the space
# frames the list ("Paragraph 0 goes on" is no item).
_LIST_RUN = 3
_LIST_LOOK = 5
_NUMBER_NEAR_START = re.compile(r"^\D{0,20}?(\d{1,3})[.):]")


def _numbered(item: Item) -> int | None:
    match = _NUMBER_NEAR_START.match(item.text.lstrip())
    return int(match.group(1)) if match else None


def _frames_list(items: Sequence[Item], index: int) -> bool:
    """The items right after the gap at index, or right before it, hold a run of counted items (an item
    whose number lost its stop, "In chap. 11 _are", may stand in the run: the count goes on over it)."""
    for side in (items[index : index + _LIST_LOOK], items[max(0, index - _LIST_LOOK) : index]):
        numbered = [(place, n) for place, item in enumerate(side) if (n := _numbered(item)) is not None]
        run = 1
        for (place, number), (next_place, next_number) in itertools.pairwise(numbered):
            run = run + 1 if next_number - number == next_place - place else 1
            if run >= _LIST_RUN:
                return True
    return False


def _gap_is_break(items: Sequence[Item], index: int, normal: int) -> bool:
    before, item = items[index - 1], items[index]
    if before.divider or item.divider or _set_apart(before) or _set_apart(item):
        return False
    if _frames_list(items, index):
        return False
    # A line set off for itself (a quoted verse line, a song's refrain) with the sentence running on below it
    # in lower case ("Crinkle, crinkle, 'ittle 'tar," / "and it had become a household custom"): one sentence.
    if not ends_sentence(before.text) and starts_lower(item.text):
        return False
    # Under a heading, the first item and the space after it belong to the heading (a summary, a cast
    # list, an epigraph); under a poem, a short line is its attribution.
    if index == 1 or (index > 1 and (_heading_like(items[index - 2]) or _attribution(items, index - 1))):
        return False
    if _opening_lines(items, index, normal):
        return False
    # "...and began to sing this:--": the space sets off what the colon announces (a song, a letter, a list),
    # above it and below it ("Thus it ran:" / the inscription / the narration again).
    if before.text.rstrip("-—– ").endswith(":"):
        return False
    if index > 1 and is_wide_gap(before.gap, normal) and items[index - 2].text.rstrip("-—– ").endswith(":"):
        return False
    # One speech ends and the next begins: a pause in a conversation, not a change of scene; or one speech
    # runs on over several paragraphs (the one before leaves its quotation open, this one reopens it).
    if (_speech(before.text, start=False) or _open_quotation(before.text)) and _speech(item.text, start=True):
        return False
    # A single short line with wide gaps on both sides is set off for itself (a motto, an outcry); a name
    # or a title-like line closing the section is its signature ("Richard Sympson.", "THE END"), while a
    # sentence closing it ("Jon fell asleep early Friday night.") may be a last, short scene.
    after = items[index + 1] if index + 1 < len(items) else None
    closing = after is None and is_title_like(item.text)
    if (closing or (after is not None and is_wide_gap(after.gap, normal))) and _short_line(item):
        return False
    # So is a short heading of a piece between wide gaps, over two lines ("To the Right Worshipful JOHN
    # OFFLEY ..." / "... My most honoured Friend." over "SIR,"): the space frames it.
    return not (index > 1 and is_wide_gap(before.gap, normal) and (_short_line(before) or _address(before)))


# A chapter's epigraph is a few lines: this many at most.
_EPIGRAPH_LINES = 4


def _opening_lines(items: Sequence[Item], index: int, normal: int) -> bool:
    """All the chapter holds before the gap is a few single lines set one under the other in a text that
    sets its paragraphs apart by blank lines: an epigraph's couplet under the heading ("Let the high Muse
    chant loves Olympian:" / "We are but mortals, and must sing of man."), whose space is the heading's."""
    if normal < 1 or not 2 <= index <= _EPIGRAPH_LINES:
        return False
    return all(
        items[k].lines == 1 and not items[k].divider and (k == 0 or items[k].gap == 0) for k in range(index)
    )


def _open_quotation(text: str) -> bool:
    """The paragraph leaves a double quotation open at its end (an odd number of straight marks, or more
    opening than closing curly ones)."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _attribution(items: Sequence[Item], index: int) -> bool:
    """A short line after a stanza ("G.J.", "--Byron"): the poem's author, set under it."""
    return (
        index > 0
        and bool(items[index - 1].verse)
        and _short_line(items[index])
        and len(items[index].text) < 40
    )


# A speaker's name opening a speech: "SAMPSON.", "Der Prinz.", "Conti (indem er ...)." (a play's layout).
_SPEAKER = re.compile(r"^([A-ZÀ-Þ][\w'’-]*(?: [A-Za-zÀ-ÿ][\w'’-]*){0,2})(?: \([^)]{0,200}\))?[.:](?:\s|$)")
# A play: most items open with one of a few names that come back again and again.
_PLAY_SHARE = 0.4
_PLAY_REPEATS = 3


def is_play(items: Sequence[Item]) -> bool:
    """Most paragraphs open with a speaker's name, each name heard at least three times."""
    names = Counter(match.group(1) for item in items if (match := _SPEAKER.match(item.text)))
    speeches = sum(count for count in names.values() if count >= _PLAY_REPEATS)
    return len(items) >= 6 and speeches >= len(items) * _PLAY_SHARE


# An address heading a piece ("To the Reader of this Discourse: But especially, To the honest ANGLER.")
# opens with "To" and runs to two lines at most.
_ADDRESS = re.compile(r"^[_*]*To\s+(?:the\s+|my\s+|all\s+)?[_*]*[A-Z]")
_ADDRESS_WIDTH = 140


def _address(item: Item) -> bool:
    """A dedication's or an address's heading: "To the Reader ...", "To my honoured Friend ..."."""
    return item.lines <= 2 and len(item.text) < _ADDRESS_WIDTH and bool(_ADDRESS.match(item.text))


def _short_line(item: Item) -> bool:
    return item.lines == 1 and len(item.text) < 60


def count_breaks(items: Sequence[Item], normal: int) -> tuple[int, int]:
    """The scene breaks a text shows: (runs of divider lines, gaps taken as breaks), for `inspect`."""
    dividers = sum(1 for i, item in enumerate(items) if item.divider and (i == 0 or not items[i - 1].divider))
    return dividers, len(scene_gaps(items, normal))
