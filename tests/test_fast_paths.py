"""Shortcuts taken for speed give the same result as the full path: rule gates, span cuts, lazy imports."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ebookify.errors import WriterError
from ebookify.model import Metadata, Paragraph, Span
from ebookify.normalize.decode import cleanup
from ebookify.normalize.decode.detect import guess_codec
from ebookify.normalize.decode.sloppy import decode_sloppy_cp1252, encode_sloppy_cp1252
from ebookify.normalize.inline.typography import typeset_spans, typeset_text
from ebookify.normalize.structure.dialogue import split_dialogue
from ebookify.normalize.structure.numerals import WORD_VALUES, WORDS_PATTERN, trie_pattern
from ebookify.normalize.structure.paragraphs import Layout, detect_layout, split_items
from ebookify.render import cover, cover_fonts
from ebookify.render.epub.split import split_blocks
from ebookify.render.epub.verify import match_in_order


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Each rule still fires when its trigger characters are present.
        ("Wait. . . what?", "Wait… what?"),
        ("The end.... Or not.", "The end.… Or not."),
        ("Well......", "Well…"),
        ("1914--1918", "1914–1918"),
        ("lived----", "lived⸺"),
        ("Stop--now.", "Stop—now."),
        ("He is 5'10\" tall.", "He is 5′10″ tall."),
        ('He is 5′10" tall.', "He is 5′10″ tall."),
    ],
)
def test_every_rule_fires_on_its_trigger(text: str, want: str) -> None:
    assert typeset_text(text) == want


@pytest.mark.parametrize(
    "text",
    ["Plain words. No runs here.", "A - single hyphen, 5 feet", "One . two", "It is 5' and no inch mark"],
)
def test_text_without_triggers_is_left_alone(text: str) -> None:
    assert typeset_text(text) == text.replace("'", "’")


def test_spans_without_a_rule_match_keep_their_boundaries_and_drop_empty_ones() -> None:
    spans = (Span("He said "), Span("", "emphasis"), Span('"no"', "strong"), Span(" twice."))
    assert typeset_spans(spans) == (Span("He said "), Span("“no”", "strong"), Span(" twice."))


def test_spans_where_a_rule_matches_are_regrouped() -> None:
    spans = (Span("Wait..", "emphasis"), Span(". 'Go'"))
    assert typeset_spans(spans) == (Span("Wait…", "emphasis"), Span(" ‘Go’"))


def test_sloppy_cp1252_is_ftfy_s_codec_byte_for_byte() -> None:
    import ftfy.bad_codecs  # noqa: F401 (registers ftfy's codec, the reference)

    every_byte = bytes(range(256))
    text = every_byte.decode("sloppy-windows-1252")
    assert decode_sloppy_cp1252(every_byte) == text
    assert encode_sloppy_cp1252(text) == text.encode("sloppy-windows-1252")
    assert decode_sloppy_cp1252(b"\x81\x8d\x8f\x90\x9d\x1a") == "\x81\x8d\x8f\x90\x9d\ufffd"


def test_sloppy_cp1252_refuses_characters_it_has_no_byte_for() -> None:
    with pytest.raises(UnicodeEncodeError):
        encode_sloppy_cp1252("ā")


def test_converting_a_utf8_story_imports_neither_ftfy_nor_chardet_until_needed(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes("Caf\u00e9 cr\u00e8me, said she.\n\nHe nodded.\n".encode("utf-8"))
    code = (
        "import sys; from ebookify.cli import main; "
        f"main([{str(story)!r}, '-o', {str(tmp_path / 'out.epub')!r}, '-q']); "
        "print(sorted(m for m in ('ftfy', 'chardet') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert (tmp_path / "out.epub").stat().st_size > 0


def test_a_divider_inside_a_block_of_lines_is_its_own_item() -> None:
    items = split_items(["First line.", "* * *", "Second line."], Layout())
    assert [(item.text, item.divider) for item in items] == [
        ("First line.", False),
        ("* * *", True),
        ("Second line.", False),
    ]


def test_wrapped_lines_ending_in_a_dash_or_a_broken_word_join_without_a_space() -> None:
    body = ["x" * 60 + " a well-", "known " + "w" * 55 + " then--", "silence.", "", *(["y" * 62 + " z"] * 10)]
    layout = detect_layout(body)
    assert layout.wrap_width is not None
    assert split_items(body, layout)[0].text == "x" * 60 + " a well-known " + "w" * 55 + " then--silence."


def test_indented_layout_is_found_only_with_indented_first_lines() -> None:
    indented = ["  One starts.", "goes on.", "  Two starts.", "goes on.", "  Three.", "on.", "  Four.", "on."]
    assert detect_layout(indented).indented
    assert not detect_layout([line.strip() for line in indented]).indented


def test_merged_dialogue_splits_only_after_speech_punctuation() -> None:
    assert split_dialogue('"Go away." "I won\'t."') == ['"Go away."', '"I won\'t."']
    assert split_dialogue("“Go away.” “I won’t.”") == ["“Go away.”", "“I won’t.”"]
    signs = 'The signs said "stop" "go" and "wait".'
    assert split_dialogue(signs) == [signs]


def test_number_word_pattern_matches_like_the_longest_first_list() -> None:
    words = list(WORD_VALUES)
    listed = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    # A look-ahead after the word forces backtracking to shorter words, as the heading patterns do.
    follow = r"(?=$|[\s.:,)\-])(?P<rest>.*)$"
    expected = re.compile(rf"^(?:{listed}){follow}", re.I)
    actual = re.compile(rf"^(?:{WORDS_PATTERN}){follow}", re.I)
    endings = ["", "x", "-", " one", ".", "th", "-one", "teen", "ty", " hundred"]
    texts = [w + end for w in words for end in endings] + [w.upper() for w in words] + ["seventy-seventh."]
    for text in texts:
        want, got = expected.match(text), actual.match(text)
        assert (want and want.group(0, "rest")) == (got and got.group(0, "rest")), text


def test_trie_pattern_prefers_the_longest_word() -> None:
    pattern = re.compile(trie_pattern(["one", "one hundred", "on"]))
    assert pattern.match("one hundred days").group() == "one hundred"  # type: ignore[union-attr]
    assert pattern.match("one day").group() == "one"  # type: ignore[union-attr]
    assert pattern.match("onion").group() == "on"  # type: ignore[union-attr]
    assert pattern.match("off") is None


@pytest.fixture
def chardet_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Sizes of the samples chardet is asked about (it is imported lazily, so patch its module)."""
    import chardet

    calls: list[int] = []
    real = chardet.detect_all

    def spy(data: bytes, **kwargs: Any) -> Any:
        calls.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(chardet, "detect_all", spy)
    return calls


