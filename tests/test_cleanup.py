"""Character cleanup rules: each with a case it must catch and a case it must leave alone."""

from __future__ import annotations

import re

import pytest

from ebookify.normalize.decode.cleanup import (
    balance_bidi,
    class_count,
    fix_c1_controls,
    latin1_members,
    needs_cleanup,
    normalize_line_endings,
    normalize_nfc,
    normalize_spaces,
    remove_invisible,
    remove_noncharacters,
)


@pytest.mark.parametrize(
    ("raw", "clean", "repair"),
    [
        ("a\r\nb\r\n", "a\nb\n", "CRLF line endings"),
        ("a\rb\r", "a\nb\n", "CR line endings"),
        ("a\u2028b\u2029c", "a\nb\nc", "converted 2 Unicode line separators"),
        ("a\x85b\x85", "a\nb\n", "NEL line endings"),
    ],
)
def test_line_endings_become_newlines(raw: str, clean: str, repair: str) -> None:
    assert normalize_line_endings(raw) == (clean, [repair])


def test_mixed_line_endings_are_all_reported() -> None:
    assert normalize_line_endings("a\r\nb\rc\n") == ("a\nb\nc\n", ["CRLF line endings", "CR line endings"])


def test_newline_text_is_left_alone_and_nel_beside_newlines_is_not_a_line_end() -> None:
    assert normalize_line_endings("a\nb\n") == ("a\nb\n", [])
    # Beside real line ends, U+0085 is Windows-1252's ellipsis read as Latin-1: the C1 repair handles it.
    assert normalize_line_endings("Wait\x85\nthen")[0] == "Wait\x85\nthen"


def test_c1_controls_are_read_as_windows_1252() -> None:
    text, repairs = fix_c1_controls("\x93Hi,\x94 she said\x85 it\x92s \x81fine")
    assert text == "\u201cHi,\u201d she said\u2026 it\u2019s fine"
    assert repairs == [
        "read 4 C1 control characters as Windows-1252",
        "removed 1 undefined C1 control character",
    ]


def test_text_without_c1_is_left_alone() -> None:
    text = "\u201cHi\u201d \u2014 caf\u00e9 \u00a9"
    assert fix_c1_controls(text) == (text, [])


def test_controls_are_removed_and_word_breaks_become_lines() -> None:
    text, repairs = remove_invisible("a\x00b\x1b[0m\x7f\x0bc\x0cd\ufeffe\ud800f\u206ag")
    assert text == "ab\nc\nd" + "efg"  # the terminal escape "ESC [0m" goes whole (issue 9)
    assert repairs == [
        "removed 1 terminal escape sequence",
        "converted 2 vertical tab/form feeds to line breaks",
        "removed 2 control characters",
        "removed 1 stray byte-order mark",
        "removed 1 lone surrogate",
        "removed 1 deprecated format character",
    ]


def test_tabs_joiners_marks_and_emoji_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    text = f"a\tb \u200d {family} \u200c \u200e\u05e9\u05dc\u05d5\u05dd\u200f \u00ad"
    assert remove_invisible(text) == (text, [])
    assert remove_noncharacters(text) == (text, [])


def test_noncharacters_are_removed() -> None:
    text, repairs = remove_noncharacters("a\ufffeb\uffffc\ufdd0d\U0001fffee\U0010ffff")
    assert (text, repairs) == ("abcde", ["removed 5 noncharacters"])


def test_unclosed_bidi_controls_are_removed() -> None:
    # An RLO left open would show the rest of the paragraph backwards once lines are joined.
    text, repairs = balance_bidi("see \u202eevil text\nnext \u2069line")
    assert text == "see evil text\nnext line"
    assert repairs == ["removed 2 unclosed bidi controls"]


def test_balanced_bidi_controls_are_kept() -> None:
    text = "He said \u2067\u05e9\u05dc\u05d5\u05dd\u2069 and \u202b\u05d0\u202c; mark \u200f stays."
    assert balance_bidi(text) == (text, [])


