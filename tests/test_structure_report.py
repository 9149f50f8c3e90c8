"""The layout explanation: what was measured and decided, in inspect's text and JSON."""

from __future__ import annotations

import textwrap

from ebookify.inspect import story_to_dict, story_to_text
from ebookify.model import LayoutReport
from ebookify.normalize import normalize_bytes
from ebookify.normalize.structure.structure import parse_structure

PROSE = (
    "It was a warm May morning, sweet with the fragrance of the locusts, for the great trees arching "
    "above her were all abloom, and the ground beneath was snowy with the wind-blown petals. Under the "
    "long white arch she rode, with the fallen blossoms white at her feet."
)


def _indented_text() -> str:
    lines = [line for _ in range(6) for line in textwrap.wrap(PROSE, 60, initial_indent="     ")]
    return "\n".join([*lines[:20], "", "* * *", "", *lines[20:]])


def test_indented_text_is_explained_with_its_counts() -> None:
    report = parse_structure(_indented_text()).layout
    assert (report.paragraphs, report.indented_starts, report.paragraph_starts) == ("indented", 6, 6)
    assert report.wrap_width is not None and report.divider_breaks == 1 and report.gap_breaks == 0
    assert report.summary.startswith("paragraphs: indented first lines (6 of 6 starts), hard-wrapped at")
    assert report.summary.endswith("; verse: 0 blocks; scene breaks: 1 dividers, 0 gaps")


def test_a_book_of_stanzas_is_explained_as_verse() -> None:
    stanza = "From fairest creatures we desire increase,\nThat thereby beauty's rose might never die,\n"
    stanza += "But as the riper should by time decease,\nHis tender heir might bear his memory:"
    report = parse_structure("\n\n".join([stanza] * 5)).layout
    assert (report.paragraphs, report.verse_blocks, report.wrap_width) == ("verse", 5, None)


def test_blank_line_text_with_a_wide_gap() -> None:
    text = "\n\n".join(["One is here.", "Two is here.", "\nThree is here.", "Four is here."])
    report = parse_structure(text).layout
    assert (report.paragraphs, report.usual_gap, report.gap_breaks) == ("blank lines", 1, 1)


def test_inspect_starts_with_the_explanation_and_json_carries_it() -> None:
    story = normalize_bytes(_indented_text().encode(), "story.txt")
    assert story_to_text(story).startswith("paragraphs: indented first lines (6 of 6 starts)")
    layout = story_to_dict(story)["layout"]
    assert layout["paragraphs"] == "indented" and layout["scene_breaks"] == {"dividers": 1, "gaps": 0}
    assert layout["summary"] == story.layout.summary


def test_an_unmeasured_story_has_a_plain_report() -> None:
    assert LayoutReport().summary == (
        "paragraphs: blank lines between them, not wrapped, usual gap 1 blank line; verse: 0 blocks; "
        "scene breaks: 0 dividers, 0 gaps"
    )
