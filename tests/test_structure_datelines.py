"""Datelines: the place and date heading a letter, set apart from its paragraphs."""

from __future__ import annotations

import pytest

from ebookify.model import Paragraph, Subheading, SubheadingRole
from ebookify.normalize import normalize_bytes
from ebookify.normalize.structure.datelines import _MONTHS, _has_date, _is_place_or_date, names_day_of_month
from ebookify.normalize.structure.salutations import is_salutation_line

PARA = (
    "You will rejoice to hear that no disaster has accompanied the commencement of an enterprise "
    "which you have regarded with such evil forebodings. I arrived here yesterday."
)
# A letter's heading as printed: the address under the chapter's heading, the dateline further down.
ADDRESS = "_To Mrs. Saville, England._\n\n\n"


def _story_blocks(text: str) -> list[object]:
    story = normalize_bytes(text.encode(), "letters.txt")
    return [block for chapter in story.chapters for block in chapter.blocks]


def _datelines(text: str) -> list[str]:
    return [
        b.text for b in _story_blocks(text) if isinstance(b, Subheading) and b.role is SubheadingRole.DATELINE
    ]


def _letters(*openings: str) -> str:
    return "".join(
        f"\n\nLetter {n}\n\n{opening}\n\n{PARA}\n\n{PARA}\n" for n, opening in enumerate(openings, 1)
    )


def test_a_place_and_date_opening_a_chapter_is_its_dateline() -> None:
    text = _letters(
        ADDRESS + "St. Petersburgh, Dec. 11th, 17--.", ADDRESS + "July 7th, 17--.\n\nMy dear Sister,"
    )
    assert _datelines(text) == ["St. Petersburgh, Dec. 11th, 17—.", "July 7th, 17—."]
    first = next(b for b in _story_blocks(text) if isinstance(b, Paragraph))
    assert first.text.startswith("You will rejoice")


def test_an_address_line_kept_in_the_text_may_stand_above_the_dateline() -> None:
    # Set two lines under the heading, the address is no title: it opens the chapter, the dateline under it.
    text = f"Letter 4\n\n\n_To Mrs. Saville, England._\n\nAugust 5th, 17--.\n\n{PARA}\n\n{PARA}\n"
    assert _datelines(_letters(ADDRESS + "July 7th, 17--.") + "\n\n" + text) == [
        "July 7th, 17—.",
        "August 5th, 17—.",
    ]
    # Further down, with no salutation under it, an address and a date are text.
    assert _datelines(_letters(f"{PARA}\n\n{ADDRESS}August 5th, 17--.")) == []


def test_a_quoted_letter_inside_a_chapter_has_its_dateline_above_the_salutation() -> None:
    letter = (
        f"{PARA}\n\n_Letter, Lucy Westenra to Mina Murray_.\n\n\u201c_17, Chatham Street_,\n\n"
        f"\u201c_Wednesday_.\n\n\u201cMy dearest Mina,--\n\n\u201c{PARA}\n\n{PARA}\n"
    )
    assert _datelines(_letters(PARA) + letter) == ["\u201c17, Chatham Street,", "\u201cWednesday."]


def test_sentences_and_run_on_dates_are_left_alone() -> None:
    # A one-line paragraph that is a sentence; a telegram whose date runs on into its text.
    assert _datelines(_letters("It was May.", "\u201c4 September.--Patient still better to-day.\u201d")) == []
    # A date line in the middle of a chapter, with no salutation after it, is text.
    assert _datelines(_letters(PARA) + f"\n\nJuly 7th, 17--.\n\n{PARA}\n") == []
    assert not _is_place_or_date("May I?")
    assert not _is_place_or_date("(Confidence)")
    assert _is_place_or_date("\u201c_Buda-Pesth, 24 August._")


def test_a_salutation_line_is_the_salutation_alone() -> None:
    assert is_salutation_line("\u201cMy dearest Mina,--")
    assert is_salutation_line("Dear Sirs,")
    assert not is_salutation_line("\u201cDear, dear Elizabeth!\u201d I exclaimed, when I had read her letter")


def test_date_lines_heading_the_entries_of_a_diary_are_datelines() -> None:
    entries = "".join(
        f"\n\n{day}\n\n{PARA}\n\n{PARA}\n" for day in ("Am 4. Mai 1771", "Am 10. Mai", "Am 13. Mai")
    )
    assert _datelines(f"{PARA}\n{entries}") == ["Am 4. Mai 1771", "Am 10. Mai", "Am 13. Mai"]
    # Two are no series: each is a line of text.
    assert _datelines(f"{PARA}\n{entries.split('Am 13. Mai')[0]}") == []
    # A month's name alone is no date ("THE CAPTAIN JANUARY SERIES"), nor a year over a caption.
    ads = "".join(f"\n\nCAPTAIN JANUARY {n}\n\n{PARA}\n" for n in ("SERIES", "EDITION", "BOOKS"))
    assert _datelines(f"{PARA}\n{ads}") == []


def test_the_space_under_a_dateline_is_no_scene_break() -> None:
    # "September 2d." set two lines above the letter's text, as in Frankenstein; then two more entries.
    entry = f"My beloved Sister,\n\nSeptember 2d.\n\n\n{PARA}\n\n{PARA}\n\n{PARA}\n"
    entry += "".join(f"\nSeptember {n}th.\n\n{PARA}\n" for n in (5, 7))
    text = f"Letter 1\n\n{PARA}\n\n{PARA}\n\n{entry}"
    assert _datelines(text) == ["September 2d.", "September 5th.", "September 7th."]
    assert not any(type(block).__name__ == "SceneBreak" for block in _story_blocks(text))


@pytest.mark.parametrize("month", sorted(_MONTHS))
def test_one_month_list_serves_both_tests(month: str) -> None:
    # Spanish "enero" and Italian "gennaio" were once missing from the day test, "okt" and "januari" from
    # the dateline's: every month of the one list is a month to both.
    assert names_day_of_month(f"4 {month.capitalize()} 1890") and names_day_of_month(f"{month} 4th")
    assert _has_date(f"London, 4 {month}")


def test_a_day_of_a_month_named_alone_and_a_sentence_that_names_one() -> None:
    assert names_day_of_month("Am 10. Mai") and names_day_of_month("le 4 mai")
    assert names_day_of_month("St. Petersburgh, Dec. 11th, 17--.")
    assert not names_day_of_month("We are to be married on 28 September.")
    assert not names_day_of_month("May I come in?")
    # A place and a year is a dateline's line (where a letter starts) but names no day.
    assert _is_place_or_date("Archangel, 1847.") and not names_day_of_month("Archangel, 1847.")
