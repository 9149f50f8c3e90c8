"""Scene breaks: divider lines and wide blank-line gaps, never at a chapter's edges, never doubled."""

from __future__ import annotations

import textwrap

import pytest

from ebookify.model import SceneBreak
from ebookify.normalize.structure.scenes import is_divider, normal_gap
from ebookify.normalize.structure.structure import parse_structure


@pytest.mark.parametrize(
    "line",
    [
        "***", "* * *", "~~~", "---", "___", "###", "+++", "=====", "xXx", "XxXxX", "oOo", "-o-o-o-",
        "       *       *       *       *       *", "Line Break", "[scene break]", "~Time Skip~", "⁂", "❦",
        "*", "o0o", "-x-x-x-", "-" * 72, "= " * 40,
    ],
)  # fmt: skip
def test_divider_lines(line: str) -> None:
    assert is_divider(line)


@pytest.mark.parametrize(
    "line",
    [
        "...",
        "…",
        "?!",
        "^_^",
        "-_-",
        "xoxo",
        "xxx",
        "Ooo",
        "-",
        "Line breaks are hard to place.",
        "." * 72,
        "x" * 72,
        "-" * 70 + "Line break",
        "Scene",
        "OK",
    ],
)
def test_lines_that_are_not_dividers(line: str) -> None:
    assert not is_divider(line)


def _blocks(text: str) -> list[object]:
    return [block for chapter in parse_structure(text).chapters for block in chapter.blocks]


def test_gap_wider_than_usual_is_a_scene_break() -> None:
    text = "One.\n\nTwo.\n\n\n\nThree.\n\nFour."
    assert _blocks(text) == ["One.", "Two.", SceneBreak(), "Three.", "Four."]


def test_usual_gaps_are_not_scene_breaks() -> None:
    assert _blocks("One.\n\n\nTwo.\n\n\nThree.\n\n\nFour.") == ["One.", "Two.", "Three.", "Four."]


def test_any_blank_line_breaks_scenes_when_paragraphs_touch() -> None:
    text = "One is a line.\nTwo is a line.\nThree is a line.\n\nFour is a line.\nFive is a line."
    blocks = _blocks(text)
    assert blocks.count(SceneBreak()) == 1 and blocks.index(SceneBreak()) == 3


def test_divider_becomes_one_scene_break() -> None:
    assert _blocks("One.\n\n* * *\n\n\n\nTwo.\n\nxXx\n\nThree.") == [
        "One.",
        SceneBreak(),
        "Two.",
        SceneBreak(),
        "Three.",
    ]


def test_dividers_at_the_edges_and_before_a_heading_are_dropped() -> None:
    text = "***\n\nOne.\n\n~~~\n\nChapter 2\n\nTwo.\n\n***"
    story = parse_structure(text)
    assert [chapter.blocks for chapter in story.chapters] == [("One.",), ("Two.",)]
    assert story.chapters[1].title == "Chapter 2"


def test_normal_gap_is_the_most_common_gap() -> None:
    assert normal_gap([1, 1, 2, 1, 4]) == 1
    assert normal_gap([0, 0, 1, 0]) == 0
    assert normal_gap([]) == 1


def test_wide_gaps_between_stanzas_around_a_heading_or_in_a_conversation_are_not_breaks() -> None:
    stanza = "Over the hills and far away\nThe piper played his merry tune\nAnd all the children ran that day"
    text = f"One is here.\n\n{stanza}\n\n\n\n{stanza}\n\nTwo is here."
    assert SceneBreak() not in _blocks(text)
    assert SceneBreak() not in _blocks("One is here.\n\nTHE END\n\n\n\nTwo is here.")
    assert SceneBreak() not in _blocks('"Are you there?"\n\n"Yes."\n\n\n\n"Good."\n\nThey left.')
    assert SceneBreak() not in _blocks("She sang this:--\n\n\n\nNothing is here.\n\nOne more.")


