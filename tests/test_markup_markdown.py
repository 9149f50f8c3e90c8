"""Markdown constructs read through the whole normalizer, each with the look-alike it leaves alone."""

from __future__ import annotations

import textwrap

from ebookify.model import Paragraph, Quote, SceneBreak, Span, Story
from ebookify.normalize.markup.markdown import read_markdown
from ebookify.normalize.markup.marks import LINE_BREAK
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.options import NormalizeOptions

PLAIN = NormalizeOptions(smart_quotes=False)


def read(text: str) -> Story:
    return normalize_bytes(text.encode(), "story.txt", PLAIN)


def texts(story: Story) -> list[str]:
    return [b.text for ch in story.chapters for b in ch.blocks if isinstance(b, Paragraph)]


def notes(story: Story) -> list[str]:
    return [b.text for b in story.end_notes if isinstance(b, Paragraph)]


def test_yaml_front_matter_becomes_metadata_not_text() -> None:
    story = read("---\ntitle: The Long Road\nauthor: Ann\nlayout: post\n---\n\nHe walked.\n\nShe ran.\n")
    assert story.metadata.title == "The Long Road"
    assert story.metadata.authors == ("Ann",)
    assert ("layout", "post") in story.metadata.fields
    assert texts(story) == ["He walked.", "She ran."]
    assert story.markup == "Markdown (front matter)"
    assert "read YAML front matter as metadata" in story.repairs


def test_front_matter_html_values_read_as_text_and_a_notes_key_is_not_shown() -> None:
    # A LiveJournal export: the note's links read as their words (the book keeps no links), <b> as strong.
    story = read(
        "---\ntitle: The Watcher\nauthor: Ann\n"
        "notes: 'Dedicated to <b><a href=\"http://kivrin.lj.com/\">kivrin</a></b>, who helped.'\n"
        "summary: Giles goes <i>back</i> in time.\n---\n\nHe walked.\n"
    )
    front = [b for b in story.front_notes if isinstance(b, Paragraph)]
    assert [b.text for b in front] == ["Dedicated to kivrin, who helped."]
    assert Span("kivrin", "strong") in front[0].spans
    assert story.metadata.summary == "Giles goes back in time."
    # Left alone: a "<" that opens no tag, and a note without markup (its key still not shown).
    story = read("---\ntitle: Hearts\nnotes: I <3 this pairing & x<y.\n---\n\nHe walked.\n")
    assert [b.text for b in story.front_notes if isinstance(b, Paragraph)] == ["I <3 this pairing & x<y."]


def test_a_chapter_files_title_names_its_chapter() -> None:
    story = read("---\ntitle: Chapter 1\nauthor: Ann\n---\n\nHe walked.\n")
    assert story.metadata.title == "Story"
    assert [ch.title for ch in story.chapters] == ["Chapter 1"]


def test_a_lone_opening_heading_is_the_title() -> None:
    story = read("# The Secret Prince\n\nHe painted.\n\n#art #paint\n")
    assert story.metadata.title == "The Secret Prince"
    assert story.chapters[0].title is None


def test_headings_are_chapters_and_hashtags_are_text() -> None:
    story = read("# Chapter 1\n\nHe painted.\n\n#blessed\n\n# Chapter 2\n\nShe left.\n")
    assert [ch.title for ch in story.chapters] == ["Chapter 1", "Chapter 2"]
    assert texts(story) == ["He painted.", "#blessed", "She left."]


def test_two_heading_levels_are_parts_and_chapters() -> None:
    story = read(
        "# Book One\n\n## The Start\n\nA.\n\n## The Middle\n\nB.\n\n# Book Two\n\n## The End\n\nC.\n"
    )
    assert [(ch.part, ch.title) for ch in story.chapters] == [
        ("Book One", "The Start"),
        ("Book One", "The Middle"),
        ("Book Two", "The End"),
    ]


def test_footnotes_become_end_notes_named_by_their_words() -> None:
    story = read("# T\n\nHe called him *Stück Abfall*[^1-1] again.\n\n[^1-1]: Piece of trash\n")
    assert texts(story) == ["He called him Stück Abfall again."]
    assert notes(story) == ["Stück Abfall: Piece of trash"]
    assert "removed 1 footnote mark" in story.repairs


