"""Illustration captions of printed books set as captions, every word kept; bracketed prose left alone."""

from __future__ import annotations

from ebookify.inspect import block_to_dict
from ebookify.model import Paragraph, Span
from ebookify.normalize.matter.captions import caption, is_caption
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.options import NormalizeOptions
from ebookify.render.html import blocks_html


def test_bracketed_illustration_marks_are_captions() -> None:
    assert is_caption("[Illustration: Der Student]")
    assert is_caption("[Illustration]")
    assert is_caption("[Illustration: “I HAVE WAITED\nALL THESE YEARS”]")
    assert is_caption("[Frontispiece: The Old Mill]")
    shown = caption(Paragraph((Span("[Illustration: "), Span("Der Student", "emphasis"), Span("]"))))
    assert shown == Paragraph((Span("Illustration: "), Span("Der Student", "emphasis")), "caption")


def test_prose_that_mentions_an_illustration_is_text() -> None:
    for text in (
        "He pointed at the [Illustration] in the margin and laughed.",
        "[Transcriber's note: the illustrations are missing.]",
        "[Illustration: one] and [Illustration: two]",
        "Illustration: Der Student",
    ):
        assert not is_caption(text), text
        assert caption(Paragraph((Span(text),))).role == "text"


def test_a_caption_in_a_story_is_set_apart_in_the_model_inspect_and_the_writers() -> None:
    text = "It began in March.\n\n[Illustration: The old mill]\n\nThe mill was older than the town.\n"
    story = normalize_bytes(text.encode(), "story.txt", NormalizeOptions(smart_quotes=False))
    blocks = story.chapters[0].blocks
    assert [b.role for b in blocks if isinstance(b, Paragraph)] == ["text", "caption", "text"]
    assert block_to_dict(blocks[1])["role"] == "caption"
    # The paragraph after a caption is not indented, as after a scene break.
    assert blocks_html(blocks) == (
        '<p class="first">It began in March.</p>\n<p class="caption">Illustration: The old mill</p>\n'
        '<p class="first">The mill was older than the town.</p>'
    )


def test_a_bare_illustration_mark_is_no_paragraph_but_a_quiet_mark_with_its_word() -> None:
    text = "It began in March.\n\n[Illustration]\n\nThe mill was older than the town.\n"
    story = normalize_bytes(text.encode(), "story.txt", NormalizeOptions(smart_quotes=False))
    blocks = story.chapters[0].blocks
    assert [b.role for b in blocks if isinstance(b, Paragraph)] == ["text", "illustration", "text"]
    assert block_to_dict(blocks[1]) == {
        "type": "illustration",
        "spans": [{"text": "Illustration", "style": "plain"}],
    }
    assert '<p class="illustration">Illustration</p>\n<p class="first">' in blocks_html(blocks)
    # A mark with its caption stays a caption, a paragraph of its own.
    assert caption(Paragraph((Span("[Illustration: The mill.]"),))).role == "caption"
    assert caption(Paragraph((Span("[Illustration of a Pike]"),))).role == "caption"
