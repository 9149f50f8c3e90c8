"""YAML and TOML front matter as header fields, and the `---` lines that are scene breaks instead."""

from __future__ import annotations

from ebookify.normalize.markup.frontmatter import split_front_matter


def test_yaml_front_matter_fields_in_order_and_where_the_body_starts() -> None:
    lines = ["---", "title: Hope - Beauxbatons", "author: Jeconais", "layout: standard", "---", "The wind."]
    front = split_front_matter(lines)
    assert front is not None
    assert front.fields == (
        ("title", "Hope - Beauxbatons"),
        ("author", "Jeconais"),
        ("layout", "standard"),
    )
    assert lines[front.body_start] == "The wind."


def test_yaml_lists_quotes_folded_text_and_ao3_names() -> None:
    lines = [
        "---",
        'title: "Bloom: A Story"',
        "authors: [Ann, Bob]",
        "relationship:",
        "  - Harry/Draco",
        "  - Ron/Hermione",
        "archive_warning: No Archive Warnings Apply  # AO3",
        "summary: >",
        "  Harry finds a dragon",
        "  in the attic.",
        "---",
    ]
    front = split_front_matter(lines)
    assert front is not None
    assert dict(front.fields) == {
        "title": "Bloom: A Story",
        "authors": "Ann, Bob",
        "relationship": "Harry/Draco, Ron/Hermione",
        "Warnings": "No Archive Warnings Apply",
        "summary": "Harry finds a dragon in the attic.",
    }


def test_a_chapter_title_is_not_the_story_title() -> None:
    front = split_front_matter(["---", "title: Chapter 1", "author: Luke", "---", "Text."])
    assert front is not None
    assert front.fields[0] == ("Chapter title", "Chapter 1")


def test_toml_front_matter() -> None:
    front = split_front_matter(["+++", 'title = "Dune Days"', 'tags = ["a", "b"]', "+++", "Text."])
    assert front is not None
    assert front.kind == "TOML"
    assert front.fields == (("title", "Dune Days"), ("tags", "a, b"))


def test_prose_between_dividers_is_not_front_matter() -> None:
    assert split_front_matter(["---", "He ran. She hid.", "---", "Text."]) is None
    assert split_front_matter(["Text.", "---", "title: x", "---"]) is None
    assert split_front_matter(["+++", "not = toml = at all", "+++"]) is None


def test_a_yaml_null_is_no_field_and_a_quoted_null_is_the_word() -> None:
    lines = ["---", "title: Confessions", "notes: null", "mood: ~", "word: 'null'", "---", "Hi."]
    found = split_front_matter(lines)
    assert found is not None
    assert found.fields == (("title", "Confessions"), ("word", "null"))
