"""mark_inline: spans that keep every character, thoughts and emphasis together, and the corpus stories."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ebookify.model import Span
from ebookify.normalize.decode.decode import decode_bytes
from ebookify.normalize.inline.inline import mark_inline, mark_lines, split_spans


def paragraphs_of(path: Path) -> list[str]:
    """Blank-line separated paragraphs, each on one line (enough to test inline marking alone)."""
    text = decode_bytes(path.read_bytes(), str(path), None).text
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def thoughts_in(paragraphs: list[str]) -> list[str]:
    return [s.text for spans in mark_inline(paragraphs) for s in spans if s.style == "thought"]


def plain(text: str) -> str:
    """Compare the way a reader does: straight quotes, no case."""
    return text.translate(str.maketrans("‘’“”…", "''\"\".")).replace(".", "").lower()


def test_span_texts_join_to_the_paragraph_exactly() -> None:
    paragraphs = [
        "'Damn it *Sakura*!' Naruto thought, 'I'm about to hit you.' He ran.",
        "(Love. Love. Love.)",
        "",
        "Nothing special here.",
        "A **bold** _move_ and 'Why?' she thought.",
    ]
    for text, spans in zip(paragraphs, mark_inline(paragraphs), strict=True):
        assert "".join(s.text for s in spans) == text
        assert spans  # even an empty paragraph keeps one span


def test_emphasis_inside_a_thought_splits_the_thought() -> None:
    [spans] = mark_inline(["'I *hate* this,' she thought."])
    assert spans == (
        Span("'I ", "thought"),
        Span("*hate*", "emphasis"),
        Span(" this,'", "thought"),
        Span(" she thought."),
    )


def test_split_spans_without_ranges_is_one_plain_span() -> None:
    assert split_spans("Just text.", [], []) == (Span("Just text."),)


def test_two_adjacent_emphasis_ranges_stay_separate_spans() -> None:
    assert split_spans("_a_ _b_", [], [(0, 3, "emphasis"), (4, 7, "emphasis")]) == (
        Span("_a_", "emphasis"),
        Span(" "),
        Span("_b_", "emphasis"),
    )


CHANGE_THOUGHTS = [
    "Why are they doing this?",
    "We are supposed to be friends",
    "I can't do anything, they are more powerful",
    "I'll stop them I have too!",
    "Shit I can't stop now",
    "I'm about to hit you",
    "I guess I was right",
    "Why am I not surprised?",
    "I'm going to have to break that promise",
    "I will make sure that both of you stay alive",
    "Let's hope that this works",
    "Crap by the time I get there",
    "but why can't I control myself?",
    "Why did she come?",
    "I didn't want it to be this way",
]
CHANGE_NOT_THOUGHTS = ["Thank you", "I love you Sasuke", "Don't worry", "BELIEVE IT"]


@pytest.mark.parametrize("name", ["change-of-plans.txt", "variants/change-of-plans.cp1252-crlf.txt"])
def test_change_of_plans_single_quoted_thoughts(data_dir: Path, name: str) -> None:
    thoughts = [plain(t) for t in thoughts_in(paragraphs_of(data_dir / name))]
    for phrase in CHANGE_THOUGHTS:
        assert any(plain(phrase) in t for t in thoughts), phrase
    for phrase in CHANGE_NOT_THOUGHTS:
        assert not any(plain(phrase) in t for t in thoughts), phrase
    assert len(thoughts) >= 18


def test_goodbye_parenthetical_thoughts(data_dir: Path) -> None:
    thoughts = thoughts_in(paragraphs_of(data_dir / "goodbye-my-almost-lover.txt"))
    assert thoughts[0] == "(Love. Love. Love.)"
    assert "(Couldn't let another precious person die.)" in thoughts
    assert "(Worse than scum...)" in thoughts
    assert not any("Dobe" in t or "Get out" in t for t in thoughts)
    assert len(thoughts) == 8


def test_gutenberg_novel_has_italics_and_no_thoughts(data_dir: Path) -> None:
    paragraphs = paragraphs_of(data_dir / "gutenberg" / "jack-sheppard-16215-8.txt")
    marked = mark_inline(paragraphs)  # its time: benchmarks/bench_inspect.py (under 2 s)
    styles = [s.style for spans in marked for s in spans]
    assert styles.count("thought") == 0
    assert styles.count("emphasis") > 100


def test_starred_words_with_a_thinking_verb_are_a_thought() -> None:
    [thought, spoken, quoted] = mark_inline(
        ["*Why me?* she thought.", "*Why me?* she said.", "'*Why* me?' she thought."]
    )
    assert thought == (Span("*Why me?*", "thought"), Span(" she thought."))
    assert spoken == (Span("*Why me?*", "emphasis"), Span(" she said."))
    assert quoted == (
        Span("'", "thought"),
        Span("*Why*", "emphasis"),
        Span(" me?'", "thought"),
        Span(" she thought."),
    )


def test_a_stressed_word_before_think_stays_emphasis() -> None:
    [spans] = mark_inline(['"_I_ think so," she said, "and _did_ think of it."'])
    assert [s.style for s in spans if s.style != "plain"] == ["emphasis", "emphasis"]


def test_emphasis_in_a_stanza_may_span_its_lines() -> None:
    lines = ["_The round-house! the round-house!", "The jolly--jolly round-house!_", "Sung *loud*."]
    assert mark_lines(lines) == [
        (Span("The round-house! the round-house!", "emphasis"),),
        (Span("The jolly--jolly round-house!", "emphasis"),),
        (Span("Sung "), Span("loud", "emphasis"), Span(".")),
    ]


def test_markers_four_lines_apart_in_a_stanza_are_not_paired() -> None:
    # Inside lines, markers that far apart are strays, not one long emphasis.
    lines = ["One _two", "three", "four", "five_ six", "seven"]
    assert mark_lines(lines) == [(Span(line),) for line in lines]


def test_emphasis_from_a_lines_start_to_a_lines_end_spans_any_number_of_lines() -> None:
    # Walton's songs set their verses in italics and their refrain in roman: "_For Courts ..." / "pride_:".
    lines = [
        "_For Courts are full",
        "As hath been",
        "  high trolollie lee,",
        "and full of pride_:",
        "  Then care",
    ]
    marked = mark_lines(lines)
    assert [line[0].style for line in marked] == ["emphasis"] * 4 + ["plain"]
    assert marked[3] == (Span("and full of pride", "emphasis"), Span(":"))


def test_a_stanza_set_wholly_in_italics_is_emphasis_however_long() -> None:
    lines = [
        "*There are strange things done",
        "  By the men who moil for gold;",
        "The Arctic trails",
        "  I cremated Sam McGee.*",
    ]
    assert mark_lines(lines) == [(Span(line.strip("*"), "emphasis"),) for line in lines]
