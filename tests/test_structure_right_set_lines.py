"""A line set flush right in a text that indents its paragraphs ends its paragraph: the next one starts."""

from __future__ import annotations

from ebookify.normalize.structure.paragraphs import detect_layout, split_items

_SPEECH = [
    "  MATT. We retrench the Superfluities of Mankind. The World is avaritious,",
    "and I hate Avarice. A covetous fellow, like a Jackdaw, steals what he was",
    "never made to enjoy, for the sake of hiding it. These are the Robbers of",
    "Mankind, for Money was made for the Free-hearted and Generous, and where",
    "is the Injury of taking from another, what he hath not the Heart to use?",
]


def _texts(set_line: str) -> list[str]:
    lines = [*_SPEECH * 4, "  JAILOR. Four Women more, Captain, with a Child apiece! See, here they come."]
    lines += [set_line, "  MACHEATH. What----four Wives more!----This is too much----Here----tell the"]
    lines += ["Sheriff's Officers I am ready.", *_SPEECH]
    return [item.text for item in split_items(lines, detect_layout(lines))]


def test_a_direction_set_flush_right_is_a_line_of_its_own() -> None:
    texts = _texts(" " * 51 + "[Enter Women and Children.")
    assert texts[-3] == "[Enter Women and Children."
    assert texts[-2].startswith("MACHEATH. What")


def test_a_line_set_deep_but_short_of_the_right_edge_goes_on_as_before() -> None:
    texts = _texts(" " * 40 + "Enter Women.")
    assert texts[-2].startswith("Enter Women.\nMACHEATH. What")


def test_a_bracketed_direction_set_in_past_a_quarter_of_the_width_is_a_line_of_its_own() -> None:
    texts = _texts(" " * 29 + "[She takes up his Pistol.")
    assert texts[-3] == "[She takes up his Pistol."
    assert texts[-2].startswith("MACHEATH. What")