def test_spaced_dividers_are_breaks_and_never_text() -> None:
    for divider in ("- - - -", "* * * * *", "~ ~ ~", ":.:.:.:"):
        blocks = _blocks(f"One is here.\n\n{divider}\n\nTwo is here.")
        assert blocks == ["One is here.", SceneBreak(), "Two is here."], divider


def test_gaps_in_a_play_under_a_heading_and_after_an_attribution_are_not_breaks() -> None:
    speeches = "\n\n".join(f"Der Prinz. Line {n} is here.\n\nConti. Answer {n} is here." for n in range(4))
    assert SceneBreak() not in _blocks(speeches.replace("\n\nConti. Answer 2", "\n\n\n\nConti. Answer 2"))
    framed = "Conti. Der Prinz.\n\n\n\nThe prince sat down. He was tired.\n\nHe slept."
    assert SceneBreak() not in _blocks(framed)
    poem = "One is here.\n\n  Over the hills and far away\n  The piper played a tune\n  And all ran\n\nG.J."
    assert SceneBreak() not in _blocks(poem + "\n\n\n\nTwo is here.\n\nThree is here.")


def test_a_wide_gap_between_two_paragraphs_of_prose_is_still_a_break() -> None:
    text = "One is here.\n\nTwo is here.\n\n\n\nThree is here.\n\nFour is here."
    assert _blocks(text).count(SceneBreak()) == 1


def test_a_wide_gap_before_a_letters_dateline_is_no_break_but_one_before_prose_is() -> None:
    letter = "Ich habe allerlei Bekanntschaft gemacht, Gesellschaft habe ich noch keine gefunden."
    for dateline in ("Am 10. Mai", "July 7th, 17--.", "St. Petersburgh, Dec. 11th, 17--."):
        text = f"{letter}\n\n{letter}\n\n\n\n{dateline}\n\n{letter}\n\n{letter}\n"
        blocks = parse_structure(text).chapters[0].blocks
        assert not any(isinstance(b, SceneBreak) for b in blocks), dateline
    # A sentence about a date is no dateline: the space above it is a break.
    sentence = "We are to be married on 28 September."
    text = f"{letter}\n\n{letter}\n\n\n\n{sentence}\n\n{letter}\n\n{letter}\n"
    assert any(isinstance(b, SceneBreak) for b in parse_structure(text).chapters[0].blocks)


def test_a_speech_running_over_paragraphs_is_not_broken_by_a_wide_gap() -> None:
    told = '"It left me also in the dark," replied Legrand, "for a few days; during which I made inquiry.'
    goes_on = '"I offered to pay her well for her trouble, and, after some demur, she consented."'
    narration = "We walked home along the beach without a word, and the night came down on us."
    blocks = _blocks(f"{narration}\n\n{told}\n\n\n\n{goes_on}\n\n{narration}\n")
    assert not any(isinstance(b, SceneBreak) for b in blocks)
    # A quotation closed before the gap leaves the gap to the narration: a break.
    closed = told + '"'
    assert SceneBreak() in _blocks(f"{narration}\n\n{closed}\n\n\n\n{narration}\n\n{narration}\n")


def test_what_a_colon_announces_is_set_off_above_and_below_and_a_label_line_frames_no_break() -> None:
    narration = (
        "It is difficult to tell you how I felt as I read these words, and I suppose my face showed it."
    )
    inscription = '"Guests and neighbours, on the site of this Guest-hall once stood the lecture-room."'
    blocks = _blocks(f"{narration}\n\nThus it ran:\n\n\n\n{inscription}\n\n\n\n{narration}\n\n{narration}\n")
    assert not any(isinstance(b, SceneBreak) for b in blocks)
    assert not any(
        isinstance(b, SceneBreak)
        for b in _blocks(f"{narration}\n\n{narration}\n\n\n\nFootnotes:\n\n{narration}\n")
    )
    # Without the colon the same gap after a paragraph is a break.
    assert SceneBreak() in _blocks(f"{narration}\n\nThus it ran.\n\n\n\n{narration}\n\n{narration}\n")


