"""Emphasis markers: what becomes emphasis or strong, and what is left alone."""

from __future__ import annotations

import pytest

from ebookify.model import Span
from ebookify.normalize.inline.emphasis import (
    drop_emphasis_markers,
    find_emphasis,
    stray_markers,
    unmarked_text,
)


def marked(text: str) -> list[tuple[str, str]]:
    """(text with markers, style) for each emphasis found."""
    return [(text[s:e], style) for s, e, style in find_emphasis(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("She was *so* tired.", [("*so*", "emphasis")]),
        ("She was _so_ tired.", [("_so_", "emphasis")]),
        ("She was /so/ tired.", [("/so/", "emphasis")]),
        ("She was **so** tired.", [("**so**", "strong")]),
        ("She was __so__ tired.", [("__so__", "strong")]),
        ("The =Little Colonel= series.", [("=Little Colonel=", "strong")]),
        ("He read _The Last Dying Speech_, twice.", [("_The Last Dying Speech_", "emphasis")]),
        ("A wrapped _italic\nrun_ here.", [("_italic\nrun_", "emphasis")]),
        ('"_Never!_" she cried.', [("_Never!_", "emphasis")]),
        ("*one* and *two*", [("*one*", "emphasis"), ("*two*", "emphasis")]),
        ("**bold** and *it*", [("**bold**", "strong"), ("*it*", "emphasis")]),
        # Bold italics are the stronger of the two.
        ("***NO!*** she cried.", [("***NO!***", "strong")]),
        ("___Never___ again.", [("___Never___", "strong")]),
        # A stage direction wrapped over lines of one paragraph.
        (
            "[_Enter Lady Bracknell\nand Gwendolen._]",
            [("_Enter Lady Bracknell\nand Gwendolen._", "emphasis")],
        ),
        # Part of a word: the marked letters start or end it.
        ("It was _un_likely.", [("_un_", "emphasis")]),
        ("How _Ri_diculous!", [("_Ri_", "emphasis")]),
        ("Quite impossi*ble*, he said.", [("*ble*", "emphasis")]),
        # Spaced stars around a word, with no arithmetic near.
        ("She was * so * tired.", [("* so *", "emphasis")]),
        # Spanish marks, a Markdown line break and a footnote reference next to the markers.
        ("que, *¿para qué?*\\\nsigue", [("*¿para qué?*", "emphasis")]),
        ("frase: *«Te lo dije.»*\\", [("*«Te lo dije.»*", "emphasis")]),
        ("the little *Stück Abfall*[^1-1] deserved", [("*Stück Abfall*", "emphasis")]),
        # An old text's backtick opening a quotation opens emphasis too.
        ("`_I_ have not,' said the Mayor.", [("_I_", "emphasis")]),
        # Roman names inside an italic direction: one direction, the names left plain.
        ("_SCENE, _Peachum's_ House._", [("_SCENE, _", "emphasis"), ("_ House._", "emphasis")]),
        # German Gutenberg texts set letter-spaced words (a speaker's name too) in tildes.
        ("~Franz.~ Aber um der ~Grösse~ willen.", [("~Franz.~", "emphasis"), ("~Grösse~", "emphasis")]),
        ("Geschrieben ~1781~.", [("~1781~", "emphasis")]),
        (
            "_To them, Enter _Player_ and _Beggar_._",
            [("_To them, Enter _", "emphasis"), ("_ and _", "emphasis"), ("_._", "emphasis")],
        ),
        # An underscore set on the wrong side of a space, before a few words.
        ("advertised in_ The Perfect Diurnall_: from May", [("_ The Perfect Diurnall_", "emphasis")]),
        ("twelve sonnets_ à propos _of his death", [("_ à propos _", "emphasis")]),
        # Bold around italics.
        ("=_Hippocrates._=", [("=_Hippocrates._=", "strong")]),
    ],
)
def test_markers_become_emphasis(text: str, want: list[tuple[str, str]]) -> None:
    assert marked(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "See http://example.com/path/to/page/ for more.",
        "Edit /usr/local/bin/ and /etc/ files.",
        "Bring snacks and/or drinks.",
        "It costs 2*3*4 or 2 * 3 * 4 dollars.",
        "He was there.* The footnote says so.*",
        "* * *",
        "*****",
        "Fill in: _____ and ___.",
        "Call snake_case_name() now.",
        "Set x=y=z and a = b = c.",
        "Dates like 1/2/3 and the /r/ forum.",
        "The 5*7 grid and *sigh",
        # Part-of-word markers in names, files and sums stay.
        "Call my_var_name or my_file_v2.txt now.",
        "Open __init__.py and _config_.txt today.",
        "See http://example.com/_x_/ or mail a_b_c@example.com.",
        "It was un_believ_able.",
        # A name in backticks is code, not a quotation: its markers stay.
        "Call `_private_` or `*args*` there.",
        # Spaced stars in arithmetic or around one letter.
        "It costs 2 * 3 * 4, or x * y * z.",
        "Let * a * be = 3 * so * on.",
        # Markdown's strike-through, an approximate number and a divider of tildes are no emphasis.
        "It was ~~struck~~ out.",
        "It takes ~5 min, or ~10.",
        "~ ~ ~",
        # A marker after a word then a long stretch, or stars after words (footnote marks).
        "he said_ and left the house in a hurry_ then",
        "She said* and went* away.",
        # Equals signs of a decorated line.
        "-=<{[ TO BE CONCLUDED ]}>=-",
    ],
)
def test_things_that_are_not_emphasis_are_left_alone(text: str) -> None:
    assert find_emphasis(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Then *sigh she left.", ["Then *sigh she left."]),
        ("_Enter the King", ["_Enter the King"]),
        ("he said_ and left", ["he said_ and left"]),
    ],
)
def test_unpaired_markers_are_reported(text: str, want: list[str]) -> None:
    assert find_emphasis(text) == []
    assert stray_markers([Span(text)]) == want


