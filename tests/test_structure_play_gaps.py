"""Scene breaks in a play: a blank line between speeches is only space, the play judged over all its text."""

from __future__ import annotations

from ebookify.model import SceneBreak, Story
from ebookify.normalize.pipeline import normalize_bytes

_TALK = [("PEACHUM", "Through all the Employments of Life."), ("FILCH", "Sir, Black Moll hath sent word.")]
_CROWD = ["BEN", "MATT", "JEMMY", "CROOK", "WAT", "ROBIN", "NED", "HARRY"]


def _speeches(names: list[str]) -> str:
    return "\n".join(
        f"  {name}. Who is there here that would not die for his Friend, {name.title()}?" for name in names
    )


def _play() -> str:
    """Two scenes: a long talk between two speakers, then a crowd that each speak once, with a blank line
    among them (the text's speeches stand with none between them)."""
    talk = "\n".join(f"  {name}. {speech}" for _ in range(8) for name, speech in _TALK)
    crowd = f"{_speeches(_CROWD[:4])}\n\n{_speeches(_CROWD[4:])}"
    return f"SCENE I.\n\n{talk}\n\nSCENE II.\n\n{crowd}\n"


def _story() -> str:
    """The same layout in a story: two chapters of paragraphs, a blank line among the second's."""
    line = "  He looked at the Table, with Wine, Brandy, and Tobacco, and thought of his Friend."
    first = "\n".join([line] * 16)
    second = "\n".join([line] * 4)
    return f"CHAPTER I.\n\n{first}\n\nCHAPTER II.\n\n{second}\n\n{second}\n"


def _breaks(story: Story) -> int:
    return sum(isinstance(block, SceneBreak) for chapter in story.chapters for block in chapter.blocks)


def test_a_blank_line_inside_a_scene_of_a_play_is_no_scene_break() -> None:
    story = normalize_bytes(_play().encode(), "play.txt")
    assert len(story.chapters) == 2
    assert _breaks(story) == 0


def test_the_same_blank_line_in_a_story_is_a_scene_break() -> None:
    story = normalize_bytes(_story().encode(), "story.txt")
    assert len(story.chapters) == 2
    assert _breaks(story) == 1
