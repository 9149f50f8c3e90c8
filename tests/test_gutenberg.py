"""Project Gutenberg licence header and footer: split off as notes, with the header's fields kept."""

from __future__ import annotations

from ebookify.normalize.gutenberg import split_gutenberg

TEXT = [
    "The Project Gutenberg EBook of Tales, by Ann Author",
    "",
    "Title: Tales",
    "       Old and New",
    "",
    "Author: Ann Author",
    "",
    "*** START OF THIS PROJECT GUTENBERG EBOOK TALES ***",
    "",
    "",
    "",
    "",
    "Produced by Some Volunteers",
    "",
    "",
    "CHAPTER I.",
    "",
    "Once upon a time.",
    "",
    "End of the Project Gutenberg EBook of Tales",
    "",
    "*** END OF THIS PROJECT GUTENBERG EBOOK TALES ***",
    "",
    "The licence text.",
]


def test_licence_header_and_footer_are_split_off() -> None:
    split = split_gutenberg(TEXT)
    assert split.found
    assert split.fields == (("Title", "Tales: Old and New"), ("Author", "Ann Author"))
    assert [line for line in split.body if line] == ["CHAPTER I.", "Once upon a time."]
    assert "Produced by Some Volunteers" in split.header
    assert split.footer[0] == "End of the Project Gutenberg EBook of Tales"
    assert split.footer[-1] == "The licence text."


def test_text_without_markers_comes_back_whole() -> None:
    lines = ["Title: Mine", "", "A story about the Project Gutenberg START OF it all."]
    split = split_gutenberg(lines)
    assert not split.found
    assert split.body == tuple(lines) and split.header == () and split.footer == ()


def test_marker_deep_inside_a_story_is_not_a_licence_header() -> None:
    lines = ["A line of the story."] * 500 + ["*** START OF THE PROJECT GUTENBERG EBOOK X ***", "More."]
    assert not split_gutenberg(lines).found
