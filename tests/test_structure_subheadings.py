"""Sub-headings: lettered or numbered sections counted up inside chapters, set apart from the paragraphs."""

from __future__ import annotations

from ebookify.inspect import story_to_dict, story_to_text
from ebookify.model import Paragraph, Subheading, SubheadingRole
from ebookify.normalize import normalize_bytes
from ebookify.normalize.structure.subheadings import _title_like, _values

PARA = (
    "Jon was three now, so it was time to find the best possible school for him. His parents were\n"
    "both very well educated, and they insisted on the best for his education."
)


def _blocks(text: str) -> list[object]:
    story = normalize_bytes(text.encode(), "story.txt")
    return [block for chapter in story.chapters for block in chapter.blocks]


def _sections(text: str) -> list[str]:
    return [b.text for b in _blocks(text) if isinstance(b, Subheading) and b.role is SubheadingRole.SECTION]


def _chapter(title: str, heads: list[str]) -> str:
    return f"{title}\n\n" + "".join(f"{head}\n\n{PARA}\n\n{PARA}\n\n" for head in heads)


def test_lettered_sections_counting_up_in_each_chapter_are_subheadings() -> None:
    text = _chapter("CHAPTER ONE: Early Years", ["A. First Choices", "B. First Contact", "D. First Sight"])
    text += "\n" + _chapter("CHAPTER TWO: Later", ["A. Suspicions", "B. Second Suspicions"])
    assert _sections(text) == [
        "A. First Choices",
        "B. First Contact",
        "D. First Sight",
        "A. Suspicions",
        "B. Second Suspicions",
    ]
    # The paragraphs are still paragraphs, the first of the chapter after its first sub-heading.
    first = next(b for b in _blocks(text) if isinstance(b, Paragraph))
    assert first.text.startswith("Jon was three now")


def test_numbers_and_roman_numerals_count_up_too_and_a_letter_i_follows_h() -> None:
    assert _sections(
        _chapter("Chapter 1: Early Years", ["1. Good And Bad", "2. The Pleasure Principle"])
    ) == [
        "1. Good And Bad",
        "2. The Pleasure Principle",
    ]
    assert (
        len(_sections(_chapter("Chapter 1: Early Years", ["I. The Start", "II. The Middle", "IV. The End"])))
        == 3
    )
    heads = [
        "A. Nature",
        "B. Clash",
        "C. Eric Explains",
        "F. The Big Clue",
        "I. The Spark Theory",
        "J. Souls",
    ]
    assert _values("I") == {"letter": 9, "roman": 1}
    assert _sections(_chapter("Chapter 1: Early Years", heads)) == heads


def test_a_section_title_may_run_straight_into_its_indented_text() -> None:
    # Paragraphs marked by indented first lines; the second section's text follows its title on the next line.
    body = (
        "     They were greeted at the door and taken into a small interview room by\n"
        "Marla, a professionally dressed young woman. She gave Jon some toys to occupy\n"
        "him in one corner, while the adults talked.\n"
    )
    text = f"CHAPTER ONE: Early Years\n\nA. First Choices\n\n{body * 3}\nB. First Contact\n{body * 3}"
    assert _sections(text) == ["A. First Choices", "B. First Contact"]


def test_a_numbered_list_is_left_alone() -> None:
    # Its items follow each other with no text of their own in between.
    text = f"{PARA}\n\n1. Milk\n\n2. Eggs\n\n3. Bread\n\n{PARA}\n"
    assert _sections(text) == []
    # Typed as lines of one paragraph.
    assert _sections(f"{PARA}\n\n1. Milk\n2. Eggs\n3. Bread\n\n{PARA}\n") == []


def test_dialogue_and_sentences_with_a_letter_in_front_are_left_alone() -> None:
    text = f"A. I said no.\n\n{PARA}\n\nB. Then he left the room.\n\n{PARA}\n"
    assert _sections(text) == []
    qa = f"Q. Where were you that night?\n\nA. At home\n\n{PARA}\n\nQ. Alone?\n\nA. Yes\n\n{PARA}\n"
    assert _sections(qa) == []
    assert not _title_like("I said no.")
    assert _title_like("First Choices")


def test_a_single_numbered_line_is_left_alone() -> None:
    assert _sections(f"1. Introduction\n\n{PARA}\n\n{PARA}\n") == []


def test_a_run_that_starts_far_into_the_alphabet_or_jumps_is_no_section_run() -> None:
    assert _sections(_chapter("Chapter 1: Early Years", ["K. Kicking Butts", "L. The Survivors"])) == []
    assert _sections(_chapter("Chapter 1: Early Years", ["A. The Start", "H. The End"])) == []


