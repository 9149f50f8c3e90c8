"""A hypertext edition's anchor and label lines go; a text without the habit keeps every line."""

from __future__ import annotations

from ebookify.normalize.structure.anchors import drop_hypertext_marks

_PROSE = "  My father had a small estate in Nottinghamshire; I was the third"


def test_anchors_labels_and_heading_rules_of_a_hypertext_edition_go() -> None:
    lines = ["P_1|CH_1", "  CHAPTER I", "-", _PROSE]
    for number in (1, 2, 3):
        lines += [f"{' ' * 50}{{P_1|CH_{number} ^paragraph 5}}", _PROSE]
    kept, dropped = drop_hypertext_marks(lines)
    assert kept == ["  CHAPTER I", _PROSE, _PROSE, _PROSE, _PROSE]
    assert dropped == 5


def test_a_label_like_line_without_the_editions_anchors_stays() -> None:
    lines = ["B_2", "-", _PROSE, "{P_1|CH_1 ^paragraph 5}", _PROSE]
    assert drop_hypertext_marks(lines) == (lines, 0)


def test_a_rule_over_a_signature_set_far_right_keeps_its_space() -> None:
    signature = " " * 42 + "Richard Sympson."
    lines = [_PROSE, "-", signature]
    lines += [f"{' ' * 50}{{P_1|CH_{number} ^paragraph 5}}" for number in (1, 2, 3)]
    kept, _ = drop_hypertext_marks(lines)
    assert kept == [_PROSE, "", signature]
