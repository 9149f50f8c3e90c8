"""HTML fragments through the whole normalizer: paragraphs, styles, breaks, entities, no word lost."""

from __future__ import annotations

from ebookify.model import Paragraph, Quote, SceneBreak, Span, Story
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.options import NormalizeOptions

PLAIN = NormalizeOptions(smart_quotes=False)


def read(text: str) -> Story:
    return normalize_bytes(text.encode(), "story.txt", PLAIN)


def paragraphs(story: Story) -> list[Paragraph]:
    return [b for ch in story.chapters for b in ch.blocks if isinstance(b, Paragraph)]


def test_paragraph_tags_make_paragraphs_and_styles_are_kept() -> None:
    story = read(
        "<p>He was <i>so</i> tired,\nthough the day was <b>young</b>.</p>\n"
        "<p>She said &quot;go&quot; &amp; left.</p><p>Fine.</p>\n"
    )
    assert story.markup == "HTML (5 elements)"
    found = paragraphs(story)
    assert [p.text for p in found] == [
        "He was so tired, though the day was young.",
        'She said "go" & left.',
        "Fine.",
    ]
    assert found[0].spans == (
        Span("He was "),
        Span("so", "emphasis"),
        Span(" tired, though the day was "),
        Span("young", "strong"),
        Span("."),
    )


def test_line_breaks_rules_and_double_breaks() -> None:
    story = read("<p>Roses are red,<br>violets are blue.</p><hr><p>Next.<br/><br/>After.</p><p>End.</p>")
    blocks = story.chapters[0].blocks
    assert [b.text if isinstance(b, Paragraph) else "*" for b in blocks] == [
        "Roses are red,\nviolets are blue.",
        "*",
        "Next.",
        "After.",
        "End.",
    ]
    assert isinstance(blocks[1], SceneBreak)


def test_inline_tags_in_a_plain_text_layout_keep_its_paragraphs() -> None:
    story = read("He was <i>so</i> tired.\n\nShe <em>left</em>.\n\nHe slept.\n")
    assert [p.text for p in paragraphs(story)] == ["He was so tired.", "She left.", "He slept."]
    assert paragraphs(story)[1].spans[1] == Span("left", "emphasis")


def test_italics_across_paragraphs_close_and_reopen() -> None:
    story = read("<p><i>First thought.</p><p>Second thought.</i></p><p>Plain.</p>")
    styles = [[s.style for s in p.spans] for p in paragraphs(story)]
    assert styles == [["emphasis"], ["emphasis"], ["plain"]]


def test_unknown_tags_keep_their_words_and_scripts_go() -> None:
    story = read(
        '<div class="x"><span>Some <u>words</u></span> <a href="/a">linked</a>.</div>'
        "<script>var x = 1;</script><p>More.</p><p>Last.</p>"
    )
    assert [p.text for p in paragraphs(story)] == ["Some words linked.", "More.", "Last."]
    assert "removed 1 <script> element" in story.repairs


def test_blockquote_is_a_quote_block() -> None:
    story = read("<p>The note said:</p><blockquote><p>Meet me.</p><p>-- R</p></blockquote><p>He went.</p>")
    blocks = story.chapters[0].blocks
    assert isinstance(blocks[1], Quote)
    assert [b.text for b in blocks[1].blocks if isinstance(b, Paragraph)] == ["Meet me.", "-- R"]


def test_a_story_that_mentions_tags_keeps_them_as_text() -> None:
    text = "She typed <p> to start a paragraph.\n\nI <3 you, she wrote; a < b.\n"
    assert [p.text for p in paragraphs(read(text))] == [
        "She typed <p> to start a paragraph.",
        "I <3 you, she wrote; a < b.",
    ]


def test_bold_labels_and_definition_lists_read_as_a_header() -> None:
    story = read(
        "<p><b>Title:</b> The Long Road</p><p><b>Author:</b> Ann</p>"
        "<dl><dt>Rating:</dt><dd>Teen And Up Audiences</dd></dl>"
        "<p>He walked <b>far</b>.</p><p>She ran.</p>"
    )
    assert story.metadata.title == "The Long Road"
    assert story.metadata.authors == ("Ann",)
    assert story.metadata.rating == "Teen And Up Audiences"
    assert [p.text for p in paragraphs(story)] == ["He walked far.", "She ran."]
    assert paragraphs(story)[0].spans[1] == Span("far", "strong")


def test_a_quote_inside_a_quote_keeps_its_words_and_an_opening_quote_is_an_epigraph() -> None:
    prose = "He walked along the river for a long time, thinking about what she had said to him."
    story = read(
        "<blockquote><p>No one gets this far alone.</p></blockquote>"
        f"<p>{prose}</p><blockquote><p>You wrote:</p><blockquote><p>Come home.</p></blockquote></blockquote>"
        f"<p>{prose}</p><p>{prose}</p>"
    )
    assert [b.text for b in story.front_notes if isinstance(b, Paragraph)] == ["No one gets this far alone."]
    quote = story.chapters[0].blocks[1]
    assert isinstance(quote, Quote)
    assert [b.text for b in quote.blocks if isinstance(b, Paragraph)] == ["You wrote:", "Come home."]


def test_italics_attributed_with_a_thinking_verb_are_a_thought_and_plain_italics_stay_emphasis() -> None:
    story = read("<p><i>Why me?</i> she thought.</p><p>It was <i>so</i> cold.</p><p>End.</p>")
    first, second = paragraphs(story)[:2]
    assert first.spans[0] == Span("Why me?", "thought")
    assert second.spans[1] == Span("so", "emphasis")


def test_the_page_title_is_kept_as_a_field_and_the_head_is_not_text() -> None:
    story = read(
        "<html><head><title>The Long Road | Stories</title><style>p {color: red}</style></head>"
        "<body><p>He walked.</p><p>She ran.</p></body></html>"
    )
    assert ("Page title", "The Long Road | Stories") in story.metadata.fields
    assert [p.text for p in paragraphs(story)] == ["He walked.", "She ran."]
    assert "removed 1 <style> element" in story.repairs


def test_a_list_between_paragraphs_adds_no_wide_gap_and_a_typed_wide_gap_stays_one() -> None:
    # Markdown with HTML paragraphs (a fan-fiction archive's source): the text's own blank lines are read.
    head = "---\ntitle: Notes\nauthor: Someone\n---\n"
    paras = "".join(f"<p>Paragraph {n} of the story goes on.</p>\n\n" for n in range(6))
    listed = "<p>Two:</p>\n\n<ul>\n<li>a thing</li>\n<li>another</li>\n</ul>\n\n"
    story = read(head + paras + listed + paras)
    assert not any(isinstance(b, SceneBreak) for ch in story.chapters for b in ch.blocks)
    wide = read(head + paras + "\n\n" + paras)
    assert sum(isinstance(b, SceneBreak) for ch in wide.chapters for b in ch.blocks) == 1
