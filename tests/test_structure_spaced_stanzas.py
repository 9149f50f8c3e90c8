"""Song lines pasted a paragraph apart are gathered into one stanza; short prose and titles stay apart."""

from __future__ import annotations

from ebookify.normalize.structure.raw import RawVerse
from ebookify.normalize.structure.structure import parse_structure

PROSE = (
    "Harry sat by the window of the common room and watched the rain run down the glass in long grey"
    " streaks, thinking about everything that had happened since the summer."
)
CHORUS = [
    "*So stay, stay with me tonight*",
    "*Don't let go until the morning light*",
    "*We can make it if we hold on tight*",
    "*Stay, stay with me tonight*",
]


def _blocks(lines: list[str]) -> list[object]:
    text = "\n\n".join([PROSE, *lines, PROSE])
    return list(parse_structure(text).chapters[0].blocks)


def test_a_chorus_pasted_one_line_a_paragraph_is_one_stanza() -> None:
    blocks = _blocks(['"I\'m not brooding," Harry said. "I\'m listening."', *CHORUS])
    verse = [b for b in blocks if isinstance(b, RawVerse)]
    assert len(verse) == 1 and [line for _, line in verse[0].lines] == CHORUS
    # The line of dialogue before the song stays the story's paragraph.
    assert blocks[1] == '"I\'m not brooding," Harry said. "I\'m listening."'


def test_short_sentences_speeches_and_titles_a_paragraph_apart_stay_paragraphs() -> None:
    sentences = ["He waited.", "Nothing happened.", "The clock struck nine.", "Then the door opened."]
    speeches = ['"Stay," she said.', '"Why?"', '"Because I asked."', '"That is no reason."']
    titles = ["The Boy Who Lived", "The Vanishing Glass", "The Letters from No One", "The Keeper of the Keys"]
    for lines in (sentences, speeches, titles):
        assert not any(isinstance(b, RawVerse) for b in _blocks(lines)), lines


def test_a_poem_double_spaced_keeps_its_set_in_lines_and_a_list_stays_a_list() -> None:
    stanza = [
        "The lonely sunsets flare forlorn",
        "  Down valleys dreadly desolate;",
        "The lordly mountains soar in scorn",
        "  As still as death, as stern as fate.",
    ]
    [verse] = [b for b in _blocks(stanza) if isinstance(b, RawVerse)]
    assert [level for level, _ in verse.lines] == [0, 1, 0, 1]
    resolves = [
        "* No more smokeing or chewing",
        "* Bath every other day",
        "* Read one improving book",
        "* Be better",
    ]
    assert not any(isinstance(b, RawVerse) for b in _blocks(resolves))
