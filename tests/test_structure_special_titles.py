"""A special heading's word under an untitled numbered chapter heading: that chapter's title."""

from __future__ import annotations

from ebookify.normalize.structure.structure import parse_structure

PARA = "She walked along the river for a long time, thinking about nothing at all."


def _book(last: str) -> str:
    chapters = "".join(f"CHAPTER {n}.\n\n{PARA}\n\n{PARA}\n\n\n\n" for n in ("I", "II", "III"))
    return f"Title: A Tale\nAuthor: Someone\n\n\n\n{chapters}{last}"


def test_a_conclusion_right_under_a_chapter_number_is_its_title() -> None:
    # Candide: "CHAPITRE XXX." / "Conclusion." was an empty chapter 30 and a chapter 31 "Conclusion".
    story = parse_structure(_book(f"CHAPTER IV.\n\nConclusion.\n\n\n{PARA}\n\n{PARA}\n"))
    assert [c.title for c in story.chapters][-1] == "CHAPTER IV: Conclusion"
    assert len(story.chapters) == 4 and len(story.chapters[-1].blocks) == 2


def test_an_epilogue_after_a_chapters_text_stays_its_own_chapter() -> None:
    story = parse_structure(_book(f"CHAPTER IV.\n\n{PARA}\n\n\n\nEPILOGUE\n\n{PARA}\n"))
    assert [c.title for c in story.chapters][-2:] == ["CHAPTER IV", "EPILOGUE"]