def test_indented_footnote_and_link_definitions_leave_the_body() -> None:
    text = (
        "# T\n\nShe was a Squib.[^a] See [the notes][rpl].\n\nMore text.\n\n"
        "[^a]:\n    Per my notes, Petunia\n    is a Squib.\n\n[rpl]: <../Appendices/Power Levels/>\n"
    )
    story = read(text)
    assert texts(story) == ["She was a Squib. See the notes.", "More text."]
    assert notes(story) == [
        "Squib: Per my notes, Petunia is a Squib.",
        "Links:\nrpl: ../Appendices/Power Levels/",
    ]


def test_brackets_without_definitions_stay() -> None:
    story = read("# A\n\nHe said [sic] and [laughs].\n\n# B\n\nText.\n")
    assert texts(story) == ["He said [sic] and [laughs].", "Text."]


def test_quoted_lines_are_a_quote_block_with_their_lines() -> None:
    text = (
        "# A\n\nThe letter read:\n\n> Dear Harry,\n>\n> Come home soon. We miss you and the owl misses you"
        " too, though it will never say so.\n>\n> Love,  \n> Hermione\n\nHe smiled.\n"
    )
    blocks = read(text).chapters[0].blocks
    assert isinstance(blocks[1], Quote)
    assert [b.text for b in blocks[1].blocks if isinstance(b, Paragraph)] == [
        "Dear Harry,",
        "Come home soon. We miss you and the owl misses you too, though it will never say so.",
        "Love,\nHermione",
    ]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["The letter read:", "He smiled."]


def test_escapes_and_code_spans_are_text() -> None:
    story = read("# A\n\nHe typed `*ptr` and \\*stars\\* and 1\\. done\\_now.\n\n# B\n\nOk.\n")
    assert texts(story)[0] == "He typed *ptr and *stars* and 1. done_now."
    assert all(s.style == "plain" for s in story.chapters[0].blocks[0].spans)  # type: ignore[union-attr]


def test_rules_are_scene_breaks_and_comments_and_images_go() -> None:
    text = "# A\n\nOne.\n\n<!-- more -->\n\nTwo.\n\n![cover](cover.png)\n\n---\n\nThree.\n"
    story = read(text)
    assert texts(story) == ["One.", "Two.", "Three."]
    assert any(isinstance(b, SceneBreak) for b in story.chapters[0].blocks)
    assert "removed 1 HTML comment" in story.repairs and "removed 1 image line" in story.repairs


def test_entities_are_decoded_and_a_lone_ampersand_stays() -> None:
    story = read("# A\n\nFish &amp; chips &mdash; AT&T.\n\n# B\n\nOk.\n")
    assert texts(story)[0] == "Fish & chips \u2014 AT&T."


def test_plain_text_is_untouched() -> None:
    text = "He said > no.\n\n# 1 fan, she wrote.\n\nI <3 it; a < b.\n"
    story = read(text)
    assert story.markup == "plain text"
    assert texts(story) == ["He said > no.", "# 1 fan, she wrote.", "I <3 it; a < b."]


def test_underlined_headings_and_a_subheading_as_subtitle() -> None:
    text = (
        "Dedicatoria\n===========\n\n*Para Kenny.*\n\n"
        "Algunos recuerdos\n=================\n\nLeonardo\n--------\n\n"
        "Realmente nunca.\n\nMiércoles 12 de Dic.\n--------------------\n\nOtra vez.\n\n"
        "Otro\n====\n\nFin de algo.\n"
    )
    story = read(text)
    assert [ch.title for ch in story.chapters] == ["Algunos recuerdos: Leonardo", "Otro"]
    assert texts(story) == ["Realmente nunca.", "Miércoles 12 de Dic.", "Otra vez.", "Fin de algo."]
    assert [b.text for b in story.front_notes if isinstance(b, Paragraph)] == ["Dedicatoria", "Para Kenny."]


def test_a_dash_rule_under_a_sentence_is_a_scene_break_not_a_heading() -> None:
    story = read(
        "# A\n\nHe left.\n\nShe stayed behind.\n---\n\nLater.\n\n"
        + "-" * 72
        + "\n\nEnd of it.\n\n# B\n\nOk.\n"
    )
    blocks = story.chapters[0].blocks
    assert [type(b).__name__ for b in blocks] == [
        "Paragraph",
        "Paragraph",
        "SceneBreak",
        "Paragraph",
        "SceneBreak",
        "Paragraph",
    ]