@pytest.mark.parametrize(
    "text",
    [
        "He was there.* The footnote says so.",
        "*Note: the author's own.",
        "snake_case and ____ blanks",
        "* * *",
        "Mail a_b@example.com or see www.x_y.org/a_b.",
        "2*3 = 6",
    ],
)
def test_footnote_marks_names_and_dividers_are_not_reported(text: str) -> None:
    assert stray_markers([Span(text)]) == []


def test_markers_inside_styled_spans_are_not_reported() -> None:
    assert stray_markers([Span("_Why_", "thought"), Span(" she thought.")]) == []


def test_dropping_spaced_stars_keeps_spaces_outside() -> None:
    spans = (Span("She was "), Span("* so *", "emphasis"), Span(" tired."))
    assert drop_emphasis_markers(spans) == (Span("She was "), Span("so", "emphasis"), Span(" tired."))


def test_dropping_markers_keeps_the_words_and_other_spans() -> None:
    spans = (Span("I "), Span("_really_", "emphasis"), Span(" do, "), Span("**now**", "strong"))
    assert drop_emphasis_markers(spans) == (
        Span("I "),
        Span("really", "emphasis"),
        Span(" do, "),
        Span("now", "strong"),
    )


def test_dropping_markers_leaves_plain_and_quoted_thought_spans_alone() -> None:
    spans = (Span("_plain_"), Span("'_thought_'", "thought"), Span("(so tired)", "thought"))
    assert drop_emphasis_markers(spans) == spans


def test_dropping_markers_of_a_thought_set_in_stars() -> None:
    spans = (Span("_Why me?_", "thought"), Span(" she thought."))
    assert drop_emphasis_markers(spans) == (Span("Why me?", "thought"), Span(" she thought."))


def test_heading_text_loses_paired_markers_only() -> None:
    # A title is a plain string: the markers of "_The Country of the Saints._" would be printed literally.
    assert unmarked_text("PART II _The Country of the Saints._") == "PART II The Country of the Saints."
    assert unmarked_text("Chapter 3: *Really* _un_likely") == "Chapter 3: Really unlikely"
    # No pair, no change: snake_case, arithmetic and a lone star stay as written.
    assert unmarked_text("snake_case_name") == "snake_case_name"
    assert unmarked_text("2 * 3 * 4") == "2 * 3 * 4"
    assert unmarked_text("The Star* of Chapter One") == "The Star* of Chapter One"


# A long italic direction, wrapped as a play prints it: longer than one emphasis may run elsewhere.
DIRECTION = "\n".join(["LUIGI returns, entering at the door on the left, and goes behind the counter."] * 8)


def test_markers_that_fill_a_paragraph_or_a_bracket_are_one_emphasis_however_long() -> None:
    for text in (f"_{DIRECTION}_", f"  [_{DIRECTION}_", f"_{DIRECTION}_."):
        assert marked(text) == [(f"_{DIRECTION}_", "emphasis")], text[:8]
    said = f"I'll go and wash. [_{DIRECTION}_] Back in a moment."
    assert marked(said) == [(f"_{DIRECTION}_", "emphasis")]
    # Words in roman inside it cut it in parts, the roman words plain.
    roman = f"[_{DIRECTION} She is in _négligé_. {DIRECTION}_"
    assert [style for _, style in marked(roman)] == ["emphasis", "emphasis"]
    assert marked(roman)[0][0].endswith("She is in _") and marked(roman)[1][0].startswith("_. ")


def test_a_long_paragraph_whose_markers_do_not_fill_it_is_left_alone() -> None:
    # Two emphases at its ends, and a stray marker with a file name inside, are no frame.
    assert marked(f"_Hello_ {DIRECTION} _bye_") == [("_Hello_", "emphasis"), ("_bye_", "emphasis")]
    assert marked(f"_Note {DIRECTION} see my_file for more_") == []
    # An unbracketed pair in the middle of a long paragraph is too long to pair.
    assert marked(f"He said _{DIRECTION}_ and left.") == []
