"""Mojibake repair: what it must fix, what it must recover from lossy damage, what it must leave alone."""

from __future__ import annotations

import pytest

from ebookify.normalize.decode.mojibake import repair_mojibake


def mojibake(text: str, errors: str = "replace") -> str:
    """UTF-8 text misread as Windows-1252, the way a wrong download does it."""
    return text.encode("utf-8").decode("cp1252", errors=errors)


def test_classic_mojibake_is_fixed_and_counted() -> None:
    text, repairs = repair_mojibake("I donâ€™t know â€” cafÃ© â€œyesâ€¦")
    assert text == "I don\u2019t know \u2014 caf\u00e9 \u201cyes\u2026"
    assert repairs == ["fixed 5 mojibake sequences"]


def test_latin1_mojibake_with_c1_controls_is_fixed() -> None:
    broken = "\u201cHe\u2019s here.\u201d".encode().decode("latin-1")
    assert repair_mojibake(broken)[0] == "\u201cHe\u2019s here.\u201d"


@pytest.mark.parametrize("errors", ["replace", "ignore"])
def test_closing_quote_with_lost_byte_is_recovered(errors: str) -> None:
    # ” is E2 80 9D; Windows-1252 has no 9D, so it arrives as "â€" + U+FFFD, or as "â€" alone.
    original = "\u201cSasuke\u2026\u201d Naruto growled. \u201cHn. Dobe.\u201d\n\u201cEnd,\u201d"
    text, repairs = repair_mojibake(mojibake(original, errors))
    assert text == original
    assert "recovered 3 characters damaged by mojibake (lost byte)" in repairs


def test_hyphen_between_letters_is_recovered() -> None:
    assert repair_mojibake(mojibake("well\u2010known"))[0] == "well\u2010known"


def test_lossy_sequence_that_fits_nothing_is_marked_not_guessed() -> None:
    text, repairs = repair_mojibake("start: " + mojibake("\u201dword") + " and a clean line")
    assert text == "start: \ufffdword and a clean line"
    assert "left 1 character damaged by mojibake as \ufffd (no single fit)" in repairs


@pytest.mark.parametrize(
    "good",
    [
        'Plain ASCII "quotes" and it\'s fine.',
        "Typographic \u201cquotes\u201d, caf\u00e9, na\u00efve, \u00a9 2020, 10\u00a0\u20ac, \u00bfQu\u00e9?",
        "Fran\u00e7ais : \u00ab\u00a0plut\u00f4t\u00bb, \u00e0 c\u00f4t\u00e9 \u2014 d\u00e9j\u00e0 vu.",
        "Deutsch: Stra\u00dfe \u201eGr\u00fc\u00dfe\u201c, \u00c4rger \u00fcber \u00d6l.",
        "NA\u00cfVE \u00c2ME \u00c9T\u00c9 \u2014 Portugu\u00eas: N\u00c3O S\u00c3O.",
        "日本語の文章。 Русский текст. \U0001f600",
    ],
)
def test_good_text_is_left_alone(good: str) -> None:
    assert repair_mojibake(good) == (good, [])


def test_line_mixing_good_accents_and_mojibake_is_fixed_piecewise() -> None:
    # The whole-line shortcut fails on the good "é" (not UTF-8 when re-encoded); ftfy repairs the rest.
    line = "Le caf\u00e9 was shut. " + mojibake("\u201cYes,\u201d she said.")
    text, repairs = repair_mojibake(line)
    assert text == "Le caf\u00e9 was shut. \u201cYes,\u201d she said."
    assert "recovered 1 character damaged by mojibake (lost byte)" in repairs
