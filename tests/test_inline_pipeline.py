"""Thoughts, emphasis and typography through the whole normalizer, with and without smart quotes."""

from __future__ import annotations

from ebookify.model import Paragraph, Span, Story
from ebookify.normalize.pipeline import normalize_bytes
from ebookify.options import NormalizeOptions

STORY = (
    b'"Go home," he said.\n\n'
    b"'Why are they doing this?' she thought to herself--and it was _so_ late...\n\n"
    b'"Fine," she said.\n'
)


def body_spans(story: Story) -> list[tuple[Span, ...]]:
    return [b.spans for ch in story.chapters for b in ch.blocks if isinstance(b, Paragraph)]


def find_paragraph(story: Story, word: str) -> tuple[Span, ...]:
    [spans] = [spans for spans in body_spans(story) if word in "".join(s.text for s in spans)]
    return spans


def test_smart_quotes_on_curls_thoughts_and_drops_markers() -> None:
    spans = find_paragraph(normalize_bytes(STORY, "story.txt"), "thought")
    assert spans == (
        Span("‘Why are they doing this?’", "thought"),
        Span(" she thought to herself—and it was "),
        Span("so", "emphasis"),
        Span(" late…"),
    )


def test_no_smart_quotes_keeps_the_typed_characters_but_still_styles() -> None:
    story = normalize_bytes(STORY, "story.txt", NormalizeOptions(smart_quotes=False))
    spans = find_paragraph(story, "thought")
    assert spans == (
        Span("'Why are they doing this?'", "thought"),
        Span(" she thought to herself--and it was "),
        Span("so", "emphasis"),
        Span(" late..."),
    )
    assert find_paragraph(story, "home")[0].text == '"Go home," he said.'


def test_repairs_name_split_speakers_and_unpaired_markers() -> None:
    story = normalize_bytes(
        b'"I tried," she said at last, quietly. "I know," he said.\n\nThen *sigh she left.\n', "story.txt"
    )
    assert [b.text for ch in story.chapters for b in ch.blocks if isinstance(b, Paragraph)] == [
        "“I tried,” she said at last, quietly.",
        "“I know,” he said.",
        "Then *sigh she left.",
    ]
    assert any("split two speakers' lines apart" in repair for repair in story.repairs)
    assert any("unpaired emphasis marker kept as text: “Then *sigh" in repair for repair in story.repairs)