def test_a_dictionary_sets_its_entries_apart_with_wide_gaps_which_are_no_breaks() -> None:
    words = ["ABASEMENT", "ABATIS", "KING'S EVIL", "ABDOMEN", "ABILITY", "ABNORMAL"]
    entries = [f"{word}, n.  A thing that is said about it.\n\nAn example of it." for word in words]
    assert SceneBreak() not in _blocks("\n\n\n".join(entries))
    # Wide gaps before prose that opens otherwise are still breaks.
    scenes = [f"Scene {n} opens here with a sentence.\n\nAnd it goes on a while." for n in range(6)]
    assert _blocks("\n\n\n".join(scenes)).count(SceneBreak()) == 5


def test_a_stretch_set_with_the_wide_gap_throughout_has_no_breaks_but_a_lone_wide_gap_is_one() -> None:
    prose = "The house was quiet when we came home from the station that evening."
    normal = f"{prose}\n\n{prose}\n\n{prose}\n\n{prose}\n\n"
    letter = "\n\n\n".join(["Dear Marmee,", prose, prose, prose, prose])
    blocks = _blocks(f"{normal}\n{letter}\n\n\n{normal}")
    assert SceneBreak() not in blocks
    # Two wide gaps in a row (a one-paragraph scene) are still two breaks.
    blocks = _blocks(f"{normal}\n\n{prose}\n\n\n\n{normal}")
    assert blocks.count(SceneBreak()) == 2


def test_a_line_set_off_with_the_sentence_running_on_in_lower_case_is_no_break() -> None:
    prose = "She sang to them every night, and they all knew the song by heart."
    song = f"{prose}\n\n{prose}\n\nCrinkle, crinkle, little star,"
    text = f"{song}\n\n\n\nand it had become a custom.\n\n{prose}"
    assert SceneBreak() not in _blocks(text)
    # A new sentence after the wide gap is a break.
    text = f"{song}\n\n\n\nThe next morning was grey.\n\n{prose}"
    assert SceneBreak() in _blocks(text)


def test_a_name_closing_a_section_after_a_wide_gap_is_a_signature_but_a_sentence_is_a_last_scene() -> None:
    prose = "As for any further particulars, the reader will find them in the first pages of the book."
    text = f"{prose}\n\n{prose}\n\n\n\nRichard Sympson."
    assert SceneBreak() not in _blocks(text)
    text = f"{prose}\n\n{prose}\n\n\n\nJon fell asleep early Friday night."
    assert SceneBreak() in _blocks(text)


def test_the_space_around_an_inset_in_an_indented_text_is_no_break() -> None:
    para = ["  He read the paper aloud to us while we sat by the fire", "and listened to every word."] * 4
    inset = ["", '      "Wire received. Coming down with unsigned', '    warrant. Arrive five-forty."', ""]
    after = ['  "That is in answer to mine," said he, and lit his pipe', "again before he went on."]
    blocks = _blocks("\n".join([*para, *inset, *after, *para]))
    assert SceneBreak() not in blocks
    # The same gap between two paragraphs at the text's own indent is a break.
    blocks = _blocks("\n".join([*para, "", *after, *para]))
    assert blocks.count(SceneBreak()) == 1


_WRAPPED = (
    "Candide ne s'arreta dans Bordeaux qu'autant de temps qu'il en fallait\n"
    "pour vendre quelques cailloux du Dorado, et pour s'accommoder d'une\n"
    "bonne chaise a deux places; car il ne pouvait plus se passer de son\n"
    "philosophe Martin; il fut seulement tres fache de se separer de son\n"
    "mouton, qu'il laissa a l'academie des sciences de Bordeaux."
)


def test_a_wide_gap_framing_a_block_set_in_from_the_margin_is_no_break_but_one_between_flush_prose_is() -> (
    None
):
    note = (
        "  [1] Ce chapitre a ete beaucoup augmente en 1761; voyez ma note,\n"
        "  plus en bas, sur les editions de Kehl et sur celle de 1759.  B."
    )
    text = f"{_WRAPPED}\n\n{_WRAPPED}\n\n{note}\n\n\n\n{_WRAPPED}\n\n{_WRAPPED}"
    assert SceneBreak() not in _blocks(text)
    text = f"{_WRAPPED}\n\n{_WRAPPED}\n\n\n\n{_WRAPPED}\n\n{_WRAPPED}"
    assert SceneBreak() in _blocks(text)


