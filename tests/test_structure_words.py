"""No word is ever lost: every word of the input ends up in the body, a note, a chapter title or a field."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from ebookify.normalize.structure.raw import RawStory, RawVerse
from ebookify.normalize.structure.structure import parse_structure

# Words without x and o, so that no generated line can spell a divider such as "xXx" or "oOo".
WORD = st.text(alphabet="abcdefghijklmnpqrstuvwyzABCDEFGHIJKLMNPQRSTUVWYZ123456789'", min_size=1, max_size=9)
DIVIDERS = ["* * *", "~~~", "xXx", "Line Break", "-o-o-o-"]
# Lines that are dividers by their words ("time skip") are dropped on purpose: never generate them by chance.
DIVIDER_WORDS = re.compile(
    r"^\W*(scene|line|page|section|time|pov)\W*(break|change|skip|switch|shift)\W*$", re.I
)


@st.composite
def story_lines(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Lines of a story-like text, and the divider lines among them (their words may go)."""
    sentence = st.lists(WORD, min_size=1, max_size=30).map(" ".join)
    line = st.one_of(
        sentence,
        sentence.map(lambda s: f"{s}."),
        sentence.map(lambda s: f'"{s}," she said. "{s}."'),
        sentence.map(lambda s: f"    {s}"),
        st.integers(1, 30).map(lambda n: f"Chapter {n}"),
        st.sampled_from(["Prologue", "XII", "IV.", "Part Two", "Contents", "Epilogue: After"]),
        sentence.map(lambda s: f"A/N: {s}"),
        sentence.map(lambda s: f"Title: {s}"),
        sentence.map(lambda s: f"Summary: {s}"),
        sentence.map(lambda s: f"by {s}"),
        sentence.map(lambda s: f"please review {s}"),
        st.sampled_from(DIVIDERS),
        st.just(""),
        st.just(""),
    )
    lines = [text for text in draw(st.lists(line, max_size=40)) if not DIVIDER_WORDS.match(text)]
    return lines, [text for text in lines if text in DIVIDERS]


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))


def _output_text(story: RawStory) -> str:
    parts = [f"{key} {value}" for key, value in story.fields]
    parts += [b for b in (*story.front_notes, *story.end_notes, *story.colophon) if isinstance(b, str)]
    for chapter in story.chapters:
        parts.append(chapter.title or "")
        parts += [block for block in chapter.blocks if isinstance(block, str)]
        parts += [*chapter.front_notes, *chapter.end_notes]
        parts += [text for block in chapter.blocks if isinstance(block, RawVerse) for _, text in block.lines]
    return "\n".join(parts)


@settings(max_examples=300, deadline=None)
@given(story_lines())
def test_no_word_is_lost(drawn: tuple[list[str], list[str]]) -> None:
    lines, dividers = drawn
    expected = _words("\n".join(lines)) - _words("\n".join(dividers))
    lost = expected - _words(_output_text(parse_structure("\n".join(lines))))
    assert not lost, lost
