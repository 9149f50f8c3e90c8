"""Real texts as users receive them (other encodings, line ends, tabs, trailing spaces, a hard wrap) keep
their facts: a fixed sample here; `python -m tests.facts_variants` checks every text (see its docstring)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.facts import EXPECTED, Fact
from tests.facts_variants import (
    VARIANTS,
    Source,
    Variant,
    check_variants,
    compare,
    hard_wrap,
    one_line_paragraphs,
    read_source,
)

# Small texts that between them meet every variant: pastes of one line per paragraph (Markdown with front
# matter, with HTML tags), non-ASCII Markdown, archive files indented 8 spaces, a Gutenberg book in Italian
# whose title page mixes tabs and spaces.
SAMPLE = (
    "roses",
    "watchers-child-confessions",
    "cianuro-y-zombies",
    "island-of-the-fay",
    "sre07-petros",
    "princess-story-chapter-1",
    "notte-bizzarra-29636-8",
)


@pytest.mark.parametrize("name", SAMPLE)
def test_variants_of_a_real_text_keep_its_facts(name: str) -> None:
    outcomes = check_variants(EXPECTED / f"{name}.json")
    assert all(outcome.checked for outcome in outcomes)
    broken = [f"[{outcome.variant}] {fact.message}" for outcome in outcomes for fact in outcome.broken]
    assert not broken, "\n".join(broken)


def test_the_sample_meets_every_variant() -> None:
    met = {outcome.variant for name in SAMPLE[:4] for outcome in check_variants(EXPECTED / f"{name}.json")}
    assert met == {variant.name for variant in VARIANTS}


def test_a_variant_that_changes_the_text_is_caught() -> None:
    # Blank lines taken out: the paragraphs run together, which the facts must notice.
    squeezed = Variant("squeezed", lambda s: s.text.replace("\n\n", "\n").replace("\n", " ").encode())
    [outcome] = check_variants(EXPECTED / "roses.json", variants=[squeezed])
    assert outcome.broken and any("paragraphs" in fact.key for fact in outcome.broken)


def test_compare_checks_only_facts_that_held_and_skips_what_a_variant_changes() -> None:
    original = [
        Fact("a.json: paragraphs: want 3..4", ok=True),
        Fact("a.json: chapters: want 2", ok=False, detail="1"),
        Fact("a.json: a line break or paragraph break inside 'x y'", ok=True),
    ]
    varied = [
        Fact("a.json: paragraphs: want 3..4", ok=False, detail="9"),
        Fact("a.json: chapters: want 2", ok=False, detail="1"),
        Fact("a.json: a line break or paragraph break inside 'x y'", ok=False),
    ]
    assert compare(original, varied, ()) == (2, [varied[0], varied[2]])
    assert compare(original, varied, ("a line break or paragraph break inside",)) == (1, [varied[0]])


def _source(text: str) -> Source:
    return Source(Path("x.json"), {}, Path("x.txt"), text, False)


def test_variants_apply_only_where_the_text_allows_them() -> None:
    made = {v.name: v.make(_source("Plain ASCII.\n\n  Indented two.\n")) for v in VARIANTS}
    assert made["mojibake"] is None  # ASCII: nothing to damage
    assert made["tabs"] is None  # no line indented 8 spaces
    assert made["wrap72"] is None  # hard-wrapped already (short lines)
    assert made["latin1-cr"] == b"Plain ASCII.\r\r  Indented two.\r"
    by_name = {v.name: v for v in VARIANTS}
    assert by_name["latin1-cr"].make(_source("\u201cCurly\u201d")) is None  # no Latin-1 for curly quotes
    assert by_name["cp1252-crlf"].make(_source("\u201cCurly\u201d")) == b"\x93Curly\x94"
    assert by_name["tabs"].make(_source("          Ten.\n")) == b"\t  Ten.\n"
    assert by_name["mojibake"].make(_source("caf\u00e9")) == "caf\u00c3\u00a9".encode()


def test_a_hard_wrap_keeps_front_matter_and_short_paragraphs() -> None:
    long = "word " * 40
    text = f"---\ntitle: A\nsummary: {long}\n---\n{long.strip()}\n\nShort one."
    wrapped = hard_wrap(text, 72)
    assert wrapped.startswith(f"---\ntitle: A\nsummary: {long}\n---\n")
    assert all(len(line) <= 72 for line in wrapped.split("---\n")[-1].split("\n"))
    assert wrapped.endswith("\n\nShort one.")
    assert one_line_paragraphs(text) and not one_line_paragraphs(wrapped.split("---\n")[-1])


def test_sources_are_read_as_the_normalizer_decodes_them() -> None:
    source = read_source(EXPECTED / "cianuro-y-zombies.json")
    assert "\r" not in source.text and not source.text.isascii() and source.marked
