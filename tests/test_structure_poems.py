"""Titled items of a collection: poem titles set apart above their verse are the book's chapters."""

from __future__ import annotations

from ebookify.normalize.structure.structure import parse_structure

STANZA = (
    "The lonely sunsets flare forlorn\n  Down valleys dreadly desolate;\n"
    "The lordly mountains soar in scorn\n  As still as death, as stern as fate."
)
PARA = (
    "She walked along the river for a long time, thinking about nothing at all, until the light went"
    " and the water turned the colour of slate under the bridge."
)


def _titles(text: str) -> list[str | None]:
    return [chapter.title for chapter in parse_structure(text).chapters]


def _poem(title: str) -> str:
    return f"\n\n\n\n{title}\n\n\n\n" + "\n\n".join([STANZA] * 4)


def test_poem_titles_of_a_collection_are_chapters() -> None:
    poems = "".join(_poem(title) for title in ("The Land God Forgot", "The Spell of the Yukon", "Quatrains"))
    text = f"Title: Songs of a Sourdough\nAuthor: Robert W. Service\n{poems}"
    assert _titles(text) == ["The Land God Forgot", "The Spell of the Yukon", "Quatrains"]


def test_a_title_line_between_stanzas_of_a_story_is_text() -> None:
    # Mostly prose: the verse is quoted in a story, its title line is not a chapter.
    poems = "".join(_poem(title) for title in ("A Song", "Another Song", "A Third Song"))
    text = "\n\n".join([PARA] * 12) + poems + "\n\n" + "\n\n".join([PARA] * 12)
    assert _titles(text) == [None]


def test_a_title_set_as_close_as_a_stanza_is_not_a_poem_title() -> None:
    poems = "".join(f"\n\n{title}\n\n{STANZA}" for title in ("One Song", "Two Songs", "Three Songs"))
    assert _titles(f"Title: Songs\nAuthor: Robert W. Service\n{poems}") == [None]
