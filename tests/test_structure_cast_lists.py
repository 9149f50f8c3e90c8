"""A cast list closing a chapter of a play names its persons: no speaker's label is read in it."""

from __future__ import annotations

from ebookify.model import Chapter, Paragraph, Span
from ebookify.normalize.structure.plays import Play
from ebookify.normalize.structure.speaker_labels import speaker_label
from ebookify.normalize.structure.speeches import set_play


def _play() -> Play:
    keys = [speaker_label(text) for text in ("Player. Well.", "Mrs. Peachum. Well.")]
    return Play(frozenset(label.key for label in keys if label is not None), parentheses=True)


def _styles(chapter: Chapter) -> list[list[str]]:
    return [[span.style for span in block.spans] for block in chapter.blocks if isinstance(block, Paragraph)]


def _chapter(*texts: str) -> Chapter:
    return Chapter(None, tuple(Paragraph((Span(text),)) for text in texts))


def test_names_in_a_cast_list_closing_a_chapter_are_no_labels_its_directions_stay() -> None:
    cast = _chapter("DRAMATIS PERSONAE", "Player.", "Mrs. Peachum.\nPolly Peachum.", "(The Scene is London.)")
    (out,), speeches, directions = set_play([cast], _play())
    assert _styles(out) == [["plain"], ["plain"], ["plain"], ["direction"]]
    assert (speeches, directions) == (0, 1)


def test_speeches_after_a_cast_heading_with_long_lines_keep_their_labels() -> None:
    speech = "Mrs. Peachum. Never was a Man more out of the way in an Argument than my Husband! Why, Polly?"
    (out,), speeches, _ = set_play([_chapter("DRAMATIS PERSONAE", "Player.", speech)], _play())
    assert _styles(out)[2][0] == "speaker"
    assert speeches >= 1
