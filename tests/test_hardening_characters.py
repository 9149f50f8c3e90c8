"""Hardening, characters: controls, escapes, noncharacters, bidi, invisible marks, NFD, emoji, CJK, RTL."""

from __future__ import annotations

from pathlib import Path

import pytest

from ebookify import (
    Chapter,
    Metadata,
    Paragraph,
    Span,
    Story,
    WriteOptions,
    load_story,
    make_book,
    normalize_bytes,
    write_epub,
)
from ebookify.normalize.decode.cleanup import remove_invisible
from ebookify.normalize.decode.decode import repair_text

from .epubcheck import check_many
from .hardening import assert_book_matches, chapter_texts, paragraphs, run_cli, story_bytes

# name: (the middle paragraph as typed, what the model must hold (None: the same), the repair listed or None)
CASES: dict[str, tuple[str, str | None, str | None]] = {
    "nul": ("Before\x00after the NUL.", "Beforeafter the NUL.", "removed 1 control character"),
    "c0": ("One\x01two\x02three\x1afour\x1fend.", "Onetwothreefourend.", "removed 4 control characters"),
    "vt-ff": ("Line one\x0bline two\x0cline three.", "Line one\nline two\nline three.", "vertical tab"),
    "ansi": ("Plain \x1b[1;31mred\x1b[0m plain.", "Plain red plain.", "removed 2 terminal escape sequences"),
    "lone-esc": ("An escape \x1b alone.", "An escape  alone.", "removed 1 control character"),
    "del": ("Del\x7fete me.", "Delete me.", "removed 1 control character"),
    "c1": ("\x93Curly\x94 and a hole\x81 here.", "“Curly” and a hole here.", "undefined C1"),
    "noncharacters": ("No\ufffen\uffffc\ufdd0h\ufdefar.", "Nonchar.", "removed 4 noncharacters"),
    "bidi-closed": ("An \u202eover\u202c and \u2066iso\u2069 closed.", None, None),
    "bidi-unclosed": ("An \u202eunclosed and \u2067 isolate.", "An unclosed and  isolate.", "unclosed bidi"),
    "zero-width": ("Zero\u200bwidth\u200cnon\u200djoin\u2060word.", None, None),
    "mid-bom": ("Stray\ufeff mark.", "Stray mark.", "removed 1 stray byte-order mark"),
    "nfd": ("Cafe\u0301 and re\u0301sume\u0301.", "Café and résumé.", "normalized to Unicode NFC"),
    "emoji": ("Emoji 😀, a family 👩\u200d👩\u200d👧, a flag 🇫🇷.", None, None),
    "cjk": ("全角の文字　ＡＢＣ１２３ 漢字かなカナ한국어.", None, None),
    "rtl": ("Hebrew שלום עולם and Arabic مرحبا بالعالم.", None, None),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_odd_characters_are_kept_or_removed_and_listed(name: str) -> None:
    typed, kept, repair = CASES[name]
    expected = typed if kept is None else kept
    story = normalize_bytes(story_bytes(typed), f"{name}.txt")
    assert paragraphs(story)[1] == expected
    if repair is None:
        assert story.repairs == ()  # nothing was removed, so nothing is listed
    else:
        assert any(repair in line for line in story.repairs), story.repairs


def test_terminal_escape_sequences_go_whole() -> None:
    # Catch: a colour code and a window-title code go with their parameters, not only the ESC.
    text, repairs = remove_invisible("a \x1b[31mred\x1b[0m b \x1b]0;title\x07 c")
    assert text == "a red b  c"
    assert repairs == ["removed 3 terminal escape sequences"]
    # Leave alone: the same brackets typed as text, without an ESC, are the story's.
    assert remove_invisible("see [31m] and ]0;x") == ("see [31m] and ]0;x", [])


def test_lone_surrogates_in_text_are_removed_and_listed() -> None:
    text, repairs = repair_text("A \ud800lone and \udfff surrogate.")
    assert text == "A lone and  surrogate."
    assert "removed 2 lone surrogates" in repairs


def test_cr_only_mixed_and_unicode_line_endings_all_split_paragraphs() -> None:
    typed = "First.\r\rSecond.\r\n\r\nThird.\n\nFourth.\u2028\u2028Fifth.\u2029Sixth line."
    story = normalize_bytes(f"Title: Endings\n\n{typed}\n".encode(), "endings.txt")
    assert paragraphs(story) == ["First.", "Second.", "Third.", "Fourth.", "Fifth.\nSixth line."]
    assert {"CRLF line endings", "CR line endings"} <= set(story.repairs)


def _raw_book() -> Story:
    """A story built without the normalizer, its text full of what XML cannot carry."""
    texts = ["Nul\x00 vt\x0b ff\x0c esc\x1b del\x7f c1\x85\x9f.", "Lone \ud800 surrogate and \ufffe end."]
    blocks = tuple(Paragraph((Span(text),)) for text in texts)
    return Story(
        "raw.txt", Metadata("Raw \x00\ud800 title", authors=("A\x0cB",)), (Chapter("C\x1b", blocks),)
    )


def test_the_epub_writer_survives_text_the_normalizer_never_saw(tmp_path: Path) -> None:
    # A model built by hand: the writer drops what XML cannot carry, and loses nothing else.
    target = write_epub(make_book([_raw_book()]), tmp_path / "raw.epub")
    assert chapter_texts(target) == ["C", "Nul vt ff esc del c1\x85.", "Lone  surrogate and  end."]


@pytest.mark.slow
def test_every_character_case_makes_a_valid_book(tmp_path: Path) -> None:
    sources = []
    for name in sorted(CASES):
        sources.append(tmp_path / f"{name}.txt")
        sources[-1].write_bytes(story_bytes(CASES[name][0]))
    cli_book = tmp_path / "characters.epub"
    result = run_cli([*map(str, sources), "-o", str(cli_book), "--title", "Characters", "-q"])
    assert result.code == 0 and result.err == "", result
    book = make_book([load_story(s) for s in sources], title="Characters")
    assert_book_matches(cli_book, book)
    raw = write_epub(make_book([_raw_book()]), tmp_path / "raw.epub")
    assert check_many([cli_book, raw]) == {cli_book: [], raw: []}


@pytest.mark.slow
def test_every_character_case_makes_a_pdf(tmp_path: Path) -> None:
    from ebookify import write_pdf

    from .pdf_books import page_texts

    stories = [normalize_bytes(story_bytes(CASES[name][0]), f"{name}.txt") for name in sorted(CASES)]
    stories.append(_raw_book())
    target = write_pdf(make_book(stories, title="Characters"), tmp_path / "c.pdf", WriteOptions(jobs=1))
    text = "".join("".join(page.split()) for page in page_texts(target))
    for words in ("Beforeafter", "Onetwothreefourend.", "Café", "résumé", "Nonchar.", "Lonesurrogateandend."):
        assert words in text, words