def test_inspect_explains_the_sections_it_found() -> None:
    text = _chapter("CHAPTER ONE: Early Years", ["A. First Choices", "B. First Contact"])
    text += "\n" + _chapter("CHAPTER TWO: Later", ["A. Suspicions", "B. Second Suspicions", "C. Third"])
    story = normalize_bytes(text.encode(), "story.txt")
    assert (story.layout.sections, story.layout.section_chapters) == (5, 2)
    assert story.layout.summary.endswith("; sub-headings: 5 sections in 2 chapters")
    shown = story_to_text(story)
    assert "why: [section] is a short line" in shown and "[section] B. Second Suspicions" in shown
    assert story_to_dict(story)["layout"]["subheadings"] == {"sections": 5, "datelines": 0}
    # A text without sub-headings is explained as before.
    plain = normalize_bytes(f"{PARA}\n\n{PARA}\n".encode(), "plain.txt")
    assert "sub-headings" not in plain.layout.summary and "[section]" not in story_to_text(plain)
    assert "subheadings" not in story_to_dict(plain)["layout"]


def test_a_first_section_under_a_number_only_heading_is_no_subtitle() -> None:
    text = _chapter("CHAPTER 1", ["A. First Choices", "B. First Contact"])
    text += "\n" + _chapter("CHAPTER 2", ["A. Suspicions", "B. Second Suspicions"])
    story = normalize_bytes(text.encode(), "story.txt")
    assert [chapter.title for chapter in story.chapters] == ["CHAPTER 1", "CHAPTER 2"]
    assert _sections(text)[:2] == ["A. First Choices", "B. First Contact"]
    # A title line under the heading, or one numbered line with no sibling, is still the chapter's title.
    single = _chapter("CHAPTER 1", ["A. First Choices"]) + "\n" + _chapter("CHAPTER 2", ["The Dream"])
    titles = [c.title for c in normalize_bytes(single.encode(), "story.txt").chapters]
    assert titles == ["CHAPTER 1: A. First Choices", "CHAPTER 2: The Dream"]


def _markup_sections(text: str, name: str) -> list[str]:
    story = normalize_bytes(text.encode(), name)
    blocks = [block for chapter in story.chapters for block in chapter.blocks]
    return [b.text for b in blocks if isinstance(b, Subheading) and b.role is SubheadingRole.SECTION]


def test_headings_the_markup_sets_below_its_chapters_are_sections() -> None:
    markdown = (
        f"## Chapter One\n\n{PARA}\n\n### A \\*starred\\* heading\n\n{PARA}\n\n### Another\n\n{PARA}\n\n"
        f"## Chapter Two\n\n{PARA}\n"
    )
    assert _markup_sections(markdown, "story.md") == ["A *starred* heading", "Another"]
    html = (
        f"<h2>Chapter One</h2><p>{PARA}</p><h3>Miércoles 12 de Dic.</h3><p>{PARA}</p>"
        f"<h2>Chapter Two</h2><p>{PARA}</p>"
    )
    assert _markup_sections(f"<html><body>{html}</body></html>", "story.html") == ["Miércoles 12 de Dic."]
    # Right under its chapter's heading, a lower heading is still the chapter's subtitle.
    under = f"## Chapter One\n\n### Leonardo\n\n{PARA}\n\n## Chapter Two\n\n{PARA}\n"
    assert _markup_sections(under, "story.md") == []
    assert normalize_bytes(under.encode(), "story.md").chapters[0].title == "Chapter One: Leonardo"


def test_a_number_alone_over_several_blocks_is_a_section_over_one_it_numbers_a_verse() -> None:
    # "I." / "II." each heading two paragraphs (the pieces of a chapter): sections.
    assert _sections(_chapter("Chapter 1: Two Letters", ["I.", "II."])) == ["I.", "II."]
    # A song's numbered verses, one stanza each inside the prose: the numbers stay text.
    stanza = "Jolly nose! the bright rubies that garnish thy tip\n  Are dug from the mines of canary;"
    song = "".join(f"{number}\n\n{stanza}\n\n" for number in ["I.", "II.", "III."])
    assert _sections(f"Chapter 1: The Inn\n\n{PARA}\n\n{song}{PARA}\n") == []


def test_a_long_poems_sections_may_hold_one_stanza_now_and_then() -> None:
    # Whitman's numbered sections: most hold several blocks, one holds a single stanza. Still sections.
    heads = ["1", "2", "3", "4"]
    body = "".join(f"{head}\n\n{PARA}\n\n" + (f"{PARA}\n\n" if head != "2" else "") for head in heads)
    assert _sections(f"Chapter 1: The Song\n\n{body}") == heads