def test_an_epigraph_before_the_first_chapter_goes_with_the_front_notes() -> None:
    story = read("> No one gets this far alone.\n> -- S. King\n\n# One\n\nText.\n\n# Two\n\nMore.\n")
    assert [b.text for b in story.front_notes if isinstance(b, Paragraph)] == [
        "No one gets this far alone.\n-- S. King"
    ]
    assert texts(story) == ["Text.", "More."]


def test_a_footnote_mark_without_a_definition_stays_text() -> None:
    story = read("# A\n\nSee [^1] and [^x] here.\n\n# B\n\nOk.\n")
    assert texts(story)[0] == "See [^1] and [^x] here."


def test_a_title_heading_with_a_by_line_above_same_level_chapters() -> None:
    text = "# The Long Road\n\nby Jane Doe\n\n# Chapter 1\n\nHe walked.\n\n# Chapter 2\n\nShe ran.\n"
    story = read(text)
    assert story.metadata.title == "The Long Road"
    assert story.metadata.authors == ("Jane Doe",)
    assert [ch.title for ch in story.chapters] == ["Chapter 1", "Chapter 2"]
    assert texts(story) == ["He walked.", "She ran."]


def test_prose_starting_with_by_under_a_title_stays_text() -> None:
    story = read(
        "# The Long Road\n\nBy the time he came, it was dark.\n\n## One\n\nText.\n\n## Two\n\nMore.\n"
    )
    assert story.metadata.authors == ()
    assert "By the time he came, it was dark." in texts(story)


def test_template_directive_lines_go_and_braces_in_prose_stay() -> None:
    # mdbook and Liquid directives on lines of their own are the site's machinery: dropped and named.
    text = "# A\n\nOne.\n\n{{#include notes.md}}\n\nTwo.\n\n{% include aside.html %}\n\n!{#copyright}\n"
    story = read(text)
    assert texts(story) == ["One.", "Two."] and not notes(story)
    assert "removed 3 template directives" in story.repairs
    # Braces in a sentence, or a line of braces without a directive's mark, are the writer's.
    kept = read("# A\n\nShe wrote {#1} on the board.\n\n{Sighs heavily}\n\n# B\n\nOk.\n")
    assert texts(kept)[:2] == ["She wrote {#1} on the board.", "{Sighs heavily}"]


def _wrapped_story(end: str) -> str:
    """A Markdown story (a heading, _emphasis_) hard-wrapped at 60 columns, each line ending in `end`."""
    para = (
        "The Dursleys did not take in their _nephew_ and start plotting all the ways they would keep his "
        "spirits down, or how they would keep him ignorant of his heritage. Dumbledore's note included no "
        "spells to create animosity, no injunctions to be strict. Petunia may have been sincerely displeased "
        "to see him on her doorstep, but her first reaction was to do reasonably decent by him."
    )
    lines = textwrap.wrap(para, 60)
    body = "\n\n".join("\n".join(line + end for line in lines) for _ in range(6))
    return f"# Chapter One\n\n{body}\n"


def test_trailing_spaces_a_hard_wrap_left_are_no_line_breaks() -> None:
    # Two spaces after a sentence (or an editor's) at a wrap point: the lines are one paragraph.
    story = read(_wrapped_story("  "))
    assert len(texts(story)) == 6 and all("\n" not in text for text in texts(story))
    assert texts(story) == texts(read(_wrapped_story("")))


def test_two_spaces_ending_a_short_line_in_a_wrapped_text_are_a_line_break() -> None:
    text = _wrapped_story("") + "\nYours,  \nAlbus Dumbledore\n"  # left alone: a short line, typed so
    assert texts(read(text))[-1] == "Yours,\nAlbus Dumbledore"


def test_trailing_spaces_after_a_rule_or_a_backslash_keep_what_the_line_is() -> None:
    lines = ["She came in.  ", "", "* * *  ", "", "He left,\\ ", "then came back.  ", "", "## The End  "]
    assert read_markdown(lines).lines == [
        "She came in.  ",  # a paragraph's end: nothing to break
        "",
        "* * *",
        "",
        f"He left,{LINE_BREAK}",
        "then came back.  ",
        "",
        "The End",
    ]