def test_mismatched_closer_is_removed_with_its_opener() -> None:
    assert balance_bidi("a\u2066b\u202cc")[0] == "abc"


def test_nbsp_runs_become_plain_spaces() -> None:
    text, repairs = normalize_spaces("Indented:\u00a0\u00a0\u00a0\u00a0Then \u00a0 gap.")
    assert text == "Indented:    Then   gap."
    assert repairs == ["replaced 5 non-breaking spaces in runs with plain spaces"]


def test_single_nbsp_between_words_is_kept() -> None:
    text = "Mr.\u00a0Smith paid 10\u00a0\u20ac. \u00ab\u00a0Oui\u00a0\u00bb"
    assert normalize_spaces(text) == (text, [])


def test_lines_of_only_odd_spaces_become_blank() -> None:
    text, repairs = normalize_spaces("end.\n\u00a0\n \u3000 \nNext")
    assert text == "end.\n\n\nNext"
    assert repairs == ["emptied 2 lines of non-breaking or odd spaces"]


def test_ideographic_space_in_latin_text_is_replaced() -> None:
    text, repairs = normalize_spaces("Hello\u3000\u3000world")
    assert (text, repairs) == ("Hello world", ["replaced 1 run of ideographic spaces in Latin text"])


def test_ideographic_space_in_cjk_text_is_kept() -> None:
    text = "\u3000\u65e5\u672c\u8a9e\u3000\u306e\u6587\u7ae0\u3002\nABC\u3000\u6f22\u5b57"
    assert normalize_spaces(text) == (text, [])


def test_nfc() -> None:
    assert normalize_nfc("Cafe\u0301") == ("Caf\u00e9", ["normalized to Unicode NFC"])
    assert normalize_nfc("Caf\u00e9") == ("Caf\u00e9", [])


def test_a_doubled_carriage_return_throughout_is_one_line_end() -> None:
    # A BBS file copied twice in text mode: "\r  line\r\n" on every line (3sonnets.vrs, textfiles.com).
    raw = "".join(f"\r  Line {n} of the sonnet\r\n" for n in range(12))
    text, repairs = normalize_line_endings(raw)
    assert text == "\n" + "".join(f"  Line {n} of the sonnet\n" for n in range(12))
    assert repairs[0] == "read the doubled carriage returns (\\r\\n\\r) as one line end"
    raw = "".join(f"Line {n}\r\r\n" for n in range(12))
    assert normalize_line_endings(raw)[0] == "".join(f"Line {n}\n" for n in range(12))


def test_a_few_lone_carriage_returns_among_crlf_are_line_ends_of_their_own() -> None:
    raw = "".join(f"Line {n}\r\n" for n in range(12)) + "a\rb\r\n"
    assert normalize_line_endings(raw)[0].count("\n") == 14


@pytest.mark.parametrize(
    "text",
    [
        "no\u00a0break",
        "C1 \x93quote\x94",
        "bell\x07",
        "stray\ufeffBOM",
        "bidi \u202eflip",
        "emoji \U0001f600",
    ],
)
def test_a_text_with_a_character_to_clean_needs_the_cleanup(text: str) -> None:
    assert needs_cleanup(text)


def test_accented_and_typographic_text_needs_no_cleanup() -> None:
    # Each cleanup step would leave it as it is: the one scan lets a text like it skip them all.
    assert not needs_cleanup("Café “quoted” — naïve text… ’tis ÿ\tand\nlines")


def test_class_count_counts_a_classes_characters_in_latin1_and_other_texts() -> None:
    controls = re.compile("[\x00-\x08\x7f\ufffd]")
    members = latin1_members(controls)
    assert members == bytes([*range(0, 9), 0x7F])
    assert class_count("caf\xe9\x00 \x07x\x7f", controls, members) == 3  # Latin-1 only: counted by bytes
    assert class_count("caf\xe9\x00 \u2014 \ufffd\x07", controls, members) == 3  # other characters: scanned
    assert class_count("caf\xe9 \u2014 plain", controls, members) == 0