def test_a_flush_paragraph_after_a_wide_gap_in_an_indented_text_is_still_a_break() -> None:
    indented = "    " + _WRAPPED
    text = f"{indented}\n\n{indented}\n\n\n\n{_WRAPPED}\n\n{indented}"
    assert SceneBreak() in _blocks(text)


def test_a_rule_the_full_width_of_the_text_is_a_scene_break_or_an_underline() -> None:
    # A 72-column rule of dashes between paragraphs (Gutenberg's Gatsby) breaks the scene; under a heading
    # it only underlines it.
    rule = "-" * 72
    text = f"Chapter 1\n{rule}\n\nOne.\n\n{rule}\n\nTwo."
    story = parse_structure(text)
    assert [chapter.blocks for chapter in story.chapters] == [("One.", SceneBreak(), "Two.")]


P = "He walked along the river for a long time and thought about nothing at all until the light went."


def test_gaps_around_an_address_a_placeholder_or_a_title_with_a_full_stop_are_not_breaks() -> None:
    # A dedication's heading over "SIR,", a song's score left out, a title printed with its full stop.
    address = (
        f"{P}\n\n{P}\n\n\n\nTo the Right Worshipful JOHN OFFLEY, My most honoured Friend.\n\n\nSIR,\n\n{P}"
    )
    assert SceneBreak() not in _blocks(address)
    placeholder = f"{P}\n\n{P}\n\n\n[Illustration: Song with notes]\n\n\n{P}\n\n{P}"
    assert SceneBreak() not in _blocks(placeholder)
    title = f"{P}\n\n{P}\n\n\n\nThe Complete ANGLER.\n\n{P}\n\n{P}"
    assert SceneBreak() not in _blocks(title)
    # A short sentence ("Three.", "He ran.") after a wide gap is a short paragraph of a new scene.
    assert _blocks(f"{P}\n\n{P}\n\n\n\nHe ran.\n\n{P}\n\n{P}").count(SceneBreak()) == 1


def test_the_wide_gap_under_a_chapters_epigraph_of_single_lines_is_no_break() -> None:
    # A text wrapped at 70 (Middlemarch): the couplet's first line ends on a colon, so its lines are two.
    prose = "\n\n".join(
        textwrap.fill(f"Paragraph {n} " + "goes on and on about the town. " * 6, 70) for n in range(4)
    )
    couplet = "Let the high Muse chant loves Olympian:\nWe are but mortals, and must sing of man."
    assert SceneBreak() not in _blocks(f"{couplet}\n\n\n{prose}")
    # Two paragraphs of one line set apart by the usual blank line are no epigraph: the wide gap after them
    # is a break.
    assert _blocks(f"She came in.\n\nHe left.\n\n\n{prose}").count(SceneBreak()) == 1


def test_wide_gaps_framing_a_numbered_list_are_no_breaks() -> None:
    intro = "I have made for the Reader a table of what each chapter holds, which follows here below."
    after = "These directions the Reader may take as an ease in his search for a fish."

    def text(numbers: tuple[int, ...], stop: str) -> str:
        said = "are some observations of the fish called the Trout, and of its breeding"
        listed = "\n\n".join(f"In chap. {n}{stop} {said}." for n in numbers)
        # Prose around it, so that the items opening alike do not read as a play's speeches.
        return f"{intro}\n\n" * 4 + f"\n\n{listed}\n\n\n\n" + f"{after}\n\n" * 4

    assert SceneBreak() not in _blocks(text((3, 4, 5, 6), "."))
    # Numbers that do not count up one by one, or stand without a stop, make no list.
    assert _blocks(text((3, 5, 9, 11), ".")).count(SceneBreak()) == 2
    assert _blocks(text((3, 4, 5, 6), "")).count(SceneBreak()) == 2
