"""Structure of the real inputs: the two fan-fiction stories and the three Project Gutenberg novels."""

from __future__ import annotations

from ebookify.model import SceneBreak
from ebookify.normalize.structure.raw import RawBlock, RawStory
from ebookify.normalize.structure.structure import parse_structure

from .conftest import DATA


def _gutenberg(name: str) -> RawStory:
    text = (DATA / "gutenberg" / name).read_bytes().decode("latin-1").replace("\r\n", "\n")
    return parse_structure(text)


def _text(block: RawBlock) -> str:
    assert isinstance(block, str), block
    return block


def _paragraphs(story: RawStory) -> list[str]:
    return [block for chapter in story.chapters for block in chapter.blocks if isinstance(block, str)]


def test_goodbye_header_scene_breaks_and_closing_note() -> None:
    story = parse_structure((DATA / "goodbye-my-almost-lover.txt").read_text(encoding="utf-8"))
    assert dict(story.fields)["Genre"] == "Romance/Hurt/Comfort."
    assert len(story.chapters) == 1
    blocks = story.chapters[0].blocks
    assert blocks.count(SceneBreak()) == 2
    assert _text(blocks[0]).startswith("It was a strange setting")
    assert blocks[-1] == '"Can\'t breathe..." Kakashi wheezed.'
    assert story.end_notes[0] == "Gah, It took on a life of it's own."
    assert story.end_notes[-1] == "But please review anyways! (:"


def test_change_of_plans_title_preface_and_split_dialogue() -> None:
    story = parse_structure((DATA / "change-of-plans.txt").read_text(encoding="utf-8"))
    assert story.fields == (("Title", "Change of Plans"),)
    assert _text(story.front_notes[0]).startswith("This is basically what would happen")
    assert _text(story.end_notes[0]).startswith("So if you liked it please tell me")
    paragraphs = _paragraphs(story)
    assert 100 <= len(paragraphs) <= 125
    assert any(p.startswith('"I\'ll try to remember that," she replied') for p in paragraphs)
    assert any(p.startswith('"Thank you," she replied, "but you on the other hand') for p in paragraphs)


def test_jack_sheppard_has_three_epochs_of_chapters() -> None:
    story = _gutenberg("jack-sheppard-16215-8.txt")  # its time: benchmarks/bench_inspect.py (under 1 s)
    titles = [chapter.title or "" for chapter in story.chapters]
    # The epochs are parts that hold the chapters, numbered afresh in each.
    epochs = [chapter.part for chapter in story.chapters]
    assert sorted(set(epochs), key=epochs.index) == [
        "EPOCH THE FIRST: 1703. JONATHAN WILD",
        "EPOCH THE SECOND: 1715. THAMES DARRELL",
        "EPOCH THE THIRD: 1724. THE PRISON-BREAKER",
    ]
    assert [epochs.count(epoch) for epoch in sorted(set(epochs), key=epochs.index)] == [7, 19, 32]
    assert all(t.startswith("CHAPTER") for t in titles)
    assert titles[0] == "CHAPTER I: The Widow and her Child"
    assert "CHAPTER VI: The first Step towards the Ladder" in titles
    # The running title under the first epoch's heading is set apart on the part's page.
    assert list(story.chapters[0].front_notes) == ["JACK SHEPPARD."]
    # Unwrapped: the opening paragraph is one paragraph, not 15 lines.
    opening = _text(story.chapters[0].blocks[0])
    assert opening.startswith("On the night of Friday") and "\n" not in opening
    assert dict(story.fields)["Author"] == "William Harrison Ainsworth"
    # The printed contents list (paper page numbers) is dropped; its lines stay in a hidden field.
    assert not any("CONTENTS" in _text(note) for note in story.front_notes)
    assert dict(story.fields)["Printed contents"].startswith("CONTENTS.")


def test_katrine_roman_chapters_after_a_contents_list() -> None:
    story = _gutenberg("katrine-14263-8.txt")
    titles = [chapter.title for chapter in story.chapters]
    assert titles[:3] == ["PREFACE", "I. UNDER THE SOUTHERN PINES", "II. THE MEETING IN THE WOODS"]
    assert len(titles) == 29 and titles[-1] == "XXVIII. UNDER THE SOUTHERN PINES ONCE MORE"
    poem = next(_text(note) for note in story.front_notes if "Dear and great Friend" in _text(note))
    assert poem.count("\n") == 5 and poem.endswith("for the land was thine!_")
    # The licence header and footer are the colophon at the back, never in the front matter or end notes.
    assert not any("Project Gutenberg" in _text(note) for note in (*story.front_notes, *story.end_notes))
    ends = [_text(note) for note in story.colophon]
    assert any(text.startswith("The Project Gutenberg EBook of Katrine") for text in ends)
    assert any(text.startswith("End of the Project Gutenberg EBook of Katrine") for text in ends)


def test_little_colonel_chapters_and_no_play_acts() -> None:
    story = _gutenberg("little-colonel-15122-8.txt")
    titles = [chapter.title or "" for chapter in story.chapters]
    assert len(titles) == 16 and titles[0] == "CHAPTER I: HER TWELFTH BIRTHDAY"
    assert titles[12] == 'CHAPTER XIII: "THE RESCUE OF THE PRINCESS WINSOME"'
    assert not any(t.startswith("ACT") for t in titles)


def test_gutenberg_licence_fields_and_subtitle() -> None:
    story = _gutenberg("jack-sheppard-16215-8.txt")
    fields = dict(story.fields)
    assert fields["Title"] == "Jack Sheppard: A Romance"
    assert fields["Language"] == "English"
    # The footer's own closing line stays; the "*** END OF ... ***" marker is machinery and goes.
    assert any(_text(note).startswith("End of Project Gutenberg") for note in story.colophon)
    assert not any(_text(note).startswith("*** END OF") for note in story.colophon)