_ENGLISH = b"The widow walked slowly down the lane towards the old inn, where the coach stood waiting.\n"


def test_rare_latin1_letters_in_english_are_cp1252_without_chardet(chardet_calls: list[int]) -> None:
    loan_words = b"A caf\xe9, a na\xefve r\xf4le, \xa35 for the d\xe9j\xe0 vu of it.\n"
    data = _ENGLISH * 400 + loan_words * 2 + _ENGLISH * 400  # 12 bytes: past the thin-evidence rule
    assert guess_codec(data) == "cp1252"
    assert chardet_calls == []


@pytest.mark.parametrize(
    "odd",
    [
        b"\xf8e\xe8 " * 20,  # dense small letters: Czech "rec" in cp1250 reads as Latin-1 letters
        b"\xd2Hello\xd3 ",  # capitals: Mac Roman quotes read as Latin-1
        b"caf\x82 ",  # a DOS "e acute" is a low quote in Windows-1252
    ],
)
def test_other_non_ascii_bytes_still_go_to_chardet(chardet_calls: list[int], odd: bytes) -> None:
    guess_codec(_ENGLISH * 50 + odd * 10 + _ENGLISH * 50)
    assert chardet_calls


def test_removal_prefilter_class_holds_every_character_a_removal_starts_with() -> None:
    # The prefilter may only skip texts in which no removal pattern can match.
    alternation = re.compile("|".join(pattern.pattern for pattern, *_ in cleanup._REMOVALS))
    for code in [*range(0x10000), 0x1F600, 0x10FFFF]:
        char = chr(code)
        if any(alternation.match(char + tail) for tail in ("", "[0m", "]title\x07")):
            assert cleanup._ANY_REMOVAL.match(char), hex(code)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("red \x1b[31mtext\x1b[0m", "red text"),
        ("a\x0bb", "a\nb"),
        ("nul\x00", "nul"),
        ("bom\ufeff", "bom"),
        ("half\ud800", "half"),
        ("old\u206a", "old"),
        ("Clean text, ‘quoted’ — and café.", "Clean text, ‘quoted’ — and café."),
    ],
)
def test_invisible_characters_are_removed_and_clean_text_kept(text: str, want: str) -> None:
    assert cleanup.remove_invisible(text)[0] == want


def test_a_chapter_exactly_at_the_limit_stays_whole_and_one_more_character_cuts_it() -> None:
    at_limit = (Paragraph((Span("a" * 600),)), Paragraph((Span("b" * 400),)))
    assert split_blocks(at_limit, limit=1000) == [at_limit]
    over = (*at_limit, Paragraph((Span("c"),)))
    assert split_blocks(over, limit=1000) == [at_limit, over[2:]]


def test_written_text_matches_exactly_or_whitespace_aside_and_loss_is_caught() -> None:
    written = ["by Ann", "One", "Line one.Line two.", "Spaced  out\ttext", "Last."]
    pieces = ["One", "Line one.\nLine two.", "Spaced out text", " \n ", "Last."]
    match_in_order(written, pieces, "EPUB")  # exact, line break as <br/>, other spacing, blank, exact
    with pytest.raises(WriterError, match=re.escape("missing: 'Lost words.'")):
        match_in_order(written, ["One", "Lost words.", "Last."], "EPUB")
    with pytest.raises(WriterError, match="missing: 'One'"):
        match_in_order(written, ["Last.", "One"], "EPUB")  # out of order


def test_fonts_looked_up_ahead_give_the_same_cover() -> None:
    meta = Metadata(title="A Title", authors=("Ann",), fandoms=("Naruto",))
    assert cover_fonts.cover_fonts(meta) == [
        cover_fonts.TITLE_FONT,
        cover_fonts.AUTHOR_FONT,
        cover_fonts.FANDOM_FONT,
    ]
    assert cover_fonts.cover_fonts(Metadata(title="Alone")) == [cover_fonts.TITLE_FONT]
    before = cover.cover_image(meta, size=(200, 320))
    cover_fonts.font_file.cache_clear()
    cover_fonts.prefetch_cover_fonts(meta)
    assert cover.cover_image(meta, size=(200, 320)) == before
    assert not cover_fonts._LOOKUPS  # every look-up was waited for and used


def test_the_names_bound_to_enum_members_are_the_members() -> None:
    from ebookify.normalize.inline import quotes
    from ebookify.normalize.structure import joins

    assert list(joins.Join) == [joins.WRAP, joins.LINE, joins.NEW, joins.TURNOVER]
    assert list(quotes.Role) == [
        quotes.APOSTROPHE,
        quotes.OPEN,
        quotes.CLOSE,
        quotes.WEAK_CLOSE,
        quotes.EITHER,
    ]


@pytest.mark.parametrize(
    ("line", "divider"),
    [
        ("  * * *", True),
        ("\u00a0—\u00a0—\u00a0—", True),
        ("  ~Time Skip~", True),
        ('"* * *"', False),  # a quote mark first: no rule of divider characters, decided without a scan
        ("  'Tis done. * * *", False),
        ("(~~~)", False),
    ],
)
def test_a_line_not_starting_with_a_divider_character_is_no_rule(line: str, divider: bool) -> None:
    from ebookify.normalize.structure.scenes import is_divider

    assert is_divider(line) is divider
